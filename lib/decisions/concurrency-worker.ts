import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { recordDecision } from "./record";
import { inWriteTransaction } from "@/db/transaction";

/*
 * One competitor of the concurrency test (record.test.ts): its own connection to the shared database file, waiting
 * at a barrier until the test releases every worker at once, then one approval through the real recordDecision.
 */

type Input = { path: string; applicationId: number; amount: number };
export type WorkerResult = { ok: true } | { ok: false; code: string; message: string };

const input = workerData as Input;
const db = openDatabase(input.path);
// Waiting for "go" as a message rather than blocking (Atomics.wait) keeps the thread free for module loading.
parentPort?.once("message", () => parentPort?.postMessage(approve()));
parentPort?.postMessage("ready");

function approve(): WorkerResult {
  let result: WorkerResult;
  try {
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId: input.applicationId, outcome: "approved", grantedAmount: input.amount, motivation: "Ryms i budgeten.", decidedOn: "2026-06-01" },
        { id: null, label: `worker ${input.applicationId}` },
      ),
    );
    result = { ok: true };
  } catch (error) {
    result =
      error instanceof DomainError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: (error as { code?: string }).code ?? "error", message: String(error) };
  } finally {
    db.$client.close();
  }
  return result;
}
