import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { freshTestDb } from "@/db/testing";
import { createTestApplications, createTestRound } from "@/lib/decisions/test-helpers";
import { DomainError } from "@/lib/errors";
import { exportRoundApplications } from "./applications";
import { exportRoundApplicationsOffThread } from "./off-thread";
import { listParamsSchema } from "@/lib/applications/list-params";

/*
 * The export in a worker thread (issue 14): the same file as on this thread, read through the thread's own
 * connection, and a round that does not exist answers as before.
 */

const ALL = { kind: "all" } as const;
const LIST = listParamsSchema.parse({});

let db: Db;
let path: string;

beforeEach(() => {
  ({ db, path } = freshTestDb());
});

// The thread loads the export's modules from source through tsx: seconds on a busy machine.
describe("exportRoundApplicationsOffThread", { timeout: 60_000 }, () => {
  it("builds the same CSV and XLSX as on this thread, and refuses a round that does not exist", async () => {
    const roundId = createTestRound(db, { budget: 5_000_000, status: "closed" });
    createTestApplications(db, roundId, 3);
    const csv = await exportRoundApplicationsOffThread(roundId, "csv", ALL, LIST, path);
    expect(csv).toEqual(await exportRoundApplications(db, roundId, "csv", ALL, LIST));
    const xlsx = await exportRoundApplicationsOffThread(roundId, "xlsx", ALL, LIST, path);
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    expect(xlsx.body.byteLength).toBeGreaterThan(3000);
    await expect(exportRoundApplicationsOffThread(999, "csv", ALL, LIST, path)).rejects.toThrow(DomainError);
  });
});
