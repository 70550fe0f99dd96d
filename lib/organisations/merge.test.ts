import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { getOrganisation, insertOrganisation, listOrganisationHistory } from "@/db/queries/organisations";
import { getRelease, insertRelease } from "@/db/queries/press-releases";
import { createUser, getUserById } from "@/db/queries/users";
import type { Organisation } from "@/db/schema";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound, readTestApplication, readTestAuditEvents } from "@/db/testing/decisions";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema } from "@/lib/applications/schema";
import { makeDecision } from "@/lib/decisions/record";
import { recordDecisionSchema } from "@/lib/decisions/schema";
import { loadPressContext } from "@/lib/press/context";
import { factsHashOf, factsOf } from "@/lib/press/facts";
import { caughtDomainError } from "@/lib/testing";
import { MERGE_SELF_MESSAGE, MERGE_STALE_MESSAGE, mergeOrganisations, previewOrganisationMerge } from "./merge";
import { organisationVersionOf, updateOrganisation } from "./update";

const actor = { id: null, label: "Admin Test" };
let db: Db;
let programmeId: number;
let round4: number;
let round5: number;

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  programmeId = insertTestProgramme(db);
  round4 = insertTestRound(db, { programmeId, ordinal: 4, year: 2012, budget: 10_000_000 });
  round5 = insertTestRound(db, { programmeId, ordinal: 5, year: 2013, budget: 10_000_000 });
});

function register(roundId: number, lead: string, coApplicants: string[] = []) {
  return saveNewApplication(
    db,
    registerApplicationSchema.parse({ roundId, leadOrganisation: { name: lead, kind: "kommun" }, coApplicants: coApplicants.map((name) => ({ name, kind: "kommun" })), projectTitle: `${lead} ${roundId} ${coApplicants.join(",")}`, requestedAmount: 2_000_000 }),
    actor,
  );
}

function org(name: string): Organisation {
  return insertOrganisation(db, { name, shortName: name.split(" ")[0]!, kind: "kommun", municipalityCode: null, countyCode: null });
}

function inputFor(keptId: number, duplicateId: number) {
  const preview = previewOrganisationMerge(db, keptId, duplicateId)!;
  const { plan } = preview;
  return {
    keptId,
    duplicateId,
    keptVersion: organisationVersionOf(preview.kept),
    duplicateVersion: organisationVersionOf(preview.duplicate),
    leadCount: plan.leadApplicationIds.length,
    coApplicationCount: plan.coApplicationIds.length + plan.dedupedCoApplicationIds.length + plan.droppedCoApplicationIds.length,
    userCount: plan.userIds.length,
  };
}

const coApplicantsOf = (applicationId: number) =>
  db.$client.prepare("SELECT organisation_id AS id FROM application_co_applicants WHERE application_id = ? ORDER BY position").all(applicationId).map((r) => (r as { id: number }).id);

const searchNames = (applicationId: number) =>
  (db.$client.prepare("SELECT organisation_names AS n FROM application_search WHERE rowid = ?").get(applicationId) as { n: string } | undefined)?.n;

function counts() {
  const one = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
  return {
    organisations: one("SELECT count(*) AS n FROM organisations"),
    coApplicants: one("SELECT count(*) AS n FROM application_co_applicants"),
    audit: one("SELECT count(*) AS n FROM audit_events"),
    leads: db.$client.prepare("SELECT id, lead_organisation_id, version FROM applications ORDER BY id").all(),
    users: db.$client.prepare("SELECT id, organisation_id FROM users ORDER BY id").all(),
  };
}

