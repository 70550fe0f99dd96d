import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { readTestApplication, readTestDecision, readTestDecisions } from "@/db/testing/decisions";
import { freshTestDb } from "@/db/testing";
import { listMeetingApplications, recordMeetingDecisions, type MeetingRow } from "./meeting";
import { grantedInRound, recordDecision } from "./record";
import { createTestApplications, createTestRound, TEST_ACTOR } from "./test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { caughtDomainError } from "@/lib/testing";

const NBSP = "\u00a0";

let db: Db;

beforeEach(() => {
  ({ db } = freshTestDb());
});

type Row = Omit<MeetingRow, "motivation"> & { motivation?: string };

/** Rows without a motivation of their own get the one the officer copied in from the shared text. */
function meet(roundId: number, rows: Row[]) {
  return recordMeetingDecisions(
    db,
    roundId,
    { decidedOn: "2026-06-01", rows: rows.map((r) => ({ motivation: "Beslut vid beslutsmötet.", ...r })) },
    TEST_ACTOR,
  );
}

function snapshot() {
  const all = (table: string) => db.$client.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return { applications: all("applications"), decisions: all("decisions"), audit: all("audit_events") };
}

function registrationNumber(id: number): string {
  return readTestApplication(db, id)?.registrationNumber ?? "";
}

