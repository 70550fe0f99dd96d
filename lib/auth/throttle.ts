import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle } from "@/db/schema";

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
    const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

export function recordFailure(db: Db, keys: string[], now = new Date()): void {
  db.transaction((tx) => {
    for (const key of keys) {
      const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
      const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < THROTTLE.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStartedAt = windowOpen ? row.windowStartedAt : now;
      const locked = failures >= maxFailuresFor(key) ? new Date(now.getTime() + THROTTLE.lockMs) : null;
      tx.insert(signInThrottle)
        .values({ key, failures, windowStartedAt, lockedUntil: locked })
        .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, windowStartedAt, lockedUntil: locked } })
        .run();
    }
  });
}

export function clearFailures(db: Db, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}
