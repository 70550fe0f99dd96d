import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  counties,
  pressComments,
  pressPreviewLinks,
  pressReleases,
  pressReleaseTopics,
  pressReleaseVersions,
  programmes,
  rounds,
  type PressComment,
  type PressPreviewLink,
  type PressRelease,
  type ReleaseFacts,
  type ReleaseQuote,
  type ReleaseSnapshot,
} from "../schema";
import type { PressTargetKind, ReleaseStatus } from "@/lib/enums";
import { writeAudit, type AuditActor } from "@/lib/audit";

export type { ReleaseQuote, ReleaseSnapshot, ReleaseFacts };

/** The statuses of a release that is, or becomes at `publishAt`, public. */
export const PUBLIC_GOING_STATUSES = ["published", "scheduled", "embargoed"] as const satisfies readonly ReleaseStatus[];

/**
 * THE rule for what the public may see, in one place: a release is public when its status is published, scheduled
 * or embargoed and its `publishAt` has passed. Every public channel (the newsroom's list and pages, the feed, the
 * sitemap, the grants lists) reads through this condition, so an embargo holds even before the scheduler has
 * moved the release to published.
 */
export function publicReleaseWhere(now: Date) {
  return and(inArray(pressReleases.status, [...PUBLIC_GOING_STATUSES]), sql`${pressReleases.publishAt} <= ${now.getTime()}`);
}

export function isPublicRelease(release: Pick<PressRelease, "status" | "publishAt">, now: Date): boolean {
  return (
    (PUBLIC_GOING_STATUSES as readonly string[]).includes(release.status) &&
    release.publishAt !== null &&
    release.publishAt.getTime() <= now.getTime()
  );
}

/** A release with its topics: what the staff pages and the newsroom read. */
export type Release = PressRelease & { topics: string[] };

export type NewReleaseInput = {
  templateId: number | null;
  targetKind: PressTargetKind;
  roundId: number;
  countyCode: string | null;
  applicationId: number | null;
  content: ReleaseSnapshot;
  facts: ReleaseFacts;
  factsHash: string;
  /** The demo seed inserts releases already published; the app always starts with a draft. */
  status?: ReleaseStatus;
  publishAt?: Date | null;
  publishedAt?: Date | null;
};

/** The audit's view of a release: its content and state, without the facts snapshot (that is in the versions). */
function auditView(release: Release): Record<string, unknown> {
  const { facts: _facts, ...rest } = release;
  void _facts;
  return rest;
}

/** "27,5 miljoner till jämställdhet" -> "27-5-miljoner-till-jamstalldhet", for a readable public address. */
export function slugify(text: string): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return base || "pressmeddelande";
}

function slugFor(id: number, headline: string): string {
  return `${slugify(headline)}-${id}`;
}

function contentColumns(content: ReleaseSnapshot) {
  return {
    headline: content.headline,
    ingress: content.ingress,
    body: content.body,
    quotes: content.quotes,
    contacts: content.contacts,
    boilerplate: content.boilerplate,
    regionCode: content.regionCode,
  };
}

export function snapshotOf(release: Release): ReleaseSnapshot {
  return {
    headline: release.headline,
    ingress: release.ingress,
    body: release.body,
    quotes: release.quotes,
    contacts: release.contacts,
    boilerplate: release.boilerplate,
    topics: release.topics,
    regionCode: release.regionCode,
  };
}

function replaceTopics(tx: DbOrTx, releaseId: number, topics: readonly string[]): void {
  tx.delete(pressReleaseTopics).where(eq(pressReleaseTopics.releaseId, releaseId)).run();
  const unique = [...new Set(topics)];
  if (unique.length > 0) tx.insert(pressReleaseTopics).values(unique.map((topic) => ({ releaseId, topic }))).run();
}

/*
 * Content versions are numbered on their own (1, 2, 3 …): `press_releases.version` is the optimistic lock and also
 * moves on state changes (review, approval), which keep the content.
 */
function insertVersion(tx: DbOrTx, releaseId: number, content: ReleaseSnapshot, actor: AuditActor, at: Date): number {
  const last = tx
    .select({ n: sql<number | null>`max(${pressReleaseVersions.version})` })
    .from(pressReleaseVersions)
    .where(eq(pressReleaseVersions.releaseId, releaseId))
    .get()?.n;
  const version = (last ?? 0) + 1;
  tx.insert(pressReleaseVersions)
    .values({ releaseId, version, content, savedBy: actor.id, savedByLabel: actor.label, savedAt: at })
    .run();
  return version;
}

