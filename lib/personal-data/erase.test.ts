import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents, type AuditActor } from "@/db/queries/audit";
import { getRelease, insertRelease } from "@/db/queries/press-releases";
import { insertSession } from "@/db/queries/sessions";
import { createUser, getUserById } from "@/db/queries/users";
import { seedReferenceData } from "@/db/seed/reference";
import { freshTestDb } from "@/db/testing";
import { listOutboxMessagesTo } from "@/db/queries/outbox";
import { subscribeSchema } from "@/lib/press/subscription-schema";
import { subscribe } from "@/lib/press/subscriptions";
import { enqueueMail } from "@/lib/mail/outbox";
import { insertTestProgramme, insertTestRound, readTestApplication, readTestAuditEvents } from "@/db/testing/decisions";
import { updateApplicationContact } from "@/lib/applications/contact";
import { updateContactSchema } from "@/lib/applications/contact-schema";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema } from "@/lib/applications/schema";
import { makeDecision } from "@/lib/decisions/record";
import { recordDecisionSchema } from "@/lib/decisions/schema";
import { loadPressContext } from "@/lib/press/context";
import { factsHashOf, factsOf } from "@/lib/press/facts";
import { caughtDomainError } from "@/lib/testing";
import { ERASE_SELF_MESSAGE, ERASE_STALE_MESSAGE, erasePersonalData } from "./erase";
import { findPersonalData, isEmpty, personalDataExport, subjectOf } from "./find";

const officer = { id: null, label: "Olle Officer" };
const admin = { id: null, label: "Admin" };
let db: Db;
let roundId: number;

const ANNA = { contactName: "Anna Berg", contactTitle: "jämställdhetsstrateg", contactPhone: "090-12 34 56", contactEmail: "anna.berg@umea.example" };
const CECILIA = { contactName: "Cecilia Ceder", contactTitle: "utvecklare", contactPhone: "090-99 88 77", contactEmail: "cecilia@umea.example" };
const BO = { contactName: "Bo Ek", contactTitle: "chef", contactPhone: "070-111 22 33", contactEmail: "bo.ek@vannas.example" };

beforeEach(() => {
  db = freshTestDb().db;
  seedReferenceData(db);
  roundId = insertTestRound(db, { programmeId: insertTestProgramme(db), ordinal: 5, year: 2013, budget: 10_000_000 });
});

function register(lead: string, contact: Record<string, string>, actor: AuditActor = officer) {
  return saveNewApplication(db, registerApplicationSchema.parse({ roundId, leadOrganisation: { name: lead }, projectTitle: `Projekt ${lead}`, requestedAmount: 2_000_000, ...contact }), actor);
}

function approve(applicationId: number) {
  makeDecision(db, recordDecisionSchema.parse({ applicationId, outcome: "approved", grantedAmount: 1_000_000, motivation: "Bra.", decidedOn: "2013-11-20" }), officer, { kind: "all" });
}

