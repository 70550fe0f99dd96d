import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import type { Db } from "@/db/client";
import { readTestApplication, readTestAuditEvents, readTestDecisions } from "@/db/testing/decisions";
import { freshTestDb, rowCount } from "@/db/testing";
import type { WorkerResult } from "./concurrency-worker";
import { grantedInRound, recordDecision, withdrawDecision, type RecordDecisionInput } from "./record";
import { createTestApplications, createTestRound, TEST_ACTOR } from "./test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { buildWorker } from "./worker-build";
import { describeChanges } from "@/lib/audit/describe";
import { todayIso } from "@/lib/format/date";
import { caughtDomainError } from "@/lib/testing";

const NBSP = "\u00a0";

let db: Db;
let path: string;

beforeEach(() => {
  ({ db, path } = freshTestDb());
});

function decide(input: Partial<RecordDecisionInput> & { applicationId: number }, allowDecidedRound = false) {
  return inWriteTransaction(db, (tx) =>
    recordDecision(
      tx,
      { outcome: "approved", grantedAmount: 100_000, motivation: "Bra projekt.", decidedOn: "2026-06-01", ...input },
      TEST_ACTOR,
      { allowDecidedRound },
    ),
  );
}

function counts() {
  const count = (table: string) => rowCount(db, table);
  return { applications: count("applications"), decisions: count("decisions"), audit: count("audit_events") };
}

