import type { Db } from "@/db/client";
import { deleteThrottle, getThrottle, saveThrottle } from "@/db/queries/sign-in-throttle";
import { inWriteTransaction } from "@/db/transaction";

/*
 * Slows down password guessing. Failures are counted per key (the email address, and the client address) in a
 * window; past the limit the key is locked for a while. Keys on the email are kept whether or not an account
 * exists, so a lock reveals nothing about which addresses are registered.
 */

export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  // One account gets a handful of tries; a client address more, since a whole office may share one.
  maxFailures: { email: 5, ip: 30 },
} as const;

function maxFailuresFor(key: string): number {
  return key.startsWith("ip:") ? THROTTLE.maxFailures.ip : THROTTLE.maxFailures.email;
}

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}
export function addressKey(address: string): string {
  return `ip:${address}`;
}

/** The moment until which any of the keys is locked, or null. */
export function lockedUntil(db: Db, keys: string[], now = new Date()): Date | null {
  let latest: Date | null = null;
  for (const key of keys) {
    const row = getThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

export function recordFailure(db: Db, keys: string[], now = new Date()): void {
  inWriteTransaction(db, (tx) => {
    for (const key of keys) {
      const row = getThrottle(tx, key);
      const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < THROTTLE.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStartedAt = windowOpen ? row.windowStartedAt : now;
      const locked = failures >= maxFailuresFor(key) ? new Date(now.getTime() + THROTTLE.lockMs) : null;
      saveThrottle(tx, { key, failures, windowStartedAt, lockedUntil: locked });
    }
  });
}

export function clearFailures(db: Db, key: string): void {
  deleteThrottle(db, key);
}
