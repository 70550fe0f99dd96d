import { describe, expect, it } from "vitest";
import type { Db } from "../client";
import { seedDemo } from "../seed/demo";
import { seedReferenceData } from "../seed/reference";
import { freshTestDb } from "../testing";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema, type ApplicationFieldsInput } from "@/lib/applications/schema";
import { recordDecision } from "@/lib/decisions/record";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";
import { inWriteTransaction } from "@/db/transaction";
import { getRoundStatistics } from "./statistics";

function register(db: Db, roundId: number, lead: ApplicationFieldsInput["leadOrganisation"], requestedAmount = 1_000_000): number {
  const fields = applicationFieldsSchema.parse({ leadOrganisation: lead, projectTitle: "Projekt", requestedAmount });
  return inWriteTransaction(db, (tx) => registerApplication(tx, roundId, fields, TEST_ACTOR)).id;
}

function decide(db: Db, applicationId: number, grantedAmount: number | "rejected") {
  inWriteTransaction(db, (tx) =>
    recordDecision(
      tx,
      {
        applicationId,
        outcome: grantedAmount === "rejected" ? "rejected" : "approved",
        grantedAmount: grantedAmount === "rejected" ? 0 : grantedAmount,
        motivation: "Enligt beslutsmötet.",
        decidedOn: "2026-06-01",
        confirmOverRequest: true,
      },
      TEST_ACTOR,
    ),
  );
}

describe("getRoundStatistics", () => {
  it("counts, sums and breaks down a small round by county and organisation kind", () => {
    const { db } = freshTestDb();
    seedReferenceData(db);
    const roundId = createTestRound(db, { budget: 5_000_000 });
    const umea = register(db, roundId, { name: "Umeå kommun", kind: "kommun" });
    const umeaAgain = register(db, roundId, { name: "Umeå kommun" });
    const lycksele = register(db, roundId, { name: "Lycksele kommun", kind: "kommun" });
    const boras = register(db, roundId, { name: "Borås Stad", kind: "kommun", municipalityCode: "1490" });
    const vgr = register(db, roundId, { name: "Västra Götalandsregionen", kind: "region", countyCode: "14" });
    const company = register(db, roundId, { name: "Konsultbolaget AB", kind: "foretag" });
    register(db, roundId, { name: "Föreningen Jämt", kind: "annan" });
    decide(db, umea, 1_700_000);
    decide(db, umeaAgain, "rejected");
    decide(db, lycksele, 1_200_000);
    decide(db, boras, 1_200_000);
    decide(db, vgr, 300_000);
    decide(db, company, "rejected");
    // Another round's decisions never leak in.
    const other = createTestRound(db, { budget: 9_000_000, ordinal: 2, programmeId: 1 });
    decide(db, register(db, other, { name: "Umeå kommun" }), 2_000_000);

    const stats = getRoundStatistics(db, roundId);
    expect(stats).toMatchObject({
      roundId,
      budget: 5_000_000,
      received: 7,
      approved: 4,
      rejected: 2,
      undecided: 1,
      granted: 4_400_000,
      budgetLeft: 600_000,
    });
    expect(stats?.byCounty).toEqual([
      { countyCode: "24", countyName: "Västerbottens län", applications: 3, approved: 2, rejected: 1, granted: 2_900_000 },
      { countyCode: "14", countyName: "Västra Götalands län", applications: 2, approved: 2, rejected: 0, granted: 1_500_000 },
      { countyCode: null, countyName: null, applications: 2, approved: 0, rejected: 1, granted: 0 },
    ]);
    expect(stats?.byKind).toEqual([
      { kind: "kommun", applications: 4, approved: 3, rejected: 1, granted: 4_100_000 },
      { kind: "region", applications: 1, approved: 1, rejected: 0, granted: 300_000 },
      { kind: "annan", applications: 1, approved: 0, rejected: 0, granted: 0 },
      { kind: "foretag", applications: 1, approved: 0, rejected: 1, granted: 0 },
    ]);
  });

  it("gives zeros for a round without applications, and null for a round that does not exist", () => {
    const { db } = freshTestDb();
    const roundId = createTestRound(db, { budget: 3_000_000 });
    expect(getRoundStatistics(db, roundId)).toEqual({
      roundId,
      budget: 3_000_000,
      received: 0,
      approved: 0,
      rejected: 0,
      undecided: 0,
      granted: 0,
      budgetLeft: 3_000_000,
      byCounty: [],
      byKind: [],
    });
    expect(getRoundStatistics(db, 999)).toBeNull();
  });

  it("reproduces the demo's fifth round: 45 applications, 21 approved, 27 500 000 kronor of 28 000 000", async () => {
    const { db } = freshTestDb();
    await seedDemo(db);
    const roundId = db.$client.prepare("SELECT id FROM rounds WHERE ordinal = 5").pluck().get() as number;
    const stats = getRoundStatistics(db, roundId);
    expect(stats).toMatchObject({
      received: 45,
      approved: 21,
      rejected: 24,
      undecided: 0,
      granted: 27_500_000,
      budget: 28_000_000,
      budgetLeft: 500_000,
    });
    const sum = (rows: { applications: number; approved: number; granted: number }[]) =>
      rows.reduce((acc, r) => ({ applications: acc.applications + r.applications, approved: acc.approved + r.approved, granted: acc.granted + r.granted }), {
        applications: 0,
        approved: 0,
        granted: 0,
      });
    expect(sum(stats?.byCounty ?? [])).toEqual({ applications: 45, approved: 21, granted: 27_500_000 });
    expect(sum(stats?.byKind ?? [])).toEqual({ applications: 45, approved: 21, granted: 27_500_000 });
    // The press release's named grants are in their counties: Borås 1,2 miljoner in Västra Götaland, Växjö 1,4 in Kronoberg.
    const county = (code: string) => stats?.byCounty.find((c) => c.countyCode === code);
    expect(county("14")?.granted).toBeGreaterThanOrEqual(1_200_000);
    expect(county("07")?.granted).toBeGreaterThanOrEqual(1_400_000);
    // Largest grant first.
    const granted = stats?.byCounty.map((c) => c.granted) ?? [];
    expect(granted).toEqual([...granted].sort((a, b) => b - a));
  });

  it("breaks a round down in one pass over its applications, without a lookup per application", () => {
    const { db } = freshTestDb();
    seedReferenceData(db);
    const roundId = createTestRound(db, { budget: 5_000_000 });
    decide(db, register(db, roundId, { name: "Umeå kommun", kind: "kommun" }), 400_000);
    const sqlite = db.$client;
    const prepare = sqlite.prepare.bind(sqlite);
    const statements: string[] = [];
    sqlite.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof sqlite.prepare;
    try {
      expect(getRoundStatistics(db, roundId)?.byKind).toEqual([{ kind: "kommun", applications: 1, approved: 1, rejected: 0, granted: 400_000 }]);
    } finally {
      sqlite.prepare = prepare as typeof sqlite.prepare;
    }
    const breakdown = statements.find((s) => s.includes("per_group"));
    expect(breakdown).toBeDefined();
    const plan = (prepare(`EXPLAIN QUERY PLAN ${breakdown}`).all(roundId) as { detail: string }[]).map((row) => row.detail);
    // Grouping per organisation first and fetching each grant by a correlated subquery took twice as long (issue 14).
    expect(plan.filter((d) => /^SEARCH applications /.test(d))).toHaveLength(1);
    expect(plan.join("\n")).not.toMatch(/CORRELATED/);
  });
});
