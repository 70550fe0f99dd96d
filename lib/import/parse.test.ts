import { readFileSync } from "node:fs";
import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { APPLICATION_TEMPLATE_COLUMNS } from "./columns";
import { parseSpreadsheet, type ParsedSpreadsheet } from "./parse";

/** The thirteen application columns of the template, before the decision columns. */
const APPLICATION_CELLS = APPLICATION_TEMPLATE_COLUMNS.slice(0, 13);

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function ok(result: ParsedSpreadsheet) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

/** Deterministic noise (a small LCG), so a failure can be reproduced. */
function randomBytes(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe("parseSpreadsheet: CSV", () => {
  it("reads a UTF-8 CSV with BOM and ';' as Swedish Excel writes it, quoted ';' and line breaks included", async () => {
    const result = ok(await parseSpreadsheet(fixture("applications-utf8-bom.csv"), "ansökningar.csv"));
    expect(result.format).toBe("csv");
    expect(result.headers[0]).toBe("organisation");
    expect(result.headers).toHaveLength(16);
    expect(result.rows).toHaveLength(5);
    expect(result.rowNumbers).toEqual([2, 3, 4, 5, 6]);
    expect(result.rows[0]).toMatchObject({
      organisation: "Umeå kommun",
      description: "Pedagoger utbildas; föräldrar bjuds in.\nTvå år.",
      focus_areas: "Förskola; Ledarskap",
      requested_amount: "1 200 000",
      granted_amount: "1 000 000 kr",
      decided_at: "2026-05-20",
      motivation: "",
    });
  });

  it("reads a Windows-1252 CSV (Swedish Excel's 'CSV (semikolonavgränsad)') with å, ä and ö intact", async () => {
    const bytes = fixture("applications-cp1252.csv");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = ok(await parseSpreadsheet(bytes, "ansökningar.csv"));
    expect(result.rows.map((r) => r.organisation)).toEqual(["Kramfors kommun", "Örnsköldsviks kommun"]);
    expect(result.rows[0]).toMatchObject({ project_title: "Jämställdhet på äldreboendet", contact_name: "Åsa Öberg" });
  });

  it("detects ',' and tab as separators too", async () => {
    const header = APPLICATION_CELLS.join(",");
    const comma = `${header}\n"Umeå kommun",,2480,24,,Titel,,,"1 200 000",,,,\n`;
    expect(ok(await parseSpreadsheet(new TextEncoder().encode(comma), "a.csv")).rows[0]?.requested_amount).toBe("1 200 000");
    const tab = `${APPLICATION_CELLS.join("\t")}\nUmeå kommun\t\t2480\t24\t\tTitel\t\t\t1 200 000\t\t\t\t\n`;
    expect(ok(await parseSpreadsheet(new TextEncoder().encode(tab), "a.txt")).rows[0]?.organisation).toBe("Umeå kommun");
  });

  it("reads Excel's 'Unicode text' (UTF-16 with BOM, tab-separated)", async () => {
    const text = `\uFEFF${APPLICATION_CELLS.join("\t")}\r\nÖstersunds kommun\t\t2380\t23\t\tTitel\t\t\t100 000\t\t\t\t\r\n`;
    const result = ok(await parseSpreadsheet(new Uint8Array(Buffer.from(text, "utf16le")), "ansökningar.txt"));
    expect(result.rows[0]).toMatchObject({ organisation: "Östersunds kommun", municipality_code: "2380" });
  });

  it("skips empty rows but keeps the spreadsheet's row numbers", async () => {
    const header = APPLICATION_CELLS.join(";");
    const text = `${header}\r\n;;;;;;;;;;;;\r\nA;Annan;;;;T1;;;1;;;;\r\n\r\nB;Annan;;;;T2;;;2;;;;\r\n`;
    const result = ok(await parseSpreadsheet(new TextEncoder().encode(text), "a.csv"));
    expect(result.rows.map((r) => r.organisation)).toEqual(["A", "B"]);
    expect(result.rowNumbers).toEqual([3, 5]);
  });

  it("names missing columns and catches typos in the headers", async () => {
    const headers = APPLICATION_CELLS.map((h) => (h === "requested_amount" ? "requested_ammount" : h)).filter((h) => h !== "project_title");
    const result = await parseSpreadsheet(new TextEncoder().encode(`${headers.join(";")}\nA;;;;;;;;;;;\n`), "a.csv");
    expect(result).toEqual({ ok: false, error: expect.stringContaining("Kolumnerna project_title och requested_amount saknas.") });
    expect(!result.ok && result.error).toContain("Okänd kolumn: requested_ammount (menade du requested_amount?).");
  });

  it("refuses an empty file, random bytes named .csv, a text file named .xlsx and a file over 10 MB", async () => {
    expect(await parseSpreadsheet(fixture("empty.csv"), "empty.csv")).toEqual({ ok: false, error: "Filen är tom." });
    expect(await parseSpreadsheet(new TextEncoder().encode("\uFEFF\r\n \r\n"), "blank.csv")).toEqual({ ok: false, error: "Filen är tom." });
    expect(await parseSpreadsheet(randomBytes(60 * 1024), "ansökningar.csv")).toEqual({
      ok: false,
      error: "Filen är inte en CSV- eller XLSX-fil.",
    });
    const textAsXlsx = await parseSpreadsheet(fixture("text-named.xlsx"), "ansökningar.xlsx");
    expect(textAsXlsx).toEqual({ ok: false, error: expect.stringContaining("Filen heter .xlsx men är ingen XLSX-fil") });
    expect(await parseSpreadsheet(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), "stor.csv")).toEqual({
      ok: false,
      error: "Filen är för stor (högst 10 MB).",
    });
    // A zip that is not a workbook.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(200)]);
    expect(await parseSpreadsheet(zip, "a.xlsx")).toEqual({ ok: false, error: "Filen är inte en CSV- eller XLSX-fil." });
  });
});

describe("parseSpreadsheet: XLSX", () => {
  it("reads the first sheet: numbers as numbers or text, dates as ISO dates", async () => {
    const header = [...APPLICATION_CELLS, "decision", "granted_amount", "decided_at"];
    const row = (values: Record<string, unknown>) => header.map((h) => (h in values ? values[h] : null));
    const buffer = await writeXlsxFile([
      header,
      row({ organisation: "Umeå kommun", municipality_code: "2480", county_code: 24, project_title: "Förskola", requested_amount: 1_200_000, decision: "approved", granted_amount: "1 200 000", decided_at: new Date("2026-05-20T00:00:00Z") }),
      row({}),
      row({ organisation: "  Borås Stad  ", organisation_kind: "Kommun", project_title: "Stråk", requested_amount: "850 000" }),
    ] as never, { dateFormat: "yyyy-mm-dd" }).toBuffer();

    const result = ok(await parseSpreadsheet(new Uint8Array(buffer), "ansökningar.csv"));
    expect(result.format).toBe("xlsx");
    expect(result.rowNumbers).toEqual([2, 4]);
    expect(result.rows[0]).toMatchObject({
      organisation: "Umeå kommun",
      county_code: "24",
      requested_amount: "1200000",
      granted_amount: "1 200 000",
      decided_at: "2026-05-20",
      contact_email: "",
    });
    expect(result.rows[1]).toMatchObject({ organisation: "Borås Stad", organisation_kind: "Kommun", requested_amount: "850 000" });
  });
});
