import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb, tempDir } from "@/db/testing";
import { stopRenderWorker } from "@/lib/press/render";
import { main } from "./main";
import { captureCliOutput } from "./testing";


const { spies, printed, errors, written } = captureCliOutput();

beforeEach(async () => {
  await seedDemo(freshTestDb().db);
});
afterAll(() => stopRenderWorker());

const messages = () => [printed(), errors()].filter(Boolean).join("\n");

describe("press", () => {
  it("lists the templates' keys", async () => {
    expect(await main(["press", "templates"])).toBe(0);
    expect(spies.log.mock.calls.map((args) => String(args[0]).split("\t")[0])).toEqual(["round", "county", "recipient"]);
  });

  it("renders the county release of Västerbotten in the fourth round as Markdown to standard output, marked as a draft", async () => {
    expect(await main(["press", "render", "--template", "county", "--round", "4", "--county", "24", "--format", "md"])).toBe(0);
    const text = written();
    expect(text.startsWith("**UTKAST**\n\n# Mer pengar till jämställdhet i Västerbotten\n\n**Servicen i många")).toBe(true);
    expect(text).toContain("miljoner kronor till Västerbottens läns landsting, Umeå kommun, Skellefteå kommun och Lycksele kommun");
    expect(text).toContain("\n\n## Kontakt\n\nKontaktpersoner:\n\nVästerbottens läns landsting, Per Nilsson");
  });

  it("renders one recipient's release as plain text into a file, its quotes set as the seeds set them", async () => {
    const out = join(tempDir("anslag-press-"), "boras.txt");
    expect(await main(["press", "render", "--template", "recipient", "--round", "5", "--organisation", "Borås Stad", "--format", "txt", "--out", out])).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n\n").slice(0, 2)).toEqual(["UTKAST", "1,2 miljoner till jämställdhetsarbete i Borås"]);
    expect(text).toContain("21 av de 45 projektansökningar");
    expect(text).toContain("\n\n– [CITAT: hur arbetet ska göras], säger Carola Samuelsson, jämställdhetssamordnare i Borås Stad.\n\n");
    expect(messages()).toContain(`Skrev ${out}.`);
  });

  it("renders the round's release as standalone HTML to standard output", async () => {
    expect(await main(["press", "render", "--template", "round", "--round", "5", "--format", "html"])).toBe(0);
    const html = written();
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain("<h1>27,5 miljoner till jämställdhet</h1>");
    expect(html).toContain('<p class="mark" role="note">UTKAST</p>');
  });

  it("writes Word and PDF files with --out", async () => {
    const dir = tempDir("anslag-press-");
    const docx = join(dir, "boras.docx");
    expect(await main(["press", "render", "--template", "recipient", "--round", "5", "--organisation", "Borås Stad", "--format", "docx", "--out", docx])).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))["word/document.xml"]!);
    expect(xml).toContain("1,2 miljoner till jämställdhetsarbete i Borås");
    const pdf = join(dir, "round.pdf");
    expect(await main(["press", "render", "--template", "round", "--round", "5", "--format", "pdf", "--out", pdf])).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(written()).toBe("");
  });

  it("refuses Word or PDF without --out, in Swedish, with exit code 2 and nothing written", async () => {
    for (const format of ["docx", "pdf"]) {
      expect(await main(["press", "render", "--template", "round", "--round", "5", "--format", format])).toBe(2);
      expect(messages()).toContain(`Formatet ${format} är en fil och skrivs inte till standard ut: ange --out <fil>`);
    }
    expect(written()).toBe("");
  });

  it("refuses an unknown format, an unknown template and a recipient without a grant, with exit codes 2 and 1", async () => {
    expect(await main(["press", "render", "--template", "round", "--round", "5", "--format", "odt", "--out", "x.odt"])).toBe(2);
    expect(messages()).toContain("Formatet odt finns inte. Välj md, txt, html, docx eller pdf.");
    expect(await main(["press", "render", "--template", "nyhet", "--round", "5", "--format", "md"])).toBe(2);
    expect(messages()).toContain("Mallen nyhet finns inte.");
    expect(await main(["press", "render", "--template", "recipient", "--round", "5", "--organisation", "Finns inte kommun", "--format", "md"])).toBe(1);
    expect(messages()).toContain("Organisationen Finns inte kommun finns inte.");
    expect(written()).toBe("");
  });
});
