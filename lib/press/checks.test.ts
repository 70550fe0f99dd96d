import { Liquid } from "liquidjs";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import en from "@/lib/i18n/messages/en/press-checks.json";
import sv from "@/lib/i18n/messages/sv/press-checks.json";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { findTestApplicationId, findTestRoundId } from "@/db/testing/press";
import { checkRelease, MAX_WARNINGS, PRESS_CHECK_RULES, type CheckableRelease, type ReleaseWarning } from "./checks";
import { loadPressContext, type PressTarget } from "./context";
import { releaseContentFromRendered } from "./document";
import { renderShippedForTest, type RenderedShipped } from "./document-testing";
import { PRESS_FILTERS } from "./filters";
import { shippedTemplateSource, type PressTemplateKey } from "./templates";

/* Each rule once where it warns and once where it does not, with the line and column it points at. */

const ALL = { kind: "all" } as const;
const EMPTY: CheckableRelease = { headline: "", ingress: "", body: "", quotes: [], contacts: "", boilerplate: "" };
const check = (fields: Partial<CheckableRelease>) => checkRelease({ ...EMPTY, ...fields });
const rulesOf = (w: ReleaseWarning[]) => w.map((x) => x.rule);
const brief = (w: ReleaseWarning[]) => w.map(({ field, index, line, column, rule, excerpt }) => ({ field, index, line, column, rule, excerpt }));

describe("quotes open with a dash and a space", () => {
  it("warns at a body quote that opens with a hyphen, an em dash, or an en dash with no space", () => {
    const body = "Ett stycke.\n\n- Vi är glada, säger Anna Ek.\n\n—Vi är glada, säger Anna Ek.\n\n–Vi också, säger Ulf.";
    expect(brief(check({ body }))).toEqual([
      { field: "body", index: undefined, line: 3, column: 1, rule: "quoteDash", excerpt: "- Vi är" },
      { field: "body", index: undefined, line: 5, column: 1, rule: "quoteDash", excerpt: "—Vi är glada," },
      { field: "body", index: undefined, line: 7, column: 1, rule: "quoteDash", excerpt: "–Vi också, säger" },
    ]);
  });

  it("does not warn at \"– Vi …\", nor at a hyphen that starts a paragraph that is no quote", () => {
    expect(check({ body: "– Vi är glada, säger Anna Ek.\n\n- en punkt i en lista" })).toEqual([]);
  });

  it("warns when a quote field's own text starts with a dash (the layout adds it), naming the quote", () => {
    expect(brief(check({ quotes: [{ text: "Bra." }, { text: "– Vi är glada" }] }))).toEqual([
      { field: "quotes", index: 1, line: 1, column: 1, rule: "quoteFieldDash", excerpt: "– Vi är" },
    ]);
    expect(check({ quotes: [{ text: "Vi är glada" }] })).toEqual([]);
  });
});

describe("grouped numbers use no-break spaces", () => {
  it("warns at 1 200 000 written with ordinary spaces, at its column", () => {
    expect(brief(check({ ingress: "Rad ett.\nDe får 1 200 000 kronor." }))).toEqual([
      { field: "ingress", index: undefined, line: 2, column: 8, rule: "groupedNumber", excerpt: "1 200 000" },
    ]);
  });

  it("does not warn with U+00A0 or U+202F, nor at phone numbers and postcodes", () => {
    expect(check({ ingress: "De får 1\u00a0200\u00a0000 kronor och 750\u202f000 kronor." })).toEqual([]);
    expect(check({ contacts: "Anna Ek, tfn: 070-174 06 06\nHenning, tfn: 08-452 74 23\nKungsgatan 55, 501 80 Borås" })).toEqual([]);
  });

  it("does not warn in the headline, a single-line field that keeps no no-break space (the exports join its groups)", () => {
    expect(check({ headline: "750 000 kronor till Borås" })).toEqual([]);
  });

  it("warns in contacts too, outside the phone numbers", () => {
    expect(brief(check({ contacts: "Anna, tfn: 090-16 19 15\nBorås har 114 000 invånare" }))).toEqual([
      { field: "contacts", index: undefined, line: 2, column: 11, rule: "groupedNumber", excerpt: "114 000" },
    ]);
  });
});