/** Inserts a release with its topics and first version, and its audit event. Call inside a write transaction. */
export function insertRelease(tx: DbOrTx, input: NewReleaseInput, actor: AuditActor, at = new Date()): Release {
  const inserted = tx
    .insert(pressReleases)
    .values({
      slug: `pending-${at.getTime()}-${Math.random().toString(36).slice(2)}`,
      templateId: input.templateId,
      targetKind: input.targetKind,
      roundId: input.roundId,
      countyCode: input.countyCode,
      applicationId: input.applicationId,
      status: input.status ?? "draft",
      ...contentColumns(input.content),
      facts: input.facts,
      factsHash: input.factsHash,
      publishAt: input.publishAt ?? null,
      publishedAt: input.publishedAt ?? null,
      createdBy: actor.id,
      updatedBy: actor.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: pressReleases.id })
    .get();
  tx.update(pressReleases).set({ slug: slugFor(inserted.id, input.content.headline) }).where(eq(pressReleases.id, inserted.id)).run();
  replaceTopics(tx, inserted.id, input.content.topics);
  insertVersion(tx, inserted.id, input.content, actor, at);
  const release = getRelease(tx, inserted.id)!;
  writeAudit(tx, { actor, action: "release.create", entityType: "release", entityId: release.id, after: auditView(release), at });
  return release;
}

export function getRelease(db: DbOrTx, releaseId: number): Release | null {
  const row = db.select().from(pressReleases).where(eq(pressReleases.id, releaseId)).get();
  if (!row) return null;
  const topics = db
    .select({ topic: pressReleaseTopics.topic })
    .from(pressReleaseTopics)
    .where(eq(pressReleaseTopics.releaseId, releaseId))
    .orderBy(asc(pressReleaseTopics.topic))
    .all()
    .map((r) => r.topic);
  return { ...row, topics };
}

/** The topics of many releases in one query (a page of a list), by release id. */
export function topicsOf(db: DbOrTx, releaseIds: readonly number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (releaseIds.length === 0) return map;
  const rows = db
    .select()
    .from(pressReleaseTopics)
    .where(inArray(pressReleaseTopics.releaseId, [...releaseIds]))
    .orderBy(asc(pressReleaseTopics.topic))
    .all();
  for (const row of rows) map.set(row.releaseId, [...(map.get(row.releaseId) ?? []), row.topic]);
  return map;
}

/**
 * Saves new content as the next content version, if the release is still at `expectedVersion` (the optimistic lock):
 * null when someone else changed it first. `status` lets an edit send an approved release back to draft. Slug follows the headline
 * until the release is public.
 */
export function updateReleaseContent(
  tx: DbOrTx,
  releaseId: number,
  expectedVersion: number,
  content: ReleaseSnapshot,
  changes: { status?: ReleaseStatus; facts?: ReleaseFacts; factsHash?: string; staleAt?: Date | null; publishAt?: Date | null },
  actor: AuditActor,
  action: string,
  at = new Date(),
): Release | null {
  const before = getRelease(tx, releaseId);
  if (!before || before.version !== expectedVersion) return null;
  const version = expectedVersion + 1;
  const updated = tx
    .update(pressReleases)
    .set({
      ...contentColumns(content),
      ...changes,
      slug: before.status === "published" ? before.slug : slugFor(releaseId, content.headline),
      version,
      updatedBy: actor.id,
      updatedAt: at,
    })
    .where(and(eq(pressReleases.id, releaseId), eq(pressReleases.version, expectedVersion)))
    .run();
  if (updated.changes !== 1) return null;
  replaceTopics(tx, releaseId, content.topics);
  insertVersion(tx, releaseId, content, actor, at);
  const after = getRelease(tx, releaseId)!;
  writeAudit(tx, { actor, action, entityType: "release", entityId: releaseId, before: auditView(before), after: auditView(after), at });
  return after;
}

export type ReleaseStateChange = {
  status?: ReleaseStatus;
  publishAt?: Date | null;
  publishedAt?: Date | null;
  staleAt?: Date | null;
  facts?: ReleaseFacts;
  factsHash?: string;
};

