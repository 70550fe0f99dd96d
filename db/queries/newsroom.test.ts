import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb, tempDir } from "@/db/testing";
import { readTestAuditEvents } from "@/db/testing/decisions";
import { findTestRoundId } from "@/db/testing/press";
import { inWriteTransaction } from "@/db/transaction";
import type { ReleaseStatus } from "@/lib/enums";
import {
  getAnnouncedRound,
  getPublicRelease,
  isRoundAnnounced,
  listFeedItems,
  listPublicRegions,
  listPublicReleases,
  listRoundGrants,
  listSitemapEntries,
  publishDueReleases,
  SCHEDULER_ACTOR,
} from "./newsroom";
import { getRelease, insertRelease, type Release } from "./press-releases";

/*
 * The newsroom's reads against the demo database, with releases of every status around one moment: each public
 * channel shows a published release and one whose time has passed, and none of a draft, an approved release, or a
 * scheduled or embargoed one before its time.
 */

let seeded: string;
let db: Db;
const NOW = new Date("2026-11-23T09:00:00Z");
const BEFORE = new Date(NOW.getTime() - 60_000);
const AFTER = new Date(NOW.getTime() + 60_000);
const ACTOR = { id: null, label: "test" };

beforeAll(async () => {
  const fresh = freshTestDb();
  await seedDemo(fresh.db);
  fresh.db.$client.pragma("wal_checkpoint(TRUNCATE)");
  seeded = fresh.path;
});

beforeEach(() => {
  const path = join(tempDir("anslag-newsroom-"), "newsroom.db");
  copyFileSync(seeded, path);
  db = openDatabase(path);
  return () => db.$client.close();
});

/** The practice round of the demo: no release is about it, so its grants list is unannounced until one is. */
const practiceRound = () => findTestRoundId(db, "DEMO", 1);

function release(status: ReleaseStatus, publishAt: Date | null, fields: { headline: string; roundId?: number; topics?: string[]; regionCode?: string | null }): Release {
  return inWriteTransaction(db, (tx) =>
    insertRelease(
      tx,
      {
        templateId: null,
        targetKind: "round",
        roundId: fields.roundId ?? practiceRound(),
        countyCode: null,
        applicationId: null,
        content: {
          headline: fields.headline,
          ingress: "Ingress.",
          body: "Första stycket.\n\nAndra stycket.",
          quotes: [],
          contacts: "",
          boilerplate: "",
          topics: fields.topics ?? ["beviljade-medel"],
          regionCode: fields.regionCode ?? null,
        },
        facts: {},
        factsHash: "test",
        status,
        publishAt,
        publishedAt: status === "published" ? publishAt : null,
      },
      ACTOR,
      BEFORE,
    ),
  );
}

/** One release of each kind that must not be public at NOW, and two that must. */
function releasesAroundNow() {
  return {
    published: release("published", BEFORE, { headline: "Publicerad nyhet", regionCode: "24" }),
    scheduledPassed: release("scheduled", BEFORE, { headline: "Schemalagd och passerad" }),
    scheduledAhead: release("scheduled", AFTER, { headline: "Schemalagd framåt", regionCode: "24" }),
    embargoedAhead: release("embargoed", AFTER, { headline: "Under embargo" }),
    draft: release("draft", null, { headline: "Utkast" }),
    approved: release("approved", null, { headline: "Godkänd men inte publicerad" }),
    approvedWithTime: release("approved", BEFORE, { headline: "Godkänd med tid" }),
  };
}

const HIDDEN = ["Schemalagd framåt", "Under embargo", "Utkast", "Godkänd men inte publicerad", "Godkänd med tid"];