describe("mergeOrganisations", () => {
  it("moves the duplicate's applications, co-applications and coordinators to the kept organisation, deletes it and audits what moved", () => {
    const kept = org("Borås Stad");
    const duplicate = org("Borås stad kommun");
    const lead = register(round4, "Borås stad kommun");
    const joint = register(round5, "Vara kommun", ["Borås stad kommun"]);
    const keptOwn = register(round5, "Borås Stad");
    const coordinator = createUser(db, { email: "samordnare@boras.example", name: "Sara Samordnare", passwordHash: "x", role: "coordinator", organisationId: duplicate.id });

    const preview = previewOrganisationMerge(db, kept.id, duplicate.id)!;
    expect(preview.refusal).toBeNull();
    expect(preview.plan).toMatchObject({ leadApplicationIds: [lead.id], coApplicationIds: [joint.id], dedupedCoApplicationIds: [], droppedCoApplicationIds: [], userIds: [coordinator.id] });

    const result = mergeOrganisations(db, inputFor(kept.id, duplicate.id), actor);

    expect(getOrganisation(db, duplicate.id)).toBeNull();
    expect(organisationVersionOf(result.kept)).toBeGreaterThan(organisationVersionOf(kept));
    expect(readTestApplication(db, lead.id)).toMatchObject({ leadOrganisationId: kept.id, version: lead.version + 1 });
    expect(readTestApplication(db, keptOwn.id)).toMatchObject({ leadOrganisationId: kept.id, version: keptOwn.version });
    expect(coApplicantsOf(joint.id)).toEqual([kept.id]);
    expect(getUserById(db, coordinator.id)?.organisationId).toBe(kept.id);
    // The search index follows through its triggers: the round's search finds the kept name.
    expect(searchNames(lead.id)).toBe("Borås Stad");
    expect(searchNames(joint.id)).toBe("Vara kommun\nBorås Stad");

    const [event] = readTestAuditEvents(db, { action: "organisation.merge" });
    expect(event).toMatchObject({ entityType: "organisation", entityId: kept.id, actorLabel: "Admin Test" });
    expect(event?.before).toMatchObject({ removed: { id: duplicate.id, name: "Borås stad kommun" }, kept: { name: "Borås Stad" } });
    expect(event?.after).toMatchObject({
      mergedOrganisationId: duplicate.id,
      leadApplicationIds: [lead.id],
      coApplicationIds: [joint.id],
      userIds: [coordinator.id],
      counts: { leadApplications: 1, coApplications: 1, dedupedCoApplications: 0, droppedCoApplications: 0, users: 1 },
    });
    // Each moved application has the change in its own history; the kept one's history includes the duplicate's.
    expect(listAuditEvents(db, "application", lead.id).at(-1)).toMatchObject({
      action: "application.organisationMerge",
      before: { leadOrganisation: "Borås stad kommun" },
      after: { leadOrganisation: "Borås Stad" },
    });
    expect(listAuditEvents(db, "application", keptOwn.id).map((e) => e.action)).toEqual(["application.create"]);
    expect(listAuditEvents(db, "user", coordinator.id)).toMatchObject([{ action: "user.organisationMerge", before: { organisationId: duplicate.id }, after: { organisationId: kept.id } }]);
    expect(listOrganisationHistory(db, kept.id).map((e) => [e.entityId, e.action])).toEqual([[kept.id, "organisation.merge"]]);
  });

  it("keeps one co-applicant row when both were co-applicants, and drops it where the kept one leads the application", () => {
    const kept = org("Lerums kommun");
    const duplicate = org("Lerum kommun");
    const both = register(round5, "Alingsås kommun", ["Lerums kommun", "Lerum kommun"]);
    const keptLeads = register(round5, "Lerums kommun", ["Lerum kommun", "Vara kommun"]);
    const duplicateLeads = register(round4, "Lerum kommun", ["Lerums kommun"]);

    const result = mergeOrganisations(db, inputFor(kept.id, duplicate.id), actor);

    expect(result.plan).toMatchObject({ leadApplicationIds: [duplicateLeads.id], coApplicationIds: [], dedupedCoApplicationIds: [both.id] });
    expect(result.plan.droppedCoApplicationIds).toEqual([keptLeads.id, duplicateLeads.id].sort((a, b) => a - b));
    expect(coApplicantsOf(both.id)).toEqual([kept.id]);
    expect(coApplicantsOf(keptLeads.id)).toHaveLength(1);
    expect(coApplicantsOf(keptLeads.id)).not.toContain(kept.id);
    expect(readTestApplication(db, duplicateLeads.id)?.leadOrganisationId).toBe(kept.id);
    expect(coApplicantsOf(duplicateLeads.id)).toEqual([]);
    expect(getOrganisation(db, duplicate.id)).toBeNull();
  });

  it("refuses, naming the round and registration numbers, when both lead an application in the same round, and writes nothing", () => {
    const kept = org("Kalmar kommun");
    const duplicate = org("Kalmars kommun");
    const a = register(round5, "Kalmar kommun");
    const b = register(round5, "Kalmars kommun");
    register(round4, "Kalmars kommun");
    const input = inputFor(kept.id, duplicate.id);
    const before = counts();

    expect(previewOrganisationMerge(db, kept.id, duplicate.id)?.refusal).toBe(
      `Organisationerna kan inte slås ihop: båda är huvudsökande i Femte omgången 2013 av Program för Hållbar jämställdhet (${[a.registrationNumber, b.registrationNumber].sort().join(" och ")}). En omgång skulle då få två ansökningar med samma huvudsökande.`,
    );
    const error = caughtDomainError(() => mergeOrganisations(db, input, actor));
    expect(error.message).toContain(a.registrationNumber);
    expect(error.message).toContain("Femte omgången 2013");
    expect(counts()).toEqual(before);
  });

  it("refuses a merge with itself and a stale preview, writing nothing", () => {
    const kept = org("Vara kommun");
    const duplicate = org("Vara kommun 2");
    const input = inputFor(kept.id, duplicate.id);
    const before = counts();

    expect(caughtDomainError(() => mergeOrganisations(db, { ...input, duplicateId: kept.id }, actor)).message).toBe(MERGE_SELF_MESSAGE);
    // The duplicate was edited since the preview (its updated_at moved on).
    db.$client.prepare("UPDATE organisations SET updated_at = updated_at + 5 WHERE id = ?").run(duplicate.id);
    expect(caughtDomainError(() => mergeOrganisations(db, input, actor)).code).toBe("conflict");
    // An application registered for the duplicate since the preview.
    const fresh = inputFor(kept.id, duplicate.id);
    register(round4, "Vara kommun 2");
    const error = caughtDomainError(() => mergeOrganisations(db, fresh, actor));
    expect(error.message).toBe(MERGE_STALE_MESSAGE);
    expect(counts().organisations).toBe(before.organisations);
    expect(readTestAuditEvents(db, { action: "organisation.merge" })).toHaveLength(0);
  });

  it("keeps the duplicate's history as part of the kept organisation's", () => {
    const kept = org("Vara kommun");
    const typo = org("Vra kommun");
    const renamed = updateOrganisation(db, { organisationId: typo.id, version: organisationVersionOf(typo), name: "Vara kommun (dubblett)", shortName: "Vara", kind: "kommun" }, actor);
    mergeOrganisations(db, { ...inputFor(kept.id, renamed.id) }, actor);

    expect(listOrganisationHistory(db, kept.id).map((e) => [e.entityId, e.action])).toEqual([
      [typo.id, "organisation.update"],
      [kept.id, "organisation.merge"],
    ]);
  });

  it("marks a release stale when its round's grant changes organisation", () => {
    const kept = org("Umeå kommun");
    const duplicate = org("Umea kommun");
    const grant = register(round5, "Umea kommun");
    makeDecision(db, recordDecisionSchema.parse({ applicationId: grant.id, outcome: "approved", grantedAmount: 1_000_000, motivation: "Bra.", decidedOn: "2013-11-20" }), actor, { kind: "all" });
    const facts = factsOf(loadPressContext(db, { kind: "round", roundId: round5 }, { kind: "all" })!);
    const release = db.transaction((tx) =>
      insertRelease(
        tx,
        {
          templateId: null,
          targetKind: "round",
          roundId: round5,
          countyCode: null,
          applicationId: null,
          content: { headline: "Umea kommun får en miljon", ingress: "", body: "", quotes: [], contacts: "", boilerplate: "", topics: [], regionCode: null },
          facts,
          factsHash: factsHashOf(facts),
        },
        actor,
      ),
    );

    mergeOrganisations(db, inputFor(kept.id, duplicate.id), actor);

    expect(getRelease(db, release.id)?.staleAt).not.toBeNull();
    expect(listAuditEvents(db, "release", release.id).map((e) => e.action)).toContain("release.stale");
  });
});
