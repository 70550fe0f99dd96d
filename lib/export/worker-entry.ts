import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import type { ListParams } from "@/lib/applications/list-params";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { exportRoundApplications, type ExportFile, type ExportFormat } from "./applications";

/*
 * The export thread: one per download (lib/export/off-thread.ts starts it). It opens its own connection to the
 * server's database file, reads the round's rows and builds the CSV or XLSX file (guarded against formula injection,
 * ./guard.ts) exactly as exportRoundApplications does, and hands the bytes back without copying them.
 */

export type ExportThreadData = {
  databasePath: string;
  roundId: number;
  format: ExportFormat;
  scope: ApplicationScope;
  params: ListParams;
};
export type ExportThreadReply = { ok: true; file: ExportFile } | { ok: false; notFound: boolean };

async function main(): Promise<void> {
  const { databasePath, roundId, format, scope, params } = workerData as ExportThreadData;
  const db = openDatabase(databasePath);
  let reply: ExportThreadReply;
  try {
    const file = await exportRoundApplications(db, roundId, format, scope, params);
    // A view of exactly its own buffer, so that buffer can be moved to the server's thread (not one of Node's pools).
    const own = file.body.byteOffset === 0 && file.body.byteLength === file.body.buffer.byteLength ? file.body : file.body.slice();
    reply = { ok: true, file: { ...file, body: own } };
  } catch (error) {
    const notFound = error instanceof DomainError && error.code === "not_found";
    if (!notFound) console.error(error);
    reply = { ok: false, notFound };
  } finally {
    db.$client.close();
  }
  const transfer = reply.ok ? [reply.file.body.buffer as ArrayBuffer] : [];
  parentPort?.postMessage(reply, transfer);
}

void main();
