import PDFDocument from "pdfkit";

/*
 * What every PDF Anslag writes shares (the decision letter, lib/letters/pdf.ts; a press release,
 * lib/press/export/pdf.ts): A4 with 2,5 cm margins, tagged (a structure tree a screen reader reads in order), the
 * language Swedish, the title shown instead of the file name.
 *
 * The standard PDF fonts (Helvetica) need no font file of our own but only know the WinAnsi characters: Swedish
 * letters, é, ü, the en dash and the no-break space of formatKronor are there; anything else is reduced by toWinAnsi().
 */

const CM = 72 / 2.54;
export const PDF_MARGIN = Math.round(2.5 * CM);
export const PDF_BODY_SIZE = 11;

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

export type TaggedPdf = {
  pdf: PDFKit.PDFDocument;
  /** The structure tree's root ("Document"): add each block to it. */
  root: PDFKit.PDFStructureElement;
  /** The file, once pdf.end() has been called. */
  done: Promise<Buffer>;
};

/** A new tagged A4 document with its metadata (in WinAnsi), its structure root, and its bytes as a promise. */
export function openTaggedPdf(info: { title: string; author: string; subject: string }, options: { compress?: boolean } = {}): TaggedPdf {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN },
    pdfVersion: "1.7",
    tagged: true,
    lang: "sv-SE",
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: toWinAnsi(info.title), Author: toWinAnsi(info.author), Subject: toWinAnsi(info.subject) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  return { pdf, root, done };
}
