import { openTaggedPdf, PDF_BODY_SIZE as BODY_SIZE, PDF_MARGIN as MARGIN, toWinAnsi } from "@/lib/pdf/tagged";
import { quoteParts, type ReleaseDocument } from "../document";
import { exportMark, keepPhonesTogether, safeGrantsUrl, splitOnUrl, type ExportMeta } from "./meta";

/*
 * The release as a tagged PDF in the frame the decision letter has too (lib/pdf/tagged.ts): the structure tree has the
 * headline (H1), paragraphs, quotes and the contact heading, the language is Swedish and the viewer shows the title.
 * Helvetica is one of the standard PDF fonts: its WinAnsi encoding has å, ä, ö, é, the en dash of a quote and the
 * no-break space of a grouped number; any other character goes through toWinAnsi().
 */

export type PdfOptions = {
  /** Deflate the page content (the default); tests turn it off to read the text. */
  compress?: boolean;
};

export async function releasePdf(doc: ReleaseDocument, meta: ExportMeta, options: PdfOptions = {}): Promise<Buffer> {
  const mark = exportMark(meta);
  const url = safeGrantsUrl(meta.grantsUrl);
  const link = url && /^https?:/.test(url) ? url : null;
  const { pdf, root, done } = openTaggedPdf(
    {
      title: doc.headline,
      author: meta.sender ?? "Anslag",
      subject: mark ? `${mark}. Pressmeddelande, version ${meta.version}` : `Pressmeddelande, version ${meta.version}`,
    },
    { compress: options.compress },
  );
  const width = pdf.page.width - 2 * MARGIN;

  /** One block of text in the structure tree, the grants list's address a link in it. */
  const block = (type: string, text: string, font: string, size: number, gapAfter: number, indent = 0) => {
    root.add(
      pdf.struct(type, {}, () => {
        const parts = splitOnUrl(text, link);
        pdf.font(font).fontSize(size);
        parts.forEach((part, i) => {
          const options = { lineGap: 2, width: width - indent, continued: i < parts.length - 1, link: part.link ? part.text : null, underline: part.link };
          // Only the first part places the block: a continued part goes on from where the text stands.
          const shown = toWinAnsi(keepPhonesTogether(part.text));
          if (i === 0) pdf.text(shown, MARGIN + indent, undefined, options);
          else pdf.text(shown, options);
        });
      }),
    );
    if (gapAfter > 0) pdf.moveDown(gapAfter);
  };

  /** A new page unless `height` more points fit on this one: a heading or a rule never ends a page alone. */
  const keepTogether = (height: number) => {
    if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
  };
  const heightOf = (text: string, font: string, size: number) =>
    pdf.font(font).fontSize(size).heightOfString(toWinAnsi(keepPhonesTogether(text)), { width, lineGap: 2 });

  if (mark) {
    // On every later page the mark stands in the top margin, as the Word document's page header has it.
    pdf.on("pageAdded", () => {
      const { x, y } = pdf;
      pdf.markContent("Artifact", { type: "Pagination" });
      pdf.font("Helvetica-Bold").fontSize(9).fillColor("#a00000").text(toWinAnsi(mark), MARGIN, MARGIN / 2, { width, align: "right", lineBreak: false });
      pdf.endMarkedContent();
      pdf.fillColor("black");
      pdf.x = x;
      pdf.y = y;
    });
    pdf.fillColor("#a00000");
    block("P", mark, "Helvetica-Bold", BODY_SIZE, 1);
    pdf.fillColor("black");
  }
  block("H1", doc.headline, "Helvetica-Bold", 20, 0.6);
  if (doc.ingress) block("P", doc.ingress, "Helvetica-Bold", BODY_SIZE, 0.8);
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") block("P", b.text, "Helvetica", BODY_SIZE, 0.8);
    else {
      const { text, attribution } = quoteParts(b);
      root.add(
        pdf.struct("BlockQuote", {}, () => {
          pdf.font("Helvetica-Oblique").fontSize(BODY_SIZE).text(toWinAnsi(text), MARGIN + 20, undefined, {
            lineGap: 2,
            width: width - 20,
            continued: attribution !== "",
          });
          if (attribution) pdf.font("Helvetica").text(toWinAnsi(attribution), { lineGap: 2 });
        }),
      );
      pdf.moveDown(0.8);
    }
  }
  if (doc.contacts.length > 0) {
    pdf.moveDown(0.4);
    keepTogether(heightOf("Kontakt", "Helvetica-Bold", 13) + 6 + heightOf(doc.contacts[0]!, "Helvetica", BODY_SIZE));
    block("H2", "Kontakt", "Helvetica-Bold", 13, 0.3);
    doc.contacts.forEach((line, i) => block("P", line, "Helvetica", BODY_SIZE, i === doc.contacts.length - 1 ? 0.8 : 0));
  }
  if (doc.boilerplate.length > 0) {
    pdf.moveDown(0.6);
    keepTogether(BODY_SIZE * 2 + heightOf(doc.boilerplate[0]!, "Helvetica", BODY_SIZE));
    // The rule is decoration: an artifact, outside the structure tree.
    pdf.markContent("Artifact", { type: "Layout" });
    pdf.moveTo(MARGIN, pdf.y).lineTo(MARGIN + width, pdf.y).lineWidth(0.5).strokeColor("#808080").stroke();
    pdf.endMarkedContent();
    pdf.moveDown(0.8);
    for (const p of doc.boilerplate) block("P", p, "Helvetica", BODY_SIZE, 0.8);
  }

  root.end();
  pdf.end();
  return done;
}
