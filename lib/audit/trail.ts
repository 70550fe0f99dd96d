import Papa from "papaparse";
import { z } from "zod";
import { guardFormula } from "@/lib/export/guard";
import type { AuditTrailFilter } from "@/db/queries/audit";
import { AUDITED_ENTITY_TYPES } from "@/db/queries/audit";
import { parseStockholmDateTime } from "@/lib/format/date";

/*
 * The audit trail's filter as the page's form and the CSV link send it (a GET query), checked on the server: who (a
 * user id), what (an action or its first word, "decision"), which entity (its type and id), and when (Stockholm
 * days, from one to another inclusive). Anything unreadable is dropped, never an error page: a filter is a view.
 */

const querySchema = z.object({
  vem: z.coerce.number().int().positive().optional().catch(undefined),
  vad: z
    .string()
    .regex(/^[a-z_-]+(\.[a-z_-]+)?$/)
    .max(60)
    .optional()
    .catch(undefined),
  typ: z.enum(AUDITED_ENTITY_TYPES).optional().catch(undefined),
  id: z.coerce.number().int().positive().optional().catch(undefined),
  fran: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  till: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  sida: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AuditTrailQuery = z.output<typeof querySchema>;

export function parseAuditTrailQuery(params: Record<string, string | string[] | undefined>): AuditTrailQuery {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.trim() || undefined]));
  return querySchema.parse(single);
}

/** The query as the database filter: days become Stockholm midnight to the midnight after the last day. */
export function auditTrailFilter(query: AuditTrailQuery): AuditTrailFilter {
  const from = query.fran ? parseStockholmDateTime(`${query.fran}T00:00`) : null;
  const toDay = query.till ? parseStockholmDateTime(`${query.till}T00:00`) : null;
  return {
    actorId: query.vem,
    action: query.vad,
    entityType: query.typ,
    entityId: query.id,
    from: from ?? undefined,
    to: toDay ? new Date(toDay.getTime() + 24 * 3_600_000) : undefined,
  };
}

/** The query string of a filter (and a page), for links that keep it. */
export function auditTrailSearch(query: AuditTrailQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, sida: page && page > 1 ? page : undefined })) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const IGNORED = new Set(["id", "version", "createdAt", "updatedAt", "sortName", "passwordHash", "facts", "factsHash"]);

/** The names of the fields an event changed (or set, or removed), for a line in the trail; values are in the CSV. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null)).sort();
}

/** The most events one CSV export holds; the file says so in its last line when the filter matched more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export const AUDIT_CSV_HEADINGS = ["id", "tid", "vem", "vem_id", "vad", "typ", "typ_id", "fore", "efter"] as const;

/**
 * The trail as CSV the way the app's other exports are written (semicolons, CRLF, a BOM so Excel reads UTF-8), every
 * text cell guarded against formula injection; before and after as JSON text.
 */
export function auditTrailCsv(
  events: readonly { id: number; at: Date; actorLabel: string; actorId: number | null; action: string; entityType: string; entityId: number; before: unknown; after: unknown }[],
  cut: boolean,
): string {
  const data = events.map((e) => [
    e.id,
    e.at.toISOString(),
    guardFormula(e.actorLabel),
    e.actorId ?? "",
    guardFormula(e.action),
    guardFormula(e.entityType),
    e.entityId,
    e.before ? guardFormula(JSON.stringify(e.before)) : "",
    e.after ? guardFormula(JSON.stringify(e.after)) : "",
  ]);
  const text = Papa.unparse({ fields: [...AUDIT_CSV_HEADINGS], data }, { delimiter: ";", newline: "\r\n", header: true });
  const note = cut ? `\r\n# Begränsad till de ${AUDIT_EXPORT_LIMIT} senaste händelserna: smalna av filtret för att få resten.` : "";
  return `\uFEFF${text}${note}\r\n`;
}
