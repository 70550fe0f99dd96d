import { openTaggedPdf, PDF_BODY_SIZE as BODY_SIZE, toWinAnsi } from "@/lib/pdf/tagged";
import type { DecisionLetterContent } from "./content";

/*
 * The decision letter as a tagged PDF (headings, paragraphs and a list in the structure tree, the language set to
 * Swedish, the title shown instead of the file name), so a screen reader reads it in order and in Swedish.
 * The document's frame and toWinAnsi() are lib/pdf/tagged.ts, shared with the press release's PDF.
 */

export async function renderDecisionLetterPdf(content: DecisionLetterContent): Promise<Uint8Array> {
  const { pdf: doc, root, done: file } = openTaggedPdf({
    title: content.documentTitle,
    author: content.letterhead,
    subject: `${content.heading}, ${content.programme}`,
  });
  const done = file.then((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));

  const block = (type: string, text: string, font: string, size: number, gapAfter: number) => {
    root.add(
      doc.struct(type, {}, () => {
        doc.font(font).fontSize(size).text(toWinAnsi(text), { lineGap: 2 });
      }),
    );
    if (gapAfter > 0) doc.moveDown(gapAfter);
  };

  block("P", content.letterhead, "Helvetica-Bold", 15, 0);
  block("P", content.programme, "Helvetica", BODY_SIZE, 1);
  block("P", `Datum: ${content.date}`, "Helvetica", BODY_SIZE, 0);
  block("P", `Diarienummer: ${content.registrationNumber}`, "Helvetica", BODY_SIZE, 1.5);
  content.recipient.forEach((line, i) => block("P", line, "Helvetica", BODY_SIZE, i === content.recipient.length - 1 ? 1.5 : 0));
  block("H1", content.heading, "Helvetica-Bold", 18, 0.6);

  // The facts as a list: label in bold, value after it on the same line.
  const list = doc.struct("L");
  root.add(list);
  for (const fact of content.facts) {
    list.add(
      doc.struct("LI", {}, [
        doc.struct("LBody", {}, () => {
          doc.font("Helvetica-Bold").fontSize(BODY_SIZE).text(toWinAnsi(`${fact.label}: `), { continued: true, lineGap: 2 });
          doc.font("Helvetica").text(toWinAnsi(fact.value), { lineGap: 2 });
        }),
      ]),
    );
  }
  list.end();
  doc.moveDown(1);

  for (const paragraph of content.paragraphs) block("P", paragraph, "Helvetica", BODY_SIZE, 0.8);
  doc.moveDown(0.5);
  content.closing.forEach((line) => block("P", line, "Helvetica", BODY_SIZE, 0));

  root.end();
  doc.end();
  return done;
}
