import { randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/db/client";
import { deleteExpiredSessions, deleteSession, getActiveSessionUser, insertSession } from "@/db/queries/sessions";
import type { Actor } from "./permissions";

/*
 * Sessions end on the server. Signing in makes a session row with a random id, which the session cookie (a signed
 * JWT) carries; every request looks the row up (lib/auth/session.ts). Signing out deletes the row; so do a password
 * change (the user's other sessions), disabling the account and changing its role or organisation (all its sessions,
 * db/queries/users.ts). The lifetime is absolute: 8 hours from signing in, whatever the user does meanwhile. The
 * cookie's own expiry may slide forward (next-auth re-issues it), the row's does not.
 */

export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000; // one working day

export type SessionUser = Actor & { email: string; organisationName: string | null };

/** A live session: its user as the database knows them now, the session's id, and when it began. */
export type LiveSession = { user: SessionUser; sessionId: string; signedInAt: Date };

/** A new session for the user, valid 8 hours from `now`; returns its id for the cookie. */
export function startSession(db: DbOrTx, userId: number, now = new Date()): string {
  deleteExpiredSessions(db, now);
  const id = randomBytes(32).toString("base64url");
  insertSession(db, { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) });
  return id;
}

/** Signing out: the session is gone, and its cookie with it wherever a copy of it is. */
export function endSession(db: DbOrTx, sessionId: string): void {
  deleteSession(db, sessionId);
}

/**
 * The user a session cookie names, when the session is still alive on the server: it exists, belongs to that user,
 * is less than 8 hours old, and the account is enabled. Null otherwise (the caller treats it as signed out).
 */
export function liveSession(db: Db, claims: { userId: unknown; sessionId: unknown }, now = new Date()): LiveSession | null {
  const userId = Number(claims.userId);
  const sessionId = claims.sessionId;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sessionId !== "string" || sessionId === "") return null;
  const row = getActiveSessionUser(db, sessionId, userId, now);
  if (!row) return null;
  return {
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
    },
    sessionId,
    signedInAt: row.sessionCreatedAt,
  };
}
