import { test, expect } from "./fixtures";
import { formatDateLongEnglish, todayIso } from "@/lib/format/date";
import { createApplication, createOpenRound, uniqueCode, withDb } from "./data";

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

  test("an officer decides in English: the decision form, the meeting and its decided record read English, in SEK, with English dates", async ({
    page,
    expectAccessible,
  }) => {
    test.slow(); // one decision, a refused meeting, a recorded one and the decided record
    const { roundId } = createOpenRound({ budget: 2_000_000 });
    const first = createApplication(roundId, { requestedAmount: 1_500_000 });
    const second = createApplication(roundId, { requestedAmount: 900_000 });
    const third = createApplication(roundId, { requestedAmount: 300_000 });
    const today = formatDateLongEnglish(todayIso());

    // The decision form: labels, the budget hint, the confirmation of more than requested, the saved message.
    await page.goto(`/ansokningar/${first.id}`);
    await expect(page.getByRole("heading", { level: 3, name: "Decide" })).toBeVisible();
    await page.getByRole("radio", { name: "Approve" }).check();
    const amount = page.getByRole("textbox", { name: "Granted amount (SEK)" });
    await expect(amount).toHaveAccessibleDescription("In whole SEK. Left of the round's budget: SEK 2,000,000.");
    await amount.fill("1 700 000");
    await page.getByRole("textbox", { name: "Motivation" }).fill("Strong local support.");
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(page.getByText("The granted amount is larger than the amount requested. Confirm that the application is to receive more than it asked for.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Yes, grant more than the requested amount (SEK 1,500,000)" }).check();
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(page.getByRole("status")).toHaveText("The decision has been saved: SEK 1,700,000 granted.");
    const decision = page.getByRole("region", { name: "Decision" });
    await expect(decision.getByRole("definition").filter({ hasText: "SEK 1,700,000" })).toBeVisible();
    await expect(decision.getByRole("definition").filter({ hasText: today })).toBeVisible();
    await expect(page.getByText(/kronor|Beviljas|Avslås/)).toHaveCount(0);
    await expectAccessible("the decided application in English");

    // The meeting: the running total in SEK, and the budget rule's refusal in English at the row that breaks it.
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expect(page.getByRole("heading", { level: 1, name: /^Decision meeting: / })).toBeVisible();
    const total = page.getByText(/^Proposed:/);
    await expect(total).toHaveText("Proposed: SEK 1,700,000 of SEK 2,000,000. Left: SEK 300,000.");
    await page.getByRole("combobox", { name: `Decision for ${second.registrationNumber}` }).selectOption({ label: "Approve" });
    await page.getByRole("textbox", { name: `Proposed amount for ${second.registrationNumber}` }).fill("900 000");
    await page.getByRole("combobox", { name: `Decision for ${third.registrationNumber}` }).selectOption({ label: "Reject" });
    await page.getByRole("textbox", { name: "Shared motivation (copied into the rows)" }).fill("Decided at the meeting.");
    await page.getByRole("button", { name: "Copy into rows without a motivation" }).click();
    await expect(total).toHaveText("Proposed: SEK 2,600,000 of SEK 2,000,000. Over budget by SEK 600,000.");
    await expect(page.getByText("Approve: 2. Reject: 1. Undecided: 0.")).toBeVisible();
    await page.getByRole("button", { name: "Make all decisions" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "No decisions were made" });
    await expect(alert).toContainText(
      `The proposals grant SEK 2,600,000 but the budget is SEK 2,000,000: SEK 600,000 too much. The budget runs out at ${second.registrationNumber}.`,
    );
    const secondAmount = page.getByRole("textbox", { name: `Proposed amount for ${second.registrationNumber}` });
    await expect(secondAmount).toHaveAccessibleDescription("The amount is more than is left of the round's budget: SEK 300,000 left.");
    await expect(page.getByText(/kronor|återstår|Beviljas/)).toHaveCount(0);
    await expectAccessible("the refused meeting in English");

    await secondAmount.fill("300 000");
    await page.getByRole("button", { name: "Make all decisions" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 decisions were made." })).toBeVisible();

    // Once the round is decided, its meeting is the read-only record, in English too.
    withDb((db) => db.$client.prepare("UPDATE rounds SET status = 'decided' WHERE id = ?").run(roundId));
    await page.reload();
    const record = page.getByRole("table", { name: "The round's decisions" });
    const secondRow = record.getByRole("row", { name: new RegExp(second.registrationNumber) });
    await expect(secondRow).toContainText("Approved");
    await expect(secondRow).toContainText("SEK 900,000");
    await expect(secondRow).toContainText("SEK 300,000");
    await expect(secondRow).toContainText(today);
    await expect(record.getByRole("row", { name: new RegExp(third.registrationNumber) })).toContainText("Rejected");
    await expect(page.getByText(/kronor|Beviljad|Avslagen/)).toHaveCount(0);
    await expectAccessible("the decided meeting in English");
  });
});
