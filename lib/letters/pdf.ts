import PDFDocument from "pdfkit";
import type { DecisionLetterContent } from "./content";

/*
 * The decision letter as a tagged PDF (headings, paragraphs and a list in the structure tree, the language set to
 * Swedish, the title shown instead of the file name), so a screen reader reads it in order and in Swedish.
 *
 * The standard PDF fonts (Helvetica) need no font file of our own but only know the WinAnsi characters: Swedish
 * letters, é, ü and the no-break space of formatKronor are there; anything else is reduced by toWinAnsi().
 */

const CM = 72 / 2.54;
const MARGIN = Math.round(2.5 * CM);
const BODY_SIZE = 11;

// The characters of Windows-1252 that are not Latin-1 (0x80-0x9f): what pdfkit's WinAnsi encoding maps.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text the standard fonts can show: "Begić" becomes "Begic" (the accent dropped), the narrow no-break space a
 * no-break space, the minus sign a hyphen, and any other character outside WinAnsi a "?" rather than garbage.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (isWinAnsi(char)) out += char;
    else if (char === "\u202f" || char === "\u2007") out += "\u00a0";
    else if (char === "\u2212" || char === "\u2010" || char === "\u2011") out += "-";
    else if (char === "\t") out += " ";
    else {
      const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base.length > 0 && [...base].every(isWinAnsi) ? base : "?";
    }
  }
  return out;
}

export async function renderDecisionLetterPdf(content: DecisionLetterContent): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: "1.7",
    tagged: true,
    lang: "sv-SE",
    displayTitle: true,
    info: {
      Title: toWinAnsi(content.documentTitle),
      Author: toWinAnsi(content.letterhead),
      Subject: toWinAnsi(`${content.heading}, ${content.programme}`),
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);

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
