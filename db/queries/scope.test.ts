import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { seedReferenceData } from "../seed/reference";
import { freshTestDb } from "../testing";
import { inWriteTransaction } from "../transaction";
import { listAllListedApplicationIds, listRoundApplications } from "./application-list";
import { getApplicationDetail } from "./applications";
import { getDecisionTarget, listMeetingApplications } from "./decisions";
import { getDecisionLetterData } from "./letters";
import { getOrganisationByName } from "./organisations";
import { applicationInScope } from "./scope";
import { parseListParams } from "@/lib/applications/list-params";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema, type ApplicationFieldsInput } from "@/lib/applications/schema";
import { recordDecision } from "@/lib/decisions/record";
import { createTestRound, TEST_ACTOR } from "@/lib/decisions/test-helpers";

/*
 * The one scope rule (applicationInScope) in every read that takes a scope: a coordinator's scope finds their
 * organisation's applications, as lead or co-applicant, and another organisation's exactly as it finds a missing one.
 */

let db: Db;
let roundId: number;
let led: number;
let joined: number;
let other: number;
let umea: ApplicationScope;

function register(title: string, fields: Pick<ApplicationFieldsInput, "leadOrganisation"> & Partial<ApplicationFieldsInput>): number {
  const parsed = applicationFieldsSchema.parse({ projectTitle: title, requestedAmount: 100_000, ...fields });
  return inWriteTransaction(db, (tx) => {
    const id = registerApplication(tx, roundId, parsed, TEST_ACTOR).id;
    recordDecision(tx, { applicationId: id, outcome: "approved", grantedAmount: 100_000, motivation: "Bra.", decidedOn: "2026-01-15" }, TEST_ACTOR);
    return id;
  });
}

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = createTestRound(db, { budget: 10_000_000, status: "open" });
  led = register("Projekt Umeå leder", { leadOrganisation: { name: "Umeå kommun" } });
  joined = register("Projekt Umeå deltar", { leadOrganisation: { name: "Vännäs kommun" }, coApplicants: "Umeå kommun" });
  other = register("Projekt Borås", { leadOrganisation: { name: "Borås Stad", kind: "kommun" } });
  umea = { kind: "organisation", organisationId: getOrganisationByName(db, "Umeå kommun")!.id };
});

describe("a coordinator's scope in every scoped read", () => {
  it("one application: the detail, the decision target and the letter find their own and not another organisation's", () => {
    for (const id of [led, joined]) {
      expect(getApplicationDetail(db, id, umea)?.id).toBe(id);
      expect(getDecisionTarget(db, id, umea)?.id).toBe(id);
      expect(getDecisionLetterData(db, id, umea)?.id).toBe(id);
    }
    for (const id of [other, 999_999]) {
      expect(getApplicationDetail(db, id, umea)).toBeNull();
      expect(getDecisionTarget(db, id, umea)).toBeNull();
      expect(getDecisionLetterData(db, id, umea)).toBeNull();
    }
  });

  it("lists: the round's list (with and without a search), the export's ids and the meeting hold only their own", () => {
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
    for (const sok of ["", "projekt", "Borås"]) {
      const params = parseListParams({ sok });
      const expected = sok === "Borås" ? [] : [led, joined];
      const list = listRoundApplications(db, roundId, params, umea);
      expect(ids(list.rows), sok).toEqual(expected);
      expect(list.total, sok).toBe(expected.length);
      expect([...listAllListedApplicationIds(db, roundId, params, umea)].sort((a, b) => a - b), sok).toEqual(expected);
    }
    expect(ids(listMeetingApplications(db, roundId, umea))).toEqual([led, joined]);
  });

  it("staff see everything and a reader without a scope nothing, through the same condition", () => {
    const params = parseListParams({});
    expect(listRoundApplications(db, roundId, params, { kind: "all" }).total).toBe(3);
    expect(listAllListedApplicationIds(db, roundId, params, { kind: "none" })).toEqual([]);
    expect(getApplicationDetail(db, other, { kind: "none" })).toBeNull();
    expect(getDecisionLetterData(db, other, { kind: "all" })?.id).toBe(other);
    // "all" adds no condition at all, so an officer's queries are the unscoped ones.
    expect(applicationInScope({ kind: "all" })).toBeUndefined();
  });
});
