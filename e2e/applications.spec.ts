import { test, expect } from "./fixtures";
import { createApplication, createOpenRound } from "./data";

test.describe("applications", () => {
  test("an officer registers an application and finds it by search and filter", async ({ page, login, expectAccessible }) => {
    const { roundId, code } = createOpenRound();
    await login("officer");
    await page.goto(`/omgangar/${roundId}`);
    await expectAccessible();
    await page.getByRole("link", { name: "Registrera ansökan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Registrera ansökan" })).toBeVisible();
    await expectAccessible();

    // Bad input first: the messages appear at the fields, in Swedish, and nothing is saved.
    await page.getByRole("button", { name: "Registrera" }).click();
    await expect(page.getByText("Ange organisationens namn.")).toBeVisible();
    await expect(page.getByText("Ange projektets titel.")).toBeVisible();
    await page.getByLabel("Sökt belopp (kronor)").fill("-5000");
    await page.getByRole("combobox", { name: "Organisation", exact: true }).fill("Lycksele kommun");
    await page.getByLabel("Projektets titel").fill("JämGIS i hela kommunen");
    await page.getByRole("button", { name: "Registrera" }).click();
    await expect(page.getByText("Beloppet kan inte vara negativt.")).toBeVisible();
    await expect(page.getByLabel("Sökt belopp (kronor)")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("register form with errors");

    await page.getByLabel("Sökt belopp (kronor)").fill("1 200 000");
    await page.getByLabel("Medsökande").fill("Umeå kommun");
    await page.getByLabel("Fokusområden").fill("Äldreomsorg; Medborgarservice");
    await page.getByLabel("Namn").fill("Marie Öhlund");
    await page.getByLabel("Telefon").fill("0950-164 22");
    await page.getByRole("button", { name: "Registrera" }).click();

    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(`${code}-2026-0001: JämGIS i hela kommunen`);
    await expect(page.getByText(/Lycksele kommun \(Kommun, Västerbottens län\)/)).toBeVisible(); // the kommun got its county from the reference list
    await expect(page.getByText("1 200 000 kronor", { exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Ändringar av ansökan och beslutet" })).toContainText("Registrerad");
    await expectAccessible();

    createApplication(roundId, { leadOrganisation: { name: "Borås Stad", kind: "kommun", municipalityCode: "1490" }, projectTitle: "Jämställd medborgarservice" });

    await page.goto(`/omgangar/${roundId}?sok=jämgis`);
    const table = page.getByRole("table", { name: "Ansökningar i omgången" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Lycksele kommun");
    await expectAccessible();

    // Filter by county with the form: the URL keeps the filter so the back button and shared links work.
    await page.goto(`/omgangar/${roundId}`);
    await expect(table.getByRole("row")).toHaveCount(3);
    await page.getByLabel("Län").selectOption({ label: "Västra Götalands län" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/lan=14/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Borås Stad");
    await expectAccessible();
    await page.goBack();
    await expect(table.getByRole("row")).toHaveCount(3);

    // Sorting by requested amount, largest first.
    await page.getByRole("link", { name: "Sortera efter Sökt belopp" }).click();
    await expect(page).toHaveURL(/sortera=belopp$/);
    await expect(page.getByRole("columnheader", { name: "Sortera efter Sökt belopp" })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("link", { name: "Sortera efter Sökt belopp" }).click();
    await expect(page).toHaveURL(/sortera=belopp&ordning=desc/);
    await expect(table.getByRole("row").nth(1)).toContainText("Lycksele kommun");
    await expectAccessible();
  });

  test("an officer edits an application and the history shows the change", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { projectTitle: "Före ändring", requestedAmount: 800_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await expectAccessible();
    await page.getByRole("link", { name: "Redigera ansökan" }).click();
    await expectAccessible();
    await page.getByLabel("Projektets titel").fill("Efter ändring");
    await page.getByLabel("Sökt belopp (kronor)").fill("900 000");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Efter ändring");
    const history = page.getByRole("table", { name: "Ändringar av ansökan och beslutet" });
    await expect(history).toContainText("Ändrad");
    await expect(history).toContainText("Projekttitel: Före ändring → Efter ändring");
    await expect(history).toContainText("Sökt belopp: 800 000 kronor → 900 000 kronor");
    await expectAccessible();
  });

  test("a conflicting edit from a second browser is refused and both versions are shown", async ({ page, login, browser, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { projectTitle: "Gemensam titel", requestedAmount: 700_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}/redigera`);
    await expectAccessible();

    // A second officer (another browser context, another session) opens and saves the same application first.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/logga-in");
    await otherPage.getByLabel("E-postadress").fill("admin@anslag.example");
    await otherPage.getByLabel("Lösenord").fill(process.env.DEMO_PASSWORD || "demo-admin-2026");
    await otherPage.getByRole("button", { name: "Logga in" }).click();
    await expect(otherPage.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await otherPage.goto(`/ansokningar/${application.id}/redigera`);
    await otherPage.getByLabel("Projektets titel").fill("Administratörens titel");
    await otherPage.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(otherPage.getByRole("heading", { level: 1 })).toContainText("Administratörens titel");
    await other.close();

    await page.getByLabel("Projektets titel").fill("Handläggarens titel");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Någon annan har ändrat ansökan" })).toBeVisible();
    const comparison = page.getByRole("table", { name: "Någon annan har ändrat ansökan medan du redigerade" });
    await expect(comparison).toContainText("Administratörens titel");
    await expect(comparison).toContainText("Handläggarens titel");
    await expect(comparison).toContainText("Karin Lindqvist");
    await expectAccessible("edit form with a conflict");

    // Nothing was overwritten.
    await page.goto(`/ansokningar/${application.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Administratörens titel");
    await expectAccessible();
  });

  test("a coordinator gets 404 for another organisation's application, even by guessing its id", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const other = createApplication(roundId, { leadOrganisation: { name: "Borås Stad" } });
    const own = createApplication(roundId, { leadOrganisation: { name: "Umeå kommun" } });
    await login("coordinator");
    await page.goto(`/ansokningar/${own.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(own.registrationNumber);
    await expect(page.getByRole("link", { name: "Redigera ansökan" })).toHaveCount(0);
    await expectAccessible();
    const response = await page.goto(`/ansokningar/${other.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expectAccessible();
    const edit = await page.goto(`/ansokningar/${own.id}/redigera`);
    expect(edit?.status()).toBe(403);
    await expectAccessible();
  });
});
