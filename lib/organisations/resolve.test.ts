import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getOrganisationByName } from "@/db/queries/organisations";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { inWriteTransaction } from "@/db/transaction";
import { registerApplication } from "@/lib/applications/register";
import { createTestRound, TEST_ACTOR, testApplicationFields } from "@/lib/decisions/test-helpers";
import { importApplications } from "@/lib/import/apply";
import { APPLICATION_TEMPLATE_COLUMNS, type SpreadsheetRow } from "@/lib/import/columns";
import { validateImportRows } from "@/lib/import/validate";
import { checkOrganisation, organisationNameKey, resolveOrganisation } from "./resolve";

const NBSP = "\u00a0";

let db: Db;
let roundId: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = createTestRound(db, { budget: 5_000_000, status: "open" });
});

function row(cells: Partial<SpreadsheetRow>): SpreadsheetRow {
  return { ...Object.fromEntries(APPLICATION_TEMPLATE_COLUMNS.map((c) => [c, ""])), project_title: "Projekt", requested_amount: "100 000", ...cells };
}

function organisationCount(): number {
  return db.$client.prepare("SELECT count(*) FROM organisations").pluck().get() as number;
}

describe("one identity for an organisation's name", () => {
  it("is the same for a no-break space, a tab, decomposed letters and any case", () => {
    const key = organisationNameKey("Lycksele kommun");
    expect(organisationNameKey(`Lycksele${NBSP}kommun`)).toBe(key);
    expect(organisationNameKey("  LYCKSELE\tkommun ")).toBe(key);
    expect(organisationNameKey("Umea\u030a kommun")).toBe(organisationNameKey("UMEÅ KOMMUN"));
  });
});

describe("preview, import and registration agree on an organisation", () => {
  it("a kommun named with a no-break space (as Excel writes it) passes the preview and is imported, once", () => {
    const rows = [row({ organisation: `Lycksele${NBSP}kommun` }), row({ organisation: "lycksele kommun", project_title: "Andra projektet" })];
    const preview = validateImportRows(db, roundId, rows);
    expect(preview.rows.map((r) => r.errors)).toEqual([[], []]);

    const report = importApplications(db, roundId, rows, { allOrNothing: true, actor: TEST_ACTOR });
    expect(report).toMatchObject({ imported: 2, refused: 0 });
    const created = getOrganisationByName(db, "Lycksele kommun");
    expect(created).toMatchObject({ name: "Lycksele kommun", kind: "kommun", municipalityCode: "2481", countyCode: "24" });
    expect(organisationCount()).toBe(1);
  });

  it("a registered organisation is found by the preview, the import and registration alike", () => {
    inWriteTransaction(db, (tx) => resolveOrganisation(tx, { name: "Lycksele kommun" }, TEST_ACTOR, "leadOrganisation"));
    expect(organisationCount()).toBe(1);

    expect(checkOrganisation(db, { name: `LYCKSELE${NBSP}KOMMUN` }, "leadOrganisation")).toMatchObject({ status: "existing" });
    const rows = [row({ organisation: `Lycksele${NBSP}kommun`, co_applicants: `Umea\u030a${NBSP}kommun` })];
    expect(validateImportRows(db, roundId, rows).rows[0]?.errors).toEqual([]);
    expect(importApplications(db, roundId, rows, { allOrNothing: true, actor: TEST_ACTOR })).toMatchObject({ imported: 1 });

    const registered = inWriteTransaction(db, (tx) =>
      registerApplication(
        tx,
        roundId,
        testApplicationFields({ leadOrganisation: { name: `Lycksele${NBSP}kommun` }, projectTitle: "Via formuläret", requestedAmount: 1 }),
        TEST_ACTOR,
      ),
    );
    // Lycksele found three times; Umeå kommun created once, by the import, under its composed name.
    expect(registered.leadOrganisationId).toBe(getOrganisationByName(db, "Lycksele kommun")?.id);
    expect(organisationCount()).toBe(2);
    expect(getOrganisationByName(db, "Umeå kommun")?.name).toBe("Umeå kommun");
  });

  it("refuses the same rows in the preview and in the import, with the same message at the same column", () => {
    const rows = [
      row({ organisation: "Okänd förening" }),
      row({ organisation: "Lycksele kommun", municipality_code: "2481", county_code: "01", project_title: "Fel län" }),
      row({ organisation: "Lycksele kommun", municipality_code: "9999", project_title: "Fel kod" }),
    ];
    const preview = validateImportRows(db, roundId, rows);
    const report = importApplications(db, roundId, rows, { allOrNothing: false, actor: TEST_ACTOR });
    expect(report).toMatchObject({ imported: 0, refused: 3 });
    expect(report.rows.map((r) => r.errors)).toEqual(preview.rows.map((r) => r.errors));
    expect(preview.rows.map((r) => r.errors.map((e) => e.column))).toEqual([["organisation_kind"], ["county_code"], ["municipality_code"]]);
    expect(preview.rows[1]?.errors[0]?.message).toBe("Lycksele kommun ligger i län 24, inte 01.");
    expect(organisationCount()).toBe(0);
  });
});
