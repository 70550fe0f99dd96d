import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { keptPortalRoundTotals, portalApplicationIdsFromScratch, recomputedPortalRoundTotals } from "@/db/testing/portal";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema } from "@/lib/applications/schema";
import { makeDecision } from "@/lib/decisions/record";
import { recordDecisionSchema } from "@/lib/decisions/schema";
import {
  getPortalOverview,
  listPortalApplicationPage,
  listPortalRoundTotals,
  portalApplicationsQuery,
  portalRoundTotalsPage,
  portalRoundTotalsQuery,
  roundsOfPage,
} from "./portal";

const officer = { id: null, label: "Anna Handläggare" };
let db: Db;
let programmeId: number;
let older: number;
let newer: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  programmeId = insertTestProgramme(db);
  older = insertTestRound(db, { programmeId, ordinal: 4, year: 2012, budget: 10_000_000 });
  newer = insertTestRound(db, { programmeId, ordinal: 5, year: 2013, budget: 10_000_000 });
});

function register(roundId: number, lead: string, coApplicants: string[] = [], title = `${lead} ${roundId}`) {
  return saveNewApplication(
    db,
    registerApplicationSchema.parse({ roundId, leadOrganisation: { name: lead }, coApplicants: coApplicants.map((name) => ({ name })), projectTitle: title, requestedAmount: 2_000_000 }),
    officer,
  );
}

function approve(applicationId: number, grantedAmount: number) {
  makeDecision(
    db,
    recordDecisionSchema.parse({ applicationId, outcome: "approved", grantedAmount, motivation: "Väl förankrat.", decidedOn: "2013-11-20" }),
    officer,
    { kind: "all" },
  );
}

/** Page `page` of the organisation's applications, `pageSize` a page, as the portal reads it. */
function pageOf(organisationId: number, page: number, pageSize: number) {
  return listPortalApplicationPage(db, organisationId, listPortalRoundTotals(db, organisationId), page, pageSize);
}

function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = query.toSQL();
  return (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);
}

