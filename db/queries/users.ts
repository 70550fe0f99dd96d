import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { users, type NewUser, type User } from "../schema";
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

export function getUserByEmail(db: Db, email: string): User | null {
  return statements(db).byEmail.get({ email: normaliseEmail(email) }) ?? null;
}

export function createUser(db: DbOrTx, input: Omit<NewUser, "sortName" | "id">): User {
  return db
    .insert(users)
    .values({ ...input, email: normaliseEmail(input.email), sortName: swedishSortKey(input.name) })
    .returning()
    .get();
}

export function recordSignIn(db: Db, id: number, at = new Date()): void {
  db.update(users).set({ lastSignedInAt: at }).where(eq(users.id, id)).run();
}