describe("recordDecision", () => {
  it("approves within the budget: writes the decision, sets the application's status and bumps its version", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [id] = createTestApplications(db, roundId, 1) as [number];
    const result = decide({ applicationId: id, grantedAmount: 600_000 });

    expect(result.created).toBe(true);
    expect(result.decision).toMatchObject({ outcome: "approved", grantedAmount: 600_000, version: 1, roundId });
    const app = readTestApplication(db, id);
    expect(app).toMatchObject({ status: "approved", version: 2 });
    expect(result.applicationVersion).toBe(2);
    expect(grantedInRound(db, roundId)).toBe(600_000);
  });

  it("refuses an amount over what is left of the budget, says how much is left, and writes nothing", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a, b] = createTestApplications(db, roundId, 2) as [number, number];
    decide({ applicationId: a, grantedAmount: 500_000 });
    const before = counts();

    const error = caughtDomainError(() => decide({ applicationId: b, grantedAmount: 500_001 }));
    expect(error.code).toBe("budget");
    expect(error.message).toBe(`Beloppet överstiger det som finns kvar av omgångens budget: 500${NBSP}000 kronor återstår.`);
    expect(error.fieldErrors?.grantedAmount).toEqual([error.message]);

    expect(counts()).toEqual(before);
    expect(grantedInRound(db, roundId)).toBe(500_000);
    expect(readTestApplication(db, b)).toMatchObject({ status: "received", version: 1 });
    // Exactly the rest still fits.
    expect(decide({ applicationId: b, grantedAmount: 500_000 }).decision.grantedAmount).toBe(500_000);
  });

  it("counts only the difference when an existing approval is raised", () => {
    const roundId = createTestRound(db, { budget: 2_000_000 });
    const [a, b] = createTestApplications(db, roundId, 2, 2_000_000) as [number, number];
    decide({ applicationId: a, grantedAmount: 600_000 });
    const first = decide({ applicationId: b, grantedAmount: 1_000_000 });
    // 400 000 left: raising 1 000 000 to 1 400 000 fits, to 1 400 001 does not.
    const error = caughtDomainError(() => decide({ applicationId: b, grantedAmount: 1_400_001, expectedVersion: 1 }));
    expect(error.message).toContain(`400${NBSP}000 kronor återstår`);

    const raised = decide({ applicationId: b, grantedAmount: 1_400_000, expectedVersion: first.decision.version });
    expect(raised.created).toBe(false);
    expect(raised.decision).toMatchObject({ id: first.decision.id, grantedAmount: 1_400_000, version: 2 });
    expect(grantedInRound(db, roundId)).toBe(2_000_000);
    expect(readTestDecisions(db)).toHaveLength(2);
  });

  it("writes 0 for a rejection whatever amount was sent, and a rejection never touches the budget", () => {
    const roundId = createTestRound(db, { budget: 100_000 });
    const [a, b] = createTestApplications(db, roundId, 2) as [number, number];
    decide({ applicationId: a, grantedAmount: 100_000 });
    const result = decide({ applicationId: b, outcome: "rejected", grantedAmount: 750_000 });
    expect(result.decision).toMatchObject({ outcome: "rejected", grantedAmount: 0 });
    expect(readTestApplication(db, b)?.status).toBe("rejected");
  });

  it("refuses an approval of 0 kronor, a fractional amount and an impossible date at their fields", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    expect(caughtDomainError(() => decide({ applicationId: a, grantedAmount: 0 })).fieldErrors?.grantedAmount).toEqual([
      "Ange det beviljade beloppet (mer än 0 kronor).",
    ]);
    expect(caughtDomainError(() => decide({ applicationId: a, grantedAmount: 1.5 })).fieldErrors?.grantedAmount).toEqual([
      "Beloppet ska anges i hela kronor, utan ören.",
    ]);
    expect(caughtDomainError(() => decide({ applicationId: a, decidedOn: "2026-02-30" })).fieldErrors?.decidedOn).toEqual(["Datumet finns inte."]);
    expect(counts().decisions).toBe(0);
  });

  it("refuses a stale version: creating over an existing decision, or changing with an old version", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    decide({ applicationId: a, grantedAmount: 100_000 });
    decide({ applicationId: a, grantedAmount: 200_000, expectedVersion: 1 });

    const creatingAgain = caughtDomainError(() => decide({ applicationId: a, grantedAmount: 300_000 }));
    expect(creatingAgain.code).toBe("stale");
    expect(creatingAgain.message).toMatch(/^Någon annan har beslutat om ansökan under tiden/);
    expect(caughtDomainError(() => decide({ applicationId: a, grantedAmount: 300_000, expectedVersion: 1 })).code).toBe("stale");
    expect(readTestDecisions(db)[0]).toMatchObject({ grantedAmount: 200_000, version: 2 });
  });

  it("writes decision.create and decision.update audit events with before and after", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    decide({ applicationId: a, grantedAmount: 100_000 });
    decide({ applicationId: a, outcome: "rejected", grantedAmount: 0, motivation: "Utanför ramen.", expectedVersion: 1 });

    const events = readTestAuditEvents(db, { entityType: "decision" });
    expect(events.map((e) => e.action)).toEqual(["decision.create", "decision.update"]);
    expect(events[0]).toMatchObject({ entityId: a, actorLabel: "test", before: null });
    expect(events[0]?.after).toMatchObject({ outcome: "approved", grantedAmount: 100_000, version: 1 });
    expect(events[1]?.before).toMatchObject({ outcome: "approved", grantedAmount: 100_000, version: 1 });
    expect(events[1]?.after).toMatchObject({ outcome: "rejected", grantedAmount: 0, motivation: "Utanför ramen.", version: 2 });
  });

  it("keeps the reason for a change in the decision.update audit event, not on the decision", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    decide({ applicationId: a, grantedAmount: 100_000 });
    decide({ applicationId: a, grantedAmount: 150_000, expectedVersion: 1, reason: " Kompletterad budget. " });

    const event = readTestAuditEvents(db, { action: "decision.update" })[0];
    expect(event?.after).toMatchObject({ grantedAmount: 150_000, reason: "Kompletterad budget." });
    expect(readTestDecisions(db)[0]).not.toHaveProperty("reason");
  });

  it("refuses a round that has not opened, and a decided round unless the caller loads a past round", () => {
    const planned = createTestRound(db, { budget: 1_000_000, status: "planned" });
    const [p] = createTestApplications(db, planned, 1) as [number];
    expect(caughtDomainError(() => decide({ applicationId: p })).code).toBe("round_planned");

    const decided = createTestRound(db, { budget: 1_000_000, status: "decided", ordinal: 2, programmeId: 1 });
    const [d] = createTestApplications(db, decided, 1) as [number];
    expect(caughtDomainError(() => decide({ applicationId: d })).code).toBe("round_decided");
    expect(decide({ applicationId: d }, true).created).toBe(true);
  });

  it("refuses to run outside a transaction", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    expect(() =>
      recordDecision(db, { applicationId: a, outcome: "rejected", grantedAmount: 0, motivation: "", decidedOn: "2026-06-01" }, TEST_ACTOR),
    ).toThrow(/inside a write transaction/);
  });
});

