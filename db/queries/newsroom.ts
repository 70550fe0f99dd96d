import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  applications,
  counties,
  decisions,
  organisations,
  pressReleases,
  pressReleaseTopics,
  programmes,
  rounds,
} from "../schema";
import { getRelease, publicReleaseWhere, topicsOf, updateReleaseState, type Release } from "./press-releases";
import type { AuditActor } from "@/lib/audit";

/*
 * Every read of the public newsroom (the list, a release, the feed, the sitemap, the grants lists). Each one goes
 * through publicReleaseWhere(now) from press-releases.ts, THE rule for what the public may see, so a scheduled or
 * embargoed release is in no public channel before its time, whether or not the scheduler has moved it yet.
 * `now` is always a parameter: the caller decides the moment (and the tests move it).
 */

export const NEWSROOM_PAGE_SIZE = 10;
/** The feed and the sitemap are bounded: the newest releases, not the whole archive. */
export const FEED_LIMIT = 50;
export const SITEMAP_LIMIT = 5000;

export type PublicReleaseSummary = {
  id: number;
  slug: string;
  headline: string;
  ingress: string;
  publishAt: Date;
  regionCode: string | null;
  regionName: string | null;
  topics: string[];
};

export type NewsroomFilter = { topic?: string | null; regionCode?: string | null };

function filterWhere(now: Date, filter: NewsroomFilter): SQL {
  const conditions: (SQL | undefined)[] = [publicReleaseWhere(now)];
  if (filter.topic) {
    conditions.push(
      sql`exists (select 1 from ${pressReleaseTopics} where ${pressReleaseTopics.releaseId} = ${pressReleases.id} and ${pressReleaseTopics.topic} = ${filter.topic})`,
    );
  }
  if (filter.regionCode) conditions.push(eq(pressReleases.regionCode, filter.regionCode));
  return and(...conditions)!;
}

/** One page of public releases, newest publishAt first (the status/publish_at and region indexes). */
export function listPublicReleases(
  db: DbOrTx,
  now: Date,
  options: NewsroomFilter & { page: number; pageSize?: number },
): { rows: PublicReleaseSummary[]; total: number; page: number; pageCount: number } {
  const pageSize = options.pageSize ?? NEWSROOM_PAGE_SIZE;
  const where = filterWhere(now, options);
  const total = db.select({ n: sql<number>`count(*)` }).from(pressReleases).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page)), pageCount);
  const rows = db
    .select({
      id: pressReleases.id,
      slug: pressReleases.slug,
      headline: pressReleases.headline,
      ingress: pressReleases.ingress,
      publishAt: pressReleases.publishAt,
      regionCode: pressReleases.regionCode,
      regionName: counties.shortName,
    })
    .from(pressReleases)
    .leftJoin(counties, eq(counties.code, pressReleases.regionCode))
    .where(where)
    .orderBy(desc(pressReleases.publishAt), desc(pressReleases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const topics = topicsOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, publishAt: r.publishAt!, topics: topics.get(r.id) ?? [] })),
    total,
    page,
    pageCount,
  };
}

/** The regions that public releases name, for the newsroom's region filter (a handful: one per county at most). */
export function listPublicRegions(db: DbOrTx, now: Date): { code: string; name: string }[] {
  return db
    .selectDistinct({ code: counties.code, name: counties.shortName, sortName: counties.sortName })
    .from(pressReleases)
    .innerJoin(counties, eq(counties.code, pressReleases.regionCode))
    .where(publicReleaseWhere(now))
    .orderBy(asc(counties.sortName))
    .all()
    .map(({ code, name }) => ({ code, name }));
}

export type PublicRelease = Release & {
  regionName: string | null;
  programmeName: string;
  roundOrdinal: number;
  roundYear: number;
};

