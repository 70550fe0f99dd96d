import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, uniqueCode } from "./data";

/*
 * Correcting an organisation's name. Each test names its own organisations ("Testorg <code> kommun"), so parallel
 * tests never find each other's rows.
 */

test.describe("organisations", () => {
  test("an officer finds an organisation by search, renames it, and its application shows the new name", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { leadOrganisation: { name: `Testorg ${code} kommun`, kind: "kommun" } });

    await login("officer");
    await page.getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisationer" })).toBeVisible();
    await expectAccessible();

    // Lower case finds it: the search folds case like the name key does.
    await page.getByRole("searchbox", { name: "Sök på namn" }).fill(`testorg ${code.toLowerCase()}`);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page).toHaveURL(/\?sok=/);
    const table = page.getByRole("table", { name: "Organisationer i bokstavsordning" });
    const row = table.getByRole("row", { name: new RegExp(`Testorg ${code} kommun`) });
    await expect(row.getByRole("cell").nth(1)).toHaveText("Kommun");
    await expect(row.getByRole("cell").nth(3)).toHaveText("1");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expectAccessible();

    await row.getByRole("link", { name: `Testorg ${code} kommun` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera Testorg ${code} kommun` })).toBeVisible();
    await expectAccessible();
    await page.getByRole("textbox", { name: "Namn i tryck" }).fill(`Testorg ${code} Stad`);
    await page.getByRole("textbox", { name: "Kortnamn" }).fill(`Testorg ${code}`);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();

    await expect(page).toHaveURL(/\/organisationer\?sparad=\d+$/);
    await expect(page.getByRole("status").filter({ hasText: `Ändringarna av Testorg ${code} Stad har sparats.` })).toBeVisible();
    await expectAccessible();

    await page.goto(`/ansokningar/${application.id}`);
    // The application names its organisation from the organisation's row; only the history keeps the old name.
    await expect(page.getByRole("definition").filter({ hasText: `Testorg ${code} Stad` })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: `Testorg ${code} kommun` })).toHaveCount(0);
    await expectAccessible();
  });

  test("a name another organisation has is refused at the name field, whatever its case", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const { roundId } = createOpenRound();
    createApplication(roundId, { leadOrganisation: { name: `Testorg ${code} Östra kommun`, kind: "kommun" } });
    createApplication(roundId, { leadOrganisation: { name: `Testorg ${code} Västra kommun`, kind: "kommun" } });

    await login("officer");
    await page.goto(`/organisationer?sok=${encodeURIComponent(`Testorg ${code} Västra`)}`);
    await expectAccessible();
    await page.getByRole("link", { name: `Testorg ${code} Västra kommun` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera Testorg ${code} Västra kommun` })).toBeVisible();
    await expectAccessible();

    const name = page.getByRole("textbox", { name: "Namn i tryck" });
    await name.fill(`testorg ${code.toLowerCase()} östra kommun`);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(name).toHaveAccessibleDescription(new RegExp(`Det finns redan en organisation som heter Testorg ${code} Östra kommun\\.`));
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toBeFocused();
    await expect(page).toHaveURL(/\/redigera$/);
    await expectAccessible();
  });

  test("communications gets 403 for the organisations page", async ({ page, login, expectAccessible }) => {
    await login("communications");
    await expect(page.getByRole("link", { name: "Organisationer" })).toHaveCount(0);
    const response = await page.goto("/organisationer");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expectAccessible();
  });
});