describe("withdrawDecision", () => {
  it("deletes the decision, sets the application back to received and audits the reason", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    decide({ applicationId: a, grantedAmount: 300_000 });

    expect(caughtDomainError(() => inWriteTransaction(db, (tx) => withdrawDecision(tx, a, "Fel ansökan.", TEST_ACTOR, 7))).code).toBe("stale");
    expect(caughtDomainError(() => inWriteTransaction(db, (tx) => withdrawDecision(tx, a, "  ", TEST_ACTOR, 1))).fieldErrors?.reason).toBeDefined();

    const result = inWriteTransaction(db, (tx) => withdrawDecision(tx, a, "Beslutet fattades på fel ansökan.", TEST_ACTOR, 1));
    expect(result.applicationVersion).toBe(3);
    expect(readTestDecisions(db)).toEqual([]);
    expect(readTestApplication(db, a)?.status).toBe("received");
    expect(grantedInRound(db, roundId)).toBe(0);
    const event = readTestAuditEvents(db, { action: "decision.withdraw" })[0];
    expect(event).toMatchObject({ entityId: a });
    expect(event?.before).toMatchObject({ grantedAmount: 300_000 });
    expect(event?.after).toMatchObject({ reason: "Beslutet fattades på fel ansökan." });

    // A new decision may now be created again.
    expect(decide({ applicationId: a, grantedAmount: 100_000 }).created).toBe(true);
  });
});

