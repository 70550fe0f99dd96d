import { inflateSync } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";

/*
 * Reading the letters back in unit and end-to-end tests, without a PDF or Word library: enough to check the text of
 * the files this module writes, not a general parser.
 *
 * fflate is the zip library docx and pdfkit themselves depend on; it is not a dependency of its own.
 */

/** word/document.xml of a DOCX file. */
export function docxDocumentXml(bytes: Uint8Array): string {
  const file = unzipSync(bytes)["word/document.xml"];
  if (!file) throw new Error("not a DOCX file: word/document.xml is missing");
  return strFromU8(file);
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of each paragraph of a DOCX file, in order. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  return docxDocumentXml(bytes)
    .split("</w:p>")
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1] ?? "")
        .join("")
        .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? ""),
    )
    .filter((text) => text.length > 0);
}

// Windows-1252 0x80-0x9f, as pdfkit's standard fonts encode them (Node's TextDecoder reads them as Latin-1).
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š",
  0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

function decodeWinAnsi(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }
  return out;
}

/** The content streams of a PDF, inflated where they are compressed. */
export function pdfContentStreams(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const latin1 = buffer.toString("latin1");
  const streams: string[] = [];
  for (const match of latin1.matchAll(/stream\r?\n/g)) {
    if (latin1.slice(Math.max(0, match.index - 3), match.index) === "end") continue;
    const start = match.index + match[0].length;
    const end = latin1.indexOf("endstream", start);
    if (end < 0) break;
    const raw = buffer.subarray(start, end);
    try {
      streams.push(inflateSync(raw).toString("latin1"));
    } catch {
      streams.push(raw.toString("latin1"));
    }
  }
  return streams;
}

/**
 * The text shown by a PDF from this module, one piece per text operator (a wrapped line, or the bold label and the
 * value of a fact), in drawing order. Normalise white space before comparing sentences: a sentence may be wrapped.
 */
export function pdfTextPieces(bytes: Uint8Array): string[] {
  return pdfContentStreams(bytes).flatMap((stream) =>
    [...stream.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decodeWinAnsi(h[1] ?? "")).join(""),
    ),
  );
}

/** All text of a PDF with white space (no-break spaces too) collapsed to single spaces. */
export function pdfText(bytes: Uint8Array): string {
  return pdfTextPieces(bytes).join(" ").replace(/\s+/g, " ").trim();
}
