import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getApplicationDetail, getApplicationSnapshot } from "@/db/queries/applications";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { listApplicationHistory } from "@/db/queries/audit";
import { saveNewApplication } from "./register";
import { applicationFieldsSchema, registerApplicationSchema, updateApplicationSchema } from "./schema";
import { updateApplication } from "./update";
import { caughtDomainError } from "@/lib/testing";

const officerA = { id: null, label: "Anna Handläggare" };
const officerB = { id: null, label: "Bo Handläggare" };
let db: Db;
let roundId: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  // Plain SQL: lib/ reaches tables only through db/queries, and a round's writes are not this module's.
  const sqlite = db.$client;
  const programmeId = sqlite.prepare("INSERT INTO programmes (name, code, funder, allocation) VALUES ('Programmet', 'HJ', 'regeringen', 0) RETURNING id").pluck().get();
  roundId = sqlite.prepare("INSERT INTO rounds (programme_id, ordinal, year, budget, status) VALUES (?, 1, 2026, 1000000, 'open') RETURNING id").pluck().get(programmeId) as number;
});

const form = { leadOrganisation: { name: "Umeå kommun" }, projectTitle: "Gemensam titel", requestedAmount: "400 000" };

describe("saveNewApplication", () => {
  it("registers a joint application with a co-applicant that is not registered yet, with its own kind and county", () => {
    const input = registerApplicationSchema.parse({
      ...form,
      roundId,
      coApplicants: [
        { name: "Stiftelsen Jämlikt Norr", kind: "annan", countyCode: "24" },
        { name: "", kind: "", countyCode: "" },
      ],
    });
    const application = saveNewApplication(db, input, officerA);
    const detail = getApplicationDetail(db, application.id, { kind: "all" });
    expect(detail?.coApplicants.map((c) => [c.organisation.name, c.organisation.kind, c.organisation.countyCode])).toEqual([
      ["Stiftelsen Jämlikt Norr", "annan", "24"],
    ]);
  });

  it("refuses a new co-applicant without a kind at that co-applicant's field, and writes nothing", () => {
    const input = registerApplicationSchema.parse({ ...form, roundId, coApplicants: [{ name: "Vännäs kommun" }, { name: "Ny förening i Umeå" }] });
    const error = caughtDomainError(() => saveNewApplication(db, input, officerA));
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["coApplicants.1.kind"]);
    expect(getApplicationDetail(db, 1, { kind: "all" })).toBeNull();
  });
});

describe("updateApplication", () => {
  it("refuses a stale save with the saved version, who saved it and when; the next save against it keeps the other's change", () => {
    const application = saveNewApplication(db, registerApplicationSchema.parse({ ...form, roundId }), officerA);
    const loaded = getApplicationSnapshot(db, application.id)!;
    const edit = (changes: Record<string, unknown>, version: number) =>
      updateApplicationSchema.parse({ ...form, applicationId: application.id, version, ...changes });

    // A sets the amount to 450 000.
    updateApplication(db, edit({ requestedAmount: "450 000" }, loaded.version), officerA);
    // B, who opened the same version, changes only the title: refused, with what A saved.
    const error = caughtDomainError(() => updateApplication(db, edit({ projectTitle: "B:s titel" }, loaded.version), officerB));
    expect(error.code).toBe("conflict");
    const saved = error.details?.saved as ReturnType<typeof getApplicationSnapshot>;
    expect(saved).toMatchObject({ version: 2, savedBy: "Anna Handläggare", requestedAmount: 450_000, projectTitle: "Gemensam titel" });
    expect(Number.isNaN(Date.parse(saved!.savedAt))).toBe(false);
    expect(getApplicationSnapshot(db, application.id)?.projectTitle).toBe("Gemensam titel");

    // The form took the saved amount for the field B did not touch, and saves against the saved version.
    updateApplication(db, edit({ projectTitle: "B:s titel", requestedAmount: String(saved!.requestedAmount) }, saved!.version), officerB);
    expect(getApplicationSnapshot(db, application.id)).toMatchObject({ version: 3, projectTitle: "B:s titel", requestedAmount: 450_000, savedBy: "Bo Handläggare" });
    expect(listApplicationHistory(db, application.id).map((e) => e.action)).toEqual(["application.create", "application.update", "application.update"]);
  });
});

describe("the application's fields", () => {
  it("refuses a requested amount of 0 kronor", () => {
    const result = applicationFieldsSchema.safeParse({ ...form, requestedAmount: "0" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["requestedAmount", "Det sökta beloppet ska vara större än 0 kronor."]]);
    expect(applicationFieldsSchema.safeParse({ ...form, requestedAmount: 1 }).success).toBe(true);
  });

  it("normalises and refuses text as the shared text field does, in every text field", () => {
    const parsed = applicationFieldsSchema.parse({
      ...form,
      leadOrganisation: { name: "Lycksele\u00a0kommun" },
      projectTitle: "Jämställd\tservice",
      description: "Rad ett\r\nRad två",
      focusAreas: "A\u0308ldreomsorg; Medborgarservice",
      contactName: "Marie Öhlund ",
    });
    expect(parsed).toMatchObject({
      leadOrganisation: { name: "Lycksele kommun" },
      projectTitle: "Jämställd service",
      description: "Rad ett\nRad två",
      focusAreas: ["Äldreomsorg", "Medborgarservice"],
      contactName: "Marie Öhlund",
    });
    for (const [field, value] of [
      ["projectTitle", "Titel\u0000"],
      ["projectTitle", "\u200b\u200b"],
      ["contactTitle", "Chef\u202e"],
      ["description", "\ud800"],
      ["focusAreas", "Bra; \u0007"],
    ] as const) {
      expect(applicationFieldsSchema.safeParse({ ...form, [field]: value }).success, `${field}: ${JSON.stringify(value)}`).toBe(false);
    }
    expect(applicationFieldsSchema.safeParse({ ...form, coApplicants: [{ name: "Förening\u202e" }] }).success).toBe(false);
  });
});
