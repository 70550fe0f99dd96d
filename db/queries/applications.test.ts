import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { programmes, rounds } from "../schema";
import { seedReferenceData } from "../seed/reference";
import { freshTestDb } from "../testing";
import { getApplicationDetail } from "./applications";
import { getOrganisationByName } from "./organisations";
import { registerApplication } from "@/lib/applications/register";
import { applicationFieldsSchema, type ApplicationFieldsInput } from "@/lib/applications/schema";

const actor = { id: null, label: "test" };
let db: Db;
let roundId: number;

function register(fields: Partial<ApplicationFieldsInput> & { leadOrganisation: ApplicationFieldsInput["leadOrganisation"] }) {
  const parsed = applicationFieldsSchema.parse({ projectTitle: "Projekt", requestedAmount: 500_000, ...fields });
  return db.transaction((tx) => registerApplication(tx, roundId, parsed, actor));
}
const idOf = (name: string) => getOrganisationByName(db, name)!.id;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  const programme = db.insert(programmes).values({ name: "Programmet", code: "HJ", funder: "regeringen", allocation: 0 }).returning().get();
  roundId = db.insert(rounds).values({ programmeId: programme.id, ordinal: 5, year: 2013, budget: 1_000_000, status: "open" }).returning().get().id;
});

describe("getApplicationDetail in a scope", () => {
  it("gives a coordinator their organisation's applications, as lead or co-applicant, and nothing else", () => {
    const led = register({ leadOrganisation: { name: "Umeå kommun" } });
    const joined = register({ leadOrganisation: { name: "Vännäs kommun" }, coApplicants: "Umeå kommun" });
    const other = register({ leadOrganisation: { name: "Borås Stad", kind: "kommun" } });
    const umea = { kind: "organisation" as const, organisationId: idOf("Umeå kommun") };

    expect(getApplicationDetail(db, led.id, umea)).toMatchObject({ id: led.id, leadOrganisation: { name: "Umeå kommun", county: { code: "24" } } });
    expect(getApplicationDetail(db, joined.id, umea)?.coApplicants.map((c) => c.organisation.name)).toEqual(["Umeå kommun"]);
    // Another organisation's application answers exactly as one that does not exist.
    expect(getApplicationDetail(db, other.id, umea)).toBeNull();
    expect(getApplicationDetail(db, 9999, umea)).toBeNull();
  });

  it("gives staff every application and a reader without a scope none", () => {
    const application = register({ leadOrganisation: { name: "Borås Stad", kind: "kommun" } });
    expect(getApplicationDetail(db, application.id, { kind: "all" })?.round).toMatchObject({ id: roundId, programme: { code: "HJ" } });
    expect(getApplicationDetail(db, application.id, { kind: "none" })).toBeNull();
  });
});
