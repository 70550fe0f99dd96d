import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { documentOf, documentTexts, quoteLine, releaseContentFromRendered, type ReleaseDocument } from "../document";
import { renderShippedForTest } from "../document-testing";
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  exportMark,
  exportRelease,
  exportSnapshot,
  keepGroupsTogether,
  keepPhonesTogether,
  releaseFileName,
  releasePdf,
  safeGrantsUrl,
  withGrantsUrl,
  type ExportMeta,
} from ".";

/*
 * Every format from the same document: the recipient release of Borås Stad rendered from the shipped template and the
 * demo, and a hostile one whose fields carry markup.
 */

let boras: ReleaseDocument;
let round: ReleaseDocument;
const DRAFT: ExportMeta = { status: "draft", version: 3 };
const PUBLISHED: ExportMeta = { status: "published", version: 4 };

const HOSTILE: ReleaseDocument = {
  headline: "<script>alert(1)</script> & *fet* rubrik",
  ingress: '"Citat" i <b>ingressen</b>',
  blocks: [
    { kind: "paragraph", text: "# inte en rubrik\n1. inte en lista" },
    { kind: "quote", text: "<img src=x onerror=alert(1)>", speaker: "<script>", title: "O'Brien" },
  ],
  contacts: ["<script>, tfn 070-1"],
  boilerplate: ["[länk](javascript:alert(1))"],
};

beforeAll(async () => {
  const { db } = freshTestDb();
  await seedDemo(db);
  const shipped = renderShippedForTest(db);
  boras = documentOf(releaseContentFromRendered(shipped.recipient.text, shipped.recipient.context));
  round = documentOf(releaseContentFromRendered(shipped.round.text, shipped.round.context));
});

const squash = (s: string) => s.replace(/\s+/g, "");