describe("\"respektive\" has as many amounts as names", () => {
  it("does not warn at the seed's sentence: two amounts, two names", () => {
    expect(
      check({
        ingress:
          "SKL har beslutat att bevilja 1,7 respektive 1,2 miljoner kronor till Umeå kommun och Lycksele kommun för att de ska kunna fortsätta.",
      }),
    ).toEqual([]);
    expect(check({ body: "Det gäller 2,4, 1,7, 1,6 respektive 1,2 miljoner kronor till A, B, C och D." })).toEqual([]);
    // The Västerbotten seed wraps its lines by hand, in the middle of a name.
    expect(check({ ingress: "SKL har beslutat att bevilja 1,7 respektive 1,2 miljoner kronor till Umeå\nkommun och Lycksele kommun för att de ska kunna fortsätta." })).toEqual([]);
  });

  it("warns at two amounts and three names, with both counts", () => {
    const warnings = check({ body: "Här.\nSKL ger 1,7 respektive 1,2 miljoner kronor till Umeå kommun, Lycksele kommun och Skellefteå kommun." });
    expect(brief(warnings)).toEqual([
      {
        field: "body",
        index: undefined,
        line: 2,
        column: 9,
        rule: "respektive",
        excerpt: "1,7 respektive 1,2 miljoner kronor till Umeå kommun, Lycksele kommun och Skellefteå kommun",
      },
    ]);
    expect(warnings[0]!.params).toMatchObject({ amounts: 2, names: 3 });
  });

  it("reads a joint application as one recipient named by all its organisations", () => {
    const joint = "Sjuhärads kommunalförbund, Borås Stad, Marks kommun och Bollebygds kommun";
    expect(check({ ingress: `SKL beviljar 2,8 respektive 1,1 miljoner kronor till ${joint} och Västtrafik AB för att de ska kunna fortsätta.` })).toEqual([]);
    // Four "och" need three joint recipients, and there are two amounts: however the names group, they do not match.
    expect(rulesOf(check({ ingress: "SKL beviljar 2,8 respektive 1,1 miljoner kronor till A och B och C och D och E." }))).toEqual(["respektive"]);
    expect(rulesOf(check({ ingress: "SKL beviljar 2,8, 1,5 respektive 1,1 miljoner kronor till Umeå kommun och Lycksele kommun." }))).toEqual(["respektive"]);
  });

  it("does not read \"respektive\" without amounts", () => {
    expect(check({ body: "Kvinnor respektive män får service." })).toEqual([]);
  });
});

describe("small numbers are words outside amounts", () => {
  it("warns at one to twelve written as digits", () => {
    expect(brief(check({ body: "Projektet prövas i 3 stadsdelar.\nDet tar 12 veckor och 13 personer." }))).toEqual([
      { field: "body", index: undefined, line: 1, column: 20, rule: "smallNumber", excerpt: "3" },
      { field: "body", index: undefined, line: 2, column: 9, rule: "smallNumber", excerpt: "12" },
    ]);
  });

  it("does not warn in amounts, dates, times, phone numbers, percentages, ordinals, section numbers", () => {
    const body = [
      "De får 2 miljoner kronor, 5 respektive 3 mnkr och 7 kr.",
      "Beslutet fattades 1 december 2026 kl. 10.00, eller kl. 9.",
      "Ring 070-174 06 06 eller 08-452 74 23.",
      "Andelen är 8 procent och 9 %.",
      "Det är den 5:e omgången enligt 4 § och kap. 3, vecka 7.",
      "Se /beviljade/2 och 2013-05-23, och 1,5 år.",
    ].join("\n");
    expect(check({ body })).toEqual([]);
  });
});

describe("no sentence starts with a digit", () => {
  it("warns at the start of a field, after a full stop, and inside a quote after its dash", () => {
    expect(brief(check({ ingress: "21 kommuner får pengar. 17 av dem är nya.", body: "– 45 ansökningar kom in, säger Anna." }))).toEqual([
      { field: "ingress", index: undefined, line: 1, column: 1, rule: "sentenceDigit", excerpt: "21 kommuner" },
      { field: "ingress", index: undefined, line: 1, column: 25, rule: "sentenceDigit", excerpt: "17 av" },
      { field: "body", index: undefined, line: 1, column: 3, rule: "sentenceDigit", excerpt: "45 ansökningar" },
    ]);
  });

  it("does not warn after an abbreviation, in the middle of a sentence, or in a headline", () => {
    expect(check({ headline: "27,5 miljoner till jämställdhet", ingress: "Mötet börjar kl. 10.00 och 21 kommuner kommer, t.ex. 14 stycken." })).toEqual(
      [],
    );
  });
});

describe("\"mnkr\" or \"miljoner kronor\", not \"mkr\"", () => {
  it("warns at mkr, in any case, at its column", () => {
    expect(brief(check({ headline: "Rad", body: "Totalt 27,5 mkr.\nOch 3 MKR." }))).toEqual([
      { field: "body", index: undefined, line: 1, column: 13, rule: "mkr", excerpt: "mkr" },
      { field: "body", index: undefined, line: 2, column: 7, rule: "mkr", excerpt: "MKR" },
    ]);
  });

  it("does not warn at mnkr, miljoner kronor, or a word that holds the letters", () => {
    expect(check({ body: "Totalt 27,5 mnkr och 1,2 miljoner kronor till Smkrona." })).toEqual([]);
  });
});

