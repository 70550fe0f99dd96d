import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { signInThrottle } from "../schema";

export type SignInThrottle = typeof signInThrottle.$inferSelect;

/* The sign-in throttle's counters, one row per key ("email:…", "ip:…"). The rule lives in lib/auth/throttle.ts. */

export function getThrottle(db: DbOrTx, key: string): SignInThrottle | null {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? null;
}

export function saveThrottle(db: DbOrTx, row: SignInThrottle): void {
  db.insert(signInThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil },
    })
    .run();
}

export function deleteThrottle(db: DbOrTx, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}
