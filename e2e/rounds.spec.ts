import { test, expect, checkAccessibility } from "./fixtures";
import type { Page } from "@playwright/test";

/*
 * Setting up rounds. The tests share one database and run in parallel, and a programme has each ordinal once, so
 * every test uses its own ordinals (41 and up, far from the demo's fourth and fifth rounds). The demo's fifth round is
 * the programme's last, so every round made here comes after it and is confirmed as such.
 */

const PROGRAMME = "Program för Hållbar jämställdhet";
const CONFIRM_AFTER_LAST = "Ja, lägg till omgången efter programmets sista omgång";
const saved = (page: Page) => page.getByRole("status").filter({ hasText: /^Omgången har|^Ändringarna av omgången/ });

/** Fills in and submits the new-round form; returns the new round's id, read from the round page it lands on. */
async function createRound(
  page: Page,
  expectAccessible: (label?: string) => Promise<void>,
  round: { ordinal: number; year: number; budget: string },
): Promise<number> {
  await page.goto("/omgangar/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Ny omgång" })).toBeVisible();
  await expectAccessible();
  await page.getByRole("combobox", { name: "Program", exact: true }).selectOption({ label: PROGRAMME });
  await page.getByLabel("Omgångens nummer").fill(String(round.ordinal));
  await page.getByRole("textbox", { name: "År", exact: true }).fill(String(round.year));
  await page.getByLabel("Budget i kronor").fill(round.budget);
  await page.getByLabel("Omgången öppnar").fill(`${round.year}-01-15`);
  await page.getByLabel("Sista ansökningsdag").fill(`${round.year}-03-15`);
  await page.getByLabel("Beslutsdag").fill(`${round.year}-06-01`);
  await page.getByLabel("Kriterier").fill("Projekt som stärker jämställdheten i verksamheten.");
  await page.getByRole("checkbox", { name: CONFIRM_AFTER_LAST }).check();
  await page.getByRole("button", { name: "Skapa omgången" }).click();
  // The word after the save; then the address loses its ?sparat=, so a reload does not say it again.
  await expect(saved(page)).toHaveText("Omgången har skapats. Den är planerad, och ansökningar kan registreras.");
  await expect(page).toHaveURL(/\/omgangar\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  expect(id).toBeGreaterThan(0);
  return id;
}

