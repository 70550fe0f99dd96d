import type { Db } from "@/db/client";
import { claimDueOutboxMessages, markOutboxMessageFailed, markOutboxMessageSent } from "@/db/queries/outbox";
import type { MailOutboxRow } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";

/*
 * Delivery from the outbox. Each call claims the due, unsent messages in one write transaction (BEGIN IMMEDIATE:
 * two processes never claim the same row), sends them one by one, and marks each sent or failed. A failed message
 * is retried after 1, 5, 15 and then every 60 minutes, and kept until it is sent: an SMTP outage loses no mail.
 * A claim moves the message's next attempt CLAIM_LEASE_MS ahead, so a process that dies while sending leaves it to
 * be tried again after that (the one case where a mail could arrive twice: sent, then the process died before it
 * was marked).
 */

/** The part of a nodemailer transport the delivery uses (tests pass one of their own). */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
};

/**
 * Kinds whose body holds a password link: once delivered, the body is replaced, so the outbox keeps no working link
 * (the link's token is otherwise stored only as a hash). Until then it must stay, to be sent.
 */
export const SECRET_KINDS: ReadonlySet<string> = new Set(["invitation", "reset"]);
export const REDACTED_TEXT = "(Innehållet togs bort när meddelandet hade skickats: det innehöll en länk för att välja lösenord.)";

export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;
export const CLAIM_LEASE_MS = 10 * 60_000;
export const BATCH_SIZE = 20;

/** How long to wait after the `attempts`-th failed attempt. */
export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

export type DeliveryResult = { sent: number[]; failed: number[] };

export type DeliveryOptions = {
  from: string;
  limit?: number;
  log?: (message: string) => void;
};

export async function deliverDueMail(db: Db, transport: MailTransport, now: Date, options: DeliveryOptions): Promise<DeliveryResult> {
  const log = options.log ?? ((message: string) => console.error(`[e-post] ${message}`));
  const claimed = inWriteTransaction(db, (tx) =>
    claimDueOutboxMessages(tx, now, new Date(now.getTime() + CLAIM_LEASE_MS), options.limit ?? BATCH_SIZE),
  );
  const result: DeliveryResult = { sent: [], failed: [] };
  for (const message of claimed) {
    try {
      await transport.sendMail(mailOf(message, options.from));
      inWriteTransaction(db, (tx) => markOutboxMessageSent(tx, message.id, now, SECRET_KINDS.has(message.kind) ? REDACTED_TEXT : undefined));
      result.sent.push(message.id);
    } catch (error) {
      const retryAt = new Date(now.getTime() + retryDelayMs(message.attempts));
      const reason = describeError(error);
      inWriteTransaction(db, (tx) => markOutboxMessageFailed(tx, message.id, retryAt, reason));
      // The error and which message, never its body: a body holds a password link.
      log(`Meddelande ${message.id} (${message.kind}) kunde inte skickas, försök ${message.attempts}: ${reason}. Nytt försök ${retryAt.toISOString()}.`);
      result.failed.push(message.id);
    }
  }
  return result;
}

function mailOf(message: MailOutboxRow, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
