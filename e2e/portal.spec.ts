import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { listAuditEvents } from "@/db/queries/audit";
import { pdfText } from "@/lib/letters/testing";
import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, withDb } from "./data";
import { portalPageWith, portalTotalsPageWith } from "./portal-pages";

/*
 * The coordinator's portal (issue 13): the demo coordinator of Umeå kommun follows the organisation's applications
 * across rounds, opens a grant, downloads its letter and keeps the contact person up to date, and reaches nothing of
 * any other organisation. Tests that write make applications of their own, so the demo's rows stay as they are.
 */

/** The start page's row of Umeå kommun's approved grant in the demo's fourth round (2012). */
function fourthRoundGrant(page: Page) {
  return page
    .getByRole("table", { name: "Din organisations ansökningar" })
    .getByRole("row")
    .filter({ hasText: "Fjärde omgången 2012" })
    .filter({ hasText: "Program för Hållbar jämställdhet" });
}

async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test.describe("the coordinator's portal", () => {
  test("the start page lists the organisation's applications as lead and co-applicant, each a link, with grants per round", async ({
    page,
    login,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound({ year: 2027 });
    const joint = createApplication(roundId, { leadOrganisation: { name: "Vännäs kommun" }, coApplicants: [{ name: "Umeå kommun" }] });
    const others = createApplication(roundId, { leadOrganisation: { name: "Lycksele kommun" } });
    await login("coordinator");
    await expect(page.getByRole("heading", { level: 1, name: "Umeå kommun" })).toBeVisible();

    const table = page.getByRole("table", { name: "Din organisations ansökningar" });
    const jointRow = table.getByRole("row").filter({ hasText: joint.registrationNumber });
    await expect(jointRow).toContainText("medsökande");
    await expect(jointRow).toContainText("Inget beslut ännu");
    await expect(jointRow.getByRole("link", { name: joint.registrationNumber })).toHaveAttribute("href", `/ansokningar/${joint.id}`);
    await expect(table.getByText(others.registrationNumber)).toHaveCount(0);

    const grant = fourthRoundGrant(page);
    await portalPageWith(page, grant);
    await expect(grant.getByRole("cell").nth(3)).toHaveText("Beviljad");
    await expect(grant.getByRole("cell").nth(5)).toHaveText("1 700 000 kronor");
    await expect(grant.getByRole("link", { name: /^HJ-2012-\d{4}$/ })).toBeVisible();

    const totals = page.getByRole("table", { name: "Beviljade medel per omgång" });
    // The newest rounds are on the totals' first page: this test's round of 2027 among them.
    await expect(totals.getByRole("row").filter({ hasText: "Testprogram" }).filter({ hasText: "2027" }).first()).toBeVisible();
    const fourth = totals.getByRole("row").filter({ hasText: "Fjärde omgången 2012" });
    await portalTotalsPageWith(page, fourth);
    await expect(fourth.getByRole("cell").nth(3)).toHaveText("1 700 000 kronor");
    // Nothing of any other organisation on the page.
    await expect(page.getByText("Lycksele")).toHaveCount(0);
    await expectAccessible();
  });

  test("opens the approved grant, sees its decision and timeline, and downloads its letter; nothing an officer edits is offered", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("coordinator");
    await portalPageWith(page, fourthRoundGrant(page));
    await fourthRoundGrant(page).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Jämställdhetsperspektivet i styr- och ledningssystem");

    const decision = page.getByRole("region", { name: "Beslut" });
    await expect(decision).toContainText("Beviljad");
    await expect(decision).toContainText("1 700 000 kronor");
    await expect(decision.getByText("Beslutsdatum")).toBeVisible();
    await expect(decision.getByText("Motivering")).toBeVisible();

    const timeline = page.getByRole("region", { name: "Tidslinje" }).getByRole("listitem");
    await expect(timeline.first()).toContainText("Ansökan mottagen");
    await expect(timeline.filter({ hasText: "Beviljad" })).toHaveCount(1);

    await expect(page.getByRole("link", { name: "Redigera ansökan" })).toHaveCount(0);
    await expect(decision.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Historik" })).toHaveCount(0);
    await expectAccessible();

    const event = page.waitForEvent("download");
    await decision.getByRole("link", { name: "Beslutsbrev (PDF)" }).click();
    const file = await event;
    expect(file.suggestedFilename()).toMatch(/^beslutsbrev-HJ-2012-\d{4}\.pdf$/);
    const text = pdfText(new Uint8Array(await readFile(await file.path())));
    expect(text).toContain("Umeå kommun");
    expect(text).toContain("1 700 000 kronor");
  });

  test("updates the contact person of the organisation's application, refused at the field first, and sees it on the page", async ({
    page,
    login,
    expectAccessible,
  }) => {
    const { roundId } = createOpenRound();
    const own = createApplication(roundId, { contactName: "Gammal Kontakt", contactEmail: "gammal@umea.example" });
    await login("coordinator");
    await page.goto(`/ansokningar/${own.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(own.registrationNumber);
    const form = page.getByRole("region", { name: "Kontaktperson" });
    await expect(form.getByLabel("Namn")).toHaveValue("Gammal Kontakt");
    await expectAccessible();

    await form.getByLabel("Namn").fill("Marie Öhlund");
    await form.getByLabel("Titel").fill("Jämställdhetsstrateg");
    await form.getByLabel("Telefon").fill("090-16 10 00");
    await form.getByLabel("E-postadress").fill("marie.ohlund@");
    await form.getByRole("button", { name: "Spara kontaktperson" }).click();
    await expect(form.getByText("Ange en giltig e-postadress, till exempel namn@kommun.se.")).toBeVisible();
    await expect(form.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible("the contact form with an error");

    await form.getByLabel("E-postadress").fill("marie.ohlund@umea.example");
    await form.getByRole("button", { name: "Spara kontaktperson" }).click();
    await expect(form.getByRole("status")).toHaveText("Kontaktpersonen är sparad.");
    await page.reload();
    await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Marie Öhlund, Jämställdhetsstrateg, 090-16 10 00, marie.ohlund@umea.example");
    await expect(page.getByRole("region", { name: "Tidslinje" }).getByRole("listitem").filter({ hasText: "Kontaktperson ändrad" })).toHaveCount(1);
    await expectAccessible();

    const events = withDb((db) => listAuditEvents(db, "application", own.id)).filter((e) => e.action === "application.contact");
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toMatchObject({ contactName: "Gammal Kontakt" });
    expect(events[0]?.after).toMatchObject({ contactName: "Marie Öhlund", contactEmail: "marie.ohlund@umea.example" });
  });

  test("another organisation's application and its letter are 404, exactly as a missing one", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const other = createApplication(roundId, { leadOrganisation: { name: "Lycksele kommun" } });
    await login("coordinator");
    const response = await page.goto(`/ansokningar/${other.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expect(page.getByText("Lycksele")).toHaveCount(0);
    await expectAccessible();
    const missing = await page.request.get("/ansokningar/99999999", { maxRedirects: 0 });
    expect(missing.status()).toBe(404);
    const letter = await page.request.get(`/ansokningar/${other.id}/beslutsbrev?format=pdf`, { maxRedirects: 0 });
    expect(letter.status()).toBe(404);
  });
});

test.describe("the coordinator's portal on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

  test("status and granted amount are on screen without scrolling sideways", async ({ page, login, expectAccessible }) => {
    await login("coordinator");
    const grant = fourthRoundGrant(page);
    await portalPageWith(page, grant);
    for (const cell of [grant.getByRole("cell").nth(3), grant.getByRole("cell").nth(5)]) {
      await cell.scrollIntoViewIfNeeded();
      await expect(cell).toBeInViewport({ ratio: 1 });
    }
    await expect(grant.getByRole("cell").nth(5)).toHaveAttribute("data-label", "Beviljat belopp");
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("portal-390.png"), fullPage: true });
    await expectAccessible("the coordinator's start page at 390 px");
  });
});
