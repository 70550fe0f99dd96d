import type { DbOrTx } from "@/db/client";
import { insertOutboxMessage, type OutboxMessage } from "@/db/queries/outbox";

export type { OutboxMessage };

/**
 * Queues a mail. Call it with the transaction of the change the mail is about (an invitation, a reset, later a
 * newsroom subscription), so the mail exists exactly when the change committed: a rolled-back change sends nothing,
 * a committed one is never without its mail. The delivery loop (./deliver.ts) sends it.
 */
export function enqueueMail(tx: DbOrTx, message: OutboxMessage, now = new Date()): number {
  if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) throw new Error("Mail headers cannot hold line breaks.");
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(name) || /[\r\n]/.test(value)) throw new Error(`Invalid mail header ${JSON.stringify(name)}.`);
  }
  return insertOutboxMessage(tx, message, now).id;
}
