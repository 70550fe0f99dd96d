import { Liquid } from "liquidjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import {
  findTestApplicationId,
  findTestCountyWithoutGrant,
  findTestRoundId,
} from "@/db/testing/press";
import { loadPressContext, type PressContext, type PressTarget } from "./context";
import { PRESS_FILTERS } from "./filters";
import { PRESS_TEMPLATE_KEYS, shippedTemplateSource, type PressTemplateKey } from "./templates";

/*
 * Each shipped template rendered in-process with a plain liquidjs engine (the sandboxed worker is another module's
 * concern) against the demo database, asserting the seeds' fact-bearing sentences word for word
 * (../shared/seeds/press-release-*.txt).
 */

const ALL = { kind: "all" } as const;
let db: Db;

const roundId = (ordinal: number) => findTestRoundId(db, "HJ", ordinal);
const applicationOf = (ordinal: number, lead: string) => findTestApplicationId(db, roundId(ordinal), lead);

function context(target: PressTarget): PressContext {
  const c = loadPressContext(db, target, ALL);
  if (!c) throw new Error("no context");
  return c;
}

function render(key: PressTemplateKey, target: PressTarget): string {
  // Strict, as the sandboxed renderer will be: an unknown filter or variable fails the test instead of printing "".
  const liquid = new Liquid({ strictFilters: true, strictVariables: true });
  for (const f of PRESS_FILTERS) liquid.registerFilter(f.name, f.apply);
  return liquid.parseAndRenderSync(shippedTemplateSource(key), context(target));
}

/** The sentences of a text, so a test can ask for one exactly, whatever the paragraphs around it. */
function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9–[])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
});

describe("the shipped templates", () => {
  it("are the three keys, and each parses", () => {
    expect(PRESS_TEMPLATE_KEYS).toEqual(["round", "county", "recipient"]);
    for (const key of PRESS_TEMPLATE_KEYS) expect(() => new Liquid().parse(shippedTemplateSource(key))).not.toThrow();
  });
});

describe("round: the national announcement of the fifth round (press-release-round-national.txt)", () => {
  it("states the round's sum, count, ordinal and last round, and the programme's total, as the seed does", () => {
    const text = render("round", { kind: "round", roundId: roundId(5) });
    const lines = text.split("\n");
    expect(lines[0]).toBe("27,5 miljoner till jämställdhet");
    const all = sentences(text);
    expect(all).toContain("21 kommuner och landsting får pengar via SKL för att arbeta med jämställdhetsintegrering.");
    expect(all).toContain(
      "Program för Hållbar jämställdhet är den största svenska satsningen i sitt slag, och det är femte och sista gången Sveriges Kommuner och Landsting fördelar de jämställdhetspengar som regeringen anslagit.",
    );
    expect(all).toContain("Totalt har 162 miljoner fördelats till utvecklingsarbeten i kommuner, landsting/regioner, förbund och företag.");
    expect(all).toContain("Satsningen ska leda till likvärdig service för kvinnor och män, flickor och pojkar.");
    expect(text).toContain("Hela listan på projekt som fått pengar: /beviljade/" + roundId(5));
  });

  it("says only the ordinal for a round that is not the last", () => {
    const text = render("round", { kind: "round", roundId: roundId(4) });
    expect(text.split("\n")[0]).toBe("29 miljoner till jämställdhet");
    expect(text).toContain("och det är fjärde gången Sveriges Kommuner och Landsting fördelar");
    expect(text).toContain("17 kommuner och landsting får pengar via SKL");
  });
});

describe("county: the recipients in one county (press-release-vasterbotten.txt)", () => {
  it("two recipients, Umeå and Lycksele in the fourth round, in the seed's words", () => {
    const target: PressTarget = {
      kind: "county",
      roundId: roundId(4),
      countyCode: "24",
      applicationIds: [applicationOf(4, "Umeå kommun"), applicationOf(4, "Lycksele kommun")],
    };
    const text = render("county", target);
    expect(text.split("\n")[0]).toBe("Mer pengar till jämställdhet i Västerbotten");
    const all = sentences(text);
    expect(all).toContain("Det vill Program för Hållbar jämställdhet göra någonting åt.");
    expect(all).toContain(
      "Sveriges Kommuner och Landsting (SKL) har beslutat att bevilja 1,7 respektive 1,2 miljoner kronor till Umeå kommun och Lycksele kommun för att de ska kunna fortsätta sitt långsiktiga jämställdhetsarbete.",
    );
    expect(all).toContain(
      "Umeå och Lycksele är två av de 17 kommuner, landsting, regioner, regionförbund, företag och samverkansorgan som får fortsatta pengar för att säkra en hållbar jämställdhet i sina verksamheter.",
    );
    expect(all).toContain(
      "Den har beviljat SKL totalt 225 miljoner kronor för att stödja kommuner och landsting i arbetet med långsiktig jämställdhetsintegrering.",
    );
    expect(text).toContain("Kontaktpersoner:\nUmeå kommun, Helene Brewer, tfn: 090-16 19 15\nLycksele kommun, Marie Öhlund, tfn: 0950-164 22\n");
    expect(text).toContain(
      "För mer information: Henning Brüllhoff, informatör på avdelningen för vård och omsorg, tfn: 08-452 74 23, henning.brullhoff@skl.se",
    );
    expect(text).toContain("Umeå kommun: ”Jämställdhetsperspektivet i styr- och ledningssystem”. En fördjupning av jämställdhetsperspektivet");
  });

  it("one recipient alone: singular throughout", () => {
    const text = render("county", {
      kind: "county",
      roundId: roundId(4),
      countyCode: "24",
      applicationIds: [applicationOf(4, "Lycksele kommun")],
    });
    const all = sentences(text);
    expect(all).toContain(
      "Sveriges Kommuner och Landsting (SKL) har beslutat att bevilja 1,2 miljoner kronor till Lycksele kommun för att den ska kunna fortsätta sitt långsiktiga jämställdhetsarbete.",
    );
    expect(all).toContain(
      "Lycksele är en av de 17 kommuner, landsting, regioner, regionförbund, företag och samverkansorgan som får fortsatta pengar för att säkra en hållbar jämställdhet i sina verksamheter.",
    );
  });

  it("three recipients, Västra Götaland in the fifth round, largest grant first", () => {
    const text = render("county", { kind: "county", roundId: roundId(5), countyCode: "14" });
    expect(text.split("\n")[0]).toBe("Mer pengar till jämställdhet i Västra Götaland");
    expect(sentences(text)).toContain(
      "Sveriges Kommuner och Landsting (SKL) har beslutat att bevilja 1,6, 1,5 respektive 1,2 miljoner kronor till Göteborgs Stad, Västra Götalandsregionen och Borås Stad för att de ska kunna fortsätta sitt långsiktiga jämställdhetsarbete.",
    );
    expect(text).toContain("Göteborg, Västra Götaland och Borås är tre av de 21 ");
  });

  it("a joint application is one recipient named by all its organisations", () => {
    const text = render("county", { kind: "county", roundId: roundId(5), countyCode: "05" });
    const all = sentences(text);
    expect(all).toContain(
      "Sveriges Kommuner och Landsting (SKL) har beslutat att bevilja 1,6 miljoner kronor till Regionförbundet Östsam och Linköpings kommun för att de ska kunna fortsätta sitt långsiktiga jämställdhetsarbete.",
    );
    expect(text).toContain("Östsam och Linköping är en av de 21 ");
  });
});

