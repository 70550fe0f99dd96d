import { Worker } from "node:worker_threads";
import { databasePath as currentDatabasePath } from "@/db/client";
import type { ListParams } from "@/lib/applications/list-params";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { ExportFile, ExportFormat } from "./applications";
import type { ExportThreadData, ExportThreadReply } from "./worker-entry";

/*
 * A round's export (exportRoundApplications) built in a worker thread with its own database connection: on the
 * server's thread a 66 000-row XLSX held every other request for 4 s. The thread only reads (WAL: it never waits for
 * a writer, nor a writer for it). Loading the thread works as in lib/press/render.ts and lib/import/off-thread.ts.
 * One export thread runs at a time, further downloads wait their turn: a thread takes a core while it builds, and on a
 * small server (two cores) the other core is the request thread's.
 */

const EXPORTS_AT_ONCE = 1;
const WORKER_HEAP_MB = 1536;

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= EXPORTS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    running--;
    waiting.shift()?.();
  };
}

function startThread(workerData: ExportThreadData): Worker {
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
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
 * As exportRoundApplications, off the server's thread: the file, or a DomainError "not_found" for a round that does
 * not exist, or an Error for anything else (the cause is in the server log).
 */
export async function exportRoundApplicationsOffThread(
  roundId: number,
  format: ExportFormat,
  scope: ApplicationScope,
  params: ListParams,
  databasePath: string = currentDatabasePath(),
): Promise<ExportFile> {
  const release = await turn();
  try {
    const reply = await new Promise<ExportThreadReply | null>((resolve) => {
      const thread = startThread({ databasePath, roundId, format, scope, params });
      thread.once("message", (message: ExportThreadReply) => resolve(message));
      thread.once("error", (error) => {
        console.error(error);
        resolve(null);
      });
      thread.once("exit", () => resolve(null));
    });
    if (reply?.ok) return reply.file;
    if (reply?.notFound) throw new DomainError("Omgången finns inte.", undefined, "not_found");
    throw new Error("The export thread ended without a file.");
  } finally {
    release();
  }
}
