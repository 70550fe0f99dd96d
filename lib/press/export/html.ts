import { quoteParts, type ReleaseDocument } from "../document";
import { PHONE_NUMBER } from "../checks";
import { exportMark, safeGrantsUrl, splitOnUrl, type ExportMeta } from "./meta";

/*
 * A standalone HTML document in Swedish: no script, a Content-Security-Policy that would stop one, every field
 * escaped (an organisation called "<script>" is text), headings and a blockquote so a screen reader finds its way.
 * The only link is the grants list's, and only to an http(s) address or a path.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A field's text as HTML: escaped, its line breaks kept, the grants list a link, phone numbers never split. */
function inline(text: string, url: string | null): string {
  return splitOnUrl(text, url)
    .map((part) =>
      part.link
        ? `<a href="${escapeHtml(part.text)}">${escapeHtml(part.text)}</a>`
        : escapeHtml(part.text).replace(PHONE_NUMBER, (phone) => `<span class="nowrap">${phone}</span>`),
    )
    .join("")
    .replace(/\n/g, "<br>\n");
}

const STYLE = [
  "body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}",
  ".mark{font-weight:bold;border:2px solid #a00;color:#a00;display:inline-block;padding:.2rem .5rem}",
  "blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #666}blockquote p{font-style:italic}",
  ".attribution{font-style:normal}.nowrap{white-space:nowrap}hr{margin:2rem 0}",
].join("");

export function releaseHtml(doc: ReleaseDocument, meta: ExportMeta): string {
  const mark = exportMark(meta);
  const url = safeGrantsUrl(meta.grantsUrl);
  const body: string[] = [];
  if (mark) body.push(`<p class="mark" role="note">${escapeHtml(mark)}</p>`);
  body.push(`<h1>${escapeHtml(doc.headline)}</h1>`);
  if (doc.ingress) body.push(`<p class="ingress"><strong>${inline(doc.ingress, url)}</strong></p>`);
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") body.push(`<p>${inline(b.text, url)}</p>`);
    else {
      const { text, attribution } = quoteParts(b);
      body.push(`<blockquote><p>${escapeHtml(text)}<span class="attribution">${escapeHtml(attribution)}</span></p></blockquote>`);
    }
  }
  if (doc.contacts.length > 0) {
    body.push(`<section aria-labelledby="kontakt"><h2 id="kontakt">Kontakt</h2>`, `<p>${inline(doc.contacts.join("\n"), url)}</p>`, `</section>`);
  }
  if (doc.boilerplate.length > 0) body.push(`<hr>`, `<footer>`, ...doc.boilerplate.map((p) => `<p>${inline(p, url)}</p>`), `</footer>`);
  const title = mark ? `${mark}: ${doc.headline}` : doc.headline;
  return [
    "<!doctype html>",
    '<html lang="sv">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(meta.status === "published" ? [] : ['<meta name="robots" content="noindex">']),
    `<meta name="revision" content="${escapeHtml(String(meta.version))}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<article>",
    ...body,
    "</article>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
