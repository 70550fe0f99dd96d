import type { Db } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import { getUserById, setPasswordHash } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { clearFailures, lockedUntil, recordFailure } from "@/lib/auth/throttle";
import { DomainError } from "@/lib/errors";
import { changePasswordSchema } from "./schema";

export const WRONG_CURRENT_PASSWORD = "Det nuvarande lösenordet stämmer inte.";
export const PASSWORD_CHANGE_LOCKED = "För många felaktiga försök med det nuvarande lösenordet. Försök igen om 15 minuter.";
export const PASSWORD_CHANGED_MEANWHILE = "Lösenordet har ändrats under tiden. Ladda om sidan och försök igen.";

export type ChangePasswordResult = { otherSessionsEnded: number; changedAt: Date };

/** Wrong current passwords are counted per account, as sign-in counts them, so a left-open session cannot guess. */
function throttleKey(userId: number): string {
  return `password:${userId}`;
}

/**
 * A signed-in user changes their own password: the current one must be right, the new one must pass the rules
 * (12 characters, not common) and differ from it. On success every OTHER session of the user ends on the server; the
 * one that made the change stays. Audited as `user.password`, without the password or its hash.
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  sessionId: string,
  input: unknown,
  actor: AuditActor,
  now = new Date(),
): Promise<ChangePasswordResult> {
  const data = changePasswordSchema.parse(input);
  const key = throttleKey(userId);
  if (lockedUntil(db, [key], now)) throw new DomainError(PASSWORD_CHANGE_LOCKED, { currentPassword: [PASSWORD_CHANGE_LOCKED] }, "invalid");

  const user = getUserById(db, userId);
  if (!user || user.disabled) throw new DomainError("Kontot finns inte.", undefined, "not_found");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    recordFailure(db, [key], now);
    const message = lockedUntil(db, [key], now) ? PASSWORD_CHANGE_LOCKED : WRONG_CURRENT_PASSWORD;
    throw new DomainError(message, { currentPassword: [message] }, "invalid");
  }
  const problem = passwordPolicyProblem(data.newPassword);
  if (problem) throw new DomainError(problem, { newPassword: [problem] }, "invalid");

  // Hashing takes a while and a transaction must not await: hash first, then write under the write lock, where the
  // hash that was checked must still be the stored one (two changes at once: the second is refused, not lost).
  const passwordHash = await hashPassword(data.newPassword);
  const result = inWriteTransaction(db, (tx) => {
    const current = getUserById(db, userId);
    if (!current || current.passwordHash !== user.passwordHash) {
      throw new DomainError(PASSWORD_CHANGED_MEANWHILE, undefined, "conflict");
    }
    setPasswordHash(tx, userId, passwordHash, now);
    const otherSessionsEnded = deleteUserSessions(tx, userId, sessionId);
    writeAudit(tx, {
      actor,
      action: "user.password",
      entityType: "user",
      entityId: userId,
      at: now,
      before: { passwordChangedAt: user.passwordChangedAt },
      after: { passwordChangedAt: now, otherSessionsEnded },
    });
    return { otherSessionsEnded, changedAt: now };
  });
  clearFailures(db, key);
  return result;
}
