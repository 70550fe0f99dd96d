import Papa from "papaparse";
import { readSheet, type SheetData } from "read-excel-file/node";
import { unguardFormula } from "@/lib/export/guard";
import { APPLICATION_COLUMNS, headingKey, headingsOf, type ColumnSet, type SpreadsheetRow } from "./columns";

/*
 * Reads an uploaded spreadsheet (CSV or XLSX) into rows of trimmed strings. The format is decided by the content,
 * not the name: an XLSX is a zip file; anything else must decode as text. Everything the user can fix is returned
 * as a Swedish message, never thrown.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ParsedSpreadsheet =
  | {
      ok: true;
      headers: string[];
      rows: SpreadsheetRow[];
      /** The row number of each row as the spreadsheet shows it (header = 1), empty rows skipped. */
      rowNumbers: number[];
      format: "csv" | "xlsx";
    }
  | { ok: false; error: string };

const NOT_A_SPREADSHEET = "Filen är inte en CSV- eller XLSX-fil.";

export async function parseSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  columns: ColumnSet = APPLICATION_COLUMNS,
): Promise<ParsedSpreadsheet> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: "Filen är för stor (högst 10 MB)." };
  if (bytes.byteLength === 0) return { ok: false, error: "Filen är tom." };

  let table: string[][];
  let format: "csv" | "xlsx";
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    if (!sheet) return { ok: false, error: NOT_A_SPREADSHEET };
    table = sheet;
    format = "xlsx";
  } else if (isOldExcel(bytes)) {
    return { ok: false, error: "Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och försök igen." };
  } else {
    const text = decodeText(bytes);
    if (text === null) return { ok: false, error: NOT_A_SPREADSHEET };
    if (/\.xlsx$/i.test(fileName)) {
      return {
        ok: false,
        error: "Filen heter .xlsx men är ingen XLSX-fil (den innehåller text). Spara den som XLSX i Excel, eller som CSV.",
      };
    }
    if (text.trim() === "") return { ok: false, error: "Filen är tom." };
    const csv = readCsv(text);
    if (typeof csv === "string") return { ok: false, error: csv };
    table = csv;
    format = "csv";
  }

  return toRows(table, columns, format);
}

// ---------------------------------------------------------------- detecting and decoding

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * The file as text: UTF-16 when it has that byte order mark (Excel's "Unicode text"), else UTF-8, else Windows-1252
 * (what Swedish Excel writes as "CSV (semikolonavgränsad)"). Null when the result is not plausibly text: control
 * characters other than tab and line breaks do not occur in a spreadsheet, but fill a binary file.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, "");
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 1000)) return null;
  return text;
}

function readCsv(text: string): string[][] | string {
  const result = Papa.parse<string[]>(text, {
    header: false,
    delimitersToGuess: [";", ",", "\t"],
    skipEmptyLines: false,
  });
  const fatal = result.errors.find((e) => e.type === "Quotes");
  if (fatal) {
    return `Filen kunde inte läsas som CSV: ett citattecken avslutas aldrig (rad ${(fatal.row ?? 0) + 1}).`;
  }
  return result.data.map((row) => row.map((cell) => cell.trim()));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  let data: SheetData;
  try {
    data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
  return data.map((row) => row.map(cellText));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return String(cell).trim();
}

// ---------------------------------------------------------------- headers and rows

function toRows(table: string[][], columns: ColumnSet, format: "csv" | "xlsx"): ParsedSpreadsheet {
  const headerIndex = table.findIndex((row) => row.some((cell) => cell !== ""));
  const headerRow = table[headerIndex];
  if (headerIndex < 0 || !headerRow) return { ok: false, error: "Filen är tom." };

  const known = [...columns.required, ...columns.optional];
  const byHeading = headingsOf(columns);
  const ignored = new Set<string>(columns.ignored ?? []);
  const headers: (string | null)[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  const seen = new Set<string>();
  headerRow.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, "").trim();
    if (name === "") {
      // A column without a heading is only acceptable when it is empty too (Excel's trailing separators).
      const hasData = table.slice(headerIndex + 1).some((row) => (row[i] ?? "") !== "");
      if (hasData) unknown.push(`(kolumn ${i + 1} utan rubrik)`);
      headers.push(null);
      return;
    }
    const canonical = byHeading.get(headingKey(name));
    if (!canonical) {
      unknown.push(name);
      headers.push(null);
    } else if (seen.has(canonical)) {
      duplicated.push(canonical);
      headers.push(null);
    } else {
      seen.add(canonical);
      // A column of the export that this import does not read (Diarienummer, Status) is recognised and left aside.
      headers.push(ignored.has(canonical) ? null : canonical);
    }
  });

  const problems: string[] = [];
  const missing = columns.required.filter((c) => !seen.has(c));
  if (missing.length === 1) problems.push(`Kolumnen ${missing[0]} saknas.`);
  else if (missing.length > 1) problems.push(`Kolumnerna ${swedishList(missing)} saknas.`);
  if (unknown.length > 0) {
    const described = unknown.map((u) => {
      const guess = closest(u, known);
      return guess ? `${u} (menade du ${guess}?)` : u;
    });
    problems.push(`${unknown.length === 1 ? "Okänd kolumn" : "Okända kolumner"}: ${described.join(", ")}.`);
  }
  if (duplicated.length > 0) problems.push(`${swedishList([...new Set(duplicated)])} finns mer än en gång.`);
  if (problems.length > 0) {
    return { ok: false, error: `${problems.join(" ")} Tillåtna kolumner: ${known.join(", ")}.` };
  }

  const rows: SpreadsheetRow[] = [];
  const rowNumbers: number[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((cell) => cell === "")) return;
    const row: SpreadsheetRow = Object.fromEntries(known.map((c) => [c, ""]));
    headers.forEach((name, j) => {
      // The export guards formula-like text with an apostrophe; the file coming back loses it again.
      if (name) row[name] = unguardFormula(cells[j] ?? "");
    });
    rows.push(row);
    rowNumbers.push(headerIndex + i + 2);
  });
  if (rows.length === 0) return { ok: false, error: "Filen har rubriker men inga rader." };
  return { ok: true, headers: headers.filter((h): h is string => h !== null), rows, rowNumbers, format };
}

function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** The known column within two edits of a mistyped one ("requested_ammount" -> "requested_amount"). */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { column: string; distance: number } | undefined;
  for (const column of known) {
    const distance = editDistance(name.toLowerCase(), column);
    if (distance <= 2 && (!best || distance < best.distance)) best = { column, distance };
  }
  return best?.column;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
