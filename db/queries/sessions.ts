import { and, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { organisations, sessions, users } from "../schema";
import { userColumns } from "./user-columns";

/*
 * Server-side session records (see `sessions` in db/schema.ts). The session cookie carries a random id; a session is
 * alive while its row exists and has not expired. Ending a session deletes its row.
 */

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    // One lookup on the sessions primary key, joined to the user and their organisation by primary keys.
    activeUser: db
      .select({
        ...userColumns,
        sessionCreatedAt: sessions.createdAt,
        sessionExpiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(
        and(
          eq(sessions.id, sql.placeholder("sessionId")),
          eq(sessions.userId, sql.placeholder("userId")),
          gt(sessions.expiresAt, sql.placeholder("now")),
          eq(users.disabled, false),
        ),
      )
      .prepare(),
  };
}
function statements(db: Db) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

export type ActiveSessionUser = {
  id: number;
  name: string;
  email: string;
  role: (typeof users.$inferSelect)["role"];
  organisationId: number | null;
  organisationName: string | null;
  sessionCreatedAt: Date;
  sessionExpiresAt: Date;
};

/**
 * The user of a live session: the session exists, belongs to that user, has not expired, and the account is not
 * disabled. Null otherwise. Read on every request, so it is one prepared query on primary keys.
 */
export function getActiveSessionUser(db: Db, sessionId: string, userId: number, now = new Date()): ActiveSessionUser | null {
  // Timestamps are stored as unix seconds.
  return statements(db).activeUser.get({ sessionId, userId, now: Math.floor(now.getTime() / 1000) }) ?? null;
}

export function insertSession(db: DbOrTx, session: { id: string; userId: number; createdAt: Date; expiresAt: Date }): void {
  db.insert(sessions).values(session).run();
}

/** Ends one session (signing out). */
export function deleteSession(db: DbOrTx, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, or every one but `except` (a password change keeps the session that made it). */
export function deleteUserSessions(db: DbOrTx, userId: number, except?: string): number {
  const where = except === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, except));
  return db.delete(sessions).where(where).run().changes;
}

/** Removes sessions that have expired; they would be refused anyway, this only keeps the table small. */
export function deleteExpiredSessions(db: DbOrTx, now = new Date()): void {
  db.delete(sessions).where(lte(sessions.expiresAt, now)).run();
}

export function countUserSessions(db: DbOrTx, userId: number, now = new Date()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .get()?.n ?? 0
  );
}
