import { quoteParts, type ReleaseDocument } from "../document";
import { exportMark, type ExportMeta } from "./meta";

/*
 * Markdown (CommonMark): "# headline", the ingress in bold, quotes as "> – …", the contacts under "## Kontakt", the
 * boilerplate under a rule. Every field is escaped, so a name with * or < stays text and nothing becomes HTML.
 */

/** Text that Markdown shows as written: its punctuation escaped, and a line that would start a block defused. */
export function escapeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/[\\`*_<>|~]/g, "\\$&")
        // A bracket pair is a link only when "(", "[" or ":" follows the "]": escaping that "]" is enough.
        .replace(/\](?=[([:])/g, "\\]")
        .replace(/^(\s*)([#+=-])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("  \n");
}

export function releaseMarkdown(doc: ReleaseDocument, meta: ExportMeta): string {
  const mark = exportMark(meta);
  const out: string[] = [];
  if (mark) out.push(`**${escapeMarkdown(mark)}**`);
  out.push(`# ${escapeMarkdown(doc.headline)}`);
  if (doc.ingress) out.push(`**${escapeMarkdown(doc.ingress)}**`);
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") out.push(escapeMarkdown(b.text));
    else {
      const { text, attribution } = quoteParts(b);
      out.push(`> ${escapeMarkdown(text + attribution)}`);
    }
  }
  if (doc.contacts.length > 0) out.push("## Kontakt", ...doc.contacts.map(escapeMarkdown));
  if (doc.boilerplate.length > 0) out.push("---", ...doc.boilerplate.map(escapeMarkdown));
  return `${out.join("\n\n")}\n`;
}
