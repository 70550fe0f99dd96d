import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listOutboxMessagesTo } from "@/db/queries/outbox";
import { getPressTemplateByKey } from "@/db/queries/press-templates";
import { getReleaseMailing, getSubscriptionByChoice } from "@/db/queries/subscriptions";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { readTestAuditEvents } from "@/db/testing/decisions";
import { findTestRoundId } from "@/db/testing/press";
import { DomainError } from "@/lib/errors";
import { toStockholmDateTimeInput } from "@/lib/format/date";
import { generateRelease, takeReleaseStep, type StepInput } from "./releases";
import { stopRenderWorker } from "./render";
import { runSchedulerTick } from "./scheduler";
import { subscribeSchema } from "./subscription-schema";
import { confirmSubscription, subscribe, subscriptionToConfirm, unsubscribe, unsubscribeLinks } from "./subscriptions";

const COMMS = { id: null, label: "Kim Kommunikatör", role: "communications" as const };
const OFFICER = { id: null, label: "Olle Handläggare", role: "officer" as const };
let db: Db;
let addresses = 0;

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});
afterAll(async () => {
  await stopRenderWorker();
});

const address = (name: string) => `${name}.${++addresses}@redaktion.example`;

function mailsTo(email: string) {
  return listOutboxMessagesTo(db, email).sort((a, b) => a.id - b.id);
}