describe("the coordinator's portal", () => {
  it("lists the organisation's applications as lead and as co-applicant, newest round first, with their decisions, and nothing of other organisations", () => {
    const umeaOld = register(older, "Umeå kommun");
    const umea = umeaOld.leadOrganisationId;
    approve(umeaOld.id, 1_700_000);
    const joint = register(newer, "Vännäs kommun", ["Umeå kommun"]);
    approve(joint.id, 900_000);
    const umeaNew = register(newer, "Umeå kommun");
    register(newer, "Lycksele kommun");
    register(older, "Skellefteå kommun", ["Lycksele kommun"]);

    const { rows, total, page, pages } = getPortalOverview(db, umea, { applications: 1, rounds: 1 }).applications;
    expect({ total, page, pages }).toEqual({ total: 3, page: 1, pages: 1 });
    expect(rows.map((r) => [r.registrationNumber, r.roundYear, r.isLead, r.status, r.grantedAmount, r.decidedOn])).toEqual([
      [joint.registrationNumber, 2013, false, "approved", 900_000, "2013-11-20"],
      [umeaNew.registrationNumber, 2013, true, "received", null, null],
      [umeaOld.registrationNumber, 2012, true, "approved", 1_700_000, "2013-11-20"],
    ]);
  });

  it("totals what was granted per round, as lead and as co-applicant apart, from the totals kept in each write's transaction", () => {
    const a = register(newer, "Umeå kommun");
    const umea = a.leadOrganisationId;
    approve(a.id, 1_000_000);
    const b = register(newer, "Vännäs kommun", ["Umeå kommun"]);
    approve(b.id, 600_000);
    register(newer, "Nordmalings kommun", ["Umeå kommun"]);
    const c = register(older, "Umeå kommun");
    approve(c.id, 1_700_000);
    const other = register(older, "Lycksele kommun");
    approve(other.id, 1_200_000);

    expect(listPortalRoundTotals(db, umea).map((r) => [r.roundYear, r.applications, r.approved, r.grantedAsLead, r.grantedAsCoApplicant])).toEqual([
      [2013, 3, 2, 1_000_000, 600_000],
      [2012, 1, 1, 1_700_000, 0],
    ]);
    expect(keptPortalRoundTotals(db)).toEqual(recomputedPortalRoundTotals(db));
  });

  it("gives an organisation without applications nothing: no rows, one empty page", () => {
    const lycksele = register(newer, "Lycksele kommun").leadOrganisationId;
    const nobody = lycksele + 1000;
    expect(getPortalOverview(db, nobody, { applications: 1, rounds: 1 })).toEqual({
      applications: { rows: [], total: 0, page: 1, pages: 1 },
      rounds: { rows: [], total: 0, page: 1, pages: 1 },
    });
    expect(getPortalOverview(db, nobody, { applications: 7, rounds: 3 }).applications).toEqual({ rows: [], total: 0, page: 1, pages: 1 });
    expect(pageOf(lycksele, 1, 50).rows.map((r) => r.projectTitle)).toEqual([`Lycksele kommun ${newer}`]);
  });

  it("pages the organisation's applications, the same order across pages, and counts them all", () => {
    const umea = register(newer, "Umeå kommun", ["Vännäs kommun"]).leadOrganisationId;
    register(older, "Vännäs kommun", ["Umeå kommun"]);
    for (let i = 0; i < 3; i++) register(older, "Umeå kommun", [], `Egen ${i}`);
    register(newer, "Lycksele kommun");

    const all = portalApplicationIdsFromScratch(db, umea);
    expect(all).toHaveLength(5);
    expect(pageOf(umea, 1, 50)).toMatchObject({ total: 5, page: 1, pages: 1 });
    const pages = [1, 2, 3].map((page) => pageOf(umea, page, 2));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => [p.page, p.pages, p.total])).toEqual([[1, 3, 5], [2, 3, 5], [3, 3, 5]]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    // A page past the end shows the last page; nonsense shows the first.
    expect(pageOf(umea, 4, 2)).toEqual(pages[2]);
    expect(pageOf(umea, 0, 2)).toEqual(pages[0]);
  });

  it("starts a page in the middle of a round and ends it in another, through a round where the organisation is lead and co-applicant", () => {
    const oldest = insertTestRound(db, { programmeId, ordinal: 3, year: 2011, budget: 10_000_000 });
    // 2013: three of its own; 2012: one as lead and one as co-applicant; 2011: four.
    const umea = register(newer, "Umeå kommun", [], "A 2013").leadOrganisationId;
    register(newer, "Umeå kommun", [], "B 2013");
    register(newer, "Umeå kommun", [], "C 2013");
    const lead2012 = register(older, "Umeå kommun", ["Vännäs kommun"], "Leder 2012");
    const co2012 = register(older, "Vännäs kommun", ["Umeå kommun"], "Medsökande 2012");
    for (const title of ["D 2011", "E 2011", "F 2011", "G 2011"]) register(oldest, "Umeå kommun", [], title);
    register(older, "Lycksele kommun", ["Vännäs kommun"]);

    const titles = (page: number) => pageOf(umea, page, 2).rows.map((r) => r.projectTitle);
    expect(listPortalRoundTotals(db, umea).map((r) => [r.roundYear, r.applications])).toEqual([[2013, 3], [2012, 2], [2011, 4]]);
    expect(titles(1)).toEqual(["A 2013", "B 2013"]);
    // Page 2 starts with the last of 2013 and ends in 2012 (registration order within the round).
    const expected2012 = [lead2012, co2012].sort((a, b) => a.registrationNumber.localeCompare(b.registrationNumber)).map((a) => a.projectTitle);
    expect(titles(2)).toEqual(["C 2013", expected2012[0]]);
    expect(titles(3)).toEqual([expected2012[1], "D 2011"]);
    expect(titles(4)).toEqual(["E 2011", "F 2011"]);
    // The last page holds what is left.
    expect(pageOf(umea, 5, 2)).toMatchObject({ page: 5, pages: 5, total: 9 });
    expect(titles(5)).toEqual(["G 2011"]);
    expect(pageOf(umea, 3, 2).rows.map((r) => [r.projectTitle, r.isLead])).toContainEqual(["Medsökande 2012", false]);
  });

  it("counts an application once for an organisation that is both its lead and a co-applicant", () => {
    const own = register(newer, "Umeå kommun");
    const umea = own.leadOrganisationId;
    approve(own.id, 500_000);
    // The forms drop a lead from its own co-applicants; a plain INSERT (an import, a fix by hand) need not.
    db.$client.prepare("INSERT INTO application_co_applicants (application_id, organisation_id, position) VALUES (?, ?, 1)").run(own.id, umea);
    expect(listPortalRoundTotals(db, umea).map((r) => [r.applications, r.approved, r.grantedAsLead, r.grantedAsCoApplicant])).toEqual([[1, 1, 500_000, 0]]);
    expect(pageOf(umea, 1, 50).rows.map((r) => [r.id, r.isLead])).toEqual([[own.id, true]]);
    expect(keptPortalRoundTotals(db)).toEqual(recomputedPortalRoundTotals(db));
  });

  it("picks the rounds of a page from the running counts", () => {
    const rounds = [
      { roundId: 10, applications: 3 },
      { roundId: 11, applications: 2 },
      { roundId: 12, applications: 4 },
    ];
    expect(roundsOfPage(rounds, 0, 2)).toEqual({ roundIds: [10], skip: 0 });
    expect(roundsOfPage(rounds, 2, 2)).toEqual({ roundIds: [10, 11], skip: 2 });
    expect(roundsOfPage(rounds, 3, 2)).toEqual({ roundIds: [11], skip: 0 });
    expect(roundsOfPage(rounds, 4, 50)).toEqual({ roundIds: [11, 12], skip: 1 });
    expect(roundsOfPage(rounds, 9, 2)).toEqual({ roundIds: [], skip: 0 });
    expect(roundsOfPage([], 0, 50)).toEqual({ roundIds: [], skip: 0 });
  });

  it("pages the totals per round, 25 rounds a page", () => {
    const rounds = Array.from({ length: 51 }, (_, i) => i);
    expect(portalRoundTotalsPage(rounds, 1)).toMatchObject({ total: 51, page: 1, pages: 3, rows: rounds.slice(0, 25) });
    expect(portalRoundTotalsPage(rounds, 3)).toMatchObject({ page: 3, rows: [50] });
    expect(portalRoundTotalsPage(rounds, 99)).toMatchObject({ page: 3, rows: [50] });
    expect(portalRoundTotalsPage([], 2)).toEqual({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it("reads the page's applications through the organisation indexes and the totals by their key, never scanning every application", () => {
    const applicationsPlan = planOf(portalApplicationsQuery(db, 1, [older, newer], 0));
    const text = applicationsPlan.join("\n");
    expect(applicationsPlan.some((d) => /applications USING COVERING INDEX applications_lead_organisation_idx \(lead_organisation_id=\? AND round_id=\?\)/.test(d)), text).toBe(true);
    expect(applicationsPlan.some((d) => /^SEARCH c USING (COVERING )?INDEX co_applicants_organisation_idx \(organisation_id=\?\)/.test(d)), text).toBe(true);
    // The only scan is of the page's round ids (one JSON array of a few).
    expect(applicationsPlan.some((d) => /^SCAN (?!json_each VIRTUAL TABLE)/.test(d)), text).toBe(false);

    const totalsPlan = planOf(portalRoundTotalsQuery(db, 1));
    expect(totalsPlan.some((d) => /^SEARCH portal_round_totals USING (COVERING )?INDEX sqlite_autoindex_portal_round_totals_1 \(organisation_id=\?\)/.test(d)), totalsPlan.join("\n")).toBe(true);
    expect(totalsPlan.some((d) => /^SCAN /.test(d)), totalsPlan.join("\n")).toBe(false);
  });

  it("fills the totals from the applications already there when the migration runs", () => {
    const a = register(newer, "Umeå kommun", ["Vännäs kommun"]);
    approve(a.id, 800_000);
    register(older, "Vännäs kommun", ["Umeå kommun", "Lycksele kommun"]);
    const before = keptPortalRoundTotals(db);
    expect(before).toHaveLength(5);
    // The migration's backfill, run again on an emptied table, gives what the triggers kept.
    const migration = readFileSync(join(process.cwd(), "db/migrations/0009_portal_round_totals.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("INSERT INTO portal_round_totals") && s.includes("GROUP BY"));
    expect(backfill).toBeDefined();
    db.$client.exec("DELETE FROM portal_round_totals");
    db.$client.exec(backfill!);
    expect(keptPortalRoundTotals(db)).toEqual(before);
    expect(before).toEqual(recomputedPortalRoundTotals(db));
  });
});
