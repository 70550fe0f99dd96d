import { test, expect } from "./fixtures";
import { demoUser } from "@/db/seed/demo-users";

test.describe("sign-in", () => {
  test("a signed-out visit to a protected page goes to sign-in and comes back after it", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in\?callbackUrl=%2F/);
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expectAccessible();

    const officer = demoUser("officer");
    await page.getByLabel("E-postadress").fill(officer.email);
    await page.getByLabel("Lösenord").fill(officer.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  });

  test("a wrong password is refused without saying whether the account exists", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByLabel("E-postadress").fill(demoUser("officer").email);
    await page.getByLabel("Lösenord").fill("fel-losenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expect(page).toHaveURL(/\/logga-in/);
    await expectAccessible("sign-in with an error");

    // An unknown address gets exactly the same answer.
    await page.getByLabel("E-postadress").fill("finns-inte@anslag.example");
    await page.getByLabel("Lösenord").fill("fel-losenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  });

  test("an invalid email is pointed out at the field", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill("inte-en-adress");
    await page.getByLabel("Lösenord").fill("något");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Ange en giltig e-postadress")).toBeVisible();
    await expectAccessible();
  });

  test("signing out ends the session", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expectAccessible();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in/);
    await expectAccessible();
  });
});

test.describe("start page per role", () => {
  for (const role of ["admin", "officer", "communications"] as const) {
    test(`${role} sees every round with received, approved, granted and budget left`, async ({ page, login, expectAccessible }) => {
      await login(role);
      await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
      const table = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" });
      const fifth = table.getByRole("row", { name: /Femte omgången 2013/ });
      await expect(fifth.getByRole("cell").nth(2)).toHaveText("45");
      await expect(fifth.getByRole("cell").nth(3)).toHaveText("21");
      await expect(fifth.getByRole("cell").nth(4)).toHaveText("27 500 000 kronor");
      await expect(fifth.getByRole("cell").nth(6)).toHaveText("500 000 kronor");
      const fourth = table.getByRole("row", { name: /Fjärde omgången 2012/ });
      await expect(fourth.getByRole("cell").nth(3)).toHaveText("17");
      await expectAccessible();
    });
  }

  test("a coordinator sees only their own organisation's applications", async ({ page, login, expectAccessible }) => {
    await login("coordinator");
    await expect(page.getByRole("heading", { level: 1, name: "Umeå kommun" })).toBeVisible();
    const rows = page.getByRole("table", { name: "Ansökningar" }).getByRole("row");
    await expect(rows.filter({ hasText: "Beviljad" }).first()).toContainText("1 700 000 kronor");
    // Nothing from other organisations, and no round statistics.
    await expect(page.getByText("Lycksele")).toHaveCount(0);
    await expect(page.getByText("Borås")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" })).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("layout", () => {
  test("the accessibility statement is linked from the footer and open to everyone", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible();
    await expect(page.getByText(/WCAG\) 2.1/)).toBeVisible();
    await expectAccessible();
  });

  test("the skip link moves focus to the main content", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await expectAccessible();
  });

  test("the interface switches to English and back", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible();
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  });

  test("works on a phone-sized screen", async ({ page, login, expectAccessible }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await login("officer");
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible();
  });
});
