import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getPressTemplateByKey, listPreviewGrants } from "@/db/queries/press-templates";
import { seedDemo } from "@/db/seed/demo";
import { freshTestDb } from "@/db/testing";
import { findTestApplicationId, findTestOrganisationId, findTestRoundId } from "@/db/testing/press";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { stopRenderWorker } from "./render";
import { PREVIEW_NO_DATA_MESSAGE, previewTemplate, previewText } from "./template-preview";

const ALL = { kind: "all" } as const;
let db: Db;
let fifth: number;

beforeAll(async () => {
  db = freshTestDb().db;
  await seedDemo(db);
  fifth = findTestRoundId(db, "HJ", 5);
});
afterAll(async () => {
  await stopRenderWorker();
});

function templateId(key: string): number {
  const template = getPressTemplateByKey(db, key);
  if (!template) throw new Error(key);
  return template.id;
}

describe("previewTemplate", () => {
  it("fills the unsaved source in with the chosen round's real figures", async () => {
    const result = await previewTemplate(db, ALL, { templateId: templateId("round"), source: "{{ round.approved | i_ord }} av {{ round.received }}", roundId: fifth });
    expect(result).toEqual({ ok: true, text: "21 av 45" });
  });

  it("renders the shipped county template for a county, and the recipient template for one grant", async () => {
    const county = await previewTemplate(db, ALL, {
      templateId: templateId("county"),
      source: getPressTemplateByKey(db, "county")!.source,
      roundId: fifth,
      countyCode: "14",
    });
    expect(county.ok).toBe(true);
    const boras = findTestApplicationId(db, fifth, "Borås Stad");
    const recipient = await previewTemplate(db, ALL, {
      templateId: templateId("recipient"),
      source: "{{ recipients.first.name }} får {{ recipients.first.amount | belopp }}.",
      roundId: fifth,
      applicationId: String(boras),
    });
    expect(recipient).toMatchObject({ ok: true, text: expect.stringMatching(/^Borås Stad får .+ kronor\.$/) });
  });

  it("shows an unknown variable with its line, column and the nearest name, as a save would refuse it", async () => {
    const result = await previewTemplate(db, ALL, { templateId: templateId("round"), source: "Rubrik\n{{ round.aproved }}", roundId: fifth });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: "Okänd variabel round.aproved på rad 2, kolumn 4. Menade du round.approved?", line: 2, column: 4 })],
    });
  });

  it("stops a template that loops for ever, with a Swedish message, within the render's limit", async () => {
    const started = Date.now();
    const result = await previewTemplate(db, ALL, {
      templateId: templateId("round"),
      source: "{% for i in (1..100000000) %}{% for j in (1..100000000) %}{% endfor %}{% endfor %}",
      roundId: fifth,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(["timeout", "too-long"]).toContain(result.errors[0]?.kind);
      expect(result.errors[0]?.message).toMatch(/Kontrollera slingorna i mallen\.$/);
    }
  });

  it("stops a long-running loop by the clock: the timeout message, within about a second", async () => {
    const started = Date.now();
    const result = await previewTemplate(db, ALL, {
      templateId: templateId("round"),
      source: "{% for i in (1..9000) %}{% for j in (1..900) %}{% assign x = j %}{% endfor %}{% endfor %}",
      roundId: fifth,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result).toEqual({
      ok: false,
      errors: [{ kind: "timeout", message: "Mallen tar för lång tid att fylla i och stoppades. Kontrollera slingorna i mallen." }],
    });
  });

  it("stops a template that writes megabytes, with a Swedish message", async () => {
    const result = await previewTemplate(db, ALL, {
      templateId: templateId("round"),
      source: "{% for i in (1..5000) %}{{ sender.boilerplate }}{% endfor %}",
      roundId: fifth,
    });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ kind: "too-long" })] });
    if (!result.ok) expect(result.errors[0]?.message).toBe("Texten blir för lång: högst 200\u00a0000 tecken. Kontrollera slingorna i mallen.");
  });

  it("asks for a county or a recipient the template needs, and says when the choice has no data", async () => {
    const county = await previewTemplate(db, ALL, { templateId: templateId("county"), source: "x", roundId: fifth, countyCode: "" });
    expect(county).toEqual({ ok: false, errors: [{ kind: "render", message: "Välj ett län." }] });
    const none = await previewTemplate(db, { kind: "none" }, { templateId: templateId("recipient"), source: "x", roundId: fifth, applicationId: "1" });
    expect(none).toEqual({ ok: false, errors: [{ kind: "render", message: PREVIEW_NO_DATA_MESSAGE }] });
    expect(translateValidationMessage(PREVIEW_NO_DATA_MESSAGE, "en")).not.toBe(PREVIEW_NO_DATA_MESSAGE);
  });

  it("shows escaped values as the characters they stand for (the editor prints text, never markup)", () => {
    expect(previewText("A &amp; B &lt;script&gt; &#34;x&#39; &amp;lt;")).toBe("A & B <script> \"x' &lt;");
  });
});

describe("listPreviewGrants", () => {
  it("lists granted applications with all their organisations, in the actor's scope only", () => {
    const all = listPreviewGrants(db, ALL);
    expect(all.length).toBeGreaterThan(20);
    const joint = all.find((g) => g.organisations[0] === "Regionförbundet Östsam");
    expect(joint?.organisations).toEqual(["Regionförbundet Östsam", "Linköpings kommun"]);
    const boras = findTestOrganisationId(db, "Borås Stad");
    const own = listPreviewGrants(db, { kind: "organisation", organisationId: boras });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((g) => g.organisations.includes("Borås Stad"))).toBe(true);
    expect(listPreviewGrants(db, { kind: "none" })).toEqual([]);
  });
});
