import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { PRESS_SENDER, type PressContext } from "./context";
import { documentOf, documentTexts, parseQuote, quoteLine, releaseContentFromRendered } from "./document";
import { renderShippedForTest, type RenderedShipped } from "./document-testing";
import type { PressTemplateKey } from "./templates";

/*
 * The three shipped templates rendered against the demo (in process, as templates.test.ts does) come apart into the
 * release's fields, and documentOf puts the fields back in reading order.
 */

let shipped: RenderedShipped;

beforeAll(async () => {
  const { db } = freshTestDb();
  await seedDemo(db);
  shipped = renderShippedForTest(db);
});

function content(key: PressTemplateKey) {
  return releaseContentFromRendered(shipped[key].text, shipped[key].context);
}

const paragraphs = (body: string) => body.split("\n\n");

describe("releaseContentFromRendered: the shipped templates come apart into fields", () => {
  it("round: headline, ingress, body, one placeholder quote after the second paragraph, boilerplate, contacts", () => {
    const c = content("round");
    expect(c.headline).toBe("27,5 miljoner till jämställdhet");
    expect(c.ingress).toMatch(/^21 kommuner och landsting får pengar via SKL för att arbeta med jämställdhetsintegrering\. \[INGRESS:/);
    const body = paragraphs(c.body);
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/^Program för Hållbar jämställdhet är den största svenska satsningen/);
    expect(body[1]).toBe("Satsningen ska leda till likvärdig service för kvinnor och män, flickor och pojkar.");
    expect(body[2]).toMatch(/^\[EXEMPEL, byt gärna mot det projekt ni vill lyfta:\] /);
    expect(body[3]).toMatch(/^Hela listan på projekt som fått pengar: \/beviljade\/\d+$/);
    expect(c.quotes).toEqual([
      { text: "[CITAT: vad satsningen ska leda till]", speaker: "[NAMN]", title: "[TITEL]", afterParagraph: 2 },
    ]);
    expect(c.boilerplate).toBe(PRESS_SENDER.boilerplate);
    expect(c.contacts).toBe(
      "För mer information: Henning Brüllhoff, informatör på avdelningen för vård och omsorg, tfn: 08-452 74 23, henning.brullhoff@skl.se",
    );
  });

  it("county: no quotes; from \"Kontaktpersoner:\" to the end are contacts, line by line", () => {
    const c = content("county");
    expect(c.headline).toBe("Mer pengar till jämställdhet i Västerbotten");
    expect(c.ingress).toMatch(/^Servicen i många offentligt finansierade verksamheter är inte jämställd\./);
    expect(c.ingress).toContain("respektive 1,2 miljoner kronor till");
    const body = paragraphs(c.body);
    expect(body[0]).toMatch(/^Västerbottens läns landsting: ”/);
    expect(body.at(-1)).toBe("Mer information finns på skl.se");
    expect(body.some((p) => p === PRESS_SENDER.boilerplate)).toBe(false);
    expect(c.quotes).toEqual([]);
    expect(c.boilerplate).toBe(PRESS_SENDER.boilerplate);
    const contacts = c.contacts.split("\n");
    expect(contacts[0]).toBe("Kontaktpersoner:");
    expect(contacts).toContain("Umeå kommun, Helene Brewer, tfn: 090-16 19 15");
    expect(contacts).toContain("Lycksele kommun, Marie Öhlund, tfn: 0950-164 22");
    expect(contacts.at(-1)).toMatch(/^För mer information: Henning Brüllhoff/);
  });

  it("recipient: two quotes after the first paragraph, one a placeholder and one with the contact's name and title", () => {
    const c = content("recipient");
    expect(c.headline).toBe("1,2 miljoner till jämställdhetsarbete i Borås");
    expect(c.ingress).toMatch(/^Sveriges Kommuner och Landsting \(SKL\) har gett Borås Stad 1,2 miljoner kronor för projektet/);
    const body = paragraphs(c.body);
    expect(body).toHaveLength(2);
    expect(body[1]).toMatch(/^Borås Stad är en av de 21 /);
    expect(c.quotes).toEqual([
      { text: "[CITAT: vad pengarna betyder för Borås]", speaker: "[NAMN]", title: "[TITEL]", afterParagraph: 1 },
      {
        text: "[CITAT: hur arbetet ska göras]",
        speaker: "Carola Samuelsson",
        title: "jämställdhetssamordnare i Borås Stad",
        afterParagraph: 1,
      },
    ]);
    expect(c.boilerplate).toBe(PRESS_SENDER.boilerplate);
    expect(c.contacts.split("\n")).toEqual([
      "För mer information kontakta:",
      "Carola Samuelsson, jämställdhetssamordnare, Borås Stad, tel 0768-88 58 18",
      "[FLER KONTAKTER: namn, titel, telefon]",
      "[OM Borås Stad: några rader om organisationen]",
    ]);
  });

  it("is deterministic: the same text gives the same fields", () => {
    for (const key of ["round", "county", "recipient"] as const) expect(content(key)).toEqual(content(key));
  });
});

