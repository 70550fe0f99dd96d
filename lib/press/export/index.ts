import { documentOf, type ReleaseContent, type ReleaseDocument } from "../document";
import { releaseDocx } from "./docx";
import { releaseHtml } from "./html";
import { releaseMarkdown } from "./markdown";
import { keepGroupsTogether, withGrantsUrl, type ExportMeta } from "./meta";
import { releasePdf } from "./pdf";
import { releaseText } from "./text";

/*
 * Every export of a release from one ReleaseDocument (lib/press/document.ts): Markdown, plain text, HTML, Word and
 * PDF. Pure: the same document and metadata give the same file (Word's and PDF's creation dates aside). The routes
 * and the CLI choose the format; the file name is theirs too (`releaseFileName`).
 */

export const EXPORT_FORMATS = ["md", "txt", "html", "docx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that are text, fit for standard output. */
export const TEXT_EXPORT_FORMATS = ["md", "txt", "html"] as const satisfies readonly ExportFormat[];

export type ExportResult = { body: Buffer | string; contentType: string; extension: ExportFormat };

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export async function exportRelease(doc: ReleaseDocument, format: ExportFormat, meta: ExportMeta): Promise<ExportResult> {
  const linked = withGrantsUrl(doc, meta.grantsUrl);
  const document = { ...linked, headline: keepGroupsTogether(linked.headline) };
  const body =
    format === "md"
      ? releaseMarkdown(document, meta)
      : format === "txt"
        ? releaseText(document, meta)
        : format === "html"
          ? releaseHtml(document, meta)
          : format === "docx"
            ? await releaseDocx(document, meta)
            : await releasePdf(document, meta);
  return { body, contentType: EXPORT_CONTENT_TYPES[format], extension: format };
}

/** A saved version of a release (its fields, as `press_release_versions.content` holds them) in a format. */
export function exportSnapshot(snapshot: ReleaseContent, format: ExportFormat, meta: ExportMeta): Promise<ExportResult> {
  return exportRelease(documentOf(snapshot), format, meta);
}

/** "pressmeddelande-27-5-miljoner-till-jamstalldhet-v3.docx" from a slug, a version and a format. */
export function releaseFileName(slug: string, version: number, format: ExportFormat): string {
  const base = slug.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "").toLowerCase() || "pressmeddelande";
  return `${base}-v${version}.${format}`;
}

export { exportMark, GRANTS_LIST_LEAD, keepGroupsTogether, keepPhonesTogether, safeGrantsUrl, withGrantsUrl, type ExportMeta } from "./meta";
export { escapeHtml, releaseHtml } from "./html";
export { escapeMarkdown, releaseMarkdown } from "./markdown";
export { releaseText } from "./text";
export { releaseDocx } from "./docx";
export { releasePdf, type PdfOptions } from "./pdf";
