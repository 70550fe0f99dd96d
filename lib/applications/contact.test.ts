import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound, readTestApplication, readTestAuditEvents } from "@/db/testing/decisions";
import { caughtDomainError } from "@/lib/testing";
import { saveNewApplication } from "./register";
import { registerApplicationSchema } from "./schema";
import { updateContactSchema } from "./contact-schema";
import { updateApplicationContact } from "./contact";

const officer = { id: null, label: "Anna Handläggare" };
const coordinator = { id: null, label: "Helene Samordnare" };
let db: Db;
let roundId: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = insertTestRound(db, { programmeId: insertTestProgramme(db), budget: 5_000_000 });
});

function register(lead: string, coApplicants: string[] = []) {
  return saveNewApplication(
    db,
    registerApplicationSchema.parse({
      roundId,
      leadOrganisation: { name: lead },
      coApplicants: coApplicants.map((name) => ({ name })),
      projectTitle: `Projekt i ${lead}`,
      requestedAmount: 400_000,
      contactName: "Gammal Kontakt",
      contactEmail: "gammal@example.se",
    }),
    officer,
  );
}

const scopeOf = (organisationId: number) => ({ kind: "organisation" as const, organisationId });
const newContact = (applicationId: number, version: number) =>
  updateContactSchema.parse({
    applicationId,
    version,
    contactName: "Marie\u00a0Öhlund",
    contactTitle: "Jämställdhetsstrateg",
    contactPhone: "090-16 10 00",
    contactEmail: "Marie.Ohlund@Umea.se",
  });

describe("updateApplicationContact", () => {
  it("changes only the contact person of the organisation's own application, moves the version on and audits before and after", () => {
    const application = register("Umeå kommun");
    const after = updateApplicationContact(db, newContact(application.id, application.version), coordinator, scopeOf(application.leadOrganisationId));
    expect(after).toMatchObject({
      contactName: "Marie Öhlund",
      contactTitle: "Jämställdhetsstrateg",
      contactPhone: "090-16 10 00",
      contactEmail: "marie.ohlund@umea.se",
      version: application.version + 1,
      projectTitle: application.projectTitle,
      requestedAmount: application.requestedAmount,
      status: "received",
    });
    const [event] = readTestAuditEvents(db, { action: "application.contact" });
    expect(event).toMatchObject({ entityType: "application", entityId: application.id, actorLabel: "Helene Samordnare" });
    expect(event?.before).toEqual({ contactName: "Gammal Kontakt", contactTitle: "", contactPhone: "", contactEmail: "gammal@example.se", version: 1 });
    expect(event?.after).toEqual({
      contactName: "Marie Öhlund",
      contactTitle: "Jämställdhetsstrateg",
      contactPhone: "090-16 10 00",
      contactEmail: "marie.ohlund@umea.se",
      version: 2,
    });
  });

  it("lets a co-applicant's coordinator change the contact person of the joint application", () => {
    const application = register("Vännäs kommun", ["Umeå kommun"]);
    const umea = register("Umeå kommun").leadOrganisationId;
    const after = updateApplicationContact(db, newContact(application.id, application.version), coordinator, scopeOf(umea));
    expect(after.contactName).toBe("Marie Öhlund");
  });

  it("answers another organisation's application exactly as a missing one, and writes nothing", () => {
    const other = register("Lycksele kommun");
    const umea = register("Umeå kommun").leadOrganisationId;
    const eventsBefore = readTestAuditEvents(db).length;
    const rowBefore = readTestApplication(db, other.id);

    const forged = caughtDomainError(() => updateApplicationContact(db, newContact(other.id, other.version), coordinator, scopeOf(umea)));
    const missing = caughtDomainError(() => updateApplicationContact(db, newContact(99_999, 1), coordinator, scopeOf(umea)));
    expect([forged.code, forged.message]).toEqual(["not_found", "Ansökan finns inte."]);
    expect([missing.code, missing.message]).toEqual([forged.code, forged.message]);
    expect(readTestApplication(db, other.id)).toEqual(rowBefore);
    expect(readTestAuditEvents(db)).toHaveLength(eventsBefore);
  });

  it("refuses a save against an older version and writes nothing", () => {
    const application = register("Umeå kommun");
    const scope = scopeOf(application.leadOrganisationId);
    updateApplicationContact(db, newContact(application.id, application.version), coordinator, scope);
    const saved = readTestApplication(db, application.id);

    const stale = { ...newContact(application.id, application.version), contactName: "Någon Annan" };
    const error = caughtDomainError(() => updateApplicationContact(db, stale, coordinator, scope));
    expect(error.code).toBe("conflict");
    expect(readTestApplication(db, application.id)).toEqual(saved);
    expect(readTestAuditEvents(db, { action: "application.contact" })).toHaveLength(1);
  });

  it("refuses a bad email and phone number at their fields with the form's Swedish messages", () => {
    const result = updateContactSchema.safeParse({ applicationId: 1, version: 1, contactName: "A", contactEmail: "inte-en-adress", contactPhone: "ring mig" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["contactPhone", "Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser."],
      ["contactEmail", "Ange en giltig e-postadress, till exempel namn@kommun.se."],
    ]);
    expect(updateContactSchema.safeParse({ applicationId: 1, version: 1, contactName: "Chef\u202e" }).success).toBe(false);
  });
});

describe("updateContactSchema", () => {
  const base = { applicationId: 1, version: 1, contactTitle: "", contactPhone: "", contactEmail: "a@kommun.se" };
  const messagesOf = (input: object) => {
    const result = updateContactSchema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("refuses a contact person without a name, at the name", () => {
    expect(messagesOf({ ...base, contactName: "  " })).toEqual({ contactName: "Ange kontaktpersonens namn." });
  });

  it("refuses a contact person who cannot be reached, at the email address", () => {
    expect(messagesOf({ ...base, contactName: "Marie Öhlund", contactEmail: "" })).toEqual({
      contactEmail: "Ange e-post eller telefon så att kontaktpersonen går att nå.",
    });
    expect(messagesOf({ ...base, contactName: "Marie Öhlund", contactEmail: "", contactPhone: "090-16 10 00" })).toEqual({});
  });
});
