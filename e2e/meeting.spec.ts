import type { Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { recordDecision } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { test, expect } from "./fixtures";
import { createApplication, createOpenRound } from "./data";

function withDb(fn: (db: ReturnType<typeof openDatabase>) => void): void {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    fn(db);
  } finally {
    db.$client.close();
  }
}

/** A decision made before the test, as another officer would have made it; then, optionally, the round decided. */
function decideInDb(applicationId: number, grantedAmount: number, motivation: string): void {
  withDb((db) =>
    inWriteTransaction(db, (tx) =>
      recordDecision(
        tx,
        { applicationId, outcome: grantedAmount > 0 ? "approved" : "rejected", grantedAmount, motivation, decidedOn: "2026-05-20" },
        { id: null, label: "E2E" },
      ),
    ),
  );
}

function setRoundDecided(roundId: number): void {
  withDb((db) => db.$client.prepare("UPDATE rounds SET status = 'decided' WHERE id = ?").run(roundId));
}

const shared = (page: Page) => page.getByLabel("Gemensam motivering (kopieras in i raderna)");

const NBSP = "\u00a0";
/**
 * The most a meeting row may add to the page's HTML, and to the whole page with its RSC payload (the rows' props): see
 * the byte test. The react-hook-form table's rows were 1 650 bytes of HTML and 2 000 in all; these are about 800 and 1 200.
 */
const MAX_HTML_BYTES_PER_ROW = 1_000;
const MAX_BYTES_PER_ROW = 1_500;
const kr = (text: string) => `${text.replace(/ /g, NBSP)} kronor`;

