import type { Page } from "@playwright/test";
import { demoUser } from "@/db/seed/demo-users";
import { expect, test } from "./fixtures";

/*
 * The press template editor. The tests share one database with the rest of the suite: the journey that saves changes
 * the round template only by adding a line at its end and ends by restoring version 1, so a release generated from
 * it meanwhile still reads the shipped text; the test of runaway templates never saves. The preview is filled in
 * with the demo's fifth round, chosen by name (other tests add rounds of their own, which could come first).
 */

const FIFTH = "Femte omgången 2013";

const sourceField = (page: Page) => page.getByRole("textbox", { name: "Mallens text (Liquid)" });
const previewText = (page: Page) => page.getByRole("region", { name: "Förhandsvisningens text" });
const previewErrors = (page: Page) => page.getByRole("region", { name: "Fel i mallen" });
const announced = (page: Page) => page.getByRole("status").filter({ hasText: "Förhandsvisningen är uppdaterad" });

async function openRoundTemplate(page: Page, expectAccessible: (label?: string) => Promise<void>): Promise<void> {
  await page.goto("/press/mallar");
  await expect(page.getByRole("heading", { level: 1, name: "Pressmallar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tillbaka till pressmeddelanden" })).toHaveAttribute("href", "/press");
  await expectAccessible();
  await page.getByRole("link", { name: "Omgången, hela landet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pressmall: Omgången, hela landet" })).toBeVisible();
  // Other tests add rounds with grants in programmes of their own; then each round is named with its programme.
  const round = page.getByRole("combobox", { name: "Omgång" });
  await round.selectOption(await round.locator("option", { hasText: FIFTH }).first().getAttribute("value"));
  await expect(previewText(page)).toContainText("27,5 miljoner till jämställdhet");
}

