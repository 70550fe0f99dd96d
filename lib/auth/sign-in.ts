import type { Db } from "@/db/client";
import { getUserByEmail, recordSignIn } from "@/db/queries/users";
import { inWriteTransaction, untilWritesAllowed } from "@/db/transaction";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { startSession } from "./sessions";
import { addressKey, clearFailures, emailKey, lockedUntil, recordFailure } from "./throttle";

// The dummy hash is made once per process; made now, the first unknown address does not pay for it (and so show).
void verifyAgainstDummy("");

export type SignInResult =
  | {
      ok: true;
      user: { id: number; name: string; email: string; role: string; organisationId: number | null; sessionId: string };
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

/**
 * Checks an email and password. Every failure looks the same to the caller ("invalid"), whether the address is
 * unknown, the account disabled or the password wrong, so sign-in reveals nothing about who has an account.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  address: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const keys = [emailKey(email), ...(address ? [addressKey(address)] : [])];
  // Every outcome writes (the throttle, the session): during a large import's write it waits rather than fails.
  await untilWritesAllowed();
  const until = lockedUntil(db, keys, now);
  if (until) {
    // Locked: no account is looked up, and one dummy hash is verified, as long as any other attempt takes. A locked
    // registered address and a locked unknown one answer alike, in the same time (lib/auth/sign-in-abuse.test.ts).
    await verifyAgainstDummy(password);
    return { ok: false, reason: "locked", until };
  }

  const user = getUserByEmail(db, email);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid || user.disabled) {
    recordFailure(db, keys, now);
    const lockedNow = lockedUntil(db, keys, now);
    return lockedNow ? { ok: false, reason: "locked", until: lockedNow } : { ok: false, reason: "invalid" };
  }

  clearFailures(db, emailKey(email));
  // The sign-in is recorded and its session row made together.
  const sessionId = inWriteTransaction(db, (tx) => {
    recordSignIn(tx, user.id, now);
    return startSession(tx, user.id, now);
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId, sessionId },
  };
}
