import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import type { Download, Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { applications, organisations, programmes, rounds } from "@/db/schema";
import { docxDocumentXml, pdfText } from "@/lib/letters/testing";
import { test, expect } from "./fixtures";
import { createApplication, createOpenRound } from "./data";

/** The demo's application of an organisation in the fifth round, looked up in the database the server uses. */
function demoApplicationId(organisation: string): number {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const row = db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
      .innerJoin(rounds, eq(rounds.id, applications.roundId))
      .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
      .where(and(eq(organisations.name, organisation), eq(rounds.ordinal, 5), eq(programmes.name, "Program för Hållbar jämställdhet")))
      .get();
    if (!row) throw new Error(`no demo application of ${organisation} in the fifth round`);
    return row.id;
  } finally {
    db.$client.close();
  }
}

async function download(page: Page, linkName: string): Promise<{ file: Download; bytes: Uint8Array }> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await event;
  return { file, bytes: new Uint8Array(await readFile(await file.path())) };
}

test.describe("decision letters", () => {
  test("an officer downloads the decision letter of a decided application as PDF and Word, with the amount in both forms", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("officer");
    // The start page lists every round; the demo programme's fifth round is the one of 2013.
    await page
      .getByRole("row")
      .filter({ hasText: "Program för Hållbar jämställdhet" })
      .getByRole("link", { name: "Femte omgången 2013" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Femte omgången 2013/ })).toBeVisible();
    const roundId = new URL(page.url()).pathname.split("/").pop();
    await expectAccessible();

    await page.goto(`/omgangar/${roundId}?sok=Borås`);
    const row = page.getByRole("table", { name: "Ansökningar i omgången" }).getByRole("row").filter({ hasText: "Borås Stad" });
    await expect(row).toHaveCount(1);
    await expectAccessible();
    await row.getByRole("link").first().click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("Hållbar jämställd medborgarservice");
    await expectAccessible();
    const registrationNumber = /HJ-2013-\d{4}/.exec((await heading.textContent()) ?? "")?.[0];
    expect(registrationNumber).toBeDefined();

    const beslut = page.getByRole("region", { name: "Beslut" });
    await expect(beslut.getByRole("link", { name: "Beslutsbrev (PDF)" })).toBeVisible();

    const pdf = await download(page, "Beslutsbrev (PDF)");
    expect(pdf.file.suggestedFilename()).toBe(`beslutsbrev-${registrationNumber}.pdf`);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdfWords = pdfText(pdf.bytes);
    expect(pdfWords).toContain("1 200 000 kronor (1,2 miljoner kronor)");
    expect(pdfWords).toContain(`Diarienummer: ${registrationNumber}`);
    expect(pdfWords).toContain("23 maj 2013");

    const word = await download(page, "Beslutsbrev (Word)");
    expect(word.file.suggestedFilename()).toBe(`beslutsbrev-${registrationNumber}.docx`);
    const xml = docxDocumentXml(word.bytes).replace(/\u00a0/g, " ");
    expect(xml).toContain("1 200 000");
    expect(xml).toContain("1,2 miljoner kronor");
    expect(xml).toContain("Borås Stad");
    expect(xml).toContain("SKL har beslutat att bevilja Borås Stad");
    await expectAccessible("the application page after the downloads");
  });

  test("an application without a decision has no letter: no links and 404", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound();
    const application = createApplication(roundId, { projectTitle: "Ännu inte beslutad" });
    await login("officer");
    await page.goto(`/ansokningar/${application.id}`);
    await expect(page.getByText("Inget beslut ännu.")).toBeVisible();
    await expect(page.getByRole("link", { name: /Beslutsbrev/ })).toHaveCount(0);
    await expectAccessible();

    const response = await page.request.get(`/ansokningar/${application.id}/beslutsbrev?format=pdf`, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  });

  test("an unknown format is refused with a Swedish message", async ({ page, login }) => {
    await login("officer");
    const response = await page.request.get(`/ansokningar/${demoApplicationId("Borås Stad")}/beslutsbrev?format=html`, { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(await response.text()).toBe("Ange format=docx eller format=pdf.");
  });

  test("a coordinator gets 404 for another organisation's letter, the same as for a letter that does not exist", async ({
    page,
    login,
    expectAccessible,
  }) => {
    await login("coordinator");
    const others = await page.goto(`/ansokningar/${demoApplicationId("Borås Stad")}/beslutsbrev?format=pdf`);
    expect(others?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expectAccessible();

    const missing = await page.request.get("/ansokningar/99999999/beslutsbrev?format=pdf", { maxRedirects: 0 });
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toBe(await others?.text());
  });

  test("a coordinator downloads their own organisation's letter from its page", async ({ page, login, expectAccessible }) => {
    await login("coordinator");
    const id = demoApplicationId("Umeå kommun");
    await page.goto(`/ansokningar/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Jämställd medborgarservice i alla förvaltningar");
    await expectAccessible();

    const pdf = await download(page, "Beslutsbrev (PDF)");
    expect(pdf.file.suggestedFilename()).toMatch(/^beslutsbrev-HJ-2013-\d{4}\.pdf$/);
    const text = pdfText(pdf.bytes);
    expect(text).toContain("SKL har beslutat att inte bevilja ansökan från Umeå kommun om 1 500 000 kronor");
    expect(text).toContain("Beslut: Avslås");

    const response = await page.request.get(`/ansokningar/${id}/beslutsbrev?format=docx`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${pdf.file.suggestedFilename().replace(/pdf$/, "docx")}"`);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
  });

  test("a signed-out request for a letter is sent to sign-in", async ({ page, expectAccessible }) => {
    await page.goto(`/ansokningar/${demoApplicationId("Borås Stad")}/beslutsbrev?format=pdf`);
    await expect(page).toHaveURL(/\/logga-in\?callbackUrl=/);
    await expectAccessible();
  });
});
