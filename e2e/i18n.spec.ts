import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, uniqueCode } from "./data";

/*
 * Staff pages in English: the footer's switch keeps the language in the NEXT_LOCALE cookie. Signing in happens in
 * Swedish (the login fixture), then the cookie turns the pages English.
 */

test.describe("English on staff pages", () => {
  test.beforeEach(async ({ page, login }) => {
    await login("officer");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("a bad organisation form shows English at the fields, and the kind is English", async ({ page, expectAccessible }) => {
    const code = uniqueCode();
    const { roundId } = createOpenRound();
    createApplication(roundId, { leadOrganisation: { name: `Testorg ${code} kommun`, kind: "kommun" } });

    await page.goto(`/organisationer?sok=${encodeURIComponent(`Testorg ${code}`)}`);
    const row = page.getByRole("row", { name: new RegExp(`Testorg ${code} kommun`) });
    await expect(row.getByRole("cell").nth(1)).toHaveText("Municipality");
    await expectAccessible();

    await row.getByRole("link", { name: `Testorg ${code} kommun` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit Testorg ${code} kommun` })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Kind of organisation" })).toHaveValue("kommun");
    await page.getByRole("textbox", { name: "Name in print" }).fill("");
    await page.getByRole("textbox", { name: "Short name" }).fill("x".repeat(101));
    await page.getByRole("button", { name: "Save changes" }).click();

    const name = page.getByRole("textbox", { name: "Name in print" });
    await expect(name).toHaveAccessibleDescription(/Enter the organisation's name\./);
    await expect(page.getByRole("textbox", { name: "Short name" })).toHaveAccessibleDescription(
      /The short name may have at most 100 characters\./,
    );
    await expect(page.getByText("Ange organisationens namn.")).toHaveCount(0);
    await expectAccessible("the refused form in English");
  });

  test("a round and an application show the programme's English name, SEK amounts and an English history", async ({ page, expectAccessible }) => {
    const programmeNameEn = `Test programme ${uniqueCode()}`;
    const { roundId } = createOpenRound({ programmeNameEn, budget: 10_000_000 });
    const application = createApplication(roundId, { requestedAmount: 1_200_000 });

    await page.goto(`/omgangar/${roundId}`);
    await expect(page.getByText(programmeNameEn).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "SEK 1,200,000" }).first()).toBeVisible();
    await expectAccessible();

    await page.goto(`/ansokningar/${application.id}`);
    await expect(page.getByText(programmeNameEn)).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "SEK 1,200,000" })).toBeVisible();
    await expect(page.getByText("Amount requested: SEK 1,200,000")).toBeVisible();
    await expect(page.getByText(/kronor/)).toHaveCount(0);
    await expectAccessible();
  });
});
