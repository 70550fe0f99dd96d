import type { ReleaseQuote, ReleaseSnapshot } from "@/db/queries/press-releases";

/*
 * FOR THE LEAD TO SWAP: lib/press/document.ts (documentOf, quoteLine) landed on main after this branch started, so
 * this is the newsroom's own small stand-in with the same shape (ReleaseDocument's blocks, contacts, boilerplate).
 * At the merge, replace `releaseDocument` with `documentOf` and `quoteText` with `quoteLine` from
 * "@/lib/press/document", and delete this file.
 */

export type ReleaseBlock = { kind: "paragraph"; text: string } | { kind: "quote"; text: string; speaker: string; title: string };
export type ReleaseDocument = { headline: string; ingress: string; blocks: ReleaseBlock[]; contacts: string[]; boilerplate: string[] };

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Body paragraphs split on blank lines, each quote placed after the paragraph it follows (afterParagraph). */
export function releaseDocument(snapshot: Pick<ReleaseSnapshot, "headline" | "ingress" | "body" | "quotes" | "contacts" | "boilerplate">): ReleaseDocument {
  const paragraphs = paragraphsOf(snapshot.body);
  const quotes = snapshot.quotes
    .map((q: ReleaseQuote, i) => ({ q, i, after: Math.max(0, Math.min(paragraphs.length, Math.trunc(q.afterParagraph) || 0)) }))
    .sort((a, b) => a.after - b.after || a.i - b.i);
  const blocks: ReleaseBlock[] = [];
  let next = 0;
  const quotesAfter = (count: number) => {
    while (next < quotes.length && quotes[next]!.after === count) {
      const { text, speaker, title } = quotes[next]!.q;
      blocks.push({ kind: "quote", text: text.trim(), speaker: speaker.trim(), title: title.trim() });
      next++;
    }
  };
  quotesAfter(0);
  paragraphs.forEach((text, i) => {
    blocks.push({ kind: "paragraph", text });
    quotesAfter(i + 1);
  });
  return {
    headline: snapshot.headline.trim(),
    ingress: snapshot.ingress.trim(),
    blocks,
    contacts: snapshot.contacts.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
    boilerplate: paragraphsOf(snapshot.boilerplate),
  };
}

/** "– TEXT, säger SPEAKER, TITLE." as the seeds print a quote; without a speaker, the quote's text alone. */
export function quoteText(q: { text: string; speaker: string; title: string }): string {
  const text = q.text.trim().replace(/^[–—-]\s*/, "");
  const who = [q.speaker.trim(), q.title.trim().replace(/\.$/, "")].filter(Boolean).join(", ");
  if (who === "") return `– ${text}`;
  return `– ${text}${/[?!]$/.test(text) ? " " : ", "}säger ${who}.`;
}
