import { createTransport } from "nodemailer";
import { getDb } from "@/db/client";
import { untilWritesAllowed } from "@/db/transaction";
import { mailFrom, smtpUrl, type Env } from "./config";
import { deliverDueMail, type MailTransport } from "./deliver";

/*
 * The delivery loop: started once per server process from instrumentation.ts (as the newsroom's scheduler), it
 * delivers due mail every TICK_MS, and at once when a writer nudges it after committing a mail. Without SMTP_URL it
 * does not start and the messages wait in the outbox. The timer is unref'd: it never keeps a process alive.
 */

export const TICK_MS = 3_000;

type LoopState = { timer: NodeJS.Timeout; running: boolean; again: boolean; tick: () => Promise<void> };
const STATE_KEY = Symbol.for("anslag.mail.delivery");
type StateHolder = { [STATE_KEY]?: LoopState };

export function smtpTransport(url: string): MailTransport {
  return createTransport({
    url,
    // An SMTP server that does not answer must not hold the loop: the message is retried later instead.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof createTransport>[0]);
}

/** Starts the loop once per process; false when it was running already or SMTP is not configured. */
export function startMailDelivery(env: Env = process.env, tickMs = TICK_MS): boolean {
  const holder = globalThis as StateHolder;
  const url = smtpUrl(env);
  if (holder[STATE_KEY]) return false;
  if (!url) {
    console.log("[e-post] SMTP_URL är inte satt: e-post skickas inte, den väntar i utkorgen (mail_outbox).");
    return false;
  }
  const transport = smtpTransport(url);
  const from = mailFrom(env);
  const state: LoopState = { timer: undefined as unknown as NodeJS.Timeout, running: false, again: false, tick: async () => {} };
  state.tick = async () => {
    // One delivery at a time in this process; a nudge during one runs another right after it.
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.again = false;
        await untilWritesAllowed();
        await deliverDueMail(getDb(), transport, new Date(), { from });
      } while (state.again);
    } catch (error) {
      console.error(`[e-post] Utskicket misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(() => void state.tick(), tickMs);
  state.timer.unref();
  holder[STATE_KEY] = state;
  return true;
}

/** After a write that queued mail has committed: deliver now rather than at the next tick (no-op without the loop). */
export function nudgeMailDelivery(): void {
  const state = (globalThis as StateHolder)[STATE_KEY];
  if (state) setImmediate(() => void state.tick());
}

export function stopMailDelivery(): void {
  const holder = globalThis as StateHolder;
  const state = holder[STATE_KEY];
  if (state) clearInterval(state.timer);
  delete holder[STATE_KEY];
}
