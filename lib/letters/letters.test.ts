import { describe, expect, it } from "vitest";
import { decisionLetterContent, decisionLetterLines, type DecisionLetterData } from "./content";
import { renderDecisionLetterDocx } from "./docx";
import { decisionLetterFile } from "./file";
import { toWinAnsi } from "@/lib/pdf/tagged";
import { renderDecisionLetterPdf } from "./pdf";
import { decisionLetterQuerySchema } from "./schema";
import { docxDocumentXml, docxParagraphs, pdfContentStreams, pdfText } from "./testing";

const NBSP = "\u00a0";
const plain = (text: string) => text.replace(/\s+/g, " ");

const CRITERIA =
  "Det ska finnas förutsättningar för projektets hållbarhet även efter 2014, och pengarna ska verkligen ge effekter i form av jämställd medborgarservice.";

const BORAS: DecisionLetterData = {
  registrationNumber: "HJ-2013-0042",
  projectTitle: "Hållbar jämställd medborgarservice",
  requestedAmount: 1_500_000,
  organisation: "Borås Stad",
  coApplicants: [],
  contact: { name: "Carola Samuelsson", title: "jämställdhetssamordnare" },
  programme: "Program för Hållbar jämställdhet",
  round: { ordinal: 5, year: 2013, criteria: CRITERIA },
  decision: {
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: "Beviljas delvis. Tydligt medborgarperspektiv och goda förutsättningar för hållbarhet efter 2014.",
    decidedOn: "2013-05-23",
    decidedBy: { name: "Erik Sandberg", email: "erik.sandberg@skl.example", phone: "08-452 70 00" },
    replaces: null,
  },
};

const REJECTED: DecisionLetterData = {
  registrationNumber: "HJ-2013-0044",
  projectTitle: "Jämställt bemötande i kontaktcenter",
  requestedAmount: 900_000,
  organisation: "Regionförbundet Östsam",
  coApplicants: ["Linköpings kommun"],
  contact: { name: "Amra Begić", title: "" },
  programme: "Program för Hållbar jämställdhet",
  round: { ordinal: 5, year: 2013, criteria: "" },
  decision: {
    outcome: "rejected",
    grantedAmount: 0,
    motivation: "Avslås. Ansökan saknar ett tydligt medborgarperspektiv.",
    decidedOn: "2013-05-23",
    decidedBy: null,
    replaces: null,
  },
};

