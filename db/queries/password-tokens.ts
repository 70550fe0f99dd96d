import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { passwordTokens, users, type PasswordToken } from "../schema";
import type { PasswordTokenPurpose } from "@/lib/enums";

/*
 * Links to set a password (see `password_tokens` in db/schema.ts). Only the token's SHA-256 is stored and looked up.
 * The rules (lifetimes, one open link per user, what a used link says) live in lib/users/password-links.ts.
 */

export type NewPasswordToken = {
  tokenHash: string;
  userId: number;
  purpose: PasswordTokenPurpose;
  createdAt: Date;
  expiresAt: Date;
  createdBy: number | null;
};

export function insertPasswordToken(tx: DbOrTx, token: NewPasswordToken): PasswordToken {
  return tx.insert(passwordTokens).values(token).returning().get();
}

/** Revokes every link of the user that is neither used nor revoked yet; returns how many. */
export function revokeOpenPasswordTokens(tx: DbOrTx, userId: number, now: Date): number {
  return tx
    .update(passwordTokens)
    .set({ revokedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt), isNull(passwordTokens.revokedAt), gt(passwordTokens.expiresAt, now)))
    .run().changes;
}

/** A link that still works: its hash is known, it is unused, unrevoked and unexpired, and its account is enabled. */
export function getUsablePasswordToken(db: DbOrTx, tokenHash: string, now: Date) {
  return (
    db
      .select({
        id: passwordTokens.id,
        purpose: passwordTokens.purpose,
        expiresAt: passwordTokens.expiresAt,
        userId: users.id,
        userName: users.name,
        userEmail: users.email,
        passwordHash: users.passwordHash,
        passwordChangedAt: users.passwordChangedAt,
      })
      .from(passwordTokens)
      .innerJoin(users, eq(users.id, passwordTokens.userId))
      .where(
        and(
          eq(passwordTokens.tokenHash, tokenHash),
          isNull(passwordTokens.usedAt),
          isNull(passwordTokens.revokedAt),
          gt(passwordTokens.expiresAt, now),
          eq(users.disabled, false),
        ),
      )
      .get() ?? null
  );
}

/** Marks a link used, only while it is still usable: false when another request used or revoked it first. */
export function markPasswordTokenUsed(tx: DbOrTx, id: number, now: Date): boolean {
  return (
    tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt), isNull(passwordTokens.revokedAt), gt(passwordTokens.expiresAt, now)))
      .run().changes === 1
  );
}

/** The user's links that still work, newest first (the user's page on /anvandare). */
export function listOpenPasswordTokens(db: DbOrTx, userId: number, now: Date) {
  return db
    .select({ id: passwordTokens.id, purpose: passwordTokens.purpose, createdAt: passwordTokens.createdAt, expiresAt: passwordTokens.expiresAt })
    .from(passwordTokens)
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt), isNull(passwordTokens.revokedAt), gt(passwordTokens.expiresAt, now)))
    .orderBy(desc(passwordTokens.id))
    .all();
}

export function listPasswordTokens(db: DbOrTx, userId: number): PasswordToken[] {
  return db.select().from(passwordTokens).where(eq(passwordTokens.userId, userId)).orderBy(desc(passwordTokens.id)).all();
}

/** Tests: a link made to have expired (the e2e expires one through the database). */
export function expirePasswordToken(tx: DbOrTx, tokenHash: string, at: Date): void {
  tx.update(passwordTokens).set({ expiresAt: at }).where(eq(passwordTokens.tokenHash, tokenHash)).run();
}
