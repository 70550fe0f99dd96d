import type { Browser, Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { demoUser } from "@/db/seed/demo-users";
import { recordDecision } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { createApplication, createOpenRound } from "./data";
import { checkAccessibility, expect, test } from "./fixtures";

/*
 * Decisions on an application: made, changed and withdrawn through the panel on the application page, refused when
 * they break the budget, come from a stale form or carry a bad amount.
 */

const STALE = "Någon annan har beslutat om ansökan under tiden. Ladda om sidan, se det nya beslutet och försök igen.";

/** A decision written straight into the test database, as another officer (or an import) would have made it. */
function decideInDb(applicationId: number, grantedAmount: number): void {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId, outcome: "approved", grantedAmount, motivation: "Beslutat i förväg.", decidedOn: "2026-05-20" },
        { id: null, label: "E2E" },
      ),
    );
  } finally {
    db.$client.close();
  }
}

/** Plain SQL on the server's database, for states the app itself refuses to create (a decided round, an odd date). */
function sqlInDb(statement: string, ...params: (string | number)[]): void {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    db.$client.prepare(statement).run(...params);
  } finally {
    db.$client.close();
  }
}

function setRoundStatus(roundId: number, status: "decided"): void {
  sqlInDb("UPDATE rounds SET status = ? WHERE id = ?", status, roundId);
}

const MOTIVATION_REQUIRED = "Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet.";

async function signInElsewhere(browser: Browser, role: "admin") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = demoUser(role);
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill(user.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  return { context, page };
}

const decisionSection = (page: Page) => page.getByRole("region", { name: "Beslut", exact: true });
const history = (page: Page) => page.getByRole("table", { name: "Ändringar av ansökan och beslutet" });

