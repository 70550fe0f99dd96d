import { randomBytes } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import { publishDueReleases } from "@/db/queries/newsroom";
import { inWriteTransaction, untilWritesAllowed } from "@/db/transaction";
import { mailDueReleases } from "./subscriptions";
import { internalOrigin, REVALIDATE_HEADER, REVALIDATE_PATH, setRevalidateSecret } from "./newsroom-cache";

/*
 * Scheduled publishing without cron and without a request: a timer in the server process (started once from
 * instrumentation.ts) publishes every scheduled or embargoed release whose time has passed, then revalidates the
 * newsroom. A release is public from its publishAt by the visibility rule whatever its status, so the timer only
 * has to make the cached pages catch up; it runs every TICK_MS, well within the minute the issue allows.
 *
 * The timer is unref'd: it never keeps a process alive. The first revalidation, at start, also replaces whatever
 * the build or an earlier process left in Next's page cache, and is retried each tick until the server answers.
 */

export const TICK_MS = 10_000;

/**
 * The tick from ANSLAG_NEWSROOM_TICK_MS (whole milliseconds, 1 000 to 60 000), else TICK_MS: the e2e run ticks every
 * 2 s so that its embargo tests wait seconds rather than tens of them.
 */
export function tickMsFrom(env: Record<string, string | undefined>): number {
  const value = Number(env.ANSLAG_NEWSROOM_TICK_MS);
  return Number.isInteger(value) && value >= 1_000 && value <= 60_000 ? value : TICK_MS;
}

export type SchedulerDeps = {
  db: () => Db;
  now: () => Date;
  /** Asks the server to revalidate the newsroom; false when it could not (the server not listening yet). */
  revalidate: () => Promise<boolean>;
  log: (message: string) => void;
};

type SchedulerState = { timer: NodeJS.Timeout; pendingRevalidation: boolean; running: boolean };
const STATE_KEY = Symbol.for("anslag.newsroom.scheduler");
type StateHolder = { [STATE_KEY]?: SchedulerState };

/** One tick: publish what is due, then revalidate when anything changed or a revalidation is still owed. */
export async function runSchedulerTick(deps: SchedulerDeps, state: { pendingRevalidation: boolean }): Promise<number> {
  const now = deps.now();
  const published = inWriteTransaction(deps.db(), (tx) => {
    const due = publishDueReleases(tx, now);
    // Then the subscribers get what became public (scheduled, embargoed) in the same transaction.
    mailDueReleases(tx, now);
    return due;
  });
  for (const release of published) deps.log(`Publicerade ${release.slug} (schemalagd till ${release.publishAt?.toISOString()}).`);
  if (published.length > 0) state.pendingRevalidation = true;
  if (state.pendingRevalidation) state.pendingRevalidation = !(await deps.revalidate());
  return published.length;
}

/** Starts the scheduler once per process (a second call does nothing). Returns whether this call started it. */
export function startNewsroomScheduler(deps: SchedulerDeps = defaultDeps(), tickMs = TICK_MS): boolean {
  const holder = globalThis as StateHolder;
  if (holder[STATE_KEY]) return false;
  const state: SchedulerState = { timer: undefined as unknown as NodeJS.Timeout, pendingRevalidation: true, running: false };
  const tick = async () => {
    if (state.running) return; // a slow tick (a locked database) is never overlapped by the next
    state.running = true;
    try {
      await untilWritesAllowed();
      await runSchedulerTick(deps, state);
    } catch (error) {
      deps.log(`Schemalagd publicering misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(tick, tickMs);
  state.timer.unref();
  // The first run comes soon after start, when the server has begun to listen, and again every second until the
  // start-up revalidation got through; then every tick.
  const early = setInterval(() => {
    if (!state.pendingRevalidation) clearInterval(early);
    else void tick();
  }, 1_000);
  early.unref();
  holder[STATE_KEY] = state;
  return true;
}

/** Stops the scheduler of this process (tests). */
export function stopNewsroomScheduler(): void {
  const holder = globalThis as StateHolder;
  const state = holder[STATE_KEY];
  if (state) clearInterval(state.timer);
  delete holder[STATE_KEY];
}

function defaultDeps(): SchedulerDeps {
  const secret = randomBytes(32).toString("base64url");
  setRevalidateSecret(secret);
  return {
    db: getDb,
    now: () => new Date(),
    log: (message) => console.log(`[nyheter] ${message}`),
    revalidate: async () => {
      try {
        const response = await fetch(new URL(REVALIDATE_PATH, internalOrigin()), {
          method: "POST",
          headers: { [REVALIDATE_HEADER]: secret },
          signal: AbortSignal.timeout(5_000),
        });
        return response.status === 204;
      } catch {
        return false;
      }
    },
  };
}
