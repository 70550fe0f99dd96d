import { and, asc, eq, exists, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { organisations, users, type NewUser, type Role, type User } from "../schema";
import { deleteUserSessions } from "./sessions";
import { userColumns } from "./user-columns";
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

/**
 * The password_hash of an account whose user has not chosen a password yet (an invitation is open). It is no argon2
 * hash, so no password ever verifies against it (lib/auth/password.ts), and the column stays NOT NULL.
 */
export const UNUSABLE_PASSWORD_HASH = "!no-password-yet";

export function hasChosenPassword(user: Pick<User, "passwordHash">): boolean {
  return user.passwordHash !== UNUSABLE_PASSWORD_HASH;
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
  options: { expectedVersion?: number; at?: Date } = {},
): User | null {
  const set = {
    ...(patch.name === undefined ? patch : { ...patch, sortName: swedishSortKey(patch.name) }),
    version: sql`${users.version} + 1`,
    updatedAt: options.at ?? new Date(),
  };
  const before = db.select({ role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.id, id)).get();
  // The version the form carried is in the WHERE, so the check and the write are one step (null: changed meanwhile).
  const where = options.expectedVersion === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, options.expectedVersion));
  const user = db.update(users).set(set).where(where).returning().get() ?? null;
  if (user && before && (user.disabled || user.role !== before.role || user.organisationId !== before.organisationId)) {
    deleteUserSessions(db, id);
  }
  return user;
}

/** Stores a new password hash; the caller ends the sessions it should and writes the audit event in the transaction. */
export function setPasswordHash(db: DbOrTx, id: number, passwordHash: string, at = new Date()): void {
  db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, id)).run();
}

// ---------------------------------------------------------------- the user list (/anvandare)

export const USER_PAGE_SIZE = 50;

export type UserListFilter = {
  search?: string;
  role?: Role;
  organisationId?: number;
  /** true: only disabled accounts; false: only enabled ones; undefined: both. */
  disabled?: boolean;
};

export type UserListRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  disabled: boolean;
  activated: boolean;
  lastSignedInAt: Date | null;
};

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function userListWhere(filter: UserListFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.organisationId !== undefined) conditions.push(eq(users.organisationId, filter.organisationId));
  if (filter.disabled !== undefined) conditions.push(eq(users.disabled, filter.disabled));
  const search = filter.search?.trim();
  if (search) {
    // The name through its Swedish sort key (case and accents folded as the list sorts), the address lower-cased.
    const byName = sql`${users.sortName} LIKE ${likeContains(swedishSortKey(search))} ESCAPE '\\'`;
    const byEmail = sql`${users.email} LIKE ${likeContains(search.toLowerCase())} ESCAPE '\\'`;
    conditions.push(or(byName, byEmail)!);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * One page of accounts in Swedish name order (sort_name; with a role or disabled filter the (role, sort_name) and
 * (disabled, sort_name) indexes), with the number that match. An organisation filter reads users_organisation_idx.
 */
export function listUsers(db: DbOrTx, filter: UserListFilter, page: number, pageSize = USER_PAGE_SIZE): { rows: UserListRow[]; total: number } {
  const where = userListWhere(filter);
  const total = db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      ...userColumns,
      disabled: users.disabled,
      activated: sql<number>`${users.passwordHash} <> ${UNUSABLE_PASSWORD_HASH}`,
      lastSignedInAt: users.lastSignedInAt,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(asc(users.sortName), asc(users.id))
    .limit(pageSize)
    .offset((Math.max(page, 1) - 1) * pageSize)
    .all();
  return { rows: rows.map((r) => ({ ...r, activated: Boolean(r.activated) })), total };
}

/** The organisations that have accounts, in Swedish order: the list's organisation filter. */
export function listOrganisationsWithUsers(db: DbOrTx): { id: number; name: string }[] {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(exists(db.select({ one: sql`1` }).from(users).where(and(isNotNull(users.organisationId), eq(users.organisationId, organisations.id)))))
    .orderBy(asc(organisations.sortName))
    .all();
}

/** Every registered organisation a coordinator may belong to, in Swedish order (the forms' organisation choice). */
export function listOrganisationChoices(db: DbOrTx, limit = 5000): { id: number; name: string }[] {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.sortName)).limit(limit).all();
}

/** An account with its organisation's name, for the admin's page of it. */
export function getUserDetail(db: DbOrTx, id: number) {
  return (
    db
      .select({
        ...userColumns,
        disabled: users.disabled,
        passwordHash: users.passwordHash,
        lastSignedInAt: users.lastSignedInAt,
        passwordChangedAt: users.passwordChangedAt,
        version: users.version,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, id))
      .get() ?? null
  );
}