describe("documentOf: the fields back in reading order", () => {
  it("recipient: the body's first paragraph, both quotes, then the rest; contacts and boilerplate apart", () => {
    const doc = documentOf(content("recipient"));
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "quote", "quote", "paragraph"]);
    expect(quoteLine(doc.blocks[1] as never)).toBe("– [CITAT: vad pengarna betyder för Borås], säger [NAMN], [TITEL].");
    expect(quoteLine(doc.blocks[2] as never)).toBe(
      "– [CITAT: hur arbetet ska göras], säger Carola Samuelsson, jämställdhetssamordnare i Borås Stad.",
    );
    expect(doc.contacts).toHaveLength(4);
    expect(doc.boilerplate).toEqual([PRESS_SENDER.boilerplate]);
  });

  it("every shipped template: the document reads as the rendered text did, boilerplate moved to the end", () => {
    for (const key of ["round", "county", "recipient"] as const) {
      const text = shipped[key].text;
      const original = text
        .split(/\n\s*\n/)
        .flatMap((p) => p.split("\n"))
        .map((l) => l.trim())
        .filter((l) => l !== "" && l !== PRESS_SENDER.boilerplate)
        // The placeholder attribution reads "[NAMN], [TITEL]" once it is two fields.
        .map((l) => l.replace("säger [NAMN, TITEL]", "säger [NAMN], [TITEL]"));
      const texts = documentTexts(documentOf(content(key)));
      expect(texts.slice(0, -1)).toEqual(original);
      expect(texts.at(-1)).toBe(PRESS_SENDER.boilerplate);
    }
  });

  it("places a quote whose paragraph is gone at the end, and one after paragraph 0 first", () => {
    const doc = documentOf({
      headline: "R",
      ingress: "I",
      body: "Ett.\n\nTvå.",
      quotes: [
        { text: "Sist", speaker: "A", title: "", afterParagraph: 9 },
        { text: "Först", speaker: "B", title: "", afterParagraph: 0 },
      ],
      contacts: "",
      boilerplate: "",
    });
    expect(documentTexts(doc)).toEqual(["R", "I", "– Först, säger B.", "Ett.", "Två.", "– Sist, säger A."]);
  });
});

describe("the parts of a text", () => {
  const context = { sender: { boilerplate: "Om oss." } } as PressContext;

  it("a custom template with none of the parts: everything after the ingress is body", () => {
    const c = releaseContentFromRendered("Rubrik\n\nIngress.\n\nEtt stycke.\n\nEtt till.\n", context);
    expect(c).toEqual({ headline: "Rubrik", ingress: "Ingress.", body: "Ett stycke.\n\nEtt till.", quotes: [], contacts: "", boilerplate: "" });
  });

  it("a headline run into its ingress without a blank line still has an ingress", () => {
    const c = releaseContentFromRendered("Rubrik\nIngress här.\n\nBrödtext.", context);
    expect([c.headline, c.ingress, c.body]).toEqual(["Rubrik", "Ingress här.", "Brödtext."]);
  });

  it("quotes: säger and förklarar, the last attribution counts, a dash without attribution stays body", () => {
    expect(parseQuote("– Vi säger, säger vi gärna, säger Ulf Olsson, kommunstyrelsens ordförande, (S).")).toEqual({
      text: "Vi säger, säger vi gärna",
      speaker: "Ulf Olsson",
      title: "kommunstyrelsens ordförande, (S)",
    });
    expect(parseQuote("– Vi vill mer, förklarar mångfaldssamordnare Suzana Mocevic i ett pressmeddelande.")).toEqual({
      text: "Vi vill mer",
      speaker: "mångfaldssamordnare Suzana Mocevic i ett pressmeddelande",
      title: "",
    });
    expect(parseQuote("– Vi vill mer, säger Anna\nAndersson, kommunalråd.")).toEqual({ text: "Vi vill mer", speaker: "Anna Andersson", title: "kommunalråd" });
    expect(parseQuote("– Bara ett tankstreck.")).toBeNull();
    expect(parseQuote("Ingen säger, säger någon.")).toBeNull();
    const c = releaseContentFromRendered("R\n\nI\n\n– Bara ett tankstreck.\n\nOm oss.\n\nKontakt: Anna, 070-1", context);
    expect(c).toMatchObject({ body: "– Bara ett tankstreck.", quotes: [], boilerplate: "Om oss.", contacts: "Kontakt: Anna, 070-1" });
  });

  it("\"Kontakta\" is not the contact block; \"Kontakt\" is", () => {
    const c = releaseContentFromRendered("R\n\nI\n\nKontakta kommunen.\n\nKontakt\nAnna", context);
    expect(c.body).toBe("Kontakta kommunen.");
    expect(c.contacts).toBe("Kontakt\nAnna");
  });

  it("quoteLine: no comma after a question, no speaker no attribution", () => {
    expect(quoteLine({ text: "Varför inte?", speaker: "Anna", title: "" })).toBe("– Varför inte? säger Anna.");
    expect(quoteLine({ text: "Så är det", speaker: "", title: "" })).toBe("– Så är det");
  });
});
