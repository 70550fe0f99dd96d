import { describe, expect, it } from "vitest";
import { validateTemplate } from "./validate";

const KNOWN = [
  "programme.name",
  "round.ordinal",
  "round.approved",
  "round.received",
  "round.granted",
  "recipients[].amount",
  "recipients[].project",
  "recipients[].organisation.name",
  "recipients[].organisations[].name",
  "recipients[].county.shortName",
];

describe("validateTemplate", () => {
  it("accepts a template that reads known variables, loop variables, assign, capture and forloop", () => {
    const source = [
      "{% assign total = round.granted %}{% capture rubrik %}{{ programme.name }}{% endcapture %}",
      "{{ rubrik }}: {{ round.approved }} av {{ round.received }}, {{ total | kronor }}.",
      "{% for r in recipients %}{{ forloop.index }}. {{ r.organisation.name }} i {{ r.county.shortName }}: {{ r.amount | kronor }}",
      "{% for o in r.organisations %}{{ o.name }}{% unless forloop.last %} och {% endunless %}{% endfor %}{% endfor %}",
      "{{ recipients.size }} {{ recipients.first.amount }} {{ recipients[0].project }}",
      "{% for i in (1..3) %}{{ i }}{% endfor %}{% if round.approved > 1 %}flera{% endif %}",
    ].join("\n");
    expect(validateTemplate(source, KNOWN)).toEqual({ ok: true });
  });

  it("refuses a template that does not parse, with the line and the column", () => {
    expect(validateTemplate("Rubrik\n\nText {% for r in recipients %}{{ r.amount }}", KNOWN)).toEqual({
      ok: false,
      errors: [{ kind: "parse", message: "Taggen {% for r in recipients %} avslutas aldrig på rad 3, kolumn 6.", line: 3, column: 6 }],
    });
  });

  it("refuses an unknown variable with its line, its column and the nearest known name", () => {
    const source = "Rubrik\n\n{{ round.ordinal }} {{ round.aproved }}";
    expect(validateTemplate(source, KNOWN)).toEqual({
      ok: false,
      errors: [
        {
          kind: "unknown-variable",
          message: "Okänd variabel round.aproved på rad 3, kolumn 24. Menade du round.approved?",
          line: 3,
          column: 24,
          suggestion: "round.approved",
        },
      ],
    });
  });

  it("refuses an unknown property of a loop variable, suggested in the loop's own words", () => {
    const source = "{% for r in recipients %}\n{{ r.amuont }}{% for o in r.organisations %}{{ o.nam }}{% endfor %}{% endfor %}";
    const result = validateTemplate(source, KNOWN);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ kind: "unknown-variable", message: "Okänd variabel r.amuont på rad 2, kolumn 4. Menade du r.amount?", suggestion: "r.amount" }),
        expect.objectContaining({ kind: "unknown-variable", message: "Okänd variabel o.nam på rad 2, kolumn 48. Menade du o.name?", suggestion: "o.name" }),
      ],
    });
  });

  it("refuses an unknown root, an unknown forloop property and a loop over an unknown list", () => {
    const result = validateTemplate("{{ process.env.SECRET }}{% for r in recipient %}{{ forloop.indx }}{% endfor %}", KNOWN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.message, e.suggestion])).toEqual([
      ["Okänd variabel process.env.SECRET på rad 1, kolumn 4.", undefined],
      ["Okänd variabel recipient på rad 1, kolumn 37. Menade du recipients?", "recipients"],
      ["Okänd variabel forloop.indx på rad 1, kolumn 52. Menade du forloop.index?", "forloop.index"],
    ]);
  });

  it("refuses an unknown filter with the nearest press filter", () => {
    expect(validateTemplate("Summa:\n{{ round.granted | kronr }}", KNOWN)).toEqual({
      ok: false,
      errors: [{ kind: "unknown-filter", message: "Okänt filter kronr på rad 2, kolumn 1. Menade du kronor?", line: 2, column: 1, suggestion: "kronor" }],
    });
  });

  it("refuses include, render and layout of files on save", () => {
    const result = validateTemplate("{{ round.ordinal }}\n{% include 'secrets.txt' %}", KNOWN);
    expect(result).toMatchObject({ ok: false, errors: [{ kind: "parse", line: 2, column: 1 }] });
    if (!result.ok) expect(result.errors[0]?.message).toBe("Taggen include är inte tillåten: en pressmall kan inte läsa in andra mallar eller filer på rad 2, kolumn 1.");
  });
});
