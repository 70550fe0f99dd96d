import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getPressTemplateByKey } from "@/db/queries/press-templates";
import { getRelease, getReleaseVersion, listComments, listReleaseVersions, snapshotOf } from "@/db/queries/press-releases";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { readTestAuditEvents } from "@/db/testing/decisions";
import { findTestApplicationId, findTestCountyWithoutGrant, findTestOrganisationId, findTestRoundId } from "@/db/testing/press";
import { recordMeetingDecisions } from "@/lib/decisions/meeting";
import { changeDecision, makeDecision } from "@/lib/decisions/record";
import { updateOrganisation } from "@/lib/organisations/update";
import { getOrganisation } from "@/db/queries/organisations";
import { createTestApplications, createTestProgramme, createTestRound } from "@/lib/decisions/test-helpers";
import { DomainError } from "@/lib/errors";
import { toStockholmDateTimeInput } from "@/lib/format/date";
import { stopRenderWorker } from "./render";
import {
  acceptChangedFacts,
  addReleaseComment,
  createPreviewLink,
  generateRelease,
  regenerateRelease,
  releaseForPreview,
  revokeReleasePreviewLink,
  saveRelease,
  takeReleaseStep,
  type StepInput,
} from "./releases";
import { changedFactsOf } from "./stale";

const ALL = { kind: "all" } as const;
const COMMS = { id: null, label: "Kim Kommunikatör", role: "communications" as const };
const OFFICER = { id: null, label: "Olle Handläggare", role: "officer" as const };
let db: Db;

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});
afterAll(async () => {
  await stopRenderWorker();
});

function templateId(key: string): number {
  return getPressTemplateByKey(db, key)!.id;
}

async function refusal(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("not refused");
}

function step(releaseId: number, version: number, s: StepInput["step"], extra: Partial<StepInput> = {}): StepInput {
  return { releaseId, version, step: s, publishAt: "", comment: "", ...extra };
}

let programmes = 0;

/** The officer corrects a grant made by openRoundWithGrants (its first decision, version 1). */
function changeGrant(applicationId: number, grantedAmount: number): void {
  changeDecision(db, { applicationId, outcome: "approved", grantedAmount, motivation: "Bra.", decidedOn: "2026-11-20", expectedVersion: 1, reason: "Rättelse" }, COMMS, ALL);
}

/** A round of its own with two granted applications, open so its decisions may still change. */
function openRoundWithGrants(): { roundId: number; applicationIds: number[] } {
  const programmeId = createTestProgramme(db, { code: `T${++programmes}`, name: `Testprogram ${programmes}` });
  const roundId = createTestRound(db, { programmeId, budget: 5_000_000, status: "open" });
  const applicationIds = createTestApplications(db, roundId, 2);
  for (const applicationId of applicationIds) {
    makeDecision(db, { applicationId, outcome: "approved", grantedAmount: 800_000, motivation: "Bra.", decidedOn: "2026-11-20" }, COMMS, ALL);
  }
  return { roundId, applicationIds };
}

describe("generating a release", () => {
  it("makes a draft of Västerbotten's grants in the fourth round, with its facts, county and topics", async () => {
    const fourth = findTestRoundId(db, "HJ", 4);
    const release = await generateRelease(db, COMMS, { templateId: templateId("county"), target: { kind: "county", roundId: fourth, countyCode: "24" } });
    expect(release.status).toBe("draft");
    expect(release.headline).toBe("Mer pengar till jämställdhet i Västerbotten");
    expect(release.ingress.replace(/\u00a0/g, " ")).toContain(
      "bevilja 2,4, 1,7, 1,6 respektive 1,2 miljoner kronor till Västerbottens läns landsting, Umeå kommun, Skellefteå kommun och Lycksele kommun",
    );
    expect(release.contacts).toContain("Umeå kommun, Helene Brewer");
    expect(release.regionCode).toBe("24");
    expect(release.topics).toEqual(["beviljade-medel", "jamstalldhetsintegrering"]);
    expect(release.slug).toBe(`mer-pengar-till-jamstalldhet-i-vasterbotten-${release.id}`);
    expect(changedFactsOf(db, release)).toEqual([]);
    expect(listReleaseVersions(db, release.id).map((v) => v.version)).toEqual([1]);
    expect(readTestAuditEvents(db, { action: "release.create" }).some((e) => e.entityId === release.id)).toBe(true);
  });

  it("puts a recipient's quotes in their own fields, and refuses a template for another kind of target", async () => {
    const fifth = findTestRoundId(db, "HJ", 5);
    const applicationId = findTestApplicationId(db, fifth, "Borås Stad");
    const release = await generateRelease(db, COMMS, { templateId: templateId("recipient"), target: { kind: "recipient", applicationId } });
    expect(release.headline).toBe("1,2 miljoner till jämställdhetsarbete i Borås");
    expect(release.quotes.length).toBeGreaterThanOrEqual(2);
    const wrong = await refusal(() => generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "recipient", applicationId } }));
    expect(wrong.message).toBe("Mallen passar inte till det valda underlaget.");
  });
});

