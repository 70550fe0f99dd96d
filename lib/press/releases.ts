import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { getPressTemplate } from "@/db/queries/press-templates";
import {
  getRelease,
  getReleaseByPreviewToken,
  insertComment,
  insertPreviewLink,
  insertRelease,
  revokePreviewLink,
  snapshotOf,
  updateReleaseContent,
  updateReleaseState,
  type Release,
  type ReleaseSnapshot,
} from "@/db/queries/press-releases";
import { inWriteTransaction } from "@/db/transaction";
import { planMailingAfterStep } from "./subscriptions";
import type { AuditActor } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import type { PressTopic } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { parseStockholmDateTime } from "@/lib/format/date";
import { checkRelease, type ReleaseWarning } from "./checks";
import { loadPressContext, type PressContext, type PressTarget } from "./context";
import { releaseContentFromRendered } from "./document";
import { factsHashOf, factsOf } from "./facts";
import { renderTemplate } from "./render";
import { changedFactsOf, currentFactsOf } from "./stale";
import { EDITABLE_STATUSES, RELEASE_STEP_RULES, type ReleaseStep } from "./workflow";

/*
 * Press releases: generated from a template and the decision data, edited, reviewed and published. Each function
 * owns its write transaction (BEGIN IMMEDIATE); every save and step is checked against the version the user saw
 * (optimistic lock), and written with its audit event. Rendering (in the sandboxed worker) happens before the
 * transaction, since a transaction cannot await.
 */

const ALL = { kind: "all" } as const;

export const RELEASE_NOT_FOUND = "Pressmeddelandet finns inte.";
export const RELEASE_CONFLICT = "Någon annan har ändrat pressmeddelandet under tiden. Ladda om sidan och försök igen.";
export const RELEASE_STALE =
  "Uppgifterna som pressmeddelandet bygger på har ändrats. Skapa om det eller godkänn ändringarna innan det publiceras.";
export const RELEASE_NOT_EDITABLE = "Ett publicerat pressmeddelande kan inte ändras. Avpublicera det först.";
export const RELEASE_STEP_NOT_ALLOWED = "Det steget går inte att ta från pressmeddelandets nuvarande status.";
export const RELEASE_STEP_FORBIDDEN = "Du har inte behörighet att ta det steget.";
export const RELEASE_TIME_MISSING = "Ange en tidpunkt, till exempel 2026-12-01 10:00.";
export const RELEASE_TIME_PAST = "Tidpunkten har redan passerat. Ange en senare tidpunkt.";
export const RELEASE_COMMENT_MISSING = "Skriv varför pressmeddelandet skickas tillbaka.";
export const RELEASE_FACTS_UNSEEN = "Uppgifterna har ändrats igen sedan sidan laddades. Läs ändringarna och godkänn dem på nytt.";
export const RELEASE_FACTS_CURRENT = "Pressmeddelandet bygger redan på dagens uppgifter.";
export const RELEASE_NO_TEMPLATE = "Mallen finns inte.";
export const RELEASE_TEMPLATE_KIND = "Mallen passar inte till det valda underlaget.";
export const RELEASE_TARGET_MISSING = "Det finns inget beviljat att skriva om i det valda underlaget.";
export const RELEASE_RENDER_FAILED = "Mallen kunde inte skrivas ut: {message}";
export const PREVIEW_LINK_NOT_FOUND = "Länken finns inte eller är redan återkallad.";
export const PREVIEW_NOT_FOR_PUBLIC = "Pressmeddelandet är redan publicerat: förhandsvisningslänkar behövs inte längre.";

function notFound(): DomainError {
  return new DomainError(RELEASE_NOT_FOUND, undefined, "not_found");
}

function conflict(): DomainError {
  return new DomainError(RELEASE_CONFLICT, undefined, "conflict");
}

/** The region and topics a new release starts with: its county, and "beviljade medel". */
function defaultsFor(target: PressTarget, context: PressContext): { regionCode: string | null; topics: PressTopic[] } {
  const regionCode =
    target.kind === "county" ? target.countyCode : target.kind === "recipient" ? (context.recipients[0]?.county?.code ?? null) : null;
  return { regionCode, topics: ["beviljade-medel", "jamstalldhetsintegrering"] };
}

async function renderContent(templateSource: string, target: PressTarget, db: Db) {
  const context = loadPressContext(db, target, ALL);
  if (!context || (target.kind !== "round" && context.recipients.length === 0)) {
    throw new DomainError(RELEASE_TARGET_MISSING, undefined, "not_found");
  }
  const result = await renderTemplate(templateSource, context, { escape: "none" });
  if (!result.ok) throw new DomainError(RELEASE_RENDER_FAILED.replace("{message}", result.error.message), undefined, "invalid");
  return { context, content: releaseContentFromRendered(result.text, context) };
}

export type GenerateInput = { templateId: number; target: PressTarget };

