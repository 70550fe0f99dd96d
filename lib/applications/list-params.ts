import { z } from "zod";
import { APPLICATION_STATUSES, ORGANISATION_KINDS } from "@/lib/enums";

/*
 * A round's application list as URL search parameters (Swedish names, since people share these links):
 * ?sok=umeå&status=approved&lan=24&typ=kommun&sortera=organisation&ordning=asc&sida=2
 * Anything unknown falls back to the default rather than failing: a mistyped link still shows the list.
 */

export const SORT_KEYS = ["diarienummer", "organisation", "projekt", "belopp", "beviljat", "status"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZE = 50;

const fallback = <T extends z.ZodType>(schema: T, value: z.output<T>) => schema.catch(value);

export const listParamsSchema = z.object({
  sok: fallback(z.string().trim().max(200), ""),
  status: fallback(z.enum(APPLICATION_STATUSES).optional(), undefined),
  lan: fallback(z.string().regex(/^\d{2}$/).optional(), undefined),
  typ: fallback(z.enum(ORGANISATION_KINDS).optional(), undefined),
  sortera: fallback(z.enum(SORT_KEYS), "diarienummer"),
  ordning: fallback(z.enum(["asc", "desc"]), "asc"),
  sida: fallback(z.coerce.number().int().min(1).max(100_000), 1),
});
export type ListParams = z.output<typeof listParamsSchema>;

export function parseListParams(searchParams: Record<string, string | string[] | undefined>): ListParams {
  const single = Object.fromEntries(
    Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ""),
  );
  return listParamsSchema.parse(single);
}

/** The query string for these parameters with some changed, leaving defaults out so links stay short. */
export function listQuery(params: ListParams, changes: Partial<ListParams> = {}): string {
  const merged = { ...params, ...changes };
  const query = new URLSearchParams();
  if (merged.sok) query.set("sok", merged.sok);
  if (merged.status) query.set("status", merged.status);
  if (merged.lan) query.set("lan", merged.lan);
  if (merged.typ) query.set("typ", merged.typ);
  if (merged.sortera !== "diarienummer") query.set("sortera", merged.sortera);
  if (merged.ordning !== "asc") query.set("ordning", merged.ordning);
  if (merged.sida !== 1) query.set("sida", String(merged.sida));
  const text = query.toString();
  return text ? `?${text}` : "";
}