test.describe("the press template editor", () => {
  test("communications edits the round template: a refused unknown variable, a live preview, a saved version and a restore", async ({
    page,
    login,
    expectAccessible,
  }) => {
    test.slow(); // several pages and states, each checked with axe
    await login("communications");
    await openRoundTemplate(page, expectAccessible);
    await expectAccessible("the editor with the shipped template's preview");

    // The reference: every variable and filter with its meaning and an example, in disclosures, searchable.
    await page.getByText("Variabler (48)").click();
    await expect(page.getByRole("term").filter({ hasText: /^round\.approved$/ })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Antal beviljade ansökningar i omgången" })).toBeVisible();
    await page.getByText("Filter (11)").click();
    await expect(page.getByRole("term").filter({ hasText: /^\| belopp$/ })).toBeVisible();
    await expectAccessible("the reference opened");
    await page.getByRole("searchbox", { name: "Sök bland variabler och filter" }).fill("ordningstal");
    await expect(page.getByText("Variabler (1)")).toBeVisible();
    await expect(page.getByText("Filter (1)")).toBeVisible();
    await page.getByRole("searchbox", { name: "Sök bland variabler och filter" }).fill("");

    const original = await sourceField(page).inputValue();
    expect(original).toContain("{{ round.granted | miljoner }} till jämställdhet");
    const line = (original + "\n\n").split("\n").length;

    // An unknown variable: the preview says so at its line and column while typing, and the save is refused there.
    await sourceField(page).fill(`${original}\n\nBeviljade: {{ round.aproved }}`);
    const refusal = `Okänd variabel round.aproved på rad ${line}, kolumn 15. Menade du round.approved?`;
    await expect(previewErrors(page)).toContainText(refusal);
    await expect(announced(page)).toHaveCount(1);
    await page.getByRole("button", { name: "Spara mallen" }).click();
    await expect(page.getByText(refusal, { exact: true }).first()).toBeVisible();
    await expect(sourceField(page)).toBeFocused();
    await expect(sourceField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(sourceField(page)).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.?]/g, "\\$&")));
    await expectAccessible("the refused save");

    // Fixed: the preview shows the figure from the demo data (the fifth round granted 21 applications).
    await sourceField(page).fill(`${original}\n\nBeviljade: {{ round.approved }}`);
    await expect(previewText(page)).toContainText("Beviljade: 21");
    await expect(previewErrors(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Spara mallen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mallen är sparad som version 2." })).toBeVisible();
    const versions = page.getByRole("table", { name: "Mallens versioner, den senaste först" });
    const latest = versions.getByRole("row").filter({ has: page.getByRole("cell", { name: "2 (gällande)" }) });
    await expect(latest.getByRole("cell", { name: demoUser("communications").name })).toBeVisible();
    await expect(versions.getByRole("link", { name: "Visa version 1" })).toBeVisible();
    await expectAccessible("the saved template");

    // Version 1, read only, and restored after a confirmation: it comes back as version 3.
    await versions.getByRole("link", { name: "Visa version 1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Omgången, hela landet, version 1" })).toBeVisible();
    await expect(page.getByText("Sparad av Anslag,")).toBeVisible();
    await expectAccessible("version 1");
    await page.getByRole("button", { name: "Återställ version 1" }).click();
    await expect(page.getByRole("group")).toContainText("Vill du återställa version 1? Dess text blir mallens nya version (3).");
    await expectAccessible("the restore confirmation");
    await page.getByRole("button", { name: "Avbryt" }).click();
    await expect(page.getByRole("button", { name: "Återställ version 1" })).toBeFocused();
    await page.getByRole("button", { name: "Återställ version 1" }).click();
    await page.getByRole("button", { name: "Ja, återställ version 1" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Version 1 är återställd och är nu version 3." })).toBeVisible();
    await expect(page).toHaveURL(/\/press\/mallar\/round$/);
    await expect(sourceField(page)).toHaveValue(original);
    await expect(page.getByRole("table", { name: "Mallens versioner, den senaste först" }).getByRole("cell", { name: "3 (gällande)" })).toBeVisible();
    await expectAccessible("the restored template");
  });

  test("a template that loops for ever or writes megabytes gets a clear Swedish message in the preview, in time", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("communications");
    await openRoundTemplate(page, expectAccessible);

    await sourceField(page).fill("{% for i in (1..9000) %}{% for j in (1..900) %}{% assign x = j %}{% endfor %}{% endfor %}");
    await expect(previewErrors(page)).toContainText("Mallen tar för lång tid att fylla i och stoppades. Kontrollera slingorna i mallen.", {
      timeout: 5_000,
    });
    await expectAccessible("a preview stopped by the clock");

    await sourceField(page).fill("{% for i in (1..5000) %}{{ sender.boilerplate }}{% endfor %}");
    await expect(previewErrors(page)).toContainText("Texten blir för lång: högst 200 000 tecken. Kontrollera slingorna i mallen.", {
      timeout: 5_000,
    });

    // Typing: one preview per pause, not one per keystroke.
    await sourceField(page).fill("");
    const previews: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) previews.push(request.url());
    });
    await sourceField(page).pressSequentially("Beviljade: {{ round.approved }}", { delay: 15 });
    await expect(previewText(page)).toHaveText("Beviljade: 21");
    expect(previews.length).toBeLessThanOrEqual(3);
    await expectAccessible("the preview after typing");
  });

  test("a refusal's line and column point at the text in the field, blank lines at the start taken away", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("communications");
    await page.goto("/press/mallar/county");
    await expectAccessible();
    await sourceField(page).fill("\n\n  {{ county.nam }} ");
    await page.getByRole("button", { name: "Spara mallen" }).click();
    await expect(sourceField(page)).toHaveAccessibleDescription(/Okänd variabel county\.nam på rad 1, kolumn 4\. Menade du county\.name\?/);
    await expect(sourceField(page)).toHaveValue("{{ county.nam }}");
    await expect(sourceField(page)).toBeFocused();
    await expectAccessible("the refused save");
  });

  test("in English the editor, its reference and a refused variable read English", async ({ page, login, expectAccessible }) => {
    await login("communications");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible("the start page in English");
    await page.goto("/press/mallar/recipient");
    await expect(page.getByRole("heading", { level: 1, name: "Press template: En mottagare, med plats för citat" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to press releases" })).toBeVisible();
    await page.getByText("Variables (48)").click();
    await expect(page.getByRole("definition").filter({ hasText: "Number of granted applications in the round" })).toBeVisible();
    const field = page.getByRole("textbox", { name: "Template text (Liquid)" });
    await expect(page.getByRole("region", { name: "The preview's text" })).toBeVisible();
    await field.fill("{{ round.aproved }}");
    await expect(page.getByRole("region", { name: "Errors in the template" })).toContainText(
      "Unknown variable round.aproved on line 1, column 4. Did you mean round.approved?",
    );
    await expect(page.getByRole("status").filter({ hasText: "The preview is updated" })).toHaveCount(1);
    await page.getByRole("button", { name: "Save the template" }).click();
    await expect(field).toHaveAccessibleDescription(/Unknown variable round\.aproved on line 1, column 4\. Did you mean round\.approved\?/);
    await expectAccessible("the refused save in English");
  });

  for (const role of ["officer", "coordinator"] as const) {
    test(`${role === "officer" ? "an" : "a"} ${role} gets 403 for the template pages`, async ({ page, login, expectAccessible }) => {
      await login(role);
      for (const path of ["/press/mallar", "/press/mallar/round", "/press/mallar/round/versioner/1"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
        await expect(page.getByText("Omgången, hela landet")).toHaveCount(0);
        await expectAccessible(path);
      }
    });
  }
});