describe("the rules of a decision made in Anslag", () => {
  it("refuses a decision without a motivation, a rejection too, and writes nothing", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    for (const outcome of ["approved", "rejected"] as const) {
      const error = caughtDomainError(() => decide({ applicationId: a, outcome, motivation: "   " }));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors?.motivation).toEqual(["Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet."]);
    }
    expect(caughtDomainError(() => decide({ applicationId: a, outcome: "rejected", motivation: "" })).fieldErrors?.motivation).toBeDefined();
    expect(counts().decisions).toBe(0);
  });

  it("keeps a past decision loaded by import without a motivation importable", () => {
    const roundId = createTestRound(db, { budget: 1_000_000, status: "decided" });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    const result = inWriteTransaction(db, (tx) =>
      recordDecision(tx, { applicationId: a, outcome: "rejected", grantedAmount: 0, motivation: "", decidedOn: "2013-06-01" }, TEST_ACTOR, {
        allowDecidedRound: true,
        imported: true,
      }),
    );
    expect(result.decision).toMatchObject({ outcome: "rejected", motivation: "" });
  });

  it("refuses to grant more than was requested without the confirmation, and the history says when it was confirmed", () => {
    const roundId = createTestRound(db, { budget: 5_000_000 });
    const [a] = createTestApplications(db, roundId, 1, 1_000_000) as [number];
    const error = caughtDomainError(() => decide({ applicationId: a, grantedAmount: 1_000_001 }));
    expect(error.code).toBe("over_request");
    expect(error.fieldErrors?.confirmOverRequest).toEqual([
      "Det beviljade beloppet är större än det sökta. Bekräfta att ansökan ska få mer än den sökte om.",
    ]);
    expect(counts().decisions).toBe(0);

    // Exactly the requested amount needs no confirmation; more does.
    decide({ applicationId: a, grantedAmount: 1_000_000 });
    decide({ applicationId: a, grantedAmount: 1_200_000, expectedVersion: 1, confirmOverRequest: true });
    const events = readTestAuditEvents(db, { entityType: "decision" });
    expect(events.map((e) => e.after?.exceedsRequestBy)).toEqual([undefined, 200_000]);
    expect(describeChanges(events[1]!.before, events[1]!.after)).toContain(
      `Beviljat 200${NBSP}000 kronor mer än det sökta beloppet (bekräftat)`,
    );
  });

  it("refuses a decision date in the future (Stockholm's day) and before 2000, and accepts today", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    expect(caughtDomainError(() => decide({ applicationId: a, decidedOn: todayIso(tomorrow) })).fieldErrors?.decidedOn).toEqual([
      "Beslutsdatumet kan inte ligga i framtiden.",
    ]);
    expect(caughtDomainError(() => decide({ applicationId: a, decidedOn: "0012-05-01" })).fieldErrors?.decidedOn).toEqual([
      "Beslutsdatumet kan inte vara före 1 januari 2000.",
    ]);
    expect(counts().decisions).toBe(0);
    expect(decide({ applicationId: a, decidedOn: todayIso() }).decision.decidedOn).toBe(todayIso());
  });

  it("finds an application outside the actor's scope as missing, and writes nothing", () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    const error = caughtDomainError(() =>
      inWriteTransaction(db, (tx) =>
        recordDecision(tx, { applicationId: a, outcome: "rejected", grantedAmount: 0, motivation: "Nej.", decidedOn: "2026-06-01" }, TEST_ACTOR, {
          scope: { kind: "organisation", organisationId: 999 },
        }),
      ),
    );
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Ansökan finns inte.");
    expect(counts().decisions).toBe(0);
  });
});

describe("recordDecision under concurrency", () => {
  // Twice as many competitors as the budget holds: half must be refused. (50 threads proved no more and took 13 s of
  // the unit run, each loading the modules on its own.)
  it("20 connections approving 100 000 each at once in a 1 000 000 round: exactly 10 succeed, none crash", async () => {
    const roundId = createTestRound(db, { budget: 1_000_000 });
    const ids = createTestApplications(db, roundId, 20);
    // Checkpoint so every new connection sees the applications without replaying a long WAL.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");

    // Plain JavaScript for the workers, built once: a TypeScript loader in each of 20 threads would take most of a minute.
    const build = buildWorker(fileURLToPath(new URL("./concurrency-worker.ts", import.meta.url)));
    onTestFinished(() => build.dispose());

    let ready = 0;
    let release: () => void = () => {};
    const allReady = new Promise<void>((resolve) => (release = resolve));
    const workers: Worker[] = [];
    const results = ids.map(
      (applicationId) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const worker = new Worker(build.entry, { workerData: { path, applicationId, amount: 100_000 } });
          workers.push(worker);
          worker.on("message", (message: "ready" | WorkerResult) => {
            if (message === "ready") {
              if (++ready === ids.length) release();
            } else resolve(message);
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
        }),
    );
    await allReady;
    // Every worker has loaded and opened its connection: release them all at once.
    for (const worker of workers) worker.postMessage("go");
    const outcomes = await Promise.all(results);

    const succeeded = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o): o is Extract<WorkerResult, { ok: false }> => !o.ok);
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.code).toBe("budget");
      expect(r.message).toBe("Beloppet överstiger det som finns kvar av omgångens budget: 0 kronor återstår.");
    }
    expect(grantedInRound(db, roundId)).toBe(1_000_000);
    expect(db.$client.prepare("SELECT count(*) FROM applications WHERE status = 'approved'").pluck().get()).toBe(10);
  }, 180_000);
});