describe("the newsroom's visibility rule, on every public read", () => {
  it("lists a published release and a scheduled one whose time has passed, never one before its time, a draft or an approved one", () => {
    releasesAroundNow();
    const headlines = listPublicReleases(db, NOW, { page: 1, pageSize: 100 }).rows.map((r) => r.headline);
    expect(headlines).toEqual(expect.arrayContaining(["Publicerad nyhet", "Schemalagd och passerad"]));
    for (const hidden of HIDDEN) expect(headlines).not.toContain(hidden);
    // The same scheduled release is public once its time has come, with no change to the row.
    expect(listPublicReleases(db, new Date(AFTER.getTime() + 1), { page: 1, pageSize: 100 }).rows.map((r) => r.headline)).toEqual(
      expect.arrayContaining(["Schemalagd framåt", "Under embargo"]),
    );
  });

  it("filters by topic and by region through the same rule", () => {
    const r = releasesAroundNow();
    // Stockholm ("01"): no seed release is about it.
    release("scheduled", AFTER, { headline: "Framåt om utbildning", topics: ["utbildning"], regionCode: "01" });
    release("published", BEFORE, { headline: "Om utbildning", topics: ["utbildning"], regionCode: "01" });
    release("published", BEFORE, { headline: "Om annat", topics: ["medborgarservice"], regionCode: "01" });
    expect(listPublicReleases(db, NOW, { page: 1, topic: "utbildning", regionCode: "01" }).rows.map((x) => x.headline)).toEqual(["Om utbildning"]);
    expect(listPublicReleases(db, NOW, { page: 1, regionCode: "01" }).rows.map((x) => x.headline).sort()).toEqual(["Om annat", "Om utbildning"]);
    const region = listPublicReleases(db, NOW, { page: 1, regionCode: "24" }).rows;
    expect(region.map((x) => x.id)).toContain(r.published.id);
    expect(region.map((x) => x.id)).not.toContain(r.scheduledAhead.id);
    expect(region.every((x) => x.regionCode === "24" && x.regionName === "Västerbotten")).toBe(true);
    expect(listPublicRegions(db, NOW).map((x) => x.code)).toContain("24");
  });

  it("pages newest first and clamps a page past the end to the last page", () => {
    for (let i = 0; i < 12; i++) release("published", new Date(NOW.getTime() - (i + 1) * 3_600_000), { headline: `Nyhet ${i}`, topics: ["medborgarservice"], regionCode: "01" });
    const first = listPublicReleases(db, NOW, { page: 1, topic: "medborgarservice", regionCode: "01" });
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.rows.map((r) => r.headline).slice(0, 2)).toEqual(["Nyhet 0", "Nyhet 1"]);
    const last = listPublicReleases(db, NOW, { page: 99, topic: "medborgarservice", regionCode: "01" });
    expect(last.page).toBe(2);
    expect(last.rows.map((r) => r.headline)).toEqual(["Nyhet 10", "Nyhet 11"]);
  });

  it("finds one release by its slug only when it is public", () => {
    const r = releasesAroundNow();
    expect(getPublicRelease(db, r.published.slug, NOW)?.headline).toBe("Publicerad nyhet");
    expect(getPublicRelease(db, r.scheduledPassed.slug, NOW)?.id).toBe(r.scheduledPassed.id);
    for (const hidden of [r.scheduledAhead, r.embargoedAhead, r.draft, r.approved, r.approvedWithTime]) {
      expect(getPublicRelease(db, hidden.slug, NOW), hidden.headline).toBeNull();
    }
    expect(getPublicRelease(db, r.embargoedAhead.slug, AFTER)?.id).toBe(r.embargoedAhead.id);
    expect(getPublicRelease(db, "finns-inte-1", NOW)).toBeNull();
  });

  it("keeps the feed and the sitemap to public releases", () => {
    const r = releasesAroundNow();
    const feed = listFeedItems(db, NOW).map((i) => i.headline);
    expect(feed).toEqual(expect.arrayContaining(["Publicerad nyhet", "Schemalagd och passerad"]));
    for (const hidden of HIDDEN) expect(feed).not.toContain(hidden);
    const slugs = listSitemapEntries(db, NOW).releases.map((e) => e.slug);
    expect(slugs).toContain(r.published.slug);
    for (const hidden of [r.scheduledAhead, r.embargoedAhead, r.draft, r.approved, r.approvedWithTime]) expect(slugs).not.toContain(hidden.slug);
  });

  it("gives a topic's or a county's feed only its own public releases", () => {
    release("published", BEFORE, { headline: "Utbildning i Norrbotten", topics: ["utbildning"], regionCode: "25" });
    release("published", BEFORE, { headline: "Utbildning i Västerbotten", topics: ["utbildning"], regionCode: "24" });
    release("scheduled", AFTER, { headline: "Utbildning senare", topics: ["utbildning"], regionCode: "25" });
    const headlines = (filter: { topic?: string; regionCode?: string }) => listFeedItems(db, NOW, undefined, filter).map((i) => i.headline);
    expect(headlines({ topic: "utbildning" })).toEqual(expect.arrayContaining(["Utbildning i Norrbotten", "Utbildning i Västerbotten"]));
    expect(headlines({ topic: "utbildning" })).not.toContain("Utbildning senare");
    expect(headlines({ topic: "utbildning", regionCode: "25" })).toContain("Utbildning i Norrbotten");
    expect(headlines({ topic: "utbildning", regionCode: "25" })).not.toContain("Utbildning i Västerbotten");
    expect(headlines({ regionCode: "24" }).every((h) => h !== "Utbildning i Norrbotten")).toBe(true);
  });

  it("announces a round's grants list only once a public release of that round exists", () => {
    const round = practiceRound();
    release("scheduled", AFTER, { headline: "Schemalagd om omgången", roundId: round });
    release("approved", BEFORE, { headline: "Godkänd om omgången", roundId: round });
    release("draft", null, { headline: "Utkast om omgången", roundId: round });
    expect(isRoundAnnounced(db, round, NOW)).toBe(false);
    expect(getAnnouncedRound(db, round, NOW)).toBeNull();
    expect(listSitemapEntries(db, NOW).rounds.map((r) => r.roundId)).not.toContain(round);
    expect(isRoundAnnounced(db, round, AFTER)).toBe(true);
    expect(getAnnouncedRound(db, round, AFTER)?.id).toBe(round);
    expect(listSitemapEntries(db, AFTER).rounds.map((r) => r.roundId)).toContain(round);
    // A round that does not exist is as unannounced as one that exists.
    expect(getAnnouncedRound(db, 999_999, AFTER)).toBeNull();
  });
});

