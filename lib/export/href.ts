import { listQuery, type ListParams } from "@/lib/applications/list-params";

/** The export link for the list on screen: its search, filters and order (every page), and the format. */
export function exportHref(roundId: number, list: ListParams, format: "csv" | "xlsx"): string {
  const query = listQuery(list, { sida: 1 });
  return `/omgangar/${roundId}/export${query ? `${query}&` : "?"}format=${format}`;
}