/** The story: Umeå's contact was Cecilia, then Anna (who also has an account and registered Vännäs's application). */
function story() {
  const anna = createUser(db, { email: ANNA.contactEmail, name: "Anna Berg", phone: ANNA.contactPhone, passwordHash: "x", role: "officer" });
  insertSession(db, { id: "s1", userId: anna.id, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
  const umea = register("Umeå kommun", CECILIA);
  updateApplicationContact(db, updateContactSchema.parse({ applicationId: umea.id, version: umea.version, ...ANNA }), officer, { kind: "all" });
  const vannas = register("Vännäs kommun", BO, { id: anna.id, label: "Anna Berg" });
  approve(umea.id);
  approve(vannas.id);
  const facts = factsOf(loadPressContext(db, { kind: "round", roundId }, { kind: "all" })!);
  const release = db.transaction((tx) =>
    insertRelease(
      tx,
      {
        templateId: null,
        targetKind: "round",
        roundId,
        countyCode: null,
        applicationId: null,
        content: { headline: "Två kommuner får pengar", ingress: "", body: "Umeå kommun får en miljon.", quotes: [], contacts: "Anna Berg, Umeå kommun, tel 090-12 34 56\nBo Ek, Vännäs kommun", boilerplate: "", topics: [], regionCode: null },
        facts,
        factsHash: factsHashOf(facts),
        status: "published",
        publishAt: new Date(),
        publishedAt: new Date(),
      },
      officer,
    ),
  );
  return { anna, umea, vannas, release };
}

const eraseInput = (term: string) => {
  const data = findPersonalData(db, subjectOf(term)!);
  return { term, userCount: data.users.length, contactCount: data.contacts.length, confirmed: true as const };
};

describe("finding and exporting a person's data", () => {
  it("finds the account, the contact entries and the audit events that hold the person's details, by email or name", () => {
    const { anna, umea, vannas } = story();
    const byEmail = findPersonalData(db, subjectOf("Anna.Berg@umea.example")!);
    expect(byEmail.users.map((u) => [u.id, u.sessions])).toEqual([[anna.id, 1]]);
    expect(byEmail.contacts.map((c) => c.applicationId)).toEqual([umea.id]);
    const eventIds = byEmail.auditEvents.map((m) => m.event.entityId);
    expect(eventIds).toContain(umea.id); // the contact change
    expect(byEmail.auditEvents.find((m) => m.event.entityId === vannas.id && m.event.action === "application.create")?.asActor).toBe(true);
    expect(byEmail.releases.map((r) => r.published)).toEqual([true]);

    const byName = findPersonalData(db, subjectOf("anna berg")!);
    expect(byName.users.map((u) => u.id)).toEqual([anna.id]);
    expect(byName.contacts.map((c) => c.applicationId)).toEqual([umea.id]);
  });

  it("exports exactly that person's data and no one else's", () => {
    story();
    const json = JSON.stringify(personalDataExport(findPersonalData(db, subjectOf("anna.berg@umea.example")!)));
    expect(json).toContain("Anna Berg");
    expect(json).toContain("090-12 34 56");
    expect(json).toContain("jämställdhetsstrateg");
    // The contact before her (in the same audit event) and the other application's contact are someone else's.
    for (const other of [...Object.values(CECILIA), ...Object.values(BO)]) expect(json).not.toContain(other);
    expect(json).not.toContain("passwordHash");
  });
});

describe("erasePersonalData", () => {
  it("anonymises the account, ends its sessions, clears the contact and scrubs the audit trail, keeps the published release and audits without the values", () => {
    const { anna, umea, vannas, release } = story();
    const releaseBefore = getRelease(db, release.id)!;

    const result = erasePersonalData(db, eraseInput("anna.berg@umea.example"), admin);

    const user = getUserById(db, anna.id)!;
    expect(user).toMatchObject({ name: "Raderad användare", email: `raderad-${anna.id}@anslag.invalid`, phone: null, disabled: true });
    expect(result.sessionsEnded).toBe(1);
    expect(readTestApplication(db, umea.id)).toMatchObject({ contactName: "Raderad", contactTitle: "", contactPhone: "", contactEmail: "" });
    expect(readTestApplication(db, vannas.id)).toMatchObject(BO);

    // Nothing of hers is left in the audit trail's JSON or labels, and the others' values are.
    const trail = JSON.stringify(readTestAuditEvents(db));
    for (const value of Object.values(ANNA)) expect(trail).not.toContain(value);
    expect(trail).toContain("[raderad]");
    expect(trail).toContain(CECILIA.contactName);
    expect(trail).toContain(BO.contactEmail);
    expect(listAuditEvents(db, "application", vannas.id)[0]?.actorLabel).toBe("Raderad användare");

    // The published release reads as it was published, and did not go stale over the erasure.
    const releaseAfter = getRelease(db, release.id)!;
    expect(releaseAfter.contacts).toBe(releaseBefore.contacts);
    expect(releaseAfter.headline).toBe(releaseBefore.headline);
    expect(releaseAfter.staleAt).toBeNull();
    expect(JSON.stringify(releaseAfter.facts)).not.toContain("Anna Berg");
    expect(listAuditEvents(db, "release", release.id).map((e) => e.action)).not.toContain("release.stale");

    const [event] = readTestAuditEvents(db, { action: "personal-data.erase" });
    expect(event?.after).toMatchObject({ userIds: [anna.id], applicationIds: [umea.id], releaseIds: [release.id], counts: { users: 1, contacts: 1, sessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toMatch(/Anna|anna|090-12/);

    // The search finds nothing any more, by email or by name.
    expect(isEmpty(findPersonalData(db, subjectOf("anna.berg@umea.example")!))).toBe(true);
    expect(isEmpty(findPersonalData(db, subjectOf("Anna Berg")!))).toBe(true);
  });

  it("revokes the account's open password links", () => {
    const { anna } = story();
    const insert = db.$client.prepare(
      "INSERT INTO password_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at) VALUES (?, ?, 'reset', 0, 9999999999999, ?)",
    );
    insert.run("open", anna.id, null);
    insert.run("used", anna.id, 1);

    expect(erasePersonalData(db, eraseInput("anna.berg@umea.example"), admin).passwordLinksRevoked).toBe(1);
    expect(db.$client.prepare("SELECT count(*) AS n FROM password_tokens WHERE revoked_at IS NULL AND used_at IS NULL").get()).toEqual({ n: 0 });
  });

  it("refuses, writing nothing, when what the page showed has changed, the box is not ticked, or the account is the admin's own", () => {
    const { umea } = story();
    const input = eraseInput("anna.berg@umea.example");
    const count = () => readTestAuditEvents(db).length;
    const before = count();

    expect(caughtDomainError(() => erasePersonalData(db, { ...input, confirmed: false }, admin)).code).toBe("invalid");
    expect(caughtDomainError(() => erasePersonalData(db, { ...input, contactCount: 2 }, admin)).message).toBe(ERASE_STALE_MESSAGE);
    const anna = findPersonalData(db, subjectOf("anna.berg@umea.example")!).users[0]!;
    expect(caughtDomainError(() => erasePersonalData(db, input, { id: anna.id, label: "Anna Berg" })).message).toBe(ERASE_SELF_MESSAGE);
    expect(count()).toBe(before);
    expect(readTestApplication(db, umea.id)?.contactName).toBe("Anna Berg");
  });

  it("finds, exports and erases a journalist's newsroom subscriptions and the mail to them, and no one else's", () => {
    const journalist = "reporter@tidning.example";
    subscribe(db, subscribeSchema.parse({ email: journalist, countyCode: "24" }));
    subscribe(db, subscribeSchema.parse({ email: journalist, topic: "utbildning" }));
    subscribe(db, subscribeSchema.parse({ email: "annan@tidning.example" }));
    db.transaction((tx) => enqueueMail(tx, { to: journalist, subject: "Hej", text: "Text", kind: "test" }));

    const data = findPersonalData(db, subjectOf(journalist)!);
    expect(isEmpty(data)).toBe(false);
    expect(data.subscriptions.map((s) => [s.topic, s.countyCode])).toEqual([[null, "24"], ["utbildning", null]]);
    const exported = JSON.stringify(personalDataExport(data));
    expect(exported).toContain(journalist);
    expect(exported).not.toContain("annan@tidning.example");
    // The mail is listed by its subject, never its body (a confirmation link is in it).
    expect(exported).toContain("Bekräfta din prenumeration på pressmeddelanden");
    expect(exported).not.toContain("/nyheter/prenumerera/bekrafta/");

    const result = erasePersonalData(db, { term: journalist, userCount: 0, contactCount: 0, confirmed: true }, admin);
    expect(result).toMatchObject({ subscriptionsDeleted: 2, mailDeleted: 3 });
    expect(isEmpty(findPersonalData(db, subjectOf(journalist)!))).toBe(true);
    expect(listOutboxMessagesTo(db, journalist)).toEqual([]);
    expect(listOutboxMessagesTo(db, "annan@tidning.example")).toHaveLength(1);
    const [event] = readTestAuditEvents(db, { action: "personal-data.erase" });
    expect(JSON.stringify(event)).not.toContain(journalist);
  });
});