/** Makes a draft from a template for a target (a round; a county in a round; one grant), remembering its facts. */
export async function generateRelease(db: Db, actor: AuditActor, input: GenerateInput): Promise<Release> {
  const template = getPressTemplate(db, input.templateId);
  if (!template) throw new DomainError(RELEASE_NO_TEMPLATE, { templateId: [RELEASE_NO_TEMPLATE] }, "not_found");
  if (template.targetKind !== input.target.kind) throw new DomainError(RELEASE_TEMPLATE_KIND, { templateId: [RELEASE_TEMPLATE_KIND] }, "invalid");
  const { context, content } = await renderContent(template.source, input.target, db);
  const facts = factsOf(context);
  const target = input.target;
  return inWriteTransaction(db, (tx) =>
    insertRelease(
      tx,
      {
        templateId: template.id,
        targetKind: target.kind,
        roundId: context.round.id,
        countyCode: target.kind === "county" ? target.countyCode : null,
        applicationId: target.kind === "recipient" ? target.applicationId : null,
        content: { ...content, ...defaultsFor(target, context) },
        facts,
        factsHash: factsHashOf(facts),
      },
      actor,
    ),
  );
}

export type SaveResult = { release: Release; warnings: ReleaseWarning[] };

/**
 * Saves an edit made from `version`. An edit of a release under review, approved or scheduled sends it back to
 * draft (what was reviewed is no longer what it says) and takes a schedule off. Published releases are not edited.
 */