describe("decisionLetterContent", () => {
  it("writes an approval with the amount in figures and in the press form, the date and the registration number", () => {
    const content = decisionLetterContent(BORAS);
    expect(content.letterhead).toBe("Sveriges Kommuner och Landsting");
    expect(content.heading).toBe("Beslut om utvecklingsmedel");
    expect(content.date).toBe("23 maj 2013");
    expect(content.documentTitle).toBe("Beslut om utvecklingsmedel HJ-2013-0042");
    expect(content.fileBaseName).toBe("beslutsbrev-HJ-2013-0042");
    expect(content.recipient).toEqual(["Borås Stad", "Att: Carola Samuelsson, jämställdhetssamordnare"]);
    expect(content.paragraphs[0]).toBe(
      `SKL har beslutat att bevilja Borås Stad 1${NBSP}200${NBSP}000 kronor (1,2 miljoner kronor) för projektet ` +
        "”Hållbar jämställd medborgarservice” inom Program för Hållbar jämställdhet, femte omgången.",
    );
    expect(content.facts).toEqual([
      { label: "Sökande", value: "Borås Stad" },
      { label: "Projekt", value: "Hållbar jämställd medborgarservice" },
      { label: "Omgång", value: "Femte omgången 2013" },
      { label: "Sökt belopp", value: `1${NBSP}500${NBSP}000 kronor` },
      { label: "Beslut", value: "Beviljas" },
      { label: "Beviljat belopp", value: `1${NBSP}200${NBSP}000 kronor (1,2 miljoner kronor)` },
      { label: "Beslutsdatum", value: "23 maj 2013" },
    ]);

    const text = plain(decisionLetterLines(content).join("\n"));
    expect(text).toContain("1 200 000 kronor");
    expect(text).toContain("1,2 miljoner kronor");
    expect(text).toContain("Diarienummer: HJ-2013-0042");
    expect(text).toContain("Datum: 23 maj 2013");
    expect(text).toContain("Projekt: Hållbar jämställd medborgarservice");
    // A partial grant says what was asked for.
    expect(text).toContain("Ansökan avsåg 1 500 000 kronor.");
    expect(text).toContain("Motivering: Beviljas delvis. Tydligt medborgarperspektiv");
    expect(text).toContain(`Kriterier för omgången: ${CRITERIA}`);
    expect(text).toContain(
      "kontakta handläggaren Erik Sandberg, Sveriges Kommuner och Landsting (e-post erik.sandberg@skl.example, telefon 08-452 70 00), och ange diarienummer HJ-2013-0042.",
    );
    expect(content.closing).toEqual(["Med vänlig hälsning", "Erik Sandberg", "Sveriges Kommuner och Landsting", "Program för Hållbar jämställdhet"]);
    // A first decision replaces nothing.
    expect(text).not.toContain("ersätter");
  });

  it("gives the officer's email alone when they have no phone", () => {
    const content = decisionLetterContent({ ...BORAS, decision: { ...BORAS.decision, decidedBy: { name: "Erik Sandberg", email: "erik.sandberg@skl.example", phone: null } } });
    expect(content.paragraphs.at(-1)).toBe(
      "Har ni frågor om beslutet är ni välkomna att kontakta handläggaren Erik Sandberg, Sveriges Kommuner och Landsting (e-post erik.sandberg@skl.example), och ange diarienummer HJ-2013-0042.",
    );
  });

  it("says that a changed decision replaces the earlier one, and gives its date", () => {
    const content = decisionLetterContent({ ...BORAS, decision: { ...BORAS.decision, decidedOn: "2013-06-10", replaces: { decidedOn: "2013-05-23" } } });
    expect(content.paragraphs[0]).toBe("Detta beslut ersätter SKL:s tidigare beslut i ärendet från den 23 maj 2013. Det tidigare beslutet gäller inte längre.");
    expect(content.facts).toContainEqual({ label: "Ersätter beslut från", value: "23 maj 2013" });
    expect(content.date).toBe("10 juni 2013");
  });

  it("prints a stored date it cannot read as it is stored instead of failing (the years 0000-0099)", async () => {
    const odd = { ...BORAS, decision: { ...BORAS.decision, decidedOn: "0012-05-01" } };
    expect(decisionLetterContent(odd).date).toBe("0012-05-01");
    expect(pdfText((await decisionLetterFile(odd, "pdf")).body)).toContain("Datum: 0012-05-01");
    expect(docxParagraphs((await decisionLetterFile(odd, "docx")).body)).toContain("Datum: 0012-05-01");
  });

  it("writes a rejection naming every organisation of a joint application, without a granted amount", () => {
    const content = decisionLetterContent(REJECTED);
    expect(content.paragraphs[0]).toBe(
      `SKL har beslutat att inte bevilja ansökan från Regionförbundet Östsam och Linköpings kommun om 900${NBSP}000 kronor ` +
        "för projektet ”Jämställt bemötande i kontaktcenter” inom Program för Hållbar jämställdhet, femte omgången.",
    );
    expect(content.recipient).toEqual(["Regionförbundet Östsam", "Medsökande: Linköpings kommun", "Att: Amra Begić"]);
    expect(content.facts.find((f) => f.label === "Beslut")?.value).toBe("Avslås");
    expect(content.facts.some((f) => f.label === "Beviljat belopp")).toBe(false);
    expect(content.facts.find((f) => f.label === "Medsökande")?.value).toBe("Linköpings kommun");

    const text = plain(decisionLetterLines(content).join("\n"));
    expect(text).toContain("Diarienummer: HJ-2013-0044");
    expect(text).toContain("23 maj 2013");
    expect(text).toContain("Motivering: Avslås. Ansökan saknar ett tydligt medborgarperspektiv.");
    expect(text).not.toContain("Kriterier för omgången");
    expect(text).not.toContain("miljon");
    // Without a recorded officer the letter points to SKL and the programme.
    expect(text).toContain("kontakta Sveriges Kommuner och Landsting, Program för Hållbar jämställdhet, och ange diarienummer HJ-2013-0044.");
  });

  it("leaves out an empty motivation and the contact line when no contact is known", () => {
    const content = decisionLetterContent({ ...BORAS, contact: { name: "", title: "" }, decision: { ...BORAS.decision, motivation: "  " } });
    expect(content.recipient).toEqual(["Borås Stad"]);
    expect(content.paragraphs.some((p) => p.startsWith("Motivering"))).toBe(false);
  });

  it("makes a file name of letters, digits and hyphens only", () => {
    expect(decisionLetterContent({ ...BORAS, registrationNumber: "HJ/2013 0042\"" }).fileBaseName).toBe("beslutsbrev-HJ20130042");
  });
});

