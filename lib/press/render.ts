import { Worker } from "node:worker_threads";
import { timedOut, tooLong, type RenderResult, type TemplateError } from "./errors";
import type { Escape } from "./sandbox";
import type { ProbeRequest, RenderRequest, WorkerReply } from "./worker-entry";

/*
 * Renders a press template in a worker thread, bounded for real: liquidjs's limits are cooperative (checked between
 * tags), so the main thread also keeps a hard timer and terminates the thread when it overruns; the worker stops the
 * output at the cap as it is written; the thread's heap is capped too (resourceLimits). One warm worker answers the
 * renders in turn, so a render pays a message round trip, not a thread start; after a timeout (or a crash) the next
 * render starts a fresh one.
 *
 * Loading the worker:
 * - Under `next build` (Turbopack), `new Worker(new URL("./worker-entry.ts", import.meta.url), options)` is recognised
 *   and the entry is bundled with its imports (liquidjs, filters, lib/format) as a chunk of its own ("[worker thread]-
 *   lib_press_worker-entry_ts_….js" in .next/server/chunks); the expression must stay literally in that form for
 *   Turbopack to see it. Checked with a production build of Next 16.4 (`next start`, a route rendering through it,
 *   the timeout replacing the thread). Next 16.2.x resolved such a URL against the project directory instead of this
 *   file (vercel/next.js#93427, fixed by #93432): check a production build after upgrading Next.
 * - From source (Vitest; tsx for the CLI and the bench; no NEXT_RUNTIME) Node 20 cannot run a .ts worker by itself:
 *   the thread registers tsx first (fromSourceBootstrap), which also resolves `@/` paths. import.meta.url cannot tell
 *   the two apart, since Turbopack gives it the source path.
 */

export type RenderOptions = {
  /** "html" escapes every value written by {{ }}; "none" for plain text and Markdown. */
  escape?: Escape;
  /** Hard limit for one render, in milliseconds (the thread is terminated). */
  timeoutMs?: number;
  /** Longest output accepted, in characters. */
  maxOutput?: number;
};

export const DEFAULT_TIMEOUT_MS = 1_000;
export const DEFAULT_MAX_OUTPUT = 200_000;
/** Heap of the render thread: a template that builds strings in captures or assigns dies here, not in the server. */
const WORKER_HEAP_MB = 96;

type Pending = { resolve: (reply: WorkerReply) => void; timer?: NodeJS.Timeout; timeoutMs: number };
type Job = { request: RenderRequest | ProbeRequest; pending: Pending };

let worker: Worker | undefined;
/** The thread has loaded its modules: the timer of a render starts only then, not during a thread start. */
let ready = false;
let ids = 0;
let running: Job | undefined;
const queue: Job[] = [];

function startWorker(): Worker {
  const options = {
    // Nothing of the server's environment (secrets, database path) reaches the thread.
    env: {},
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
  };
  // Next sets NEXT_RUNTIME in its server.
  const thread = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./worker-entry.ts", import.meta.url), options)
    : new Worker(fromSourceBootstrap(new URL("./worker-entry.ts", import.meta.url).href), { ...options, eval: true });
  // The warm thread never keeps a CLI process alive; a pending render does, through its timer.
  thread.unref();
  thread.on("message", (reply: WorkerReply | "ready") => {
    if (reply === "ready") {
      if (worker === thread) {
        ready = true;
        next();
      }
      return;
    }
    const job = running;
    if (!job || job.request.id !== reply.id) return;
    finish(job, reply);
  });
  thread.on("error", (error) => crashed(thread, error));
  thread.on("exit", () => crashed(thread, undefined));
  return thread;
}

/**
 * Running from source (Vitest; tsx for the CLI and the bench): Node 20 runs no .ts worker by itself, and tsx's
 * `--import` flag does not reach a worker's module loader, so the thread registers tsx's loader through its API before
 * it imports the entry. "tsx" resolves from the working directory, the project's.
 */
function fromSourceBootstrap(entry: string): string {
  return `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

function crashed(thread: Worker, error: unknown): void {
  if (worker !== thread) return;
  worker = undefined;
  const job = running ?? queue.shift();
  if (!job) return;
  const outOfMemory = (error as { code?: string } | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
  const failure: TemplateError = outOfMemory
    ? tooLong(job.request.type === "render" ? job.request.maxOutput : DEFAULT_MAX_OUTPUT)
    : { kind: "render", message: "Mallen kunde inte fyllas i: renderingen avbröts oväntat. Försök igen." };
  finish(job, { id: job.request.id, ok: false, error: failure });
}

function finish(job: Job, reply: WorkerReply): void {
  clearTimeout(job.pending.timer);
  running = undefined;
  job.pending.resolve(reply);
  next();
}

function next(): void {
  if (running || queue.length === 0) return;
  if (!worker) {
    ready = false;
    worker = startWorker();
  }
  if (!ready) return;
  const thread = worker;
  const job = queue.shift() as Job;
  running = job;
  job.pending.timer = setTimeout(() => {
    if (running !== job) return;
    // The render may be in an endless loop: only terminating the thread stops it.
    worker = undefined;
    void thread.terminate();
    finish(job, { id: job.request.id, ok: false, error: timedOut() });
  }, job.pending.timeoutMs);
  thread.postMessage(job.request);
}

function send(request: RenderRequest | ProbeRequest, timeoutMs: number): Promise<WorkerReply> {
  return new Promise((resolve) => {
    queue.push({ request, pending: { resolve, timeoutMs } });
    next();
  });
}

/**
 * Renders `source` with `context` (plain JSON: it is copied to the thread, so functions, dates and class instances do
 * not survive; pass strings and numbers). Never throws for a bad template: the answer says what went wrong.
 */
export async function renderTemplate(source: string, context: object, options: RenderOptions = {}): Promise<RenderResult> {
  const maxOutput = options.maxOutput ?? DEFAULT_MAX_OUTPUT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // JSON round trip: what the thread gets is data only, exactly as a stored context would be.
  const plain: unknown = JSON.parse(JSON.stringify(context));
  const reply = await send({ id: ++ids, type: "render", source, context: plain, escape: options.escape ?? "html", maxOutput }, timeoutMs);
  if ("probe" in reply) throw new Error("renderTemplate: unexpected probe reply");
  return reply.ok ? { ok: true, text: reply.text } : { ok: false, error: reply.error };
}

/** For tests: the environment variable names the render thread sees, and which thread it is. */
export async function probeRenderWorker(): Promise<{ envKeys: string[]; threadId: number }> {
  const reply = await send({ id: ++ids, type: "probe" }, 30_000);
  if (!("probe" in reply)) throw new Error("probeRenderWorker: unexpected reply");
  return reply.probe;
}

/** Stops the warm thread (tests, shutdown). The next render starts a new one. */
export async function stopRenderWorker(): Promise<void> {
  const thread = worker;
  worker = undefined;
  ready = false;
  if (thread) await thread.terminate();
}
