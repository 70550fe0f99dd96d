import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  applicationCoApplicants,
  applications,
  counties,
  decisions,
  organisations,
  pressTemplates,
  pressTemplateVersions,
  type PressTemplate,
  type PressTemplateVersion,
} from "../schema";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { applicationInScope } from "./scope";

/*
 * Press templates: the three shipped ones (round, county, recipient) are installed by migration 0004 and edited in
 * the browser (app/(staff)/press/mallar/). `press_templates.version` is the optimistic lock and also the number of
 * the latest row in press_template_versions: every save writes the next version row, so earlier sources can be seen
 * and restored. The rules (validation before a save) live in lib/press/template-store.ts.
 */

export type { PressTemplate, PressTemplateVersion };

/** A version as the versions list shows it: who saved it and when, without its source. */
export type PressTemplateVersionSummary = Pick<PressTemplateVersion, "version" | "name" | "savedBy" | "savedByLabel" | "savedAt">;

/** The most versions the editor lists at once (newest first); older ones are still kept. */
export const MAX_LISTED_TEMPLATE_VERSIONS = 50;

/** Every template, in key order of the shipped ones first (round, county, recipient), then by name. */
export function listPressTemplates(db: DbOrTx): PressTemplate[] {
  return db
    .select()
    .from(pressTemplates)
    .orderBy(sql`case ${pressTemplates.key} when 'round' then 0 when 'county' then 1 when 'recipient' then 2 else 3 end`, asc(pressTemplates.name))
    .all();
}

export function getPressTemplate(db: DbOrTx, id: number): PressTemplate | null {
  return db.select().from(pressTemplates).where(eq(pressTemplates.id, id)).get() ?? null;
}

export function getPressTemplateByKey(db: DbOrTx, key: string): PressTemplate | null {
  return db.select().from(pressTemplates).where(eq(pressTemplates.key, key)).get() ?? null;
}

/** The template's versions, newest first, at most `limit` (the (template_id, version) unique index). */
export function listPressTemplateVersions(db: DbOrTx, id: number, limit = MAX_LISTED_TEMPLATE_VERSIONS): PressTemplateVersionSummary[] {
  return db
    .select({
      version: pressTemplateVersions.version,
      name: pressTemplateVersions.name,
      savedBy: pressTemplateVersions.savedBy,
      savedByLabel: pressTemplateVersions.savedByLabel,
      savedAt: pressTemplateVersions.savedAt,
    })
    .from(pressTemplateVersions)
    .where(eq(pressTemplateVersions.templateId, id))
    .orderBy(desc(pressTemplateVersions.version))
    .limit(Math.max(1, Math.min(limit, MAX_LISTED_TEMPLATE_VERSIONS)))
    .all();
}

export function getPressTemplateVersion(db: DbOrTx, id: number, version: number): PressTemplateVersion | null {
  return (
    db
      .select()
      .from(pressTemplateVersions)
      .where(and(eq(pressTemplateVersions.templateId, id), eq(pressTemplateVersions.version, version)))
      .get() ?? null
  );
}

/**
 * Saves a new name and source against the version the writer loaded: null when someone saved first (nothing is
 * written then). Writes the next press_template_versions row and the audit event (`action`, "template.update" by
 * default; "template.restore" when an old version comes back) with the template before and after. Call inside a
 * write transaction (inWriteTransaction), so the three rows are written together or not at all.
 */
export function savePressTemplate(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  fields: { name: string; source: string },
  actor: AuditActor,
  options: { action?: "template.update" | "template.restore"; restoredFrom?: number; at?: Date } = {},
): PressTemplate | null {
  const before = getPressTemplate(tx, id);
  if (!before || before.version !== expectedVersion) return null;
  const at = options.at ?? new Date();
  const saved = tx
    .update(pressTemplates)
    .set({ name: fields.name, source: fields.source, version: sql`${pressTemplates.version} + 1`, updatedBy: actor.id, updatedAt: at })
    .where(and(eq(pressTemplates.id, id), eq(pressTemplates.version, expectedVersion)))
    .returning()
    .get();
  if (!saved) return null;
  tx.insert(pressTemplateVersions)
    .values({ templateId: id, version: saved.version, name: saved.name, source: saved.source, savedBy: actor.id, savedByLabel: actor.label, savedAt: at })
    .run();
  writeAudit(tx, {
    actor,
    action: options.action ?? "template.update",
    entityType: "press_template",
    entityId: id,
    before,
    after: options.restoredFrom === undefined ? saved : { ...saved, restoredFrom: options.restoredFrom },
    at,
  });
  return saved;
}

/** A granted application the editor's preview can be filled in with (the recipient template), or whose county it can take. */
export type PreviewGrant = {
  applicationId: number;
  roundId: number;
  /** The lead organisation first, then the co-applicants in their order. */
  organisations: string[];
  countyCode: string | null;
  countyName: string | null;
};

/** The most granted applications the preview's choices list; a programme has given out a few hundred in all. */
export const MAX_PREVIEW_GRANTS = 3000;

/**
 * The granted applications in the actor's scope, for the preview's choice of a county and a recipient: by round,
 * then the lead organisation's Swedish name order. Two queries (the grants, then their co-applicants by IN).
 */
export function listPreviewGrants(db: DbOrTx, scope: ApplicationScope, limit = MAX_PREVIEW_GRANTS): PreviewGrant[] {
  const rows = db
    .select({
      applicationId: applications.id,
      roundId: applications.roundId,
      lead: organisations.name,
      countyCode: counties.code,
      countyName: counties.name,
    })
    .from(applications)
    .innerJoin(decisions, and(eq(decisions.applicationId, applications.id), eq(decisions.outcome, "approved")))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(and(eq(applications.status, "approved"), applicationInScope(scope)))
    .orderBy(asc(applications.roundId), asc(organisations.sortName), asc(applications.registrationNumber))
    .limit(Math.min(limit, MAX_PREVIEW_GRANTS))
    .all();
  const ids = rows.map((r) => r.applicationId);
  const co = new Map<number, string[]>();
  // SQLite allows 32 766 parameters: the ids fit in one IN list.
  if (ids.length > 0) {
    for (const r of db
      .select({ applicationId: applicationCoApplicants.applicationId, name: organisations.name })
      .from(applicationCoApplicants)
      .innerJoin(organisations, eq(organisations.id, applicationCoApplicants.organisationId))
      .where(inArray(applicationCoApplicants.applicationId, ids))
      .orderBy(asc(applicationCoApplicants.applicationId), asc(applicationCoApplicants.position))
      .all()) {
      const names = co.get(r.applicationId) ?? [];
      names.push(r.name);
      co.set(r.applicationId, names);
    }
  }
  return rows.map((r) => ({
    applicationId: r.applicationId,
    roundId: r.roundId,
    organisations: [r.lead, ...(co.get(r.applicationId) ?? [])],
    countyCode: r.countyCode,
    countyName: r.countyName,
  }));
}