test.describe("decisions", () => {
  test("an officer approves with another amount, rejects another application, changes the approval and sees the history", async ({
    page,
    login,
    expectAccessible,
  }) => {
    test.slow(); // one officer's whole round of work: three forms and seven pages checked with axe
    const { roundId } = createOpenRound({ budget: 2_000_000 });
    const first = createApplication(roundId, { requestedAmount: 1_000_000 });
    const second = createApplication(roundId, { requestedAmount: 500_000 });
    await login("officer");

    await page.goto(`/ansokningar/${first.id}`);
    await expect(page.getByRole("heading", { level: 3, name: "Fatta beslut" })).toBeVisible();
    await expectAccessible();
    await expect(page.getByRole("group", { name: "Beslut" })).toBeVisible();
    await page.getByRole("radio", { name: "Beviljas" }).check();
    const amount = page.getByLabel("Beviljat belopp (kronor)");
    // No one-click approval: the requested amount is not proposed, and a motivation is required.
    await expect(amount).toHaveValue("");
    await expect(page.getByText("Kvar av omgångens budget: 2 000 000 kronor.")).toBeVisible();
    await expect(page.getByLabel("Beslutsdatum")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Ange ett belopp i hela kronor.")).toBeVisible();
    await expect(page.getByText(MOTIVATION_REQUIRED)).toBeVisible();
    await expect(page.getByLabel("Motivering")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("the decision form, approving");
    await amount.fill("800 000");
    await page.getByLabel("Motivering").fill("Väl förankrat i ledningen.");
    await page.getByRole("button", { name: "Spara beslut" }).click();

    await expect(page.getByRole("status")).toHaveText("Beslutet är sparat: ansökan beviljas med 800 000 kronor.");
    const section = decisionSection(page);
    await expect(section).toContainText("Beviljad");
    await expect(section).toContainText("800 000 kronor");
    await expect(section.getByRole("button", { name: "Ändra beslut" })).toBeVisible();
    await expectAccessible("the application after the decision");

    await page.goto(`/ansokningar/${second.id}`);
    await expectAccessible();
    await page.getByRole("radio", { name: "Avslås" }).check();
    await expect(page.getByLabel("Beviljat belopp (kronor)")).toHaveCount(0);
    await page.getByLabel("Motivering").fill("Projektet ligger utanför programmets inriktning.");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByRole("status")).toHaveText("Beslutet är sparat: ansökan avslås.");
    await expect(decisionSection(page)).toContainText("Avslagen");
    await expect(decisionSection(page)).toContainText("Projektet ligger utanför programmets inriktning.");
    await expectAccessible("the rejected application");

    // Change the first decision: the form comes prefilled, and a reason is required.
    await page.goto(`/ansokningar/${first.id}`);
    await expectAccessible();
    await page.getByRole("button", { name: "Ändra beslut" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Ändra beslut" })).toBeFocused();
    await expect(page.getByRole("radio", { name: "Beviljas" })).toBeChecked();
    await expect(page.getByLabel("Beviljat belopp (kronor)")).toHaveValue("800 000");
    await expect(page.getByLabel("Motivering")).toHaveValue("Väl förankrat i ledningen.");
    await expect(page.getByText("Kvar av omgångens budget: 1 200 000 kronor. Med det nuvarande beslutet inräknat kan ansökan beviljas högst 2 000 000 kronor.")).toBeVisible();
    await page.getByLabel("Beviljat belopp (kronor)").fill("900 000");
    await page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect(page.getByText("Ange skälet till ändringen.")).toBeVisible();
    await expect(page.getByLabel("Skäl till ändringen")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("the change form with an error");
    await page.getByLabel("Skäl till ändringen").fill("Kompletterad budget från sökanden.");
    await page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect(page.getByRole("status")).toHaveText("Det ändrade beslutet är sparat.");
    await expect(decisionSection(page)).toContainText("900 000 kronor");

    const rows = history(page).getByRole("row");
    const created = rows.filter({ hasText: "Beslut fattat" });
    await expect(created).toContainText("Beviljat belopp: 800 000 kronor");
    const changed = rows.filter({ hasText: "Beslut ändrat" });
    await expect(changed).toContainText("Beviljat belopp: 800 000 kronor → 900 000 kronor");
    await expect(changed).toContainText("Skäl: Kompletterad budget från sökanden.");
    await expect(changed).toContainText("Erik Sandberg");
    await expectAccessible("the application with its decision history");
  });

  test("an approval over the budget left is refused with the amount left, and a negative or fractional amount at the field", async ({
    page,
    login,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound({ budget: 1_000_000 });
    const decided = createApplication(roundId, { requestedAmount: 700_000 });
    const application = createApplication(roundId, { requestedAmount: 500_000 });
    decideInDb(decided.id, 700_000);
    await login("officer");

    await page.goto(`/ansokningar/${application.id}`);
    await expectAccessible();
    await page.getByRole("radio", { name: "Beviljas" }).check();
    const amount = page.getByLabel("Beviljat belopp (kronor)");
    await expect(page.getByText("Kvar av omgångens budget: 300 000 kronor.")).toBeVisible();
    await page.getByLabel("Motivering").fill("Ryms i budgeten.");

    await amount.fill("-5");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Beloppet kan inte vara negativt.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expectAccessible("a negative amount");

    await amount.fill("1200,50");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Beloppet ska anges i hela kronor, utan ören.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");

    // Within the form's own rules but over what is left: the server refuses, at the amount field.
    await amount.fill("500 000");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Beloppet överstiger det som finns kvar av omgångens budget: 300 000 kronor återstår.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expectAccessible("the budget refusal");

    // Nothing was written.
    await page.reload();
    await expect(decisionSection(page)).toContainText("Inget beslut ännu.");
    await expect(page.getByText("Inkommen", { exact: true })).toBeVisible();
    await expect(history(page)).not.toContainText("Beslut fattat");
    await expectAccessible();

    // Exactly what is left still fits.
    await page.getByRole("radio", { name: "Beviljas" }).check();
    await page.getByLabel("Beviljat belopp (kronor)").fill("300 000");
    await page.getByLabel("Motivering").fill("Ryms i budgeten.");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByRole("status")).toHaveText("Beslutet är sparat: ansökan beviljas med 300 000 kronor.");
  });

  test("a stale form is refused when another officer decided first, and the reload shows their decision", async ({
    page,
    browser,
    login,
    expectAccessible,
  }) => {
    test.slow(); // two browsers, each signing in
    const { roundId } = createOpenRound({ budget: 5_000_000 });
    const application = createApplication(roundId, { requestedAmount: 600_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await expectAccessible();
    await page.getByRole("radio", { name: "Avslås" }).check();
    await page.getByLabel("Motivering").fill("Utanför inriktningen.");

    // The administrator, in another browser, approves first.
    const other = await signInElsewhere(browser, "admin");
    await other.page.goto(`/ansokningar/${application.id}`);
    await checkAccessibility(other.page, "the second officer's application page");
    await other.page.getByRole("radio", { name: "Beviljas" }).check();
    await other.page.getByLabel("Beviljat belopp (kronor)").fill("600 000");
    await other.page.getByLabel("Motivering").fill("Väl underbyggd.");
    await other.page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(other.page.getByRole("status")).toContainText("ansökan beviljas med 600 000 kronor");

    // The officer's form was opened before that decision: saving it now is refused, and nothing is written.
    await page.getByRole("button", { name: "Spara beslut" }).click();
    const alert = page.getByRole("alert").filter({ hasText: STALE });
    await expect(alert).toBeVisible();
    await expectAccessible("the stale refusal");

    await page.reload();
    await expect(decisionSection(page)).toContainText("Beviljad");
    await expect(decisionSection(page)).toContainText("Karin Lindqvist");
    await expect(history(page).getByRole("row").filter({ hasText: "Beslut fattat" })).toHaveCount(1);
    await expectAccessible();

    // A change made from a version someone else has replaced meanwhile is refused the same way.
    await page.getByRole("button", { name: "Ändra beslut" }).click();
    await other.page.reload();
    await checkAccessibility(other.page);
    await other.page.getByRole("button", { name: "Ändra beslut" }).click();
    await other.page.getByLabel("Beviljat belopp (kronor)").fill("550 000");
    await other.page.getByLabel("Skäl till ändringen").fill("Justerat efter budgetdialog.");
    await other.page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect(other.page.getByRole("status")).toHaveText("Det ändrade beslutet är sparat.");
    await other.context.close();

    await page.getByLabel("Beviljat belopp (kronor)").fill("400 000");
    await page.getByLabel("Skäl till ändringen").fill("Sänkt efter granskning.");
    await page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: STALE })).toBeVisible();
    await page.reload();
    await expect(decisionSection(page)).toContainText("550 000 kronor");
    await expect(history(page)).not.toContainText("Sänkt efter granskning.");
    await expectAccessible();
  });

  test("withdrawing a decision needs a reason and returns the application to Inkommen", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 1_000_000 });
    const application = createApplication(roundId, { requestedAmount: 400_000 });
    decideInDb(application.id, 400_000);
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await expect(decisionSection(page)).toContainText("Beviljad");
    await expectAccessible();

    await page.getByRole("button", { name: "Återkalla beslut" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Återkalla beslut" })).toBeFocused();
    await page.getByRole("button", { name: "Återkalla beslutet" }).click();
    await expect(page.getByText("Ange varför beslutet tas tillbaka.")).toBeVisible();
    await expect(page.getByLabel("Skäl till återkallelsen")).toBeFocused();
    await expectAccessible("the withdrawal form with an error");
    await page.getByLabel("Skäl till återkallelsen").fill("Beslutet fattades på fel ansökan.");
    await page.getByRole("button", { name: "Återkalla beslutet" }).click();

    await expect(page.getByRole("status")).toHaveText("Beslutet är återkallat. Ansökan är inkommen igen.");
    await expect(decisionSection(page)).toContainText("Inget beslut ännu.");
    await expect(page.getByText("Inkommen", { exact: true })).toBeVisible();
    const withdrawn = history(page).getByRole("row").filter({ hasText: "Beslut återkallat" });
    await expect(withdrawn).toContainText("Beviljat belopp: 400 000 kronor");
    await expect(withdrawn).toContainText("Skäl: Beslutet fattades på fel ansökan.");
    // A new decision can be made at once.
    await expect(page.getByRole("heading", { level: 3, name: "Fatta beslut" })).toBeVisible();
    await expectAccessible("the application after the withdrawal");
  });

  test("a communications user sees the decision but no form", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 1_000_000 });
    const application = createApplication(roundId, { requestedAmount: 250_000 });
    decideInDb(application.id, 250_000);
    await login("communications");
    await page.goto(`/ansokningar/${application.id}`);
    await expect(decisionSection(page)).toContainText("Beviljad");
    await expect(decisionSection(page)).toContainText("250 000 kronor");
    await expect(page.getByRole("button", { name: "Ändra beslut" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Återkalla beslut" })).toHaveCount(0);
    await expect(page.getByRole("radio")).toHaveCount(0);
    await expectAccessible();
  });

  test("an officer is told that a decided round takes no more decisions, instead of getting a form", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 1_000_000 });
    const decided = createApplication(roundId, { requestedAmount: 250_000 });
    const undecided = createApplication(roundId, { requestedAmount: 250_000 });
    decideInDb(decided.id, 250_000);
    setRoundStatus(roundId, "decided");
    await login("officer");

    await page.goto(`/ansokningar/${decided.id}`);
    await expect(decisionSection(page)).toContainText("Beviljad");
    await expect(decisionSection(page)).toContainText("Omgången är avslutad: beslut kan inte längre fattas eller ändras.");
    await expect(page.getByRole("button", { name: "Ändra beslut" })).toHaveCount(0);
    await expectAccessible();

    await page.goto(`/ansokningar/${undecided.id}`);
    await expect(decisionSection(page)).toContainText("Omgången är avslutad: beslut kan inte längre fattas eller ändras.");
    await expect(page.getByRole("radio")).toHaveCount(0);
    await expectAccessible();
  });

  test("granting more than was requested needs a confirmation, and the history says it was confirmed", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 5_000_000 });
    const application = createApplication(roundId, { requestedAmount: 1_000_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await expectAccessible();
    await page.getByRole("radio", { name: "Beviljas" }).check();
    await page.getByLabel("Beviljat belopp (kronor)").fill("1 200 000");
    await page.getByLabel("Motivering").fill("Utökat uppdrag från styrelsen.");
    const confirm = page.getByRole("checkbox", { name: "Ja, bevilja mer än det sökta beloppet (1 000 000 kronor)" });
    await expect(confirm).toBeVisible();
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Det beviljade beloppet är större än det sökta. Bekräfta att ansökan ska få mer än den sökte om.")).toBeVisible();
    await expect(confirm).toBeFocused();
    await expectAccessible("the confirmation asked for");
    await confirm.check();
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByRole("status")).toHaveText("Beslutet är sparat: ansökan beviljas med 1 200 000 kronor.");
    await expect(history(page).getByRole("row").filter({ hasText: "Beslut fattat" })).toContainText(
      "Beviljat 200 000 kronor mer än det sökta beloppet (bekräftat)",
    );
    await expectAccessible();
  });

  test("a decision date in the future or in the year 0012 is refused at the field", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 5_000_000 });
    const application = createApplication(roundId, { requestedAmount: 1_000_000 });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await page.getByRole("radio", { name: "Avslås" }).check();
    await page.getByLabel("Motivering").fill("Utanför inriktningen.");
    const date = page.getByLabel("Beslutsdatum");
    await date.fill(`${new Date().getFullYear() + 1}-01-15`);
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Beslutsdatumet kan inte ligga i framtiden.")).toBeVisible();
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("a future date refused");
    await date.fill("0012-05-01");
    await page.getByRole("button", { name: "Spara beslut" }).click();
    await expect(page.getByText("Beslutsdatumet kan inte vara före 1 januari 2000.")).toBeVisible();
    await page.reload();
    await expect(decisionSection(page)).toContainText("Inget beslut ännu.");
    await expectAccessible();
  });

  test("a decision stored with the date 0012-05-01 still shows its page and both letters instead of a 500", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 1_000_000 });
    const application = createApplication(roundId, { requestedAmount: 400_000 });
    decideInDb(application.id, 400_000);
    // As the probe left it, before dates had a range.
    sqlInDb("UPDATE decisions SET decided_on = '0012-05-01' WHERE application_id = ?", application.id);
    await login("officer");
    const response = await page.goto(`/ansokningar/${application.id}`);
    expect(response?.status()).toBe(200);
    await expect(decisionSection(page)).toContainText("0012-05-01");
    await expectAccessible();
    for (const format of ["pdf", "docx"]) {
      const letter = await page.request.get(`/ansokningar/${application.id}/beslutsbrev?format=${format}`, { maxRedirects: 0 });
      expect(letter.status()).toBe(200);
    }
  });
});