describe("recipient: one recipient's release with room for quotes (press-release-boras.txt)", () => {
  it("Borås Stad in the fifth round, in the seed's words", () => {
    const text = render("recipient", { kind: "recipient", applicationId: applicationOf(5, "Borås Stad") });
    expect(text.split("\n")[0]).toBe("1,2 miljoner till jämställdhetsarbete i Borås");
    const all = sentences(text);
    expect(text).toContain("Sveriges Kommuner och Landsting (SKL) har gett Borås Stad 1,2 miljoner kronor för projektet");
    expect(all).toContain("SKL har gett utvecklingsmedel till 21 av de 45 projektansökningar som kommit in från hela Sverige.");
    expect(all).toContain("Totalt har 27,5 miljoner kronor delats ut.");
    expect(text).toContain("Carola Samuelsson, jämställdhetssamordnare, Borås Stad, tel 0768-88 58 18");
    expect(text).toContain("säger Carola Samuelsson, jämställdhetssamordnare i Borås Stad.");
    // Where the seed has quotes no data holds, the writer finds a marked place.
    expect(text).toContain("– [CITAT:");
  });

  it("a joint application: one recipient, singular, every organisation named", () => {
    const text = render("recipient", { kind: "recipient", applicationId: applicationOf(5, "Regionförbundet Östsam") });
    expect(text).toContain(
      "Regionförbundet Östsam och Linköpings kommun är en av de 21 kommuner, landsting, regioner och regionförbund som får pengar i femte omgången.",
    );
    expect(text).toContain("har gett Regionförbundet Östsam och Linköpings kommun 1,6 miljoner kronor");
  });
});

describe("the templates on facts the demo does not have", () => {
  const base = (): PressContext => {
    const c = context({ kind: "county", roundId: roundId(4), countyCode: "24", applicationIds: [applicationOf(4, "Lycksele kommun")] });
    return {
      ...c,
      round: { ...c.round, ordinal: 1, is_last: false },
      recipients: c.recipients.map((r) => ({ ...r, contact: { name: "", title: "", phone: "", email: "" } })),
    };
  };
  const renderWith = (key: PressTemplateKey, scope: PressContext) => {
    const liquid = new Liquid({ strictFilters: true, strictVariables: true });
    for (const f of PRESS_FILTERS) liquid.registerFilter(f.name, f.apply);
    return liquid.parseAndRenderSync(shippedTemplateSource(key), scope);
  };

  it("a first round says pengar, not mer or fortsatta pengar", () => {
    const text = renderWith("county", base());
    expect(text.split("\n")[0]).toBe("Pengar till jämställdhet i Västerbotten");
    expect(text).toContain("för att den ska kunna utveckla sitt långsiktiga jämställdhetsarbete.");
    expect(text).toContain("som får pengar för att säkra");
    expect(text).not.toContain("fortsatta");
  });

  it("a recipient without a contact person gets a marked place for one, never a dangling comma", () => {
    const text = renderWith("recipient", base());
    expect(text).toContain("säger [NAMN, TITEL].");
    expect(text).toContain("[KONTAKT: namn, titel, Lycksele kommun, telefon]");
    expect(text).not.toMatch(/säger ,|, ,|tel\s*$/m);
    expect(renderWith("county", base())).not.toContain("Lycksele kommun, , tfn");
  });

  it("the national release renders for a scope with no recipient (a reader who may see none)", () => {
    const text = renderWith("round", { ...base(), recipients: [] });
    expect(text).toMatch(/Totalt har [\d,]+ miljoner fördelats/);
    expect(text).not.toContain("[EXEMPEL");
  });

  it("a county with no grant in the round says so instead of an empty sentence", () => {
    const empty = findTestCountyWithoutGrant(db, roundId(5));
    const text = render("county", { kind: "county", roundId: roundId(5), countyCode: empty.code });
    expect(text.trim()).toBe(
      `[INGA MOTTAGARE: ingen beviljad ansökan i ${empty.name} i femte omgången. Välj ett annat län eller en annan omgång.]`,
    );
  });
});
