import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { mailOutbox, type MailOutboxRow } from "../schema";

/*
 * The mail outbox (see `mail_outbox` in db/schema.ts). The rules (when to retry, what to log) live in lib/mail/.
 */

export type OutboxMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string> | null;
  kind: string;
};

/** Puts a message in the outbox, due now. Call it with the writer's own transaction. */
export function insertOutboxMessage(tx: DbOrTx, message: OutboxMessage, now = new Date()): MailOutboxRow {
  return tx
    .insert(mailOutbox)
    .values({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      headers: message.headers ?? null,
      kind: message.kind,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning()
    .get();
}

/**
 * Claims up to `limit` due, unsent messages for one delivery attempt: each one's attempt is counted and its next
 * attempt moved to `leaseUntil`, so another process (or the next tick) does not take it meanwhile. Call it inside a
 * write transaction (BEGIN IMMEDIATE), so two processes never claim the same row. Reads the partial index of unsent
 * rows in the order they fell due.
 */
export function claimDueOutboxMessages(tx: DbOrTx, now: Date, leaseUntil: Date, limit: number): MailOutboxRow[] {
  const due = tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .all()
    .map((r) => r.id);
  if (due.length === 0) return [];
  return tx
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(and(inArray(mailOutbox.id, due), isNull(mailOutbox.sentAt)))
    .returning()
    .all()
    .sort((a, b) => a.id - b.id);
}

/** A delivered message; `redactedText` replaces its body when the body held a secret (a password link). */
export function markOutboxMessageSent(db: DbOrTx, id: number, at: Date, redactedText?: string): void {
  const body = redactedText === undefined ? {} : { text: redactedText, html: null };
  db.update(mailOutbox).set({ sentAt: at, lastError: null, ...body }).where(eq(mailOutbox.id, id)).run();
}

/** A failed attempt: the message waits until `retryAt`, with the error (never its body) kept for the operator. */
export function markOutboxMessageFailed(db: DbOrTx, id: number, retryAt: Date, error: string): void {
  db.update(mailOutbox).set({ nextAttemptAt: retryAt, lastError: error.slice(0, 1000) }).where(eq(mailOutbox.id, id)).run();
}

export function getOutboxMessage(db: DbOrTx, id: number): MailOutboxRow | null {
  return db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get() ?? null;
}

/** The messages to one address, newest first (tests, and a support question "did the mail go?"). */
export function listOutboxMessagesTo(db: DbOrTx, to: string, limit = 50): MailOutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, to))
    .orderBy(sql`${mailOutbox.id} desc`)
    .limit(limit)
    .all();
}