/** One public release by its slug, or null: a draft, an approved release and one before its time are all missing. */
export function getPublicRelease(db: DbOrTx, slug: string, now: Date): PublicRelease | null {
  const row = db
    .select({ id: pressReleases.id, regionName: counties.shortName, programmeName: programmes.name, roundOrdinal: rounds.ordinal, roundYear: rounds.year })
    .from(pressReleases)
    .innerJoin(rounds, eq(rounds.id, pressReleases.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .leftJoin(counties, eq(counties.code, pressReleases.regionCode))
    .where(and(eq(pressReleases.slug, slug), publicReleaseWhere(now)))
    .get();
  if (!row) return null;
  const release = getRelease(db, row.id);
  return release ? { ...release, regionName: row.regionName, programmeName: row.programmeName, roundOrdinal: row.roundOrdinal, roundYear: row.roundYear } : null;
}

export type FeedItem = Pick<Release, "id" | "slug" | "headline" | "ingress" | "body" | "updatedAt"> & { publishAt: Date; topics: string[] };

/** The newest public releases for the RSS/Atom feed (bounded by FEED_LIMIT). */
export function listFeedItems(db: DbOrTx, now: Date, limit = FEED_LIMIT, filter: NewsroomFilter = {}): FeedItem[] {
  const rows = db
    .select({
      id: pressReleases.id,
      slug: pressReleases.slug,
      headline: pressReleases.headline,
      ingress: pressReleases.ingress,
      body: pressReleases.body,
      updatedAt: pressReleases.updatedAt,
      publishAt: pressReleases.publishAt,
    })
    .from(pressReleases)
    .where(filterWhere(now, filter))
    .orderBy(desc(pressReleases.publishAt), desc(pressReleases.id))
    .limit(limit)
    .all();
  const topics = topicsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, publishAt: r.publishAt!, topics: topics.get(r.id) ?? [] }));
}

