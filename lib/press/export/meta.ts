import type { ReleaseStatus } from "@/lib/enums";
import { formatDateTime } from "@/lib/format";
import { PHONE_NUMBER } from "../checks";
import type { ReleaseDocument } from "../document";

/*
 * What every format shares: the export's metadata, the mark a release that is not public carries, and the grants
 * list's address put into the text.
 */

export type ExportMeta = {
  status: ReleaseStatus;
  /** The version exported (a release's saved version; 1 for a render that is no release). */
  version: number;
  /** When a scheduled or embargoed release becomes public. */
  publishAt?: Date | null;
  /** Who sends the release, for the file's author ("Sveriges Kommuner och Landsting"); "Anslag" when not given. */
  sender?: string;
  /** The public list of grants ("Hela listan på projekt som fått pengar"): absolute http(s) or a path on this site. */
  grantsUrl?: string;
};

export const GRANTS_LIST_LEAD = "Hela listan på projekt som fått pengar:";

/**
 * The mark at the top of an export that is not (yet) public: "UTKAST" for a release still being written, reviewed or
 * approved, "EMBARGO till 1 december 2026 kl. 10.00" for one that is scheduled or embargoed; null once published.
 */
export function exportMark(meta: Pick<ExportMeta, "status" | "publishAt">): string | null {
  if (meta.status === "published") return null;
  if (meta.status === "scheduled" || meta.status === "embargoed") {
    return meta.publishAt ? `EMBARGO till ${formatDateTime(meta.publishAt)}` : "EMBARGO";
  }
  return "UTKAST";
}

/** A grants URL a document may link to: http(s) or a path on this site, never javascript: or data:. */
export function safeGrantsUrl(url: string | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (/^\/(?!\/)[^\s]*$/.test(trimmed)) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The document with the grants list's full address: where a paragraph names its path (the round template writes
 * "/beviljade/12"), the path becomes the address; when none does, a closing paragraph gives it.
 */
export function withGrantsUrl(doc: ReleaseDocument, grantsUrl: string | undefined): ReleaseDocument {
  const url = safeGrantsUrl(grantsUrl);
  if (!url) return doc;
  const path = url.startsWith("/") ? url : new URL(url).pathname;
  const standing = new RegExp(`(?<=^|\\s)${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?=$|[\\s.,;:!?)])`, "g");
  let found = false;
  const blocks = doc.blocks.map((b) => {
    if (b.kind !== "paragraph" || path === "/") return b;
    const text = b.text.replace(standing, () => {
      found = true;
      return url;
    });
    return { ...b, text };
  });
  if (!found && !doc.blocks.some((b) => b.kind === "paragraph" && b.text.includes(url))) {
    blocks.push({ kind: "paragraph", text: `${GRANTS_LIST_LEAD} ${url}` });
  }
  return { ...doc, blocks };
}

/** A text cut where the URL stands in it, so a format can make a link of it. */
export function splitOnUrl(text: string, url: string | null): { text: string; link: boolean }[] {
  if (!url || !text.includes(url)) return [{ text, link: false }];
  const parts = text.split(url);
  return parts.flatMap((part, i) => [
    ...(part ? [{ text: part, link: false }] : []),
    ...(i < parts.length - 1 ? [{ text: url, link: true }] : []),
  ]);
}

/** Phone numbers with no-break spaces, so "08-452 74 23" is not split over two lines of a page. */
export function keepPhonesTogether(text: string): string {
  return text.replace(PHONE_NUMBER, (phone) => phone.replace(/ /g, "\u00a0"));
}

/**
 * Digit groups joined by no-break spaces ("1 200 000" stays on one line), as the press filters write them. For the
 * headline: a single-line field, whose no-break spaces the form turns into plain ones.
 */
export function keepGroupsTogether(text: string): string {
  return text.replace(/(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)/g, (n) => n.replace(/ /g, "\u00a0"));
}
