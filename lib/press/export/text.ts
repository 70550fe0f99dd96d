import { quoteLine, type ReleaseDocument } from "../document";
import { exportMark, type ExportMeta } from "./meta";

/**
 * Plain text as the seeds read: the headline, then paragraphs separated by a blank line, quotes opening with "– ",
 * the contacts line by line, the boilerplate last. A release that is not public says so on its first line.
 */
export function releaseText(doc: ReleaseDocument, meta: ExportMeta): string {
  const mark = exportMark(meta);
  const parts = [
    ...(mark ? [mark] : []),
    doc.headline,
    doc.ingress,
    ...doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : quoteLine(b))),
    doc.contacts.join("\n"),
    ...doc.boilerplate,
  ].filter((p) => p !== "");
  return `${parts.join("\n\n")}\n`;
}