describe("recordMeetingDecisions", () => {
  it("records every proposed decision with the meeting's date and motivation, and skips undecided rows", () => {
    const roundId = createTestRound(db, { budget: 3_000_000 });
    const [a, b, c, d, e] = createTestApplications(db, roundId, 5, 2_000_000) as [number, number, number, number, number];
    const result = meet(roundId, [
      { applicationId: a, outcome: "approved", grantedAmount: 1_500_000 },
      { applicationId: b, outcome: "approved", grantedAmount: 1_500_000 },
      { applicationId: c, outcome: "rejected", grantedAmount: 900_000 },
      { applicationId: d, outcome: "rejected", grantedAmount: 0 },
      { applicationId: e, outcome: null, grantedAmount: 0 },
    ]);

    expect(result).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 1 });
    expect(grantedInRound(db, roundId)).toBe(3_000_000);
    const rows = readTestDecisions(db);
    expect(rows.map((r) => [r.applicationId, r.outcome, r.grantedAmount])).toEqual([
      [a, "approved", 1_500_000],
      [b, "approved", 1_500_000],
      [c, "rejected", 0],
      [d, "rejected", 0],
    ]);
    expect(rows.every((r) => r.decidedOn === "2026-06-01" && r.motivation === "Beslut vid beslutsmötet.")).toBe(true);
    expect(readTestApplication(db, e)?.status).toBe("received");
    expect(db.$client.prepare("SELECT count(*) FROM audit_events WHERE action = 'decision.create'").pluck().get()).toBe(4);
  });

  it("refuses the whole meeting when one approval goes over the budget, naming the row, and writes nothing", () => {
    const roundId = createTestRound(db, { budget: 3_000_000 });
    const [a, b, c] = createTestApplications(db, roundId, 3, 2_000_000) as [number, number, number];
    const before = snapshot();

    const error = caughtDomainError(() =>
      meet(roundId, [
        { applicationId: a, outcome: "approved", grantedAmount: 1_500_000 },
        { applicationId: b, outcome: "rejected", grantedAmount: 0 },
        { applicationId: c, outcome: "approved", grantedAmount: 1_700_000 },
      ]),
    );
    expect(error.code).toBe("budget");
    expect(error.message).toBe(
      `Förslagen beviljar 3${NBSP}200${NBSP}000 kronor men budgeten är 3${NBSP}000${NBSP}000 kronor: 200${NBSP}000 kronor för mycket. Budgeten tar slut vid ${registrationNumber(c)}. Inga beslut har fattats.`,
    );
    expect(error.details).toMatchObject({ row: 2, registrationNumber: registrationNumber(c), applicationId: c });
    expect(error.fieldErrors).toEqual({
      "rows.2.grantedAmount": [`Beloppet överstiger det som finns kvar av omgångens budget: 1${NBSP}500${NBSP}000 kronor återstår.`],
    });
    expect(snapshot()).toEqual(before);
  });

  it("refuses the whole meeting when a decision was made elsewhere meanwhile (stale), and writes nothing", () => {
    const roundId = createTestRound(db, { budget: 3_000_000 });
    const [a, b] = createTestApplications(db, roundId, 2) as [number, number];
    // The meeting page was loaded while neither had a decision; then someone decided b on its own page.
    inWriteTransaction(db, (tx) =>
      recordDecision(tx, { applicationId: b, outcome: "approved", grantedAmount: 500_000, motivation: "Beviljas.", decidedOn: "2026-05-01" }, TEST_ACTOR),
    );
    const before = snapshot();

    const error = caughtDomainError(() =>
      meet(roundId, [
        { applicationId: a, outcome: "approved", grantedAmount: 1_000_000 },
        { applicationId: b, outcome: "rejected", grantedAmount: 0 },
      ]),
    );
    expect(error.code).toBe("stale");
    expect(error.message).toBe(`${registrationNumber(b)}: Någon annan har beslutat om ansökan under tiden. Ladda om sidan och försök igen. Inga beslut har fattats.`);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["rows.1.outcome"]);
    expect(snapshot()).toEqual(before);

    // A changed decision is stale too when the meeting carries the old version.
    const changed = caughtDomainError(() => meet(roundId, [{ applicationId: b, outcome: "approved", grantedAmount: 400_000, expectedVersion: 7 }]));
    expect(changed.code).toBe("stale");
    expect(snapshot()).toEqual(before);
  });

  it("changes existing decisions by their version, skips unchanged ones, and frees money before spending it", () => {
    const roundId = createTestRound(db, { budget: 2_000_000 });
    const [a, b, c] = createTestApplications(db, roundId, 3, 2_000_000) as [number, number, number];
    meet(roundId, [
      { applicationId: a, outcome: "approved", grantedAmount: 2_000_000 },
      { applicationId: b, outcome: "rejected", grantedAmount: 0 },
    ]);
    const loaded = listMeetingApplications(db, roundId, { kind: "all" });
    expect(loaded.map((r) => r.decision?.version ?? null)).toEqual([1, 1, null]);

    // 1 200 000 moves from a to c with the budget fully spent; c is listed first, so this passes only because
    // reductions are recorded before increases.
    const result = meet(roundId, [
      { applicationId: c, outcome: "approved", grantedAmount: 1_200_000 },
      { applicationId: b, outcome: "rejected", grantedAmount: 0, expectedVersion: 1 },
      { applicationId: a, outcome: "approved", grantedAmount: 800_000, expectedVersion: 1 },
    ]);
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 1, skipped: 0 });
    expect(grantedInRound(db, roundId)).toBe(2_000_000);
    expect(readTestDecision(db, a)).toMatchObject({ grantedAmount: 800_000, version: 2 });
    expect(readTestDecision(db, b)).toMatchObject({ version: 1, decidedOn: "2026-06-01" });
  });

  it("refuses to clear an existing decision, an application of another round and an approval of nothing", () => {
    const roundId = createTestRound(db, { budget: 2_000_000 });
    const [a, b] = createTestApplications(db, roundId, 2) as [number, number];
    meet(roundId, [{ applicationId: a, outcome: "rejected", grantedAmount: 0 }]);
    const before = snapshot();

    const cleared = caughtDomainError(() => meet(roundId, [{ applicationId: a, outcome: null, grantedAmount: 0, expectedVersion: 1 }]));
    expect(cleared.fieldErrors).toEqual({ "rows.0.outcome": ["Ett fattat beslut kan inte tas bort i beslutsmötet."] });

    const otherRound = createTestRound(db, { budget: 1_000_000, ordinal: 2, programmeId: 1 });
    const [foreign] = createTestApplications(db, otherRound, 1) as [number];
    expect(caughtDomainError(() => meet(roundId, [{ applicationId: foreign, outcome: "rejected", grantedAmount: 0 }])).code).toBe("invalid");

    const nothing = caughtDomainError(() => meet(roundId, [{ applicationId: b, outcome: "approved", grantedAmount: 0 }]));
    expect(nothing.fieldErrors).toEqual({ "rows.0.grantedAmount": ["Ange det beviljade beloppet (mer än 0 kronor)."] });
    expect(nothing.message).toBe(`${registrationNumber(b)}: Ange det beviljade beloppet (mer än 0 kronor). Inga beslut har fattats.`);
    expect(snapshot().decisions).toEqual(before.decisions);
  });

  it("refuses a decided round as recordDecision does", () => {
    const roundId = createTestRound(db, { budget: 2_000_000, status: "decided" });
    const [a] = createTestApplications(db, roundId, 1) as [number];
    expect(caughtDomainError(() => meet(roundId, [{ applicationId: a, outcome: "rejected", grantedAmount: 0 }])).code).toBe("round_decided");
  });

  it("blames the row where the running sum in table order first passes the budget, not a row that fit", () => {
    const roundId = createTestRound(db, { budget: 3_000_000 });
    const [a, b, c] = createTestApplications(db, roundId, 3, 2_000_000) as [number, number, number];
    // In table order: a 1 700 000 fits (1 700 000), b 1 500 000 passes the budget (3 200 000). Written reductions
    // first and smaller increases first, b was written before a, so the check tripped at a: it used to blame a.
    const before = snapshot();
    const error = caughtDomainError(() =>
      meet(roundId, [
        { applicationId: a, outcome: "approved", grantedAmount: 1_700_000 },
        { applicationId: b, outcome: "approved", grantedAmount: 1_500_000 },
        { applicationId: c, outcome: "rejected", grantedAmount: 0 },
      ]),
    );
    expect(error.code).toBe("budget");
    expect(error.details).toMatchObject({ row: 1, applicationId: b });
    expect(error.fieldErrors).toEqual({
      "rows.1.grantedAmount": [`Beloppet överstiger det som finns kvar av omgångens budget: 1${NBSP}300${NBSP}000 kronor återstår.`],
    });
    expect(error.message).toContain(`Budgeten tar slut vid ${registrationNumber(b)}.`);
    expect(snapshot()).toEqual(before);
  });

  it("counts what the rest of the round has granted before the first row", () => {
    const roundId = createTestRound(db, { budget: 2_000_000 });
    const [a, b, c] = createTestApplications(db, roundId, 3) as [number, number, number];
    meet(roundId, [{ applicationId: c, outcome: "approved", grantedAmount: 1_000_000 }]);
    const error = caughtDomainError(() =>
      meet(roundId, [
        { applicationId: a, outcome: "approved", grantedAmount: 600_000 },
        { applicationId: b, outcome: "approved", grantedAmount: 600_000 },
      ]),
    );
    expect(error.details).toMatchObject({ row: 1, applicationId: b });
    expect(error.fieldErrors?.["rows.1.grantedAmount"]).toEqual([`Beloppet överstiger det som finns kvar av omgångens budget: 400${NBSP}000 kronor återstår.`]);
  });

  it("gives each decision its own motivation, and refuses a row without one at its field", () => {
    const roundId = createTestRound(db, { budget: 2_000_000 });
    const [a, b] = createTestApplications(db, roundId, 2) as [number, number];
    const before = snapshot();
    const error = caughtDomainError(() =>
      meet(roundId, [
        { applicationId: a, outcome: "approved", grantedAmount: 500_000, motivation: "Väl underbyggd." },
        { applicationId: b, outcome: "rejected", grantedAmount: 0, motivation: "" },
      ]),
    );
    expect(error.fieldErrors).toEqual({ "rows.1.motivation": ["Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet."] });
    expect(snapshot()).toEqual(before);

    meet(roundId, [
      { applicationId: a, outcome: "approved", grantedAmount: 500_000, motivation: "Väl underbyggd." },
      { applicationId: b, outcome: "rejected", grantedAmount: 0, motivation: "Ligger utanför programmets inriktning." },
    ]);
    expect(readTestDecisions(db).map((d) => d.motivation)).toEqual([
      "Väl underbyggd.",
      "Ligger utanför programmets inriktning.",
    ]);
  });

  it("asks for the confirmation of a row granted more than it requested, at that row", () => {
    const roundId = createTestRound(db, { budget: 5_000_000 });
    const [a] = createTestApplications(db, roundId, 1, 1_000_000) as [number];
    const error = caughtDomainError(() => meet(roundId, [{ applicationId: a, outcome: "approved", grantedAmount: 1_100_000 }]));
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["rows.0.confirmOverRequest"]);
    expect(meet(roundId, [{ applicationId: a, outcome: "approved", grantedAmount: 1_100_000, confirmOverRequest: true }]).created).toBe(1);
  });
});
