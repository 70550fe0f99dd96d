import type { Db, Tx } from "./client";

/**
 * Runs `fn` in a transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE). A deferred transaction
 * would read the budget under a shared lock and only ask for the write lock at the first write, so two connections
 * could both read "500 000 left" and both grant it; with IMMEDIATE the second waits (busy_timeout) until the first
 * has committed and then reads the new sum. better-sqlite3 transactions are synchronous: `fn` must not await.
 */
export function inWriteTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  // While a worker thread of this process holds the write lock for a long write (a large import,
  // lib/import/off-thread.ts), waiting for it would freeze this thread, and every request on it, for up to
  // busy_timeout: the gate that import sets refuses at once instead, with a Swedish message (a DomainError).
  (globalThis as { anslagWriteGate?: () => void }).anslagWriteGate?.();
  return db.transaction(fn, { behavior: "immediate" });
}

type WriteGate = { anslagWriteBusy?: () => boolean };

/**
 * Waits, without blocking this thread, until no import thread of this process is writing its transaction (see the
 * gate above), at most `maxWaitMs`. Server actions, sign-in and the background loops await it before they write, so
 * a user's save during another's import waits a moment instead of being refused; the gate still refuses the rare
 * write that starts its transaction just as an import begins writing.
 */
export async function untilWritesAllowed(maxWaitMs = 120_000): Promise<void> {
  const busy = (globalThis as WriteGate).anslagWriteBusy;
  if (!busy) return;
  const until = Date.now() + maxWaitMs;
  while (busy() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
}
