import { Worker } from "node:worker_threads";
import { databasePath as currentDatabasePath } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { IMPORT_WRITING } from "./limits";
import type { ImportEvent } from "./protocol";
import type { ImportRunInput } from "./run";
import type { ImportThreadData, ImportThreadMessage } from "./worker-entry";

/*
 * Runs an import (runImport) in a worker thread of its own, with its own database connection, and hands its progress
 * events over as they come. better-sqlite3 is synchronous: on the server's thread a large file's parse, check and
 * write froze every other request until they ended (a 10 MB file for half a minute). In the thread, only the write
 * transaction touches the others, and only other writers: they wait for it (busy_timeout) as for any writer.
 *
 * Loading the thread works as in lib/press/render.ts (read its comment): under `next build` Turbopack bundles
 * `new Worker(new URL("./worker-entry.ts", import.meta.url), …)` as a chunk of its own, which must stay literally in
 * that form; from source (Vitest, tsx) the thread registers tsx first. better-sqlite3 stays an external package
 * (next.config.ts serverExternalPackages), so the chunk loads the same native module as the server.
 */

/*
 * The write gate. SQLite has one writer at a time: while an import thread's transaction is being written, any other
 * write waits for it, and on this thread waiting means blocking (better-sqlite3 is synchronous, busy_timeout 5 s),
 * with every other request behind it. So each import thread shares one flag with this thread, set while its write
 * transaction runs, and inWriteTransaction (db/transaction.ts) asks the gate first: a write on this thread meanwhile
 * is refused at once with IMPORT_WRITING rather than frozen. Kept on globalThis: the server's bundles share it.
 */
type GateHolder = { anslagWriteGate?: () => void; anslagWriteBusy?: () => boolean; anslagImportWrites?: Set<Int32Array> };

function importWrites(): Set<Int32Array> {
  const holder = globalThis as GateHolder;
  if (!holder.anslagImportWrites) {
    const flags = new Set<Int32Array>();
    holder.anslagImportWrites = flags;
    holder.anslagWriteBusy = () => [...flags].some((flag) => Atomics.load(flag, 0) === 1);
    holder.anslagWriteGate = () => {
      if (holder.anslagWriteBusy?.()) throw new DomainError(IMPORT_WRITING);
    };
  }
  return holder.anslagImportWrites;
}

/** For tests: whether an import thread is writing now. */
export function importIsWriting(): boolean {
  importWrites();
  return (globalThis as GateHolder).anslagWriteBusy?.() ?? false;
}

/** The thread's heap: a 10 MB file parsed and checked takes a few hundred MB at most; more is a fault, not a file. */
const WORKER_HEAP_MB = 1536;
const FAILED = "Något gick fel och ingenting lästes in. Försök igen.";

function startThread(workerData: ImportThreadData, transfer: ArrayBuffer[]): Worker {
  const options = { workerData, transferList: transfer, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  // Next sets NEXT_RUNTIME in its server.
  return process.env.NEXT_RUNTIME
    ? new Worker(new URL("./worker-entry.ts", import.meta.url), options)
    : new Worker(fromSourceBootstrap(new URL("./worker-entry.ts", import.meta.url).href), { ...options, eval: true });
}

/** From source: Node 20 runs no .ts worker by itself, so the thread registers tsx's loader before the entry. */
function fromSourceBootstrap(entry: string): string {
  return `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

/**
 * The events of runImport for `input`, computed in a worker thread on the server's database file (or `databasePath`). The
 * file's bytes are moved to the thread, not copied: `input.bytes` is empty afterwards. The thread ends with the run;
 * the run goes on to its end even when nobody reads the events any more (a half-imported file nobody saw would be
 * worse), and a thread that dies (out of memory, a crash) rolls its transaction back: the last event then says that
 * nothing was imported.
 */
export async function* runImportOffThread(input: ImportRunInput, databasePath: string = currentDatabasePath()): AsyncGenerator<ImportEvent> {
  const bytes = input.bytes.byteOffset === 0 && input.bytes.byteLength === input.bytes.buffer.byteLength ? input.bytes : input.bytes.slice();
  const buffer = bytes.buffer as ArrayBuffer;
  const writing = new SharedArrayBuffer(4);
  const flag = new Int32Array(writing);
  const writes = importWrites();
  writes.add(flag);
  const thread = startThread({ databasePath, input: { ...input, bytes }, writing }, [buffer]);

  const queue: ImportEvent[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const finish = (event?: ImportEvent) => {
    // However the thread ended, its transaction has too (committed or rolled back): the gate opens.
    writes.delete(flag);
    if (ended) return;
    if (event) queue.push(event);
    ended = true;
    wake?.();
  };
  thread.on("message", (message: ImportThreadMessage) => {
    if (message.type === "end") finish();
    else {
      queue.push(message.event);
      wake?.();
    }
  });
  thread.on("error", (error) => {
    console.error(error);
    finish({ phase: "error", message: FAILED });
  });
  thread.on("exit", () => finish({ phase: "error", message: FAILED }));

  let final = false;
  for (;;) {
    const event = queue.shift();
    if (event) {
      // After the final event nothing more is passed on (a dying thread's "error" after a "done" is not news).
      if (final) continue;
      final = event.phase === "preview" || event.phase === "done" || event.phase === "error";
      yield event;
      continue;
    }
    if (ended) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
}