/** The token in the confirmation mail's link. */
function confirmTokenIn(email: string): string {
  const mail = mailsTo(email).filter((m) => m.kind === "newsroom.confirm").at(-1);
  const match = /\/nyheter\/prenumerera\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no confirmation link to ${email}`);
  return match[1];
}

function subscribeConfirmed(email: string, choice: { topic?: string; countyCode?: string; locale?: "sv" | "en" } = {}, now = new Date()): void {
  subscribe(db, subscribeSchema.parse({ email, ...choice }), now);
  expect(confirmSubscription(db, confirmTokenIn(email), choice.locale ?? "sv", now).ok).toBe(true);
}

function step(releaseId: number, version: number, s: StepInput["step"], extra: Partial<StepInput> = {}): StepInput {
  return { releaseId, version, step: s, publishAt: "", comment: "", ...extra };
}

/** Västerbotten's grants in the fourth round: topics beviljade-medel and jamstalldhetsintegrering, county 24. */
async function approvedCountyRelease() {
  const templateId = getPressTemplateByKey(db, "county")!.id;
  let release = await generateRelease(db, COMMS, { templateId, target: { kind: "county", roundId: findTestRoundId(db, "HJ", 4), countyCode: "24" } });
  release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
  return takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
}

describe("subscribing", () => {
  it("mails a confirmation link, stores only its hash, and counts only once confirmed", () => {
    const email = address("anna");
    subscribe(db, subscribeSchema.parse({ email: email.toUpperCase(), topic: "utbildning", countyCode: "24" }));
    const [mail] = mailsTo(email);
    expect(mail?.subject).toBe("Bekräfta din prenumeration på pressmeddelanden");
    expect(mail?.text).toContain("Utbildning, Västerbottens län");
    const token = confirmTokenIn(email);
    const row = getSubscriptionByChoice(db, email, { topic: "utbildning", countyCode: "24" })!;
    expect(row.confirmedAt).toBeNull();
    expect(row.confirmTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);

    expect(subscriptionToConfirm(db, token, "sv")).toEqual({ ok: true, choice: "Utbildning, Västerbottens län" });
    expect(confirmSubscription(db, token, "sv")).toEqual({ ok: true, choice: "Utbildning, Västerbottens län" });
    expect(getSubscriptionByChoice(db, email, { topic: "utbildning", countyCode: "24" })?.confirmedAt).not.toBeNull();
    // The link is used: it confirms nothing a second time.
    expect(confirmSubscription(db, token, "sv")).toEqual({ ok: false });
  });

  it("answers a repeated subscription without mailing again within ten minutes, nor once it is confirmed", () => {
    const email = address("bertil");
    const t0 = new Date("2026-12-01T09:00:00Z");
    subscribe(db, subscribeSchema.parse({ email }), t0);
    subscribe(db, subscribeSchema.parse({ email }), new Date(t0.getTime() + 60_000));
    expect(mailsTo(email)).toHaveLength(1);
    subscribe(db, subscribeSchema.parse({ email }), new Date(t0.getTime() + 11 * 60_000));
    expect(mailsTo(email)).toHaveLength(2);
    expect(confirmSubscription(db, confirmTokenIn(email), "sv", new Date(t0.getTime() + 12 * 60_000)).ok).toBe(true);
    subscribe(db, subscribeSchema.parse({ email }), new Date(t0.getTime() + 30 * 60_000));
    expect(mailsTo(email)).toHaveLength(2);
  });

  it("refuses an expired link, and forgets an address that never confirmed", () => {
    const email = address("cecilia");
    const t0 = new Date("2026-12-01T09:00:00Z");
    subscribe(db, subscribeSchema.parse({ email, topic: "vard-och-omsorg" }), t0);
    const token = confirmTokenIn(email);
    const eightDays = new Date(t0.getTime() + 8 * 86_400_000);
    expect(confirmSubscription(db, token, "sv", eightDays)).toEqual({ ok: false });
    subscribe(db, subscribeSchema.parse({ email: address("someone-else") }), eightDays);
    expect(getSubscriptionByChoice(db, email, { topic: "vard-och-omsorg", countyCode: null })).toBeNull();
  });

  it("mails at most five choices of one address that wait for confirmation", () => {
    const email = address("david");
    for (const topic of ["beviljade-medel", "jamstalldhetsintegrering", "medborgarservice", "vard-och-omsorg", "utbildning", "styrning-och-ledning"]) {
      subscribe(db, subscribeSchema.parse({ email, topic }));
    }
    expect(mailsTo(email)).toHaveLength(5);
  });

  it("refuses a county that does not exist at the county field, writing nothing", () => {
    const email = address("erik");
    let error: unknown;
    try {
      subscribe(db, subscribeSchema.parse({ email, countyCode: "99" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ countyCode: ["Välj ett län i listan."] });
    expect(mailsTo(email)).toHaveLength(0);
  });

  it("writes the English mail for a subscription made on the English pages", () => {
    const email = address("fiona");
    subscribe(db, subscribeSchema.parse({ email, topic: "utbildning", locale: "en" }));
    const [mail] = mailsTo(email);
    expect(mail?.subject).toBe("Confirm your subscription to press releases");
    expect(mail?.text).toContain("Education");
    expect(mail?.text).toContain("/en/nyheter/prenumerera/bekrafta/");
  });
});

describe("mailing a release to its subscribers", () => {
  it("goes once on first publish to each matching confirmed address, with a one-click unsubscribe", async () => {
    const all = address("alla");
    const county = address("vasterbotten");
    const topic = address("beviljat");
    const both = address("tva-val");
    const otherCounty = address("skane");
    const otherTopic = address("utbildning");
    const unconfirmed = address("obekraftad");
    subscribeConfirmed(all);
    subscribeConfirmed(county, { countyCode: "24" });
    subscribeConfirmed(topic, { topic: "beviljade-medel", locale: "en" });
    subscribeConfirmed(both, { topic: "beviljade-medel" });
    subscribeConfirmed(both, { countyCode: "24" });
    subscribeConfirmed(otherCounty, { countyCode: "12" });
    subscribeConfirmed(otherTopic, { topic: "utbildning" });
    subscribe(db, subscribeSchema.parse({ email: unconfirmed }));

    let release = await approvedCountyRelease();
    expect(getReleaseMailing(db, release.id)).toBeNull();
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "publish"));

    const releaseMails = (email: string) => mailsTo(email).filter((m) => m.kind === "newsroom.release");
    for (const email of [all, county, topic, both]) expect(releaseMails(email)).toHaveLength(1);
    for (const email of [otherCounty, otherTopic, unconfirmed]) expect(releaseMails(email)).toHaveLength(0);
    const [mail] = releaseMails(county);
    expect(mail?.subject).toBe(release.headline);
    expect(mail?.text).toContain(`/nyheter/${release.slug}`);
    const unsubscribeToken = getSubscriptionByChoice(db, county, { topic: null, countyCode: "24" })!.unsubscribeToken;
    expect(mail?.text).toContain(unsubscribeLinks(unsubscribeToken, "sv").page);
    expect(mail?.headers).toEqual({
      "List-Unsubscribe": `<${unsubscribeLinks(unsubscribeToken, "sv").oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(releaseMails(topic)[0]?.text).toContain("Read the whole press release");
    expect(getReleaseMailing(db, release.id)).toMatchObject({ recipients: expect.any(Number) });
    const mailed = readTestAuditEvents(db, { action: "release.mailed" }).filter((e) => e.entityId === release.id);
    expect(mailed).toHaveLength(1);

    // Taken back, edited, and published again: no second mail.
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "unpublish"));
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "submit"));
    release = takeReleaseStep(db, OFFICER, step(release.id, release.version, "approve"));
    takeReleaseStep(db, COMMS, step(release.id, release.version, "publish"));
    for (const email of [all, county, topic, both]) expect(releaseMails(email)).toHaveLength(1);
  });

  it("mails a scheduled release when the scheduler publishes it, not before, and nothing once unsubscribed", async () => {
    const stays = address("stannar");
    const leaves = address("lamnar");
    subscribeConfirmed(stays, { countyCode: "24" });
    subscribeConfirmed(leaves, { countyCode: "24" });
    const leavesToken = getSubscriptionByChoice(db, leaves, { topic: null, countyCode: "24" })!.unsubscribeToken;
    unsubscribe(db, leavesToken);
    unsubscribe(db, leavesToken); // a second click is no error
    expect(getSubscriptionByChoice(db, leaves, { topic: null, countyCode: "24" })).toBeNull();

    let release = await approvedCountyRelease();
    const at = new Date(Date.now() + 3_600_000);
    release = takeReleaseStep(db, COMMS, step(release.id, release.version, "schedule", { publishAt: toStockholmDateTimeInput(at) }));
    const releaseMails = (email: string) => mailsTo(email).filter((m) => m.kind === "newsroom.release" && m.subject === release.headline);
    const before = releaseMails(stays).length;
    const deps = (now: Date) => ({ db: () => db, now: () => now, revalidate: async () => true, log: () => {} });
    await runSchedulerTick(deps(new Date(at.getTime() - 60_000)), { pendingRevalidation: false });
    expect(releaseMails(stays)).toHaveLength(before);
    await runSchedulerTick(deps(new Date(at.getTime() + 60_000)), { pendingRevalidation: false });
    expect(releaseMails(stays)).toHaveLength(before + 1);
    expect(releaseMails(leaves)).toHaveLength(0);
  });
});
