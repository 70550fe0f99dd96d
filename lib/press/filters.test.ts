import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { PRESS_FILTERS, PressFilterError } from "./filters";

function engine(): Liquid {
  const liquid = new Liquid();
  for (const filter of PRESS_FILTERS) liquid.registerFilter(filter.name, filter.apply);
  return liquid;
}

const render = (source: string, scope: Record<string, unknown> = {}) => engine().parseAndRenderSync(source, scope);
const filter = (name: string) => PRESS_FILTERS.find((f) => f.name === name)!;

describe("press filters against the seeds' phrases", () => {
  it("amounts: 1,8 miljoner kronor, 27,5 miljoner, 750 000 kronor, 1,2 miljoner kronor, 225 miljoner kronor", () => {
    expect(render("{{ 1800000 | belopp }}")).toBe("1,8 miljoner kronor");
    expect(render("{{ 27500000 | miljoner }} till jämställdhet")).toBe("27,5 miljoner till jämställdhet");
    // Published text keeps digit groups together (U+00A0), as the release checks ask.
    expect(render("{{ 750000 | belopp }}")).toBe("750\u00a0000 kronor");
    expect(render("{{ 10000000000 | miljoner }}")).toBe("10\u00a0000 miljoner");
    expect(render("har gett Borås Stad {{ 1200000 | belopp }}")).toBe("har gett Borås Stad 1,2 miljoner kronor");
    expect(render("totalt {{ 225000000 | belopp }}")).toBe("totalt 225 miljoner kronor");
    expect(render("Totalt har {{ 162000000 | miljoner }} fördelats")).toBe("Totalt har 162 miljoner fördelats");
    expect(render("{{ 1200000 | kronor }}")).toBe("1\u00a0200\u00a0000 kronor");
  });

  it("respektive: two amounts, three, and amounts that cannot share the unit", () => {
    const scope = { r: [{ amount: 1_700_000 }, { amount: 1_200_000 }] };
    expect(render('bevilja {{ r | map: "amount" | respektive }} till', scope)).toBe(
      "bevilja 1,7 respektive 1,2 miljoner kronor till",
    );
    expect(render("{{ a | respektive }}", { a: [1_600_000, 1_500_000, 1_200_000] })).toBe(
      "1,6, 1,5 respektive 1,2 miljoner kronor",
    );
    expect(render("{{ a | respektive }}", { a: [1_700_000, 750_000] })).toBe("1,7 miljoner kronor respektive 750\u00a0000 kronor");
    expect(render('{{ a | respektive: "utan_kronor" }}', { a: [1_700_000, 1_200_000] })).toBe("1,7 respektive 1,2 miljoner");
  });

  it("lists: A, B och C", () => {
    expect(render("{{ n | lista }}", { n: ["Umeå kommun", "Lycksele kommun"] })).toBe("Umeå kommun och Lycksele kommun");
    expect(render("{{ n | lista }}", { n: ["Mark", "Vårgårda", "Tranemo", "Bollebygd"] })).toBe(
      "Mark, Vårgårda, Tranemo och Bollebygd",
    );
  });

  it("counts in words with gender: en av de 17, två av de 17, ett av de 12 landsting som", () => {
    expect(render('{{ 1 | andel_av: 17, "kommuner" }}')).toBe("en av de 17 kommuner");
    expect(render("Umeå och Lycksele är {{ 2 | andel_av: 17, kinds }} som", { kinds: ["kommuner", "landsting", "regioner", "regionförbund", "företag", "samverkansorgan"] })).toBe(
      "Umeå och Lycksele är två av de 17 kommuner, landsting, regioner, regionförbund, företag och samverkansorgan som",
    );
    expect(render('{{ 1 | andel_av: 12, "landsting", "ett" }} som')).toBe("ett av de 12 landsting som");
    expect(render('{{ 21 | andel_av: 45, "projektansökningar" }}')).toBe("21 av de 45 projektansökningar");
    expect(render('{{ 2 | i_ord }} och {{ 1 | i_ord: "ett" }} och {{ 17 | i_ord }}')).toBe("två och ett och 17");
    expect(render("{{ 10000 | i_ord }}")).toBe("10\u00a0000");
    expect(render('{{ 2 | andel_av: 17, "kommuner" | versal }}')).toBe("Två av de 17 kommuner");
  });

  it("ordinals, dates and county short names: femte, 23 november 2026, i Västerbotten", () => {
    expect(render("det är {{ 5 | ordningstal }} och sista gången")).toBe("det är femte och sista gången");
    expect(render('{{ "2026-11-23" | datum }}')).toBe("23 november 2026");
    expect(render('i {{ "Västerbottens län" | lan_kort }}')).toBe("i Västerbotten");
    expect(render("i {{ county | lan_kort }}", { county: { name: "Västerbottens län", short_name: "Västerbotten" } })).toBe(
      "i Västerbotten",
    );
  });

  it("every filter's example in the editor renders as it says", () => {
    const scope = { recipients: [{ amount: 1_700_000, name: "Umeå kommun" }, { amount: 1_200_000, name: "Lycksele kommun" }], round: { ordinal: 5 } };
    for (const f of PRESS_FILTERS) {
      for (const pair of f.example.split("; ")) {
        const [source, expected] = pair.split(" → ");
        // The editor shows ordinary spaces; the output has no-break ones in digit groups.
        expect(render(source!, scope), `${f.name}: ${pair}`).toBe(expected!.replace(/(\d) (?=\d{3}\b)/g, "$1\u00a0"));
      }
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it("a value a filter cannot use is a Swedish error naming the filter, never NaN", () => {
    expect(() => filter("belopp").apply("mycket")).toThrow(PressFilterError);
    expect(() => filter("belopp").apply("mycket")).toThrow('Filtret belopp: väntar sig ett belopp i kronor (ett heltal, 0 eller mer), fick texten "mycket".');
    expect(() => filter("andel_av").apply(3, 2, "kommuner")).toThrow("Filtret andel_av: 3 är fler än de 2 det är en del av.");
    expect(() => filter("i_ord").apply(2, "ettt")).toThrow('genus skrivs "en" eller "ett"');
    expect(() => filter("lista").apply("Umeå")).toThrow("Filtret lista: väntar sig en lista");
    expect(() => filter("ordningstal").apply(0)).toThrow("Filtret ordningstal");
    expect(filter("belopp").apply("1200000")).toBe("1,2 miljoner kronor");
  });
});
