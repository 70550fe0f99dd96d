import { test, expect } from "./fixtures";
import { createApplication, createOpenRound } from "./data";

const NBSP = "\u00a0";
const kr = (text: string) => `${text.replace(/ /g, NBSP)} kronor`;

test.describe("the decision meeting", () => {
  test("an officer decides a whole round at once and the round and application pages show the decisions", async ({ page, login, expectAccessible }) => {
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

    // Approving starts from the amount applied for; the officer lowers one of them.
    await page.getByLabel(`Beslut för ${umea.registrationNumber}`).selectOption({ label: "Beviljas" });
    await expect(page.getByLabel(`Föreslaget belopp för ${umea.registrationNumber}`)).toHaveValue("1 000 000");
    await expect(total).toHaveText(`Föreslaget: ${kr("1 000 000")} av ${kr("3 000 000")}. Kvar: ${kr("2 000 000")}.`);
    await page.getByLabel(`Beslut för ${boras.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Föreslaget belopp för ${boras.registrationNumber}`).fill("1 500 000");
    await page.getByLabel(`Beslut för ${lycksele.registrationNumber}`).selectOption({ label: "Avslås" });
    await page.getByLabel(`Beslut för ${vaxjo.registrationNumber}`).selectOption({ label: "Avslås" });
    await expect(total).toHaveText(`Föreslaget: ${kr("2 500 000")} av ${kr("3 000 000")}. Kvar: ${kr("500 000")}.`);
    await expect(page.getByText("Beviljas: 2. Avslås: 2. Ej beslutade: 0.")).toBeVisible();
    await page.getByLabel("Motivering").fill("Beslut vid beslutsmötet.");
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
    await expect(decision.getByText("Beslut vid beslutsmötet.", { exact: true })).toBeVisible();
    await expectAccessible();
  });

  test("a meeting whose proposals exceed the budget is refused at the row and writes nothing", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ budget: 3_000_000 });
    const first = createApplication(roundId, { requestedAmount: 2_000_000 });
    const second = createApplication(roundId, { requestedAmount: 2_000_000 });
    const third = createApplication(roundId, { requestedAmount: 500_000 });

    await login("officer");
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expectAccessible();
    await page.getByLabel(`Beslut för ${first.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Beslut för ${second.registrationNumber}`).selectOption({ label: "Beviljas" });
    await page.getByLabel(`Beslut för ${third.registrationNumber}`).selectOption({ label: "Avslås" });
    // The total warns before anything is sent, in words as well as in colour.
    await expect(page.getByText(/^Föreslaget:/)).toHaveText(`Föreslaget: ${kr("4 000 000")} av ${kr("3 000 000")}. Över budgeten med ${kr("1 000 000")}.`);
    await expect(page.getByText("Över budgeten", { exact: true })).toBeVisible();
    await expectAccessible("the meeting over budget");

    await page.getByRole("button", { name: "Fatta alla beslut" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Inga beslut har fattats" });
    await expect(alert).toContainText(`Förslagen beviljar ${kr("4 000 000")} men budgeten är ${kr("3 000 000")}: ${kr("1 000 000")} för mycket.`);
    await expect(alert).toContainText(`${second.registrationNumber}: Beloppet överstiger det som finns kvar av omgångens budget`);
    const amount = page.getByLabel(`Föreslaget belopp för ${second.registrationNumber}`);
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAccessibleDescription(`Beloppet överstiger det som finns kvar av omgångens budget: ${kr("1 000 000")} återstår.`);
    await expectAccessible("the meeting refused");

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
    await expectAccessible("the meeting with a row error");
  });

  test("a communications user cannot open the decision meeting", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    await login("communications");
    const response = await page.goto(`/omgangar/${roundId}/beslutsmote`);
    expect(response?.status()).toBe(403);
    await expectAccessible();
  });
});