describe("editing a release", () => {
  it("keeps every save as a version, refuses a save made from an old version, and returns the Swedish checks", async () => {
    const { roundId } = openRoundWithGrants();
    const release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    const content = { ...snapshotOf(release), headline: "Ny rubrik", body: `${release.body}\n\nSedan 3 år har vi arbetat.` };
    const saved = saveRelease(db, COMMS, { releaseId: release.id, version: release.version, content });
    expect(saved.release.headline).toBe("Ny rubrik");
    expect(saved.warnings.some((w) => w.field === "body")).toBe(true);
    expect(getReleaseVersion(db, release.id, 1)?.content.headline).toBe(release.headline);
    expect(getReleaseVersion(db, release.id, 2)?.content.headline).toBe("Ny rubrik");

    const lost = await refusal(() => saveRelease(db, COMMS, { releaseId: release.id, version: release.version, content: { ...content, headline: "Min" } }));
    expect(lost.code).toBe("conflict");
    expect(getRelease(db, release.id)?.headline).toBe("Ny rubrik");
  });
});

describe("the review flow", () => {
  it("goes draft, review, approved, published, each step audited, with the permission each step takes", async () => {
    const { roundId } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    const officerSubmits = await refusal(() => takeReleaseStep(db, OFFICER, step(release.id, release.version, "submit")));
    expect(officerSubmits.message).toBe("Du har inte behörighet att ta det steget.");
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    expect(release.status).toBe("review");
    const tooEarly = await refusal(() => takeReleaseStep(db, COMMS, step(release.id, release.version, "publish")));
    expect(tooEarly.code).toBe("status");
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
    expect(release.status).toBe("approved");
    const officerPublishes = await refusal(() => takeReleaseStep(db, OFFICER, step(release.id, release.version, "publish")));
    expect(officerPublishes.message).toBe("Du har inte behörighet att ta det steget.");
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "publish"));
    expect(release.status).toBe("published");
    expect(release.publishAt).not.toBeNull();
    const actions = readTestAuditEvents(db, { entityType: "release" }).filter((e) => e.entityId === release.id).map((e) => e.action);
    // Published, it went to the newsroom's subscribers (none here) in the same step.
    expect(actions).toEqual(["release.create", "release.submit", "release.approve", "release.publish", "release.mailed"]);
    const edit = await refusal(() => saveRelease(db, COMMS, { releaseId: release.id, version: release.version, content: snapshotOf(release) }));
    expect(edit.code).toBe("status");
  });

  it("sends back with a comment, schedules only in the future, and an edit of an approved release makes it a draft again", async () => {
    const { roundId } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    const noReason = await refusal(() => takeReleaseStep(db, OFFICER, step(release.id, release.version, "sendBack")));
    expect(noReason.fieldErrors?.comment).toEqual(["Skriv varför pressmeddelandet skickas tillbaka."]);
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "sendBack", { comment: "Citatet saknas." }));
    expect(release.status).toBe("draft");
    expect(listComments(db, release.id).map((c) => c.body)).toEqual(["Citatet saknas."]);

    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
    const past = await refusal(() => takeReleaseStep(db, COMMS, step(release.id, release.version, "schedule", { publishAt: "2020-01-01T10:00" })));
    expect(past.fieldErrors?.publishAt).toEqual(["Tidpunkten har redan passerat. Ange en senare tidpunkt."]);
    const at = toStockholmDateTimeInput(new Date(Date.now() + 2 * 86_400_000));
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "schedule", { publishAt: at }));
    expect(release.status).toBe("scheduled");
    expect(release.publishAt).not.toBeNull();

    const { release: edited } = saveRelease(db, COMMS, { releaseId: release.id, version: release.version, content: { ...snapshotOf(release), headline: "Ändrad" } });
    expect(edited.status).toBe("draft");
    expect(edited.publishAt).toBeNull();
  });
});

describe("a release after its facts changed", () => {
  it("is marked stale by the decision change, names the changed facts, and is published only after they are accepted", async () => {
    const { roundId, applicationIds } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));

    changeGrant(applicationIds[0]!, 900_000);
    release = getRelease(db, release.id)!;
    expect(release.staleAt).not.toBeNull();
    const changes = changedFactsOf(db, release);
    expect(changes).toContainEqual({ path: "round.granted", before: 1_600_000, after: 1_700_000 });
    expect(readTestAuditEvents(db, { action: "release.stale" }).some((e) => e.entityId === release.id)).toBe(true);

    const blocked = await refusal(() => takeReleaseStep(db, COMMS, step(release.id, release.version, "publish")));
    expect(blocked.code).toBe("stale");
    const partly = await refusal(() => acceptChangedFacts(db, COMMS, { releaseId: release.id, version: release.version, accepted: ["round.granted"] }));
    expect(partly.message).toContain("Läs ändringarna och godkänn dem på nytt");
    release = acceptChangedFacts(db, COMMS, { releaseId: release.id, version: release.version, accepted: changes.map((c) => c.path) });
    expect(release.staleAt).toBeNull();
    expect(changedFactsOf(db, release)).toEqual([]);
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "publish"));
    expect(release.status).toBe("published");
  });

  it("is made current again by regenerating it from the template and today's data", async () => {
    const { roundId, applicationIds } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    changeGrant(applicationIds[1]!, 1_000_000);
    release = getRelease(db, release.id)!;
    expect(release.staleAt).not.toBeNull();
    release = await regenerateRelease(db, COMMS, { releaseId: release.id, version: release.version });
    expect(release.staleAt).toBeNull();
    expect(release.headline).toBe("1,8 miljoner till jämställdhet");
    expect(changedFactsOf(db, release)).toEqual([]);
  });
});

