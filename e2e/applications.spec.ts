import { test, expect } from "./fixtures";
import { createApplications, updateApplicationDirectly } from "./application-data";
import { createApplication, createOpenRound, uniqueCode } from "./data";

test.describe("applications", () => {
  test("an officer registers an application, bad input first, and is told it is registered", async ({ page, login, expectAccessible }) => {
    test.slow(); // a long journey: several pages and forms, each checked with axe
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
    await page.getByLabel("Sökt belopp (kronor)").fill("0");
    await page.getByRole("button", { name: "Registrera" }).click();
    await expect(page.getByText("Det sökta beloppet ska vara större än 0 kronor.")).toBeVisible();
    await page.getByLabel("Sökt belopp (kronor)").fill("-5000");
    await page.getByRole("combobox", { name: "Organisation", exact: true }).fill("Lycksele kommun");
    await page.getByLabel("Projektets titel").fill("JämGIS i hela kommunen");
    await page.getByRole("button", { name: "Registrera" }).click();
    await expect(page.getByText("Beloppet kan inte vara negativt.")).toBeVisible();
    await expect(page.getByLabel("Sökt belopp (kronor)")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("register form with errors");

    await page.getByLabel("Sökt belopp (kronor)").fill("1 200 000");
    await page.getByRole("button", { name: "Lägg till medsökande" }).click();
    await expect(page.getByRole("combobox", { name: "Medsökande 1, namn" })).toBeFocused();
    await page.getByRole("combobox", { name: "Medsökande 1, namn" }).fill("Umeå kommun");
    await page.getByLabel("Fokusområden").fill("Äldreomsorg; Medborgarservice");
    await page.getByLabel("Namn", { exact: true }).fill("Marie Öhlund");
    await page.getByLabel("Telefon").fill("0950-164 22");
    await page.getByRole("button", { name: "Registrera" }).click();

    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(`${code}-2026-0001: JämGIS i hela kommunen`);
    // The word after the save, in a live region so a screen reader says it too.
    await expect(page.getByRole("status").filter({ hasText: `Ansökan ${code}-2026-0001 är registrerad.` })).toBeVisible();
    await expect(page.getByText(/Lycksele kommun \(Kommun, Västerbottens län\)/)).toBeVisible(); // the kommun got its county from the reference list
    await expect(page.getByText("1 200 000 kronor", { exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Ändringar av ansökan och beslutet" })).toContainText("Registrerad");
    await expectAccessible();
  });

  test("an officer finds applications by search, filter and sort, all kept in the URL", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    createApplication(roundId, { leadOrganisation: { name: "Lycksele kommun" }, projectTitle: "JämGIS i hela kommunen", requestedAmount: 1_200_000 });
    createApplication(roundId, { leadOrganisation: { name: "Borås Stad", kind: "kommun", municipalityCode: "1490" }, projectTitle: "Jämställd medborgarservice" });
    await login("officer");

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
    await expect(page).toHaveURL(/sortera=belopp#resultat$/);
    await expect(page.getByRole("columnheader", { name: "Sortera efter Sökt belopp" })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("link", { name: "Sortera efter Sökt belopp" }).click();
    await expect(page).toHaveURL(/sortera=belopp&ordning=desc#resultat$/);
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
    await expect(page.getByLabel("Projektets titel")).toHaveValue("Före ändring");
    await expectAccessible();
    await page.getByLabel("Projektets titel").fill("Efter ändring");
    await page.getByLabel("Sökt belopp (kronor)").fill("900 000");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Efter ändring");
    await expect(page.getByRole("status").filter({ hasText: /Ändringarna i .* är sparade\./ })).toBeVisible();
    const history = page.getByRole("table", { name: "Ändringar av ansökan och beslutet" });
    await expect(history).toContainText("Ändrad");
    await expect(history).toContainText("Projekttitel: Före ändring → Efter ändring");
    await expect(history).toContainText("Sökt belopp: 800 000 kronor → 900 000 kronor");
    await expectAccessible();
  });

  test("after a conflict the colleague's amount stays and the officer's title is saved against the new version", async ({ page, login, browser, expectAccessible }) => {
    test.slow(); // a long journey: several pages and forms, each checked with axe
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { projectTitle: "Gemensam titel", requestedAmount: 400_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}/redigera`);
    await expectAccessible();

    // A (the admin, another browser context and session) opens the same application and sets the amount first.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/logga-in");
    await otherPage.getByLabel("E-postadress").fill("admin@anslag.example");
    await otherPage.getByLabel("Lösenord").fill(process.env.DEMO_PASSWORD || "demo-admin-2026");
    await otherPage.getByRole("button", { name: "Logga in" }).click();
    await expect(otherPage.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await otherPage.goto(`/ansokningar/${application.id}/redigera`);
    await otherPage.getByLabel("Sökt belopp (kronor)").fill("450 000");
    await otherPage.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(otherPage.getByText("450 000 kronor", { exact: true })).toBeVisible();
    await other.close();

    // B changes only the title and is refused: nothing of B's is saved yet.
    await page.getByLabel("Projektets titel").fill("Handläggarens titel");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Någon annan har ändrat ansökan" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("Karin Lindqvist sparade ansökan");
    // The field B did not touch took the saved value, amount formatted.
    await expect(alert).toContainText("Sökt belopp: 450 000 kronor");
    await expect(page.getByLabel("Sökt belopp (kronor)")).toHaveValue("450000");
    // A field both changed would be shown side by side; here only B changed the title, so there is nothing to choose.
    await expect(page.getByRole("table", { name: "Fält som både du och den andra har ändrat" })).toHaveCount(0);
    await expect(page.getByLabel("Projektets titel")).toHaveValue("Handläggarens titel");
    await expectAccessible("edit form with a conflict");

    // The next save is made against A's version: A's amount stays, B's title is saved.
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Handläggarens titel");
    await expect(page.getByText("450 000 kronor", { exact: true })).toBeVisible();
    const history = page.getByRole("table", { name: "Ändringar av ansökan och beslutet" });
    await expect(history).toContainText("Sökt belopp: 400 000 kronor → 450 000 kronor");
    await expect(history).toContainText("Projekttitel: Gemensam titel → Handläggarens titel");
    await expect(history).not.toContainText("450 000 kronor → 400 000 kronor");
    await expectAccessible();
  });

  test("a field both officers changed is shown side by side with who saved it and when", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { projectTitle: "Gemensam titel", requestedAmount: 400_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}/redigera`);
    await expectAccessible();
    // Someone saves a new title behind the officer's back.
    updateApplicationDirectly(application.id, { projectTitle: "Sparad titel", requestedAmount: 1_900_000 });

    await page.getByLabel("Projektets titel").fill("Min titel");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    const comparison = page.getByRole("table", { name: "Fält som både du och den andra har ändrat" });
    await expect(comparison.getByRole("row", { name: /Projektets titel/ })).toContainText("Sparad titel");
    await expect(comparison.getByRole("row", { name: /Projektets titel/ })).toContainText("Min titel");
    await expect(comparison.getByRole("columnheader", { name: /Sparad version \(E2E, \d+ \p{L}+ \d{4} kl\. \d+\.\d{2}\)/u })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Någon annan har ändrat ansökan" })).toContainText("Sökt belopp: 1 900 000 kronor");
    await expectAccessible("edit form with both versions");
  });

  test("a joint application with an organisation that is not registered yet is saved with that organisation's kind", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const newcomer = `Föreningen Jämlikt ${uniqueCode()}`;
    await login("officer");
    await page.goto(`/omgangar/${roundId}/ny-ansokan`);
    await expectAccessible();
    await page.getByRole("combobox", { name: "Organisation", exact: true }).fill("Lycksele kommun");
    await page.getByLabel("Projektets titel").fill("Gemensamt projekt");
    await page.getByLabel("Sökt belopp (kronor)").fill("600 000");
    await page.getByRole("button", { name: "Lägg till medsökande" }).click();
    await page.getByRole("combobox", { name: "Medsökande 1, namn" }).fill(newcomer);
    await page.getByRole("button", { name: "Registrera" }).click();
    // The refusal is at the new co-applicant's own kind field, not the lead organisation's.
    const kind = page.getByRole("combobox", { name: "Medsökande 1, organisationstyp" });
    await expect(kind).toHaveAttribute("aria-invalid", "true");
    await expect(kind).toBeFocused();
    await expect(page.getByRole("combobox", { name: "Organisationstyp", exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expectAccessible("co-applicant without a kind");

    await kind.selectOption({ label: "Samverkansorgan" });
    await page.getByRole("combobox", { name: "Medsökande 1, län" }).selectOption({ label: "Västerbottens län" });
    await page.getByRole("button", { name: "Registrera" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gemensamt projekt");
    await expect(page.getByText(newcomer, { exact: true })).toBeVisible();
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

  test("the round's search folds Swedish letters and lands on the results", async ({ page, login, expectAccessible }) => {
    test.slow(); // three searches, each page checked with axe
    const { roundId } = createOpenRound();
    const orebro = createApplication(roundId, { leadOrganisation: { name: "Örebro kommun" } });
    const are = createApplication(roundId, { leadOrganisation: { name: "Åre kommun" } });
    const umea = createApplication(roundId, { leadOrganisation: { name: "Umeå kommun" } });
    await login("officer");
    await page.goto(`/omgangar/${roundId}`);
    await expect(page.getByText("Omgångens status: Öppen")).toBeVisible();
    await expectAccessible();

    const table = page.getByRole("table", { name: "Ansökningar i omgången" });
    for (const [text, expected] of [
      ["örebro", orebro],
      ["UMEÅ", umea],
      ["åre kommun", are],
    ] as const) {
      await page.getByRole("searchbox", { name: "Sök" }).fill(text);
      await page.getByRole("button", { name: "Visa" }).click();
      await expect(page).toHaveURL(/#resultat$/);
      await expect(table.getByRole("row")).toHaveCount(2);
      await expect(table).toContainText(expected.registrationNumber);
      // The results are in view, not below the statistics.
      await expect(table).toBeInViewport();
      await expectAccessible();
    }
    await page.getByRole("link", { name: "Sortera efter Beviljat" }).click();
    await expect(page).toHaveURL(/sortera=beviljat#resultat$/);
    await expectAccessible();
  });

  test("an empty round says nothing is registered yet, and a page past the end shows the last page", async ({ page, login, expectAccessible }) => {
    const empty = createOpenRound();
    await login("officer");
    await page.goto(`/omgangar/${empty.roundId}`);
    await expect(page.getByText("Inga ansökningar har registrerats i omgången än.")).toBeVisible();
    await expect(page.getByText("Inga ansökningar matchar")).toHaveCount(0);
    await expectAccessible();

    const { roundId } = createOpenRound();
    createApplications(roundId, 51);
    await page.goto(`/omgangar/${roundId}?sida=99`);
    await expect(page.getByText("Visar 51–51 av 51")).toBeVisible();
    await expect(page.getByText("Sida 2 av 2")).toBeVisible();
    await expect(page.getByRole("table", { name: "Ansökningar i omgången" }).getByRole("row")).toHaveCount(2);
    await page.goto(`/omgangar/${roundId}?sok=ingenting`);
    await expect(page.getByText("Inga ansökningar matchar sökningen.")).toBeVisible();
    await expectAccessible();
  });
});