export function saveRelease(db: Db, actor: AuditActor, input: { releaseId: number; version: number; content: ReleaseSnapshot }): SaveResult {
  const release = inWriteTransaction(db, (tx) => {
    const before = getRelease(tx, input.releaseId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    if (!EDITABLE_STATUSES.includes(before.status)) throw new DomainError(RELEASE_NOT_EDITABLE, undefined, "status");
    const backToDraft = before.status !== "draft";
    const saved = updateReleaseContent(
      tx,
      before.id,
      input.version,
      input.content,
      backToDraft ? { status: "draft", publishAt: null } : {},
      actor,
      "release.update",
    );
    if (!saved) throw conflict();
    return saved;
  });
  return { release, warnings: checkRelease(snapshotOf(release)) };
}

export function warningsOf(release: Release): ReleaseWarning[] {
  return checkRelease(snapshotOf(release));
}

export type StepInput = { releaseId: number; version: number; step: ReleaseStep; publishAt: string; comment: string };

/**
 * Takes one step of the review flow (lib/press/workflow.ts): checked against the release's status, the user's
 * permission, and — for a step that makes the release public — that the facts are still those it was made from.
 */
export function takeReleaseStep(db: Db, actor: AuditActor & { role: Actor["role"] }, input: StepInput, now = new Date()): Release {
  const rule = RELEASE_STEP_RULES[input.step];
  if (!hasPermission(actor, rule.permission)) throw new DomainError(RELEASE_STEP_FORBIDDEN, undefined, "domain");
  let publishAt: Date | null | undefined;
  if (rule.needsTime) {
    if (!input.publishAt.trim()) throw new DomainError(RELEASE_TIME_MISSING, { publishAt: [RELEASE_TIME_MISSING] }, "invalid");
    publishAt = parseStockholmDateTime(input.publishAt);
    if (!publishAt) throw new DomainError(RELEASE_TIME_MISSING, { publishAt: [RELEASE_TIME_MISSING] }, "invalid");
    if (publishAt.getTime() <= now.getTime()) throw new DomainError(RELEASE_TIME_PAST, { publishAt: [RELEASE_TIME_PAST] }, "invalid");
  }
  if (rule.needsComment && !input.comment.trim()) throw new DomainError(RELEASE_COMMENT_MISSING, { comment: [RELEASE_COMMENT_MISSING] }, "invalid");

  return inWriteTransaction(db, (tx) => {
    const before = getRelease(tx, input.releaseId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    if (!rule.from.includes(before.status)) throw new DomainError(RELEASE_STEP_NOT_ALLOWED, undefined, "status");
    if (rule.goesPublic) {
      // Checked against the data now, not only the flag: the flag is set by the writes that change facts.
      const facts = currentFactsOf(tx, before);
      if (before.staleAt !== null || !facts || factsHashOf(facts) !== before.factsHash) throw new DomainError(RELEASE_STALE, undefined, "stale");
    }
    const change =
      input.step === "publish"
        ? { status: rule.to, publishAt: now, publishedAt: now }
        : rule.needsTime
          ? { status: rule.to, publishAt }
          : input.step === "unpublish" || input.step === "unschedule"
            ? { status: rule.to, publishAt: null, publishedAt: null }
            : { status: rule.to };
    const after = updateReleaseState(tx, before.id, before.version, change, actor, `release.${input.step}`, now);
    if (!after) throw conflict();
    if (input.comment.trim()) insertComment(tx, after.id, input.comment.trim(), actor, now);
    // The subscribers get it once, when it is first public: now (mailed in this transaction) or at its time.
    if (rule.goesPublic || input.step === "unschedule" || input.step === "unpublish") planMailingAfterStep(tx, after, now);
    return after;
  });
}

/**
 * Accepts the changed facts by name: the user has read each changed fact, and the list they accepted must be the
 * changes there are now (a change made after the page was loaded is not accepted unseen). The release then
 * remembers today's facts; its text is the user's to correct.
 */
export function acceptChangedFacts(db: Db, actor: AuditActor, input: { releaseId: number; version: number; accepted: string[] }): Release {
  return inWriteTransaction(db, (tx) => {
    const before = getRelease(tx, input.releaseId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    const changes = changedFactsOf(tx, before);
    if (changes.length === 0) throw new DomainError(RELEASE_FACTS_CURRENT, undefined, "stale");
    const wanted = new Set(changes.map((c) => c.path));
    const accepted = new Set(input.accepted);
    if (wanted.size !== accepted.size || [...wanted].some((p) => !accepted.has(p))) {
      throw new DomainError(RELEASE_FACTS_UNSEEN, undefined, "stale");
    }
    const facts = currentFactsOf(tx, before) ?? {};
    const after = updateReleaseState(
      tx,
      before.id,
      before.version,
      { facts, factsHash: factsHashOf(facts), staleAt: null },
      actor,
      "release.accept-facts",
    );
    if (!after) throw conflict();
    return after;
  });
}

/** Renders the release again from its template and today's data: a new content version, back to draft. */
export async function regenerateRelease(db: Db, actor: AuditActor, input: { releaseId: number; version: number }): Promise<Release> {
  const release = getRelease(db, input.releaseId);
  if (!release) throw notFound();
  if (!EDITABLE_STATUSES.includes(release.status)) throw new DomainError(RELEASE_NOT_EDITABLE, undefined, "status");
  const template = release.templateId ? getPressTemplate(db, release.templateId) : null;
  if (!template) throw new DomainError(RELEASE_NO_TEMPLATE, undefined, "not_found");
  const target: PressTarget =
    release.targetKind === "recipient" && release.applicationId !== null
      ? { kind: "recipient", applicationId: release.applicationId }
      : release.targetKind === "county" && release.countyCode !== null
        ? { kind: "county", roundId: release.roundId, countyCode: release.countyCode }
        : { kind: "round", roundId: release.roundId };
  const { context, content } = await renderContent(template.source, target, db);
  const facts = factsOf(context);
  return inWriteTransaction(db, (tx) => {
    const saved = updateReleaseContent(
      tx,
      release.id,
      input.version,
      { ...content, topics: release.topics, regionCode: release.regionCode },
      { status: "draft", facts, factsHash: factsHashOf(facts), staleAt: null, publishAt: null },
      actor,
      "release.regenerate",
    );
    if (!saved) throw conflict();
    return saved;
  });
}

export function addReleaseComment(db: Db, actor: AuditActor, input: { releaseId: number; body: string }) {
  return inWriteTransaction(db, (tx) => {
    if (!getRelease(tx, input.releaseId)) throw notFound();
    return insertComment(tx, input.releaseId, input.body, actor);
  });
}

// ---------------------------------------------------------------- private preview links

const PREVIEW_TOKEN_BYTES = 32;

export function hashPreviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A link for a reviewer without an account. The token (256 random bits, URL-safe) is returned once and only its
 * hash is stored, so a copy of the database opens no preview.
 */
export function createPreviewLink(db: Db, actor: AuditActor, input: { releaseId: number; label: string; days: number }, now = new Date()) {
  const token = randomBytes(PREVIEW_TOKEN_BYTES).toString("base64url");
  const link = inWriteTransaction(db, (tx) => {
    const release = getRelease(tx, input.releaseId);
    if (!release) throw notFound();
    if (release.status === "published") throw new DomainError(PREVIEW_NOT_FOR_PUBLIC, undefined, "status");
    return insertPreviewLink(
      tx,
      { releaseId: release.id, tokenHash: hashPreviewToken(token), label: input.label, expiresAt: new Date(now.getTime() + input.days * 86_400_000) },
      actor,
      now,
    );
  });
  return { token, link };
}

export function revokeReleasePreviewLink(db: Db, actor: AuditActor, input: { releaseId: number; linkId: number }) {
  return inWriteTransaction(db, (tx) => {
    const revoked = revokePreviewLink(tx, input.releaseId, input.linkId, actor);
    if (!revoked) throw new DomainError(PREVIEW_LINK_NOT_FOUND, undefined, "not_found");
    return revoked;
  });
}

/** The release a preview token opens now, or null (unknown, expired, revoked, or the release is public). */
export function releaseForPreview(db: Db, token: string, now = new Date()): Release | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return getReleaseByPreviewToken(db, hashPreviewToken(token), now);
}