test.describe("setting up rounds", () => {
  test("an officer creates a round and lands on its page", async ({ page, login, expectAccessible }) => {
    test.slow(); // many pages, each checked with axe
    await login("officer");
    await expectAccessible();
    await page.getByRole("link", { name: "Ny omgång" }).click();
    await expect(page).toHaveURL(/\/omgangar\/ny$/);
    const id = await createRound(page, expectAccessible, { ordinal: 41, year: 2031, budget: "12 000 000" });

    await expect(page.getByRole("heading", { level: 1, name: "41:a omgången 2031" })).toBeVisible();
    await expect(page.getByRole("main").getByText(PROGRAMME, { exact: true })).toBeVisible();
    // A new round is planned: applications can be registered.
    await expect(page.getByRole("link", { name: "Registrera ansökan" })).toBeVisible();
    await expectAccessible();

    await page.goto("/");
    const row = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" }).getByRole("row", { name: /41:a omgången 2031/ });
    await expect(row.getByRole("cell").nth(5)).toHaveText("12 000 000 kronor");
    await expect(row.getByRole("link", { name: "41:a omgången 2031" })).toHaveAttribute("href", `/omgangar/${id}`);
    await expectAccessible();
  });

  test("a second round with the same ordinal is refused at the ordinal field", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expectAccessible();
    await createRound(page, expectAccessible, { ordinal: 42, year: 2032, budget: "5 000 000" });
    await expectAccessible();

    await page.goto("/omgangar/ny");
    await page.getByRole("combobox", { name: "Program", exact: true }).selectOption({ label: PROGRAMME });
    await page.getByLabel("Omgångens nummer").fill("42");
    await page.getByRole("textbox", { name: "År", exact: true }).fill("2033");
    await page.getByLabel("Budget i kronor").fill("5 000 000");
    await page.getByRole("checkbox", { name: CONFIRM_AFTER_LAST }).check();
    await page.getByRole("button", { name: "Skapa omgången" }).click();

    const ordinal = page.getByLabel("Omgångens nummer");
    await expect(ordinal).toHaveAttribute("aria-invalid", "true");
    await expect(ordinal).toHaveAccessibleDescription(/Programmet har redan en 42:a omgång\./);
    await expect(ordinal).toBeFocused();
    await expect(page).toHaveURL(/\/omgangar\/ny$/);
    await expectAccessible("new round with a taken ordinal");
  });

  test("dates in the wrong order are pointed out at the later date", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expectAccessible();
    await page.goto("/omgangar/ny");
    await page.getByRole("combobox", { name: "Program", exact: true }).selectOption({ label: PROGRAMME });
    await page.getByLabel("Omgångens nummer").fill("49");
    await page.getByRole("textbox", { name: "År", exact: true }).fill("2039");
    await page.getByLabel("Budget i kronor").fill("1 000 000");
    await page.getByLabel("Omgången öppnar").fill("2039-03-15");
    await page.getByLabel("Sista ansökningsdag").fill("2039-03-01");
    await page.getByRole("button", { name: "Skapa omgången" }).click();

    const closes = page.getByLabel("Sista ansökningsdag");
    await expect(closes).toHaveAttribute("aria-invalid", "true");
    await expect(closes).toHaveAccessibleDescription("Sista ansökningsdag kan inte vara före den dag omgången öppnar.");
    await expect(page.getByLabel("Omgången öppnar")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/omgangar\/ny$/);
    await expectAccessible("new round with dates in the wrong order");
  });

  test("an officer changes a round's budget", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expectAccessible();
    const id = await createRound(page, expectAccessible, { ordinal: 43, year: 2033, budget: "10 000 000" });
    await expectAccessible();

    await page.goto(`/omgangar/${id}/redigera`);
    await expect(page.getByRole("heading", { level: 1, name: "Ändra 43:e omgången 2033" })).toBeVisible();
    await expect(page.getByLabel("Budget i kronor")).toHaveValue("10 000 000");
    await expectAccessible();
    await page.getByLabel("Budget i kronor").fill("15 500 000");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(saved(page)).toHaveText("Ändringarna av omgången har sparats.");
    await expect(page).toHaveURL(new RegExp(`/omgangar/${id}$`));
    await expect(page.getByRole("heading", { level: 1, name: "43:e omgången 2033" })).toBeVisible();
    await expectAccessible("the round page after a save");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "43:e omgången 2033" })).toBeVisible();
    await expect(saved(page)).toHaveCount(0);

    await page.goto(`/omgangar/${id}/redigera`);
    await expect(page.getByLabel("Budget i kronor")).toHaveValue("15 500 000");
  });

  test("a save over someone else's change is refused with a message", async ({ page, context, login, expectAccessible }) => {
    test.slow(); // many pages, each checked with axe
    await login("officer");
    await expectAccessible();
    const id = await createRound(page, expectAccessible, { ordinal: 45, year: 2035, budget: "8 000 000" });
    await expectAccessible();

    // The officer opens the form; meanwhile another tab (a colleague) saves the round first.
    await page.goto(`/omgangar/${id}/redigera`);
    await expectAccessible();
    const other = await context.newPage();
    await other.goto(`/omgangar/${id}/redigera`);
    await checkAccessibility(other);
    await other.getByLabel("Budget i kronor").fill("9 000 000");
    await other.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(other).toHaveURL(new RegExp(`/omgangar/${id}$`));
    await checkAccessibility(other);
    await other.close();

    // The officer's form still holds the first version: saving it is refused, and nothing is overwritten.
    await page.getByLabel("Budget i kronor").fill("7 000 000");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Någon annan har ändrat omgången");
    await expect(page).toHaveURL(new RegExp(`/omgangar/${id}/redigera$`));
    await expectAccessible("the edit page with a conflict");
    await page.getByRole("link", { name: "Ladda om sidan" }).click();
    await expect(page.getByLabel("Budget i kronor")).toHaveValue("9 000 000");
  });

  test("closing a round hides the registration button on its page", async ({ page, login, expectAccessible }) => {
    test.slow(); // many pages, each checked with axe
    await login("officer");
    await expectAccessible();
    const id = await createRound(page, expectAccessible, { ordinal: 44, year: 2034, budget: "3 000 000" });
    await expect(page.getByRole("link", { name: "Registrera ansökan" })).toBeVisible();
    await expectAccessible();

    await page.goto(`/omgangar/${id}/redigera`);
    await expect(page.getByText("Omgångens status: Planerad.")).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Stäng omgången för nya ansökningar" }).click();
    await expect(saved(page)).toHaveText("Omgången har stängts för nya ansökningar. Beslut kan fortfarande fattas.");
    await expect(page).toHaveURL(new RegExp(`/omgangar/${id}$`));
    await expect(page.getByText("Omgången är stängd för nya ansökningar.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Registrera ansökan" })).toHaveCount(0);
    await expectAccessible("the closed round");

    // And opening it again brings the button back.
    await page.goto(`/omgangar/${id}/redigera`);
    await expect(page.getByText("Omgångens status: Stängd.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Stäng omgången för nya ansökningar" })).toHaveCount(0);
    await expectAccessible("the edit page of a closed round");
    await page.getByRole("button", { name: "Öppna omgången" }).click();
    await expect(saved(page)).toHaveText("Omgången har öppnats för nya ansökningar.");
    await expect(page).toHaveURL(new RegExp(`/omgangar/${id}$`));
    await expect(page.getByRole("link", { name: "Registrera ansökan" })).toBeVisible();
  });

  test("a round after the programme's last round is created only when the officer confirms it", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await page.goto("/omgangar/ny");
    await expectAccessible();
    await page.getByRole("combobox", { name: "Program", exact: true }).selectOption({ label: PROGRAMME });
    const confirm = page.getByRole("checkbox", { name: CONFIRM_AFTER_LAST });
    await page.getByLabel("Omgångens nummer").fill("3");
    // Before the fifth (last) round nothing needs confirming.
    await expect(confirm).toHaveCount(0);
    await page.getByLabel("Omgångens nummer").fill("46");
    await expect(confirm).toHaveAccessibleDescription(
      "Programmet har redan en sista omgång, den femte (2013). En ny omgång efter den skapas bara om du bekräftar det.",
    );
    await page.getByRole("textbox", { name: "År", exact: true }).fill("2036");
    await page.getByLabel("Budget i kronor").fill("2 000 000");
    await expectAccessible("the new-round form asking for confirmation");

    await page.getByRole("button", { name: "Skapa omgången" }).click();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(confirm).toHaveAccessibleDescription(
      /Programmet har redan en sista omgång, den femte \(2013\)\. Bekräfta att du vill lägga till en omgång efter den\./,
    );
    await expect(confirm).toBeFocused();
    await expect(page).toHaveURL(/\/omgangar\/ny$/);
    await expectAccessible("the refusal without confirmation");

    await confirm.check();
    await page.getByRole("button", { name: "Skapa omgången" }).click();
    await expect(saved(page)).toContainText("Omgången har skapats.");
    await expect(page.getByRole("heading", { level: 1, name: "46:e omgången 2036" })).toBeVisible();
  });

  test("a communications user gets 403 on the new-round page", async ({ page, login, expectAccessible }) => {
    await login("communications");
    await expectAccessible();
    const response = await page.goto("/omgangar/ny");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Skapa omgången" })).toHaveCount(0);
    await expectAccessible();
  });

  test("an unknown round has no edit page", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expectAccessible();
    const response = await page.goto("/omgangar/999999/redigera");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expectAccessible();
  });
});