describe("the rules and their messages", () => {
  it("every rule has a Swedish and an English message that uses {excerpt}", () => {
    for (const rule of PRESS_CHECK_RULES) {
      expect(sv.pressChecks[rule], rule).toContain("{excerpt}");
      expect(en.pressChecks[rule], rule).toContain("{excerpt}");
    }
    expect(Object.keys(sv.pressChecks).sort()).toEqual([...PRESS_CHECK_RULES].sort());
  });

  it("every message formats with a warning's params, in both languages", () => {
    const warnings = check({
      headline: "R",
      ingress: "3 kommuner får 1 200 000 kronor, 2 mkr.",
      body: "-Vi, säger A.\n\nDe får 1,7 respektive 1,2 miljoner kronor till A, B och C.",
      quotes: [{ text: "– Ja" }],
    });
    expect(new Set(warnings.map((w) => w.rule))).toEqual(new Set(PRESS_CHECK_RULES));
    for (const w of warnings) {
      for (const [locale, messages] of [["sv", sv], ["en", en]] as const) {
        const t = createTranslator({ locale, messages, namespace: "pressChecks" });
        const text = t(w.rule, w.params);
        expect(text, `${locale} ${w.rule}`).toContain(w.excerpt);
        expect(text).not.toMatch(/[{}]/);
      }
    }
  });

  it("still finds respektive after a long run of spaces (read from the run's start only)", () => {
    expect(rulesOf(check({ body: `SKL ger 1,7${" ".repeat(50)}respektive 1,2 miljoner kronor till A, B och C.` }))).toEqual(["respektive"]);
  });

  it("gives at most MAX_WARNINGS, however many the text would have", () => {
    const warnings = check({ body: "Det är 3 st. ".repeat(2_500) });
    expect(warnings).toHaveLength(MAX_WARNINGS);
    expect(warnings.at(-1)).toMatchObject({ field: "body", line: 1 });
  });

  it("never throws, whatever the text", () => {
    const odd = "\u0000–\n\n—\n\n-\n\n1\u00a0\n\n respektive \n\n. . 1";
    expect(() => check({ headline: odd, ingress: odd, body: odd, quotes: [{ text: odd }], contacts: odd, boilerplate: odd })).not.toThrow();
  });
});

describe("the shipped templates rendered with the demo data", () => {
  let shipped: RenderedShipped;
  let db: Db;
  beforeAll(async () => {
    db = freshTestDb().db;
    await seedDemo(db);
    shipped = renderShippedForTest(db);
  });
  const warningsOf = (key: keyof RenderedShipped) => brief(checkRelease(releaseContentFromRendered(shipped[key].text, shipped[key].context)));

  it("county: no warnings", () => {
    expect(warningsOf("county")).toEqual([]);
  });

  // One warning that is not the checks' fault: round.liquid opens its ingress with the count of approved recipients,
  // "21 kommuner och landsting får …" (i_ord writes numbers above twelve as digits), as SKL's own release did: a
  // sentence that starts with a digit, for the writer to rephrase. (The demo's Borås description once wrote "drygt
  // 10 000 anställda" with an ordinary space; this sweep found it, and the demo data now has the no-break space.)
  it("round: only the template's own sentence that opens with a digit", () => {
    expect(warningsOf("round")).toEqual([
      { field: "ingress", index: undefined, line: 1, column: 1, rule: "sentenceDigit", excerpt: "21 kommuner" },
    ]);
  });

  it("every county and every recipient of rounds 4 and 5: nothing but the round template's opening", () => {
    const liquid = new Liquid({ strictFilters: true, strictVariables: true });
    for (const f of PRESS_FILTERS) liquid.registerFilter(f.name, f.apply);
    const found: string[] = [];
    let releases = 0;
    for (const ordinal of [4, 5]) {
      const roundId = findTestRoundId(db, "HJ", ordinal);
      const round = loadPressContext(db, { kind: "round", roundId }, ALL)!;
      const targets: [PressTemplateKey, PressTarget][] = [
        ["round", { kind: "round", roundId }],
        ...[...new Set(round.recipients.map((r) => r.county!.code))].map((countyCode): [PressTemplateKey, PressTarget] => ["county", { kind: "county", roundId, countyCode }]),
        ...round.recipients.map((r): [PressTemplateKey, PressTarget] => [
          "recipient",
          { kind: "recipient", applicationId: findTestApplicationId(db, roundId, r.organisations[0]!.name) },
        ]),
      ];
      for (const [key, target] of targets) {
        const context = loadPressContext(db, target, ALL)!;
        const text = liquid.parseAndRenderSync(shippedTemplateSource(key), context);
        releases++;
        for (const w of checkRelease(releaseContentFromRendered(text, context))) found.push(`${ordinal} ${key} ${w.field} ${w.rule} ${w.excerpt}`);
      }
    }
    expect(releases).toBeGreaterThan(40);
    expect([...new Set(found)].sort()).toEqual([
      "4 round ingress sentenceDigit 17 kommuner",
      "5 round ingress sentenceDigit 21 kommuner",
    ]);
  });

  it("recipient: no warnings", () => {
    expect(warningsOf("recipient")).toEqual([]);
  });
});