test.describe("the decision meeting", () => {
  test("an officer decides a whole round at once and the round and application pages show the decisions", async ({ page, login, expectAccessible }) => {
    test.slow(); // four rows proposed and motivated, then four pages checked with axe
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const umea = createApplication(roundId, { leadOrganisation: { name: "Umeå kommun" }, requestedAmount: 1_000_000 });
    const boras = createApplication(roundId, { leadOrganisation: { name: "Borås Stad", kind: "kommun", municipalityCode: "1490" }, requestedAmount: 1_800_000 });
    const lycksele = createApplication(roundId, { leadOrganisation: { name: "Lycksele kommun" }, requestedAmount: 900_000 });
    const vaxjo = createApplication(roundId, { leadOrganisation: { name: "Växjö kommun", kind: "kommun", municipalityCode: "0780" }, requestedAmount: 700_000 });

    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expect(page.getByRole("heading", { level: 1, name: "Beslutsmöte: Första omgången 2026" })).toBeVisible();
    const table = page.getByRole("table", { name: "Ansökningar och föreslagna beslut" });
    await expect(table.getByRole("row")).toHaveCount(5);
    const total = page.getByText(/^Föreslaget:/);
    await expect(total).toHaveText(`Föreslaget: ${kr("0")} av ${kr("3 000 000")}. Kvar: ${kr("3 000 000")}.`);
    await expectAccessible();

    // Approving proposes no amount: the officer types what is granted.
    await page.getByLabel(`Beslut för ${umea.registrationNumber}`).selectOption({ label: "Beviljas" });
    await expect(page.getByLabel(`Föreslaget belopp för ${umea.registrationNumber}`)).toHaveValue("");
    await page.getByLabel(`Föreslaget belopp för ${umea.registrationNumber}`).fill("1 000 000");
    await expect(total).toHaveText(`Föreslaget: ${kr("1 000 000")} av ${kr("3 000 000")}. Kvar: ${kr("2 000 000")}.`);
    await page.getByLabel(`Beslut för ${boras.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Föreslaget belopp för ${boras.registrationNumber}`).fill("1 500 000");
    await page.getByLabel(`Beslut för ${lycksele.registrationNumber}`).selectOption({ label: "Avslås" });
    await page.getByLabel(`Beslut för ${vaxjo.registrationNumber}`).selectOption({ label: "Avslås" });
    await expect(total).toHaveText(`Föreslaget: ${kr("2 500 000")} av ${kr("3 000 000")}. Kvar: ${kr("500 000")}.`);
    await expect(page.getByText("Beviljas: 2. Avslås: 2. Ej beslutade: 0.")).toBeVisible();
    // A shared text is copied into the rows, then one row's motivation is rewritten.
    await shared(page).fill("Beslut vid beslutsmötet.");
    await page.getByRole("button", { name: "Kopiera till rader utan motivering" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Texten kopierades till 4 rader." })).toBeVisible();
    await expect(page.getByLabel(`Motivering för ${umea.registrationNumber}`)).toHaveValue("Beslut vid beslutsmötet.");
    await page.getByLabel(`Motivering för ${boras.registrationNumber}`).fill("Beviljas delvis: tydligt medborgarperspektiv.");
    await expectAccessible("the meeting with every row proposed");

    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    await expect(page.getByRole("status").filter({ hasText: "4 beslut har fattats." })).toBeVisible();
    await expect(table.getByRole("row", { name: new RegExp(boras.registrationNumber) })).toContainText(`Beviljad ${kr("1 500 000")}`);
    await expect(table.getByRole("row", { name: new RegExp(vaxjo.registrationNumber) })).toContainText("Avslagen");
    await expectAccessible("the meeting after recording");

    await page.goto(`/omgangar/${roundId}`);
    const list = page.getByRole("table", { name: "Ansökningar i omgången" });
    const row = (registrationNumber: string) => list.getByRole("row", { name: new RegExp(registrationNumber) });
    await expect(row(umea.registrationNumber)).toContainText("Beviljad");
    await expect(row(umea.registrationNumber).getByRole("cell").last()).toHaveText(kr("1 000 000"));
    await expect(row(boras.registrationNumber)).toContainText("Beviljad");
    await expect(row(boras.registrationNumber).getByRole("cell").last()).toHaveText(kr("1 500 000"));
    await expect(row(lycksele.registrationNumber)).toContainText("Avslagen");
    await expectAccessible();

    await page.goto(`/ansokningar/${boras.id}`);
    const decision = page.getByRole("region", { name: "Beslut" });
    await expect(decision.getByText(kr("1 500 000"), { exact: true })).toBeVisible();
    await expect(decision.getByText("Beviljas delvis: tydligt medborgarperspektiv.", { exact: true })).toBeVisible();
    await expectAccessible();
  });

  test("a meeting over the budget is refused at the row where the running sum passes it, linked to its field, and writes nothing", async ({
    page,
    login,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const first = createApplication(roundId, { requestedAmount: 2_000_000 });
    const second = createApplication(roundId, { requestedAmount: 2_000_000 });
    const third = createApplication(roundId, { requestedAmount: 500_000 });

    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expectAccessible();
    // In table order the first row fits (1 700 000) and the second passes the budget (3 200 000): the second is the
    // one to blame, though it is the smaller increase (it used to blame the first).
    await page.getByLabel(`Beslut för ${first.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Föreslaget belopp för ${first.registrationNumber}`).fill("1 700 000");
    await page.getByLabel(`Beslut för ${second.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Föreslaget belopp för ${second.registrationNumber}`).fill("1 500 000");
    await page.getByLabel(`Beslut för ${third.registrationNumber}`).selectOption({ label: "Avslås" });
    await shared(page).fill("Enligt beslutsmötet.");
    await page.getByRole("button", { name: "Kopiera till rader utan motivering" }).click();
    // The total warns before anything is sent, in words as well as in colour.
    await expect(page.getByText(/^Föreslaget:/)).toHaveText(`Föreslaget: ${kr("3 200 000")} av ${kr("3 000 000")}. Över budgeten med ${kr("200 000")}.`);
    await expect(page.getByText("Över budgeten", { exact: true })).toBeVisible();
    await expectAccessible("the meeting over budget");

    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" });
    await expect(alert).toContainText(`Förslagen beviljar ${kr("3 200 000")} men budgeten är ${kr("3 000 000")}: ${kr("200 000")} för mycket.`);
    await expect(alert).toContainText(`Budgeten tar slut vid ${second.registrationNumber}.`);
    const amount = page.getByLabel(`Föreslaget belopp för ${second.registrationNumber}`);
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAccessibleDescription(`Beloppet överstiger det som finns kvar av omgångens budget: ${kr("1 300 000")} återstår.`);
    await expect(page.getByLabel(`Föreslaget belopp för ${first.registrationNumber}`)).not.toHaveAttribute("aria-invalid", "true");
    await expectAccessible("the meeting refused");

    // The error summary links to the field.
    await page.getByLabel(`Motivering för ${third.registrationNumber}`).focus();
    await alert.getByRole("link", { name: new RegExp(`^${second.registrationNumber}: Beloppet överstiger`) }).click();
    await expect(amount).toBeFocused();

    // Nothing was written: not the approval that fitted, not the rejection.
    await page.goto(`/omgangar/${roundId}`);
    const list = page.getByRole("table", { name: "Ansökningar i omgången" });
    for (const application of [first, second, third]) {
      await expect(list.getByRole("row", { name: new RegExp(application.registrationNumber) })).toContainText("Inkommen");
    }
    await expectAccessible();
  });

  test("a row left without an amount is refused in the browser at its field", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const application = createApplication(roundId, { requestedAmount: 600_000 });
    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expectAccessible();
    await page.getByLabel(`Beslut för ${application.registrationNumber}`).selectOption({ label: "Beviljas" });
    const amount = page.getByLabel(`Föreslaget belopp för ${application.registrationNumber}`);
    await amount.fill("");
    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" })).toContainText(`${application.registrationNumber}: Ange det beviljade beloppet (mer än 0 kronor).`);
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    // Every decision needs its own motivation, also in the meeting.
    const motivation = page.getByLabel(`Motivering för ${application.registrationNumber}`);
    await expect(motivation).toHaveAttribute("aria-invalid", "true");
    await expect(motivation).toHaveAccessibleDescription("Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet.");
    // The first field with an error takes focus (the summary above it has rendered by then).
    await expect(amount).toBeFocused();
    await expectAccessible("the meeting with a row error");
    // Put right, a field's error goes at once; the other stays until its field is right too.
    await amount.fill("500 000");
    await expect(amount).not.toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription("");
    await expect(motivation).toHaveAttribute("aria-invalid", "true");
    await motivation.fill("Väl underbyggd.");
    await expect(motivation).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Ett beslut har fattats." })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" })).toHaveCount(0);
  });

  test("a decision made elsewhere while the meeting is open is refused at its row, and the rest is kept as typed", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const first = createApplication(roundId, { requestedAmount: 600_000 });
    const second = createApplication(roundId, { requestedAmount: 400_000 });
    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await page.getByLabel(`Beslut för ${first.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Föreslaget belopp för ${first.registrationNumber}`).fill("600 000");
    await page.getByLabel(`Motivering för ${first.registrationNumber}`).fill("Väl underbyggd.");
    await page.getByLabel(`Beslut för ${second.registrationNumber}`).selectOption({ label: "Avslås" });
    await page.getByLabel(`Motivering för ${second.registrationNumber}`).fill("Utanför inriktningen.");
    // Another officer decides the second application meanwhile.
    decideInDb(second.id, 400_000, "Beviljas av en kollega.");
    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" });
    await expect(alert.getByRole("link", { name: new RegExp(`^${second.registrationNumber}: Någon annan har beslutat`) })).toBeVisible();
    const outcome = page.getByLabel(`Beslut för ${second.registrationNumber}`);
    await expect(outcome).toHaveAttribute("aria-invalid", "true");
    await expect(outcome).toBeFocused();
    await expect(outcome).toHaveAccessibleDescription("Någon annan har beslutat om ansökan under tiden. Ladda om sidan och försök igen.");
    await expect(page.getByLabel(`Beslut för ${first.registrationNumber}`)).not.toHaveAttribute("aria-invalid", "true");
    // Nothing the officer typed is lost with the refusal.
    await expect(page.getByLabel(`Föreslaget belopp för ${first.registrationNumber}`)).toHaveValue("600 000");
    await expect(page.getByLabel(`Motivering för ${second.registrationNumber}`)).toHaveValue("Utanför inriktningen.");
    await expectAccessible("the meeting refused at a row decided elsewhere");
  });

  test("the page grows by a bounded number of bytes per row, and a row's data is sent once as its HTML and once as props", async ({ page, login }) => {
    // Issue 14: 500 rows in one react-hook-form component were about 1 MB (1 650 bytes of HTML a row) and slow to render.
    const small = createOpenRound({ budget: 100_000_000 });
    createApplication(small.roundId, { requestedAmount: 500_000 });
    const large = createOpenRound({ budget: 100_000_000 });
    const rows = 41;
    const titleOf = (i: number) => `Radprojekt ${i} av ${rows} i omgång ${large.roundId}`;
    const applications = Array.from({ length: rows }, (_, i) => createApplication(large.roundId, { requestedAmount: 500_000 + i * 1_000, projectTitle: titleOf(i) }));
    // A quarter of them decided, as in a meeting under way.
    applications.filter((_, i) => i % 4 === 0).forEach((a) => decideInDb(a.id, 0, "Utanför inriktningen."));
    await login("officer");
    const bytesOf = async (roundId: number) => {
      const response = await page.request.get(`/omgangar/${roundId}/beslutsmote`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      // The markup without the scripts, which carry the RSC payload (the rows' props).
      const markup = html.replace(/<script[\s\S]*?<\/script>/g, "");
      return { size: Buffer.byteLength(html), markup: Buffer.byteLength(markup), html, markupText: markup };
    };
    const one = await bytesOf(small.roundId);
    const many = await bytesOf(large.roundId);
    const perRow = (many.size - one.size) / (rows - 1);
    const markupPerRow = (many.markup - one.markup) / (rows - 1);
    expect(markupPerRow, `bytes of HTML per row: ${Math.round(markupPerRow)}`).toBeLessThan(MAX_HTML_BYTES_PER_ROW);
    expect(perRow, `bytes per row: ${Math.round(perRow)}`).toBeLessThan(MAX_BYTES_PER_ROW);
    // A row's data is in the page twice: its HTML, and the client rows' props. Never a third time (a server
    // component's output is sent again as the payload's element tree).
    expect(many.html.split(titleOf(7)).length - 1).toBe(2);
    expect(many.markupText.split(titleOf(7)).length - 1).toBe(1);
    // No field carries an id until it has an error (the error summary links to it then).
    expect(many.markupText).not.toContain('id="rad-');
  });

  test("granting a row more than it requested asks for a confirmation at that row", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const application = createApplication(roundId, { requestedAmount: 600_000 });
    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await page.getByLabel(`Beslut för ${application.registrationNumber}`).selectOption({ label: "Beviljas" });
    const confirm = page.getByRole("checkbox", { name: `Bevilja ${application.registrationNumber} mer än det sökta beloppet` });
    await page.getByLabel(`Föreslaget belopp för ${application.registrationNumber}`).fill("600 000");
    await expect(confirm).toHaveCount(0);
    await page.getByLabel(`Föreslaget belopp för ${application.registrationNumber}`).fill("700 000");
    await expect(confirm).toBeVisible();
    await expect(confirm).not.toBeChecked();
    await page.getByLabel(`Motivering för ${application.registrationNumber}`).fill("Utökat uppdrag.");
    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(confirm).toBeFocused();
    await expectAccessible("the confirmation asked for");
    await confirm.check();
    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Ett beslut har fattats." })).toBeVisible();
  });

  for (const viewport of [
    { name: "desktop", width: 1280, height: 720 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    test(`no focused field is hidden under the total bar (${viewport.name})`, async ({ page, login, expectAccessible }) => {
      test.slow(); // tabs through every field of eight rows
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const { roundId } = createOpenRound({ budget: 30_000_000 });
      const applications = Array.from({ length: 8 }, () => createApplication(roundId, { requestedAmount: 900_000 }));
      await login("officer");
      await page.goto(`/omgangar/${roundId}/beslutsmote`);
      await expectAccessible();
      const bar = page.getByRole("button", { name: "Fatta alla beslut" }).locator("..");
      if (viewport.name === "phone") {
        // On a phone the bar is not sticky: it does not take a fifth of the screen while the officer works.
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await bar.evaluate((el) => getComputedStyle(el).position)).not.toBe("sticky");
      }
      await page.getByLabel(`Beslut för ${applications[0]!.registrationNumber}`).focus();
      for (let i = 0; i < applications.length * 3; i++) {
        await page.keyboard.press("Tab");
        const overlap = await page.evaluate(() => {
          const focused = document.activeElement as HTMLElement | null;
          const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Fatta alla beslut");
          const barBox = button?.parentElement?.getBoundingClientRect();
          if (!focused || !barBox || button?.parentElement?.contains(focused)) return 0;
          const box = focused.getBoundingClientRect();
          // Only a bar that stays on screen can hide a field.
          if (barBox.top >= window.innerHeight) return 0;
          return box.bottom > barBox.top && box.top < barBox.bottom ? box.bottom - barBox.top : 0;
        });
        expect(overlap, `focused field ${i} overlaps the total bar`).toBeLessThanOrEqual(0);
      }

      // A field focused for its error, with the error summary appearing above the table, stays clear of it too.
      await page.getByLabel(`Beslut för ${applications[0]!.registrationNumber}`).selectOption({ label: "Beviljas" });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole("button", { name: "Fatta alla beslut" }).click();
      const amount = page.getByLabel(`Föreslaget belopp för ${applications[0]!.registrationNumber}`);
      await expect(amount).toBeFocused();
      await expect(page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" })).toBeVisible();
      const box = await amount.boundingBox();
      const barBox = await bar.boundingBox();
      const sticky = (await bar.evaluate((el) => getComputedStyle(el).position)) === "sticky";
      if (sticky && box && barBox) expect(box.y + box.height).toBeLessThanOrEqual(barBox.y);
      await expectAccessible("the meeting with a row error");
    });
  }

  test("a decided round's meeting shows its decisions read-only", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const approved = createApplication(roundId, { requestedAmount: 1_000_000 });
    const rejected = createApplication(roundId, { requestedAmount: 800_000 });
    decideInDb(approved.id, 900_000, "Beviljas delvis.");
    decideInDb(rejected.id, 0, "Utanför inriktningen.");
    setRoundDecided(roundId);
    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expect(page.getByText("Omgången är beslutad och avslutad. Här är besluten; de kan inte ändras.")).toBeVisible();
    const table = page.getByRole("table", { name: "Omgångens beslut" });
    await expect(table.getByRole("row", { name: new RegExp(approved.registrationNumber) })).toContainText(kr("900 000"));
    // A made decision reads as one ("Beviljad"), not as the meeting's proposal ("Beviljas").
    await expect(table.getByRole("row", { name: new RegExp(approved.registrationNumber) })).toContainText("Beviljad");
    await expect(table.getByRole("row", { name: new RegExp(rejected.registrationNumber) })).toContainText("Avslagen");
    await expect(table.getByRole("row", { name: new RegExp(approved.registrationNumber) })).toContainText("Beviljas delvis.");
    await expect(table.getByRole("row", { name: new RegExp(rejected.registrationNumber) })).toContainText("Utanför inriktningen.");
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Fatta alla beslut" })).toHaveCount(0);
    await expectAccessible();
  });

  test("a communications user cannot open the decision meeting", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    await login("communications");
    const response = await page.goto(`/omgangar/${roundId}/beslutsmote`);
    expect(response?.status()).toBe(403);
    await expectAccessible();
  });
});