/**
 * Changes a release's state (status, times, accepted facts) without new content, under the same optimistic lock,
 * with its audit event (`release.submit`, `release.approve`, `release.publish`, …). `expectedVersion` null: the
 * system (the scheduler) changing whatever version is there.
 */
export function updateReleaseState(
  tx: DbOrTx,
  releaseId: number,
  expectedVersion: number | null,
  change: ReleaseStateChange,
  actor: AuditActor,
  action: string,
  at = new Date(),
): Release | null {
  const before = getRelease(tx, releaseId);
  if (!before || (expectedVersion !== null && before.version !== expectedVersion)) return null;
  const updated = tx
    .update(pressReleases)
    .set({ ...change, version: before.version + 1, updatedBy: actor.id ?? before.updatedBy, updatedAt: at })
    .where(and(eq(pressReleases.id, releaseId), eq(pressReleases.version, before.version)))
    .run();
  if (updated.changes !== 1) return null;
  const after = getRelease(tx, releaseId)!;
  writeAudit(tx, { actor, action, entityType: "release", entityId: releaseId, before: auditView(before), after: auditView(after), at });
  return after;
}

export type ReleaseListRow = Pick<
  PressRelease,
  "id" | "slug" | "headline" | "status" | "targetKind" | "roundId" | "countyCode" | "staleAt" | "publishAt" | "publishedAt" | "updatedAt" | "version"
> & { roundOrdinal: number; roundYear: number; programmeName: string; countyName: string | null };

const listColumns = {
  id: pressReleases.id,
  slug: pressReleases.slug,
  headline: pressReleases.headline,
  status: pressReleases.status,
  targetKind: pressReleases.targetKind,
  roundId: pressReleases.roundId,
  countyCode: pressReleases.countyCode,
  staleAt: pressReleases.staleAt,
  publishAt: pressReleases.publishAt,
  publishedAt: pressReleases.publishedAt,
  updatedAt: pressReleases.updatedAt,
  version: pressReleases.version,
  roundOrdinal: rounds.ordinal,
  roundYear: rounds.year,
  programmeName: programmes.name,
  countyName: counties.name,
};