/** Each of `expected` appears in `actual`, in order (whitespace ignored: a PDF wraps lines where it likes). */
function expectInOrder(actual: string, expected: string[]): void {
  const haystack = squash(actual);
  let from = 0;
  for (const text of expected) {
    const at = haystack.indexOf(squash(text), from);
    expect(at, `"${text.slice(0, 50)}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(text).length;
  }
}

async function text(doc: ReleaseDocument, format: "md" | "txt" | "html", meta: ExportMeta = DRAFT): Promise<string> {
  const result = await exportRelease(doc, format, meta);
  expect(typeof result.body).toBe("string");
  return result.body as string;
}

describe("exportMark", () => {
  it("marks a draft, one in review or approved as UTKAST, a scheduled or embargoed one with its time, nothing when published", () => {
    expect(exportMark({ status: "draft" })).toBe("UTKAST");
    expect(exportMark({ status: "review" })).toBe("UTKAST");
    expect(exportMark({ status: "approved" })).toBe("UTKAST");
    const at = new Date("2026-12-01T09:00:00Z"); // 10.00 in Stockholm
    expect(exportMark({ status: "embargoed", publishAt: at })).toBe("EMBARGO till 1 december 2026 kl. 10.00");
    expect(exportMark({ status: "scheduled", publishAt: at })).toBe("EMBARGO till 1 december 2026 kl. 10.00");
    expect(exportMark({ status: "published", publishAt: at })).toBeNull();
  });
});

describe("every format", () => {
  it("has its content type and extension", async () => {
    for (const format of EXPORT_FORMATS) {
      const result = await exportRelease(boras, format, DRAFT);
      expect(result.extension).toBe(format);
      expect(result.contentType).toBe(EXPORT_CONTENT_TYPES[format]);
    }
    const snapshot = await exportSnapshot(
      { headline: "R", ingress: "I", body: "A\n\nB", quotes: [{ text: "Q", speaker: "S", title: "", afterParagraph: 1 }], contacts: "K", boilerplate: "" },
      "txt",
      PUBLISHED,
    );
    expect(snapshot.body).toBe("R\n\nI\n\nA\n\n– Q, säger S.\n\nB\n\nK\n");
    expect(releaseFileName("1-2-miljoner-till-boras", 3, "docx")).toBe("1-2-miljoner-till-boras-v3.docx");
  });
});

describe("plain text", () => {
  it("reads as the seeds do: paragraphs apart by a blank line, quotes with \"– \", contacts line by line", async () => {
    const txt = await text(boras, "txt", PUBLISHED);
    expect(txt.split("\n\n").slice(0, 3)).toEqual([boras.headline, boras.ingress, (boras.blocks[0] as { text: string }).text]);
    expect(txt).toContain(`\n\n${quoteLine(boras.blocks[1] as never)}\n\n`);
    expect(txt).toContain(`\n\n${boras.contacts.join("\n")}\n\n`);
    expect(txt.endsWith(`${boras.boilerplate.at(-1)}\n`)).toBe(true);
    expect(squash(txt)).toBe(squash(documentTexts(boras).join("")));
  });

  it("a draft starts with UTKAST", async () => {
    expect((await text(boras, "txt")).startsWith("UTKAST\n\n1,2 miljoner")).toBe(true);
  });
});

describe("Markdown", () => {
  it("# headline, the ingress in bold, quotes as \"> – …\", contacts and boilerplate", async () => {
    const md = await text(boras, "md", PUBLISHED);
    const blocks = md.split("\n\n");
    expect(blocks[0]).toBe("# 1,2 miljoner till jämställdhetsarbete i Borås");
    expect(blocks[1]).toBe(`**${boras.ingress}**`);
    expect(blocks).toContain("> – [CITAT: hur arbetet ska göras], säger Carola Samuelsson, jämställdhetssamordnare i Borås Stad.");
    expect(blocks).toContain("## Kontakt");
    expect(blocks.at(-2)).toBe("---");
  });

  it("escapes what Markdown would read as markup", async () => {
    const md = await text(HOSTILE, "md");
    expect(md).toContain("# \\<script\\>alert(1)\\</script\\> & \\*fet\\* rubrik");
    expect(md).toContain("\\# inte en rubrik  \n1\\. inte en lista");
    expect(md).toContain("[länk\\](javascript:alert(1))");
    expect(md).not.toMatch(/(?<!\\)</);
  });
});

describe("HTML", () => {
  it("is a standalone Swedish document with no script and its fields in order", async () => {
    const html = await text(boras, "html", PUBLISHED);
    expect(html.startsWith("<!doctype html>\n<html lang=\"sv\">")).toBe(true);
    expect(html).toContain("<title>1,2 miljoner till jämställdhetsarbete i Borås</title>");
    expect(html).toContain("<main>\n<article>\n<h1>1,2 miljoner till jämställdhetsarbete i Borås</h1>");
    expect(html).toContain("<blockquote><p>– [CITAT: hur arbetet ska göras]<span class=\"attribution\">, säger Carola Samuelsson");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("noindex");
  });

  it("escapes every field: an organisation called <script> comes out as text", async () => {
    const html = await text(HOSTILE, "html");
    expect(html).not.toMatch(/<script|<img|<b>|javascript:alert\(1\)"/);
    expect(html).toContain("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *fet* rubrik</h1>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("säger &lt;script&gt;, O&#39;Brien.");
    expect(html).toContain("<p>&lt;script&gt;, tfn 070-1</p>");
    const contacts = await text(boras, "html", PUBLISHED);
    expect(contacts).toContain(
      `<p>${boras.contacts.join("<br>\n").replace("0768-88 58 18", '<span class="nowrap">0768-88 58 18</span>')}</p>`,
    );
    expect(html).toContain('<p class="mark" role="note">UTKAST</p>');
    expect(html).toContain("<title>UTKAST: &lt;script&gt;");
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it("links the grants list when its address is http(s), never a javascript: one", async () => {
    const linked = await exportRelease(round, "html", { ...PUBLISHED, grantsUrl: "https://anslag.example/beviljade/2" });
    expect(linked.body).toContain(
      'Hela listan på projekt som fått pengar: <a href="https://anslag.example/beviljade/2">https://anslag.example/beviljade/2</a>',
    );
    const evil = await exportRelease(round, "html", { ...PUBLISHED, grantsUrl: "javascript:alert(1)" });
    expect(evil.body).not.toContain("<a ");
    expect(evil.body).not.toContain("javascript:");
  });
});

describe("the headline's digit groups", () => {
  it("are joined by no-break spaces in every format, since the form's single-line headline keeps none", async () => {
    const doc = { ...boras, headline: "750 000 kronor till Borås, 2013 och 1 200 000 i år" };
    for (const format of ["txt", "md", "html"] as const) {
      expect(await text(doc, format, PUBLISHED), format).toContain("750\u00a0000 kronor till Borås, 2013 och 1\u00a0200\u00a0000 i år");
    }
    expect(keepGroupsTogether("tfn 1,5 000")).toBe("tfn 1,5 000");
  });
});

describe("the grants list's address", () => {
  it("replaces the path the round template writes, or adds a closing paragraph", () => {
    const withUrl = withGrantsUrl(round, "https://anslag.example/beviljade/2");
    expect(documentTexts(withUrl)).toContain("Hela listan på projekt som fått pengar: https://anslag.example/beviljade/2");
    expect(withUrl.blocks).toHaveLength(round.blocks.length);
    const added = withGrantsUrl(boras, "https://anslag.example/beviljade/2");
    expect(added.blocks.at(-1)).toEqual({ kind: "paragraph", text: "Hela listan på projekt som fått pengar: https://anslag.example/beviljade/2" });
    expect(withGrantsUrl(boras, "data:text/html,x")).toBe(boras);
    expect([safeGrantsUrl("/beviljade/2"), safeGrantsUrl("//evil.example/x"), safeGrantsUrl("javascript:x")]).toEqual(["/beviljade/2", null, null]);
  });
});

describe("Word", () => {
  function unzip(body: Buffer | string): Record<string, string> {
    expect(Buffer.isBuffer(body)).toBe(true);
    const files = unzipSync(new Uint8Array(body as Buffer));
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  }
  const paragraphsOfXml = (xml: string) =>
    xml
      .split("</w:p>")
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
      .map((t) => t.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
      .filter((t) => t !== "");

  it("is a real Word document whose text is every field's, in order", async () => {
    const files = unzip((await exportRelease(boras, "docx", PUBLISHED)).body);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "docProps/core.xml"]));
    const paragraphs = paragraphsOfXml(files["word/document.xml"]!);
    const expected = [
      boras.headline,
      boras.ingress,
      ...boras.blocks.map((b) => (b.kind === "paragraph" ? b.text : quoteLine(b))),
      "Kontakt",
      ...boras.contacts,
      ...boras.boilerplate,
    ];
    // Phone numbers are kept on one line with no-break spaces.
    expect(paragraphs).toEqual(expected.map(keepPhonesTogether));
    expect(paragraphs).toContain("Carola Samuelsson, jämställdhetssamordnare, Borås Stad, tel 0768-88\u00a058\u00a018");
  });

  it("uses Word's styles: Title, the ingress bold, quotes in Quote italic, Heading 2, a rule over the boilerplate; Swedish; the title", async () => {
    const files = unzip((await exportRelease(boras, "docx", PUBLISHED)).body);
    const xml = files["word/document.xml"]!;
    const paragraph = (text: string) => xml.split("</w:p>").find((p) => p.includes(text.slice(0, 30)))!;
    expect(paragraph(boras.headline)).toContain('<w:pStyle w:val="Title"/>');
    expect(paragraph(boras.ingress)).toContain("<w:b/>");
    const quote = paragraph("[CITAT: hur arbetet");
    expect(quote).toContain('<w:pStyle w:val="Quote"/>');
    expect(quote).toMatch(/<w:i\/>.*– \[CITAT: hur arbetet ska göras\]/s);
    expect(paragraph("Kontakt")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraph(boras.boilerplate[0]!)).toMatch(/<w:pBdr><w:top [^>]*w:val="single"/);
    expect(files["word/styles.xml"]).toContain('w:val="sv-SE"');
    expect(files["docProps/core.xml"]).toContain("<dc:title>1,2 miljoner till jämställdhetsarbete i Borås</dc:title>");
    expect(files["docProps/core.xml"]).toContain("<cp:revision>4</cp:revision>");
    expect(files["docProps/core.xml"]).toContain("<dc:creator>Anslag</dc:creator>");
    const signed = unzip((await exportRelease(boras, "docx", { ...PUBLISHED, sender: "Sveriges Kommuner och Landsting" })).body);
    expect(signed["docProps/core.xml"]).toContain("<dc:creator>Sveriges Kommuner och Landsting</dc:creator>");
  });

  it("a draft is marked UTKAST at the top and in the page header; markup stays text", async () => {
    const files = unzip((await exportRelease(HOSTILE, "docx", DRAFT)).body);
    const paragraphs = paragraphsOfXml(files["word/document.xml"]!);
    expect(paragraphs[0]).toBe("UTKAST");
    expect(paragraphs[1]).toBe(HOSTILE.headline);
    expect(files["word/document.xml"]).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f))!;
    expect(paragraphsOfXml(files[header]!)).toEqual(["UTKAST"]);
  });
});

describe("PDF", () => {
  /** The text pdfkit draws: its TJ strings, hex in WinAnsi, decoded. */
  // Windows-1252's 0x80-0x9f (Node's TextDecoder may read them as Latin-1 control characters).
  const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
  const decode = (hex: string) =>
    [...Buffer.from(hex, "hex")].map((byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252[byte - 0x80] : String.fromCharCode(byte))).join("");
  function pdfText(pdf: Buffer): string {
    return [...pdf.toString("latin1").matchAll(/\[([^\]]*)\]\s*TJ/g)]
      .map((tj) => [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => decode(h[1]!)).join(""))
      .join("\n");
  }

  it("is a PDF, tagged and in Swedish, with every field's text in order, å ä ö, the dash and the no-break space kept", async () => {
    const pdf = await releasePdf(withGrantsUrl(boras, undefined), DRAFT, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Lang (sv-SE)");
    expect(raw).toContain("/StructTreeRoot");
    const drawn = pdfText(pdf);
    expectInOrder(drawn, ["UTKAST", ...documentTexts(boras).slice(0, -1 - boras.contacts.length - boras.boilerplate.length), "Kontakt", ...boras.contacts, ...boras.boilerplate]);
    expect(drawn).toContain("– [CITAT: hur arbetet ska göras]");
    const small = await releasePdf(
      { headline: "Pengar", ingress: "Östsam får 750\u00a0000 kronor.", blocks: [], contacts: [], boilerplate: [] },
      PUBLISHED,
      { compress: false },
    );
    expect(pdfText(small)).toContain("Östsam får 750\u00a0000 kronor.");
    expect(drawn).toContain("Borås");
    expect(drawn).toContain("tel 0768-88\u00a058\u00a018");
  });

  it("a release over several pages carries its mark on every page", async () => {
    const long = { ...boras, blocks: Array.from({ length: 12 }, () => boras.blocks[0]!) };
    const pdf = await releasePdf(long, { status: "embargoed", version: 1, publishAt: new Date("2026-12-01T09:00:00Z") }, { compress: false });
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)!.length;
    expect(pages).toBeGreaterThan(1);
    expect(pdfText(pdf).split("EMBARGO till 1 december 2026 kl. 10.00").length - 1).toBe(pages);
  });

  it("compressed, as exportRelease gives it, is still a PDF of one or more pages", async () => {
    const { body } = await exportRelease(round, "pdf", PUBLISHED);
    const pdf = body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
  });
});