describe("renderDecisionLetterDocx", () => {
  it("writes a Word document whose text is the letter, in Swedish, with a real heading and list", async () => {
    const bytes = await renderDecisionLetterDocx(decisionLetterContent(BORAS));
    // A zip file.
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const xml = docxDocumentXml(bytes);
    expect(xml).toContain("1,2 miljoner kronor");
    expect(xml).toContain(`1${NBSP}200${NBSP}000 kronor`);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain("<w:numPr>");

    const paragraphs = docxParagraphs(bytes);
    expect(paragraphs).toEqual(decisionLetterLines(decisionLetterContent(BORAS)));
  });

  it("sets the title and Swedish as the language of the text", async () => {
    const bytes = await renderDecisionLetterDocx(decisionLetterContent(BORAS));
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(bytes);
    expect(strFromU8(files["docProps/core.xml"] ?? new Uint8Array())).toContain("<dc:title>Beslut om utvecklingsmedel HJ-2013-0042</dc:title>");
    expect(strFromU8(files["word/styles.xml"] ?? new Uint8Array())).toContain('w:lang w:val="sv-SE"');
  });
});

describe("renderDecisionLetterPdf", () => {
  it("writes a PDF whose text is the letter, with the no-break spaces of the amount kept", async () => {
    const bytes = await renderDecisionLetterPdf(decisionLetterContent(BORAS));
    const head = Buffer.from(bytes.slice(0, 8)).toString("latin1");
    expect(head).toBe("%PDF-1.7");
    expect(Buffer.from(bytes.slice(-6)).toString("latin1")).toMatch(/%%EOF\s*$/);

    const text = pdfText(bytes);
    for (const line of decisionLetterLines(decisionLetterContent(BORAS))) expect(text).toContain(plain(line));
    expect(text).toContain("1 200 000 kronor (1,2 miljoner kronor)");
    // "1 200 000" is drawn with WinAnsi 0xA0 (no-break space), so a PDF viewer never breaks the amount across lines.
    expect(pdfContentStreams(bytes).join("")).toMatch(/31a0323030a0303030/);
  });

  it("is a tagged PDF in Swedish with its title shown", async () => {
    const bytes = await renderDecisionLetterPdf(decisionLetterContent(BORAS));
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/Lang (sv-SE)");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/L\b/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain("(Beslut om utvecklingsmedel HJ-2013-0042)");
  });

  it("draws names outside WinAnsi without their accents instead of garbage", async () => {
    const bytes = await renderDecisionLetterPdf(decisionLetterContent(REJECTED));
    expect(pdfText(bytes)).toContain("Att: Amra Begic");
  });
});

describe("toWinAnsi", () => {
  it("keeps Swedish letters, é, ü, dashes, quotes and the no-break space, and replaces what the standard fonts lack", () => {
    expect(toWinAnsi("Åsa Öberg, Ängelholm – ”café” Brüllhoff 1\u00a0200")).toBe("Åsa Öberg, Ängelholm – ”café” Brüllhoff 1\u00a0200");
    expect(toWinAnsi("Begić Łódź")).toBe("Begic ?ódz");
    // Decomposed input (a + combining ring, as some Mac programs write it) is composed first: "å", not "a?".
    expect(toWinAnsi("Bora\u030as")).toBe("Borås");
    expect(toWinAnsi("\u22121\u202f000")).toBe("-1\u00a0000");
  });
});

describe("decisionLetterFile and the query schema", () => {
  it("names the file after the registration number with the format's content type", async () => {
    const pdf = await decisionLetterFile(BORAS, "pdf");
    expect(pdf.fileName).toBe("beslutsbrev-HJ-2013-0042.pdf");
    expect(pdf.contentType).toBe("application/pdf");
    const docx = await decisionLetterFile(BORAS, "docx");
    expect(docx.fileName).toBe("beslutsbrev-HJ-2013-0042.docx");
    expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it("accepts docx and pdf only, with a Swedish message", () => {
    expect(decisionLetterQuerySchema.parse({ format: "pdf" })).toEqual({ format: "pdf" });
    const refused = decisionLetterQuerySchema.safeParse({ format: "html" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("Ange format=docx eller format=pdf.");
    expect(decisionLetterQuerySchema.safeParse({}).success).toBe(false);
  });
});