describe("a round's grants", () => {
  it("lists the approved grants with every organisation of a joint application, project, county, amount and date", () => {
    const grants = listRoundGrants(db, findTestRoundId(db, "HJ", 5));
    expect(grants).toHaveLength(21);
    expect(grants.reduce((sum, g) => sum + g.amount, 0)).toBe(27_500_000);
    const joint = grants.find((g) => g.organisations[0] === "Regionförbundet Östsam");
    expect(joint).toMatchObject({ organisations: ["Regionförbundet Östsam", "Linköpings kommun"], amount: 1_600_000, countyName: "Östergötlands län" });
    expect(joint!.decidedOn).toMatch(/^2013-\d\d-\d\d$/);
  });

  it("sorts organisations the Swedish way (å, ä, ö after z), and by county, amount and date both ways", () => {
    const round = findTestRoundId(db, "HJ", 5);
    const names = listRoundGrants(db, round, "organisation").map((g) => g.organisations[0]!);
    const firstSwedish = names.findIndex((n) => /^[ÅÄÖ]/.test(n));
    expect(firstSwedish).toBeGreaterThan(0);
    expect(names.slice(firstSwedish).every((n) => /^[ÅÄÖ]/.test(n))).toBe(true);
    expect(names.slice(0, firstSwedish).some((n) => /^[V-Z]/.test(n))).toBe(true);
    expect(listRoundGrants(db, round, "organisation", "desc").map((g) => g.organisations[0])).toEqual([...names].reverse());

    const amounts = listRoundGrants(db, round, "amount", "desc").map((g) => g.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const dates = listRoundGrants(db, round, "date").map((g) => g.decidedOn);
    expect(dates).toEqual([...dates].sort());
    const counties = listRoundGrants(db, round, "county").map((g) => g.countyName ?? "");
    const örebro = counties.indexOf("Örebro län");
    if (örebro >= 0) expect(counties.slice(örebro).every((c) => c === "Örebro län" || c.startsWith("Ö") || c === "")).toBe(true);
  });
});

describe("publishDueReleases", () => {
  it("publishes the due scheduled and embargoed releases only, as the scheduler, with an audit event each", () => {
    const r = releasesAroundNow();
    const embargoedPassed = release("embargoed", BEFORE, { headline: "Embargo passerat" });
    const published = inWriteTransaction(db, (tx) => publishDueReleases(tx, NOW));
    expect(published.map((x) => x.id).sort()).toEqual([r.scheduledPassed.id, embargoedPassed.id].sort());
    expect(getRelease(db, r.scheduledPassed.id)).toMatchObject({ status: "published", publishedAt: NOW, publishAt: BEFORE });
    for (const untouched of [r.scheduledAhead, r.embargoedAhead, r.draft, r.approved, r.approvedWithTime, r.published]) {
      expect(getRelease(db, untouched.id)?.status, untouched.headline).toBe(untouched.status);
    }
    const events = readTestAuditEvents(db, { action: "release.publish" });
    expect(events.map((e) => e.entityId).sort()).toEqual([r.scheduledPassed.id, embargoedPassed.id].sort());
    expect(events.every((e) => e.actorId === null && e.actorLabel === SCHEDULER_ACTOR.label && e.at.getTime() === NOW.getTime())).toBe(true);
    expect(events[0]!.before).toMatchObject({ status: expect.stringMatching(/scheduled|embargoed/) });
    expect(events[0]!.after).toMatchObject({ status: "published" });
  });

  it("is idempotent: a second run at the same moment publishes nothing and writes no event", () => {
    release("scheduled", BEFORE, { headline: "Schemalagd och passerad" });
    expect(inWriteTransaction(db, (tx) => publishDueReleases(tx, NOW))).toHaveLength(1);
    expect(inWriteTransaction(db, (tx) => publishDueReleases(tx, NOW))).toHaveLength(0);
    expect(readTestAuditEvents(db, { action: "release.publish" })).toHaveLength(1);
  });
});

describe("the demo's newsroom", () => {
  it("has the seeds' three releases published, in their rounds, with their facts", () => {
    const rows = listPublicReleases(db, NOW, { page: 1, pageSize: 100 }).rows;
    expect(rows.map((r) => r.headline)).toEqual([
      "1,2 miljoner till jämställdhetsarbete för medborgarna",
      "27,5 miljoner till jämställdhet",
      "Mer pengar till jämställdhet i Västerbotten",
    ]);
    const boras = getPublicRelease(db, rows[0]!.slug, NOW)!;
    expect(boras).toMatchObject({ status: "published", targetKind: "recipient", roundId: findTestRoundId(db, "HJ", 5), regionCode: "14" });
    expect(boras.quotes.map((q) => q.speaker)).toEqual(["Ulf Olsson", "Annette Carlson", "Carola Samuelsson"]);
    expect(boras.quotes[0]).toMatchObject({ title: "kommunstyrelsens ordförande, (S)", afterParagraph: 2 });
    expect(boras.body).not.toMatch(/Gå direkt till innehåll|Lämna ett svar|Ämnen|Regioner|Kungsgatan/);
    expect((boras.facts as { recipients: { name: string }[] }).recipients.map((r) => r.name)).toEqual(["Borås Stad"]);
    const vasterbotten = getPublicRelease(db, rows[2]!.slug, NOW)!;
    expect(vasterbotten).toMatchObject({ targetKind: "county", countyCode: "24", regionCode: "24", roundId: findTestRoundId(db, "HJ", 4) });
    expect(vasterbotten.ingress).toContain("1,7 respektive 1,2 miljoner kronor till Umeå kommun och Lycksele kommun");
    expect(isRoundAnnounced(db, findTestRoundId(db, "HJ", 4), NOW)).toBe(true);
    expect(isRoundAnnounced(db, findTestRoundId(db, "HJ", 5), NOW)).toBe(true);
    expect(isRoundAnnounced(db, practiceRound(), NOW)).toBe(false);
  });
});