/** The staff list: newest change first, one bounded page (the updated_at index). */
export function listReleases(db: DbOrTx, options: { page: number; pageSize: number; status?: ReleaseStatus }): { rows: ReleaseListRow[]; total: number } {
  const where = options.status ? eq(pressReleases.status, options.status) : undefined;
  const rows = db
    .select(listColumns)
    .from(pressReleases)
    .innerJoin(rounds, eq(rounds.id, pressReleases.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .leftJoin(counties, eq(counties.code, pressReleases.countyCode))
    .where(where)
    .orderBy(desc(pressReleases.updatedAt), desc(pressReleases.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(pressReleases).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The releases of a round that a decision change may have made stale (bounded by the releases written about it). */
export function listReleasesOfRound(
  db: DbOrTx,
  roundId: number,
): Pick<PressRelease, "id" | "targetKind" | "roundId" | "countyCode" | "applicationId" | "factsHash" | "staleAt" | "status" | "publishAt">[] {
  return db
    .select({
      id: pressReleases.id,
      status: pressReleases.status,
      publishAt: pressReleases.publishAt,
      targetKind: pressReleases.targetKind,
      roundId: pressReleases.roundId,
      countyCode: pressReleases.countyCode,
      applicationId: pressReleases.applicationId,
      factsHash: pressReleases.factsHash,
      staleAt: pressReleases.staleAt,
    })
    .from(pressReleases)
    .where(eq(pressReleases.roundId, roundId))
    .all();
}

/** Marks a release stale (or fresh again) without a new version: a fact of the system, not an edit. */
export function setReleaseStale(tx: DbOrTx, releaseId: number, staleAt: Date | null): void {
  tx.update(pressReleases).set({ staleAt }).where(eq(pressReleases.id, releaseId)).run();
}

export function listReleaseVersions(db: DbOrTx, releaseId: number) {
  return db
    .select({
      version: pressReleaseVersions.version,
      savedByLabel: pressReleaseVersions.savedByLabel,
      savedAt: pressReleaseVersions.savedAt,
    })
    .from(pressReleaseVersions)
    .where(eq(pressReleaseVersions.releaseId, releaseId))
    .orderBy(desc(pressReleaseVersions.version))
    .limit(200)
    .all();
}

export function getReleaseVersion(db: DbOrTx, releaseId: number, version: number) {
  return (
    db
      .select()
      .from(pressReleaseVersions)
      .where(and(eq(pressReleaseVersions.releaseId, releaseId), eq(pressReleaseVersions.version, version)))
      .get() ?? null
  );
}

// ---------------------------------------------------------------- comments and preview links

export function insertComment(tx: DbOrTx, releaseId: number, body: string, actor: AuditActor, at = new Date()): PressComment {
  const comment = tx
    .insert(pressComments)
    .values({ releaseId, authorId: actor.id, authorLabel: actor.label, body, createdAt: at })
    .returning()
    .get();
  writeAudit(tx, { actor, action: "release.comment", entityType: "release", entityId: releaseId, after: { commentId: comment.id, body }, at });
  return comment;
}

export function listComments(db: DbOrTx, releaseId: number): PressComment[] {
  return db
    .select()
    .from(pressComments)
    .where(eq(pressComments.releaseId, releaseId))
    .orderBy(asc(pressComments.createdAt), asc(pressComments.id))
    .limit(500)
    .all();
}

export function insertPreviewLink(
  tx: DbOrTx,
  input: { releaseId: number; tokenHash: string; label: string; expiresAt: Date },
  actor: AuditActor,
  at = new Date(),
): PressPreviewLink {
  const link = tx
    .insert(pressPreviewLinks)
    .values({ ...input, createdBy: actor.id, createdAt: at })
    .returning()
    .get();
  writeAudit(tx, {
    actor,
    action: "release.preview-link.create",
    entityType: "release",
    entityId: input.releaseId,
    after: { linkId: link.id, label: link.label, expiresAt: link.expiresAt },
    at,
  });
  return link;
}

/** Revokes a link of the release (null: no such link on this release, or already revoked). */
export function revokePreviewLink(tx: DbOrTx, releaseId: number, linkId: number, actor: AuditActor, at = new Date()): PressPreviewLink | null {
  const revoked = tx
    .update(pressPreviewLinks)
    .set({ revokedAt: at })
    .where(and(eq(pressPreviewLinks.id, linkId), eq(pressPreviewLinks.releaseId, releaseId), isNull(pressPreviewLinks.revokedAt)))
    .returning()
    .get();
  if (!revoked) return null;
  writeAudit(tx, { actor, action: "release.preview-link.revoke", entityType: "release", entityId: releaseId, after: { linkId, label: revoked.label }, at });
  return revoked;
}

export function listPreviewLinks(db: DbOrTx, releaseId: number): Omit<PressPreviewLink, "tokenHash">[] {
  return db
    .select({
      id: pressPreviewLinks.id,
      releaseId: pressPreviewLinks.releaseId,
      label: pressPreviewLinks.label,
      createdBy: pressPreviewLinks.createdBy,
      createdAt: pressPreviewLinks.createdAt,
      expiresAt: pressPreviewLinks.expiresAt,
      revokedAt: pressPreviewLinks.revokedAt,
    })
    .from(pressPreviewLinks)
    .where(eq(pressPreviewLinks.releaseId, releaseId))
    .orderBy(desc(pressPreviewLinks.createdAt))
    .limit(100)
    .all();
}

/**
 * The release a preview token opens, or null: an unknown token, an expired or revoked link, and a release that is
 * already public (its link is gone then: the newsroom has it) all answer the same.
 */
export function getReleaseByPreviewToken(db: DbOrTx, tokenHash: string, now: Date): Release | null {
  const link = db
    .select({ releaseId: pressPreviewLinks.releaseId })
    .from(pressPreviewLinks)
    .where(
      and(
        eq(pressPreviewLinks.tokenHash, tokenHash),
        isNull(pressPreviewLinks.revokedAt),
        sql`${pressPreviewLinks.expiresAt} > ${now.getTime()}`,
      ),
    )
    .get();
  if (!link) return null;
  const release = getRelease(db, link.releaseId);
  if (!release || release.status === "published" || isPublicRelease(release, now)) return null;
  return release;
}

/** The rounds that have releases written about them (few: one per round announced, a handful per county). */
export function listRoundIdsWithReleases(db: DbOrTx): number[] {
  return db
    .selectDistinct({ roundId: pressReleases.roundId })
    .from(pressReleases)
    .all()
    .map((r) => r.roundId);
}
