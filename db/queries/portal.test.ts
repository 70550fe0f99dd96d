import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound } from "@/db/testing/decisions";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema } from "@/lib/applications/schema";
import { makeDecision } from "@/lib/decisions/record";
import { recordDecisionSchema } from "@/lib/decisions/schema";
import { countPortalApplications, listPortalApplications, listPortalRoundTotals, portalApplicationsQuery, portalRoundTotalsQuery } from "./portal";

const officer = { id: null, label: "Anna Handläggare" };
let db: Db;
let older: number;
let newer: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  const programmeId = insertTestProgramme(db);
  older = insertTestRound(db, { programmeId, ordinal: 4, year: 2012, budget: 10_000_000 });
  newer = insertTestRound(db, { programmeId, ordinal: 5, year: 2013, budget: 10_000_000 });
});

function register(roundId: number, lead: string, coApplicants: string[] = []) {
  return saveNewApplication(
    db,
    registerApplicationSchema.parse({ roundId, leadOrganisation: { name: lead }, coApplicants: coApplicants.map((name) => ({ name })), projectTitle: `${lead} ${roundId}`, requestedAmount: 2_000_000 }),
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

    const rows = listPortalApplications(db, umea);
    expect(rows.map((r) => [r.registrationNumber, r.roundYear, r.isLead, r.status, r.grantedAmount, r.decidedOn])).toEqual([
      [joint.registrationNumber, 2013, false, "approved", 900_000, "2013-11-20"],
      [umeaNew.registrationNumber, 2013, true, "received", null, null],
      [umeaOld.registrationNumber, 2012, true, "approved", 1_700_000, "2013-11-20"],
    ]);
  });

  it("totals what was granted per round, as lead and as co-applicant apart, computed in SQL", () => {
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
  });

  it("gives an organisation without applications nothing", () => {
    const lycksele = register(newer, "Lycksele kommun").leadOrganisationId;
    const umea = register(older, "Umeå kommun").leadOrganisationId;
    expect(listPortalApplications(db, lycksele).map((r) => r.projectTitle)).toEqual([`Lycksele kommun ${newer}`]);
    expect(listPortalApplications(db, umea + lycksele + 1000)).toEqual([]);
    expect(listPortalRoundTotals(db, umea + lycksele + 1000)).toEqual([]);
  });

  it("pages the organisation's applications, the same order across pages, and counts them all", () => {
    const umea = register(newer, "Umeå kommun", ["Vännäs kommun"]).leadOrganisationId;
    register(older, "Vännäs kommun", ["Umeå kommun"]);
    for (let i = 0; i < 3; i++) register(older, "Umeå kommun");
    register(newer, "Lycksele kommun");

    const all = listPortalApplications(db, umea).map((r) => r.id);
    expect(all).toHaveLength(5);
    expect(countPortalApplications(db, umea)).toBe(5);
    const pages = [1, 2, 3].map((page) => listPortalApplications(db, umea, page, 2).map((r) => r.id));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(all);
    expect(listPortalApplications(db, umea, 4, 2)).toEqual([]);
    expect(countPortalApplications(db, umea + 1000)).toBe(0);
  });

  it("reads both lists through the organisation indexes, never by scanning every application", () => {
    for (const query of [portalApplicationsQuery(db, 1), portalRoundTotalsQuery(db, 1)]) {
      const { sql, params } = query.toSQL();
      const plan = db.$client.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[];
      const details = plan.map((p) => p.detail);
      expect(details.some((d) => /applications USING COVERING INDEX applications_lead_organisation_idx/.test(d)), details.join("\n")).toBe(true);
      expect(details.some((d) => /application_co_applicants USING (COVERING )?INDEX co_applicants_organisation_idx/.test(d)), details.join("\n")).toBe(true);
      expect(details.some((d) => /^SCAN applications\b/.test(d)), details.join("\n")).toBe(false);
    }
  });
});
