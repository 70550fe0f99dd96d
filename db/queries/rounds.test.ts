import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema } from "@/lib/applications/schema";
import { makeDecision } from "@/lib/decisions/record";
import { recordDecisionSchema } from "@/lib/decisions/schema";
import { listRoundSummaries, listRoundSummaryPage } from "./rounds";

const officer = { id: null, label: "Anna Handläggare" };
let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
});

function register(roundId: number, requestedAmount = 2_000_000) {
  return saveNewApplication(
    db,
    registerApplicationSchema.parse({ roundId, leadOrganisation: { name: "Umeå kommun" }, projectTitle: `Projekt ${roundId}`, requestedAmount }),
    officer,
  );
}

function decide(applicationId: number, outcome: "approved" | "rejected", grantedAmount = 0) {
  makeDecision(db, recordDecisionSchema.parse({ applicationId, outcome, grantedAmount, motivation: "Prövat.", decidedOn: "2026-05-20" }), officer, { kind: "all" });
}

describe("the start page's rounds, a page at a time", () => {
  it("gives each round on the page the same figures as the whole list, in the same order, and pages the rest", () => {
    const hj = insertTestProgramme(db);
    const other = insertTestProgramme(db, { name: "Annat program", code: "AP" });
    const ids = [1, 2, 3, 4].map((ordinal) => insertTestRound(db, { programmeId: hj, ordinal, budget: 10_000_000 }));
    ids.push(insertTestRound(db, { programmeId: other, ordinal: 1, budget: 5_000_000 }));
    const approved = register(ids[3]!);
    decide(approved.id, "approved", 1_500_000);
    decide(register(ids[3]!).id, "rejected");
    register(ids[3]!);
    decide(register(ids[4]!).id, "approved", 700_000);

    const whole = listRoundSummaries(db);
    const pages = [1, 2, 3].map((page) => listRoundSummaryPage(db, page, 2));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole);
    expect(pages[0]).toMatchObject({ total: 5, page: 1, pages: 3 });
    // "Annat program" first, then the fourth round of the other programme with its three applications.
    expect(pages[0]!.rows.map((r) => [r.id, r.received, r.approved, r.rejected, r.granted])).toEqual([
      [ids[4], 1, 1, 0, 700_000],
      [ids[3], 3, 1, 1, 1_500_000],
    ]);
  });

  it("answers a page past the end with the last page, and nonsense with the first", () => {
    const hj = insertTestProgramme(db);
    for (const ordinal of [1, 2, 3]) insertTestRound(db, { programmeId: hj, ordinal, budget: 1_000_000 });
    expect(listRoundSummaryPage(db, 99, 2)).toMatchObject({ page: 2, pages: 2, rows: [{ ordinal: 1 }] });
    expect(listRoundSummaryPage(db, Number.NaN, 2).page).toBe(1);
    expect(listRoundSummaryPage(db, -3, 2).page).toBe(1);
  });

  it("has one empty page when there are no rounds", () => {
    expect(listRoundSummaryPage(db, 1)).toEqual({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it("counts a page's rounds from the round indexes, never by scanning every application", () => {
    const plan = db.$client
      .prepare(
        `explain query plan select (select count(*) from applications where round_id = 1 and status = 'approved'),
           (select coalesce(sum(granted_amount), 0) from decisions where round_id = 1 and outcome = 'approved')`,
      )
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join("\n");
    expect(details).toMatch(/applications USING COVERING INDEX applications_round_status_idx/);
    expect(details).toMatch(/decisions USING COVERING INDEX decisions_round_outcome_idx/);
  });
});