describe("every write that changes facts marks the release stale", () => {
  it("the decision meeting that changes an amount (a meeting that changes nothing leaves it as it is)", async () => {
    const { roundId, applicationIds } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("county"), target: { kind: "round", roundId } }).catch(() => null);
    expect(release).toBeNull(); // a county template does not write about a whole round
    release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    const rows = applicationIds.map((applicationId) => ({ applicationId, outcome: "approved" as const, grantedAmount: 800_000, motivation: "Bra.", expectedVersion: 1 }));
    recordMeetingDecisions(db, roundId, { decidedOn: "2026-11-20", rows }, COMMS);
    expect(getRelease(db, release.id)?.staleAt).toBeNull();

    recordMeetingDecisions(db, roundId, { decidedOn: "2026-11-20", rows: [{ ...rows[0]!, grantedAmount: 700_000 }] }, COMMS);
    expect(getRelease(db, release.id)?.staleAt).not.toBeNull();
    expect(changedFactsOf(db, getRelease(db, release.id)!)).toContainEqual({ path: "round.granted", before: 1_600_000, after: 1_500_000 });
  });

  it("an organisation's corrected name", async () => {
    const { roundId } = openRoundWithGrants();
    const release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    const organisationId = findTestOrganisationId(db, "Organisation 1");
    const organisation = getOrganisation(db, organisationId)!;
    updateOrganisation(
      db,
      { organisationId, version: Math.floor(organisation.updatedAt.getTime() / 1000), name: "Organisation Ett", shortName: "Ett", kind: "annan", countyCode: "", municipalityCode: "" },
      COMMS,
    );
    const stale = getRelease(db, release.id)!;
    expect(stale.staleAt).not.toBeNull();
    expect(changedFactsOf(db, stale).map((c) => c.path)).toContain(`recipients[${stale.facts.recipients ? (stale.facts.recipients as { registration_number: string }[])[0]!.registration_number : ""}].name`);
  });
});

describe("private preview links", () => {
  it("open the release until revoked, expired, or the release is published; only the hash is stored", async () => {
    const { roundId } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    const { token, link } = createPreviewLink(db, COMMS, { releaseId: release.id, label: "Umeå kommuns presstjänst", days: 7 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(link)).not.toContain(token);
    expect(releaseForPreview(db, token)?.id).toBe(release.id);
    expect(releaseForPreview(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(releaseForPreview(db, token, new Date(Date.now() + 8 * 86_400_000))).toBeNull();

    const second = createPreviewLink(db, COMMS, { releaseId: release.id, label: "", days: 1 });
    revokeReleasePreviewLink(db, COMMS, { releaseId: release.id, linkId: second.link.id });
    expect(releaseForPreview(db, second.token)).toBeNull();

    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
    takeReleaseStep(db, COMMS, step(release.id, release.version, "publish"));
    expect(releaseForPreview(db, token)).toBeNull();
  });

  it("comments are kept in order with their author, and audited", async () => {
    const { roundId } = openRoundWithGrants();
    const release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    addReleaseComment(db, OFFICER, { releaseId: release.id, body: "Stäm av beloppet." });
    expect(listComments(db, release.id).map((c) => [c.authorLabel, c.body])).toEqual([["Olle Handläggare", "Stäm av beloppet."]]);
  });
});

describe("a county with nothing granted", () => {
  it("is no release: refused with a message, nothing written", async () => {
    const fifth = findTestRoundId(db, "HJ", 5);
    const empty = findTestCountyWithoutGrant(db, fifth);
    const error = await refusal(() => generateRelease(db, COMMS, { templateId: templateId("county"), target: { kind: "county", roundId: fifth, countyCode: empty.code } }));
    expect(error.message).toBe("Det finns inget beviljat att skriva om i det valda underlaget.");
  });
});

describe("a scheduled release whose facts change before its time", () => {
  it("loses its time and goes back to approved, so it never becomes public with the old facts", async () => {
    const { roundId, applicationIds } = openRoundWithGrants();
    let release = await generateRelease(db, COMMS, { templateId: templateId("round"), target: { kind: "round", roundId } });
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "embargo", { publishAt: toStockholmDateTimeInput(new Date(Date.now() + 86_400_000)) }));
    expect(release.status).toBe("embargoed");
    changeGrant(applicationIds[0]!, 700_000);
    const after = getRelease(db, release.id)!;
    expect(after.status).toBe("approved");
    expect(after.publishAt).toBeNull();
    expect(after.staleAt).not.toBeNull();
    const actions = readTestAuditEvents(db, { entityType: "release" }).filter((e) => e.entityId === release.id).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["release.stale", "release.unschedule"]);
  });
});