/** What the sitemap lists: the public releases (newest first, bounded) and the announced rounds' grants lists. */
export function listSitemapEntries(db: DbOrTx, now: Date): {
  releases: { slug: string; lastModified: Date }[];
  rounds: { roundId: number; lastModified: Date }[];
} {
  const releases = db
    .select({ slug: pressReleases.slug, publishAt: pressReleases.publishAt, updatedAt: pressReleases.updatedAt })
    .from(pressReleases)
    .where(publicReleaseWhere(now))
    .orderBy(desc(pressReleases.publishAt), desc(pressReleases.id))
    .limit(SITEMAP_LIMIT)
    .all()
    .map((r) => ({ slug: r.slug, lastModified: latest(r.publishAt!, r.updatedAt) }));
  const announced = db
    .select({ roundId: pressReleases.roundId, publishAt: sql<number>`max(${pressReleases.publishAt})` })
    .from(pressReleases)
    .where(publicReleaseWhere(now))
    .groupBy(pressReleases.roundId)
    .orderBy(asc(pressReleases.roundId))
    .all()
    .map((r) => ({ roundId: r.roundId, lastModified: new Date(r.publishAt) }));
  return { releases, rounds: announced };
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** A round's grants list is public only when a public release of that round exists (the round_id index). */
export function isRoundAnnounced(db: DbOrTx, roundId: number, now: Date): boolean {
  return (
    db
      .select({ id: pressReleases.id })
      .from(pressReleases)
      .where(and(eq(pressReleases.roundId, roundId), publicReleaseWhere(now)))
      .limit(1)
      .get() !== undefined
  );
}

export type AnnouncedRound = {
  id: number;
  ordinal: number;
  year: number;
  decisionOn: string | null;
  programmeName: string;
  programmeCode: string;
  funder: string;
};

/** The round of a grants list, or null when it does not exist or is not announced yet (exactly as missing). */
export function getAnnouncedRound(db: DbOrTx, roundId: number, now: Date): AnnouncedRound | null {
  if (!Number.isSafeInteger(roundId) || roundId <= 0 || !isRoundAnnounced(db, roundId, now)) return null;
  return (
    db
      .select({
        id: rounds.id,
        ordinal: rounds.ordinal,
        year: rounds.year,
        decisionOn: rounds.decisionOn,
        programmeName: programmes.name,
        programmeCode: programmes.code,
        funder: programmes.funder,
      })
      .from(rounds)
      .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
      .where(eq(rounds.id, roundId))
      .get() ?? null
  );
}

export const GRANT_SORTS = ["organisation", "county", "amount", "date"] as const;
export type GrantSort = (typeof GRANT_SORTS)[number];
export type SortDirection = "asc" | "desc";

export type RoundGrant = {
  applicationId: number;
  registrationNumber: string;
  /** The lead organisation first, then the co-applicants in their order. */
  organisations: string[];
  projectTitle: string;
  description: string;
  countyCode: string | null;
  countyName: string | null;
  amount: number;
  decidedOn: string;
};

/*
 * Co-applicants' names in their order, in the same statement: a correlated subquery over the co-applicants'
 * primary key (application_id, …), so a round of any size is one query, never one per row.
 */
const coApplicantNames = sql<string | null>`(
  select json_group_array(name) from (
    select o.name as name from application_co_applicants c
    join organisations o on o.id = c.organisation_id
    where c.application_id = ${applications.id}
    order by c.position
  )
)`;

/**
 * The approved grants of a round, sorted as the visitor asks: organisation (Swedish order through sort_name),
 * county (its sort_name), amount or decision date, then organisation and registration number so the order is stable.
 * Reads the round's approved applications through applications_round_status_idx. Call it only for an announced round.
 */
export function listRoundGrants(db: DbOrTx, roundId: number, sort: GrantSort = "organisation", direction: SortDirection = "asc"): RoundGrant[] {
  const dir = direction === "desc" ? desc : asc;
  const primary = {
    organisation: [dir(organisations.sortName)],
    county: [dir(sql`coalesce(${counties.sortName}, 'zzzz')`)],
    amount: [dir(decisions.grantedAmount)],
    date: [dir(decisions.decidedOn)],
  }[sort];
  const rows = db
    .select({
      applicationId: applications.id,
      registrationNumber: applications.registrationNumber,
      lead: organisations.name,
      coApplicants: coApplicantNames,
      projectTitle: applications.projectTitle,
      description: applications.description,
      countyCode: counties.code,
      countyName: counties.name,
      amount: decisions.grantedAmount,
      decidedOn: decisions.decidedOn,
    })
    .from(applications)
    .innerJoin(decisions, and(eq(decisions.applicationId, applications.id), eq(decisions.outcome, "approved")))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, "approved")))
    .orderBy(...primary, asc(organisations.sortName), asc(applications.registrationNumber))
    .all();
  return rows.map(({ lead, coApplicants, ...row }) => ({
    ...row,
    organisations: [lead, ...((coApplicants ? JSON.parse(coApplicants) : []) as string[])],
  }));
}

/** Who the scheduler is in the audit trail. */
export const SCHEDULER_ACTOR: AuditActor = { id: null, label: "Anslag (schemalagd publicering)" };

/**
 * Scheduled and embargoed releases whose time has come become published (publishedAt = now), each through
 * updateReleaseState with its audit event "release.publish". Call it inside one write transaction
 * (lib/press/scheduler.ts does). Idempotent: a second run finds nothing due. Returns what it published.
 */
export function publishDueReleases(tx: DbOrTx, now: Date): Release[] {
  const due = tx
    .select({ id: pressReleases.id })
    .from(pressReleases)
    .where(and(inArray(pressReleases.status, ["scheduled", "embargoed"]), sql`${pressReleases.publishAt} <= ${now.getTime()}`))
    .orderBy(asc(pressReleases.publishAt), asc(pressReleases.id))
    .all();
  const published: Release[] = [];
  for (const { id } of due) {
    const after = updateReleaseState(tx, id, null, { status: "published", publishedAt: now }, SCHEDULER_ACTOR, "release.publish", now);
    if (after) published.push(after);
  }
  return published;
}
