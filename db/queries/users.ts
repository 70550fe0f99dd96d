import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { users, type NewUser, type User } from "../schema";
import { deleteUserSessions } from "./sessions";
import { swedishSortKey } from "@/lib/format/sort";

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    byId: db.query.users
      .findFirst({ where: eq(users.id, sql.placeholder("id")), with: { organisation: true } })
      .prepare(),
    byEmail: db.query.users.findFirst({ where: eq(users.email, sql.placeholder("email")) }).prepare(),
  };
}
function statements(db: Db) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Read on every request that needs the signed-in user: a prepared statement on the primary key. */
export function getUserById(db: Db, id: number) {
  return statements(db).byId.get({ id }) ?? null;
}

export function getUserByEmail(db: DbOrTx, email: string): User | null {
  // Inside a transaction the prepared statement of the connection would do too, but the handle is not a Db.
  if (!("$client" in db)) return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get() ?? null;
  return statements(db as Db).byEmail.get({ email: normaliseEmail(email) }) ?? null;
}

export function createUser(db: DbOrTx, input: Omit<NewUser, "sortName" | "id">): User {
  return db
    .insert(users)
    .values({ ...input, email: normaliseEmail(input.email), sortName: swedishSortKey(input.name) })
    .returning()
    .get();
}

/** A successful sign-in: the last one becomes the previous one (shown on /konto), this one the last. */
export function recordSignIn(db: DbOrTx, id: number, at = new Date()): void {
  db.update(users)
    .set({ previousSignedInAt: sql`${users.lastSignedInAt}`, lastSignedInAt: at })
    .where(eq(users.id, id))
    .run();
}

/**
 * Changes an account's name, role, organisation or disabled flag; the caller writes the audit event in `db`'s
 * transaction. Disabling the account, or changing its role or organisation, ends all its sessions on the server in
 * the same statement group: whoever holds them signs in again and gets what the account is now.
 */
export function updateUser(
  db: DbOrTx,
  id: number,
  patch: Partial<Pick<User, "name" | "role" | "organisationId" | "disabled">>,
): User | null {
  const set = patch.name === undefined ? patch : { ...patch, sortName: swedishSortKey(patch.name) };
  const before = db.select({ role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.id, id)).get();
  const user = db.update(users).set(set).where(eq(users.id, id)).returning().get() ?? null;
  if (user && before && (user.disabled || user.role !== before.role || user.organisationId !== before.organisationId)) {
    deleteUserSessions(db, id);
  }
  return user;
}

/** Stores a new password hash; the caller ends the sessions it should and writes the audit event in the transaction. */
export function setPasswordHash(db: DbOrTx, id: number, passwordHash: string, at = new Date()): void {
  db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, id)).run();
}
