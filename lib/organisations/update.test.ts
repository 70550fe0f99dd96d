import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getOrganisation, insertOrganisation, listOrganisationHistory, listOrganisations } from "@/db/queries/organisations";
import type { Organisation } from "@/db/schema";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { swedishSortKey } from "@/lib/format/sort";
import { organisationVersionOf, updateOrganisation } from "./update";
import { caughtDomainError } from "@/lib/testing";

const actor = { id: null, label: "test" };
let db: Db;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
});

function kalmar(): Organisation {
  return insertOrganisation(db, { name: "Kalmars kommun", shortName: "Kalmars", kind: "kommun", municipalityCode: "0880", countyCode: "08" });
}

function inputFor(org: Organisation, changes: Record<string, unknown> = {}) {
  return {
    organisationId: org.id,
    version: organisationVersionOf(org),
    name: org.name,
    shortName: org.shortName,
    kind: org.kind,
    countyCode: org.countyCode ?? "",
    municipalityCode: org.municipalityCode ?? "",
    ...changes,
  };
}

const rowOf = (id: number) => getOrganisation(db, id);
const updates = (id: number) => listOrganisationHistory(db, id).filter((e) => e.action === "organisation.update");

describe("updateOrganisation", () => {
  it("renames Kalmars kommun to Kalmar kommun with new name keys and an audit event holding both names", () => {
    const org = kalmar();
    const after = updateOrganisation(db, inputFor(org, { name: "Kalmar kommun", shortName: "Kalmar" }), actor);

    expect(after).toMatchObject({ name: "Kalmar kommun", shortName: "Kalmar", nameKey: "kalmar kommun", sortName: swedishSortKey("Kalmar kommun") });
    expect(organisationVersionOf(after)).toBeGreaterThan(organisationVersionOf(org));
    const [event] = updates(org.id);
    expect(event).toMatchObject({ entityType: "organisation", entityId: org.id, actorLabel: "test" });
    expect(event?.before).toMatchObject({ name: "Kalmars kommun", nameKey: "kalmars kommun" });
    expect(event?.after).toMatchObject({ name: "Kalmar kommun", nameKey: "kalmar kommun" });
  });

  it("refuses a name another organisation has, whatever the case of å, ä and ö", () => {
    insertOrganisation(db, { name: "Östsam", shortName: "Östsam", kind: "regionforbund", countyCode: "05" });
    const org = insertOrganisation(db, { name: "Regionförbundet X", shortName: "X", kind: "regionforbund", countyCode: "05" });

    const error = caughtDomainError(() => updateOrganisation(db, inputFor(org, { name: "östsam" }), actor));
    expect(error.fieldErrors?.name).toEqual(["Det finns redan en organisation som heter Östsam."]);
    expect(rowOf(org.id)?.name).toBe("Regionförbundet X");
    expect(updates(org.id)).toHaveLength(0);
  });

  it("keeps its own name when only the case changes", () => {
    const org = insertOrganisation(db, { name: "östsam", shortName: "Östsam", kind: "regionforbund", countyCode: "05" });
    expect(updateOrganisation(db, inputFor(org, { name: "Östsam" }), actor).name).toBe("Östsam");
  });

  it("refuses a stale version and writes nothing", () => {
    const org = kalmar();
    const first = updateOrganisation(db, inputFor(org, { name: "Kalmar kommun" }), actor);
    // A second save in the same second still moves the token.
    const error = caughtDomainError(() => updateOrganisation(db, inputFor(org, { name: "Kalmar stad" }), actor));
    expect(error.code).toBe("conflict");
    expect(rowOf(org.id)).toEqual(first);
    expect(updates(org.id)).toHaveLength(1);
  });

  it("refuses an unknown municipality code at its field", () => {
    const org = kalmar();
    const error = caughtDomainError(() => updateOrganisation(db, inputFor(org, { name: "Kalmar kommun", municipalityCode: "0999" }), actor));
    expect(error.fieldErrors).toEqual({ municipalityCode: ["Kommunkoden 0999 finns inte."] });
    expect(rowOf(org.id)?.name).toBe("Kalmars kommun");
    expect(updates(org.id)).toHaveLength(0);
  });

  it("refuses a municipality in another county, and fills in the county of a municipality given alone", () => {
    const org = kalmar();
    const error = caughtDomainError(() => updateOrganisation(db, inputFor(org, { countyCode: "05" }), actor));
    expect(error.fieldErrors?.municipalityCode?.[0]).toMatch(/ligger i län 08, inte i län 05/);
    expect(updateOrganisation(db, inputFor(org, { countyCode: "" }), actor).countyCode).toBe("08");
  });

  it("refuses invalid input at its fields", () => {
    const org = kalmar();
    const error = caughtDomainError(() => updateOrganisation(db, inputFor(org, { name: " ", kind: "kyrka", countyCode: "8" }), actor));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["countyCode", "kind", "name"]);
  });
});

describe("listOrganisations", () => {
  it("finds names case-insensitively, treats wildcards as text and counts applications", () => {
    insertOrganisation(db, { name: "Regionförbundet Östsam", shortName: "Östsam", kind: "regionforbund", countyCode: "05" });
    insertOrganisation(db, { name: "Ödeshögs kommun", shortName: "Ödeshög", kind: "kommun", countyCode: "05" });
    insertOrganisation(db, { name: "Bolaget 50% AB", shortName: "Bolaget", kind: "foretag" });

    const found = listOrganisations(db, { search: "ÖSTSAM", page: 1 });
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({ name: "Regionförbundet Östsam", countyName: "Östergötlands län", applicationCount: 0 });
    expect(listOrganisations(db, { search: "50%", page: 1 }).rows.map((r) => r.name)).toEqual(["Bolaget 50% AB"]);
    expect(listOrganisations(db, { search: "%", page: 1 }).total).toBe(1);
    // Swedish order: Ö after R.
    expect(listOrganisations(db, { page: 1 }).rows.map((r) => r.name)).toEqual(["Bolaget 50% AB", "Regionförbundet Östsam", "Ödeshögs kommun"]);
  });
});
