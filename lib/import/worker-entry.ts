import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { DomainError } from "@/lib/errors";
import type { ImportEvent } from "./protocol";
import { runImport, type ImportRunInput } from "./run";

/*
 * The import thread: one per import (lib/import/off-thread.ts starts it and ends it). It opens its own connection to
 * the database file the server uses, runs the import exactly as runImport does (parse, check, then one BEGIN
 * IMMEDIATE transaction), and posts each progress event to the server as it happens, so the server's own thread
 * keeps answering other users meanwhile.
 */

/** `writing`: one Int32 the thread sets to 1 while its write transaction runs (read by the server's write gate). */
export type ImportThreadData = { databasePath: string; input: ImportRunInput; writing: SharedArrayBuffer };
export type ImportThreadMessage = { type: "event"; event: ImportEvent } | { type: "end" };

const FAILED = "Något gick fel och ingenting lästes in. Försök igen.";

async function main(): Promise<void> {
  const { databasePath, input, writing } = workerData as ImportThreadData;
  const flag = new Int32Array(writing);
  const post = (message: ImportThreadMessage) => parentPort?.postMessage(message);
  const db = openDatabase(databasePath);
  try {
    const onWriting = (now: boolean) => void Atomics.store(flag, 0, now ? 1 : 0);
    for await (const event of runImport(db, input, { onWriting })) post({ type: "event", event });
  } catch (error) {
    // A DomainError (the round removed meanwhile) says what happened; anything else is logged, not shown.
    if (!(error instanceof DomainError)) console.error(error);
    post({ type: "event", event: { phase: "error", message: error instanceof DomainError ? error.message : FAILED } });
  } finally {
    Atomics.store(flag, 0, 0);
    db.$client.close();
  }
  post({ type: "end" });
}

void main();
