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

export type ImportThreadData = { databasePath: string; input: ImportRunInput };
export type ImportThreadMessage = { type: "event"; event: ImportEvent } | { type: "end" };

const FAILED = "Något gick fel och ingenting lästes in. Försök igen.";

async function main(): Promise<void> {
  const { databasePath, input } = workerData as ImportThreadData;
  const post = (message: ImportThreadMessage) => parentPort?.postMessage(message);
  const db = openDatabase(databasePath);
  try {
    for await (const event of runImport(db, input)) post({ type: "event", event });
  } catch (error) {
    // A DomainError (the round removed meanwhile) says what happened; anything else is logged, not shown.
    if (!(error instanceof DomainError)) console.error(error);
    post({ type: "event", event: { phase: "error", message: error instanceof DomainError ? error.message : FAILED } });
  } finally {
    db.$client.close();
  }
  post({ type: "end" });
}

void main();
