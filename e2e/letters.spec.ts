import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { createUser } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { auditActorOf } from "@/lib/audit";
import { recordDecision } from "@/lib/decisions/record";
import { docxDocumentXml, docxParagraphs, pdfText } from "@/lib/letters/testing";
import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, withDb } from "./data";

/** The demo's application of an organisation in the fifth round, looked up in the database the server uses. */
function demoApplicationId(organisation: string): number {
  return withDb((db) => {
    const id = db.$client
      .prepare(
        `SELECT a.id FROM applications a
           JOIN organisations o ON o.id = a.lead_organisation_id
           JOIN rounds r ON r.id = a.round_id
           JOIN programmes p ON p.id = r.programme_id
          WHERE o.name = ? AND r.ordinal = 5 AND p.name = 'Program för Hållbar jämställdhet'`,
      )
      .pluck()
      .get(organisation) as number | undefined;
    if (id === undefined) throw new Error(`no demo application of ${organisation} in the fifth round`);
    return id;
  });
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
    test.slow(); // four pages checked with axe and two downloads
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

  test("a changed decision's letter says which decision it replaces, and gives the deciding officer's email and phone", async ({ page, login }) => {
    const { roundId } = createOpenRound({ budget: 5_000_000 });
    const application = createApplication(roundId, { requestedAmount: 1_000_000 });
    const suffix = Math.random().toString(36).slice(2, 8);
    withDb((db) => {
      const officer = createUser(db, {
        email: `anna.${suffix}@skl.example`,
        name: "Anna Berg",
        passwordHash: "x",
        role: "officer",
        phone: "08-452 70 00",
      });
      const actor = auditActorOf(officer);
      inWriteTransaction(db, (tx) =>
        recordDecision(tx, { applicationId: application.id, outcome: "rejected", grantedAmount: 0, motivation: "Avslås.", decidedOn: "2026-05-20" }, actor),
      );
      inWriteTransaction(db, (tx) =>
        recordDecision(
          tx,
          { applicationId: application.id, outcome: "approved", grantedAmount: 800_000, motivation: "Omprövat efter överklagan.", decidedOn: "2026-06-02", expectedVersion: 1, reason: "Överklagat." },
          actor,
        ),
      );
    });
    await login("officer");
    const pdf = await page.request.get(`/ansokningar/${application.id}/beslutsbrev?format=pdf`, { maxRedirects: 0 });
    expect(pdf.status()).toBe(200);
    const text = pdfText(new Uint8Array(await pdf.body()));
    expect(text).toContain("Detta beslut ersätter SKL:s tidigare beslut i ärendet från den 20 maj 2026.");
    expect(text).toContain("Ersätter beslut från: 20 maj 2026");
    expect(text).toContain(`kontakta handläggaren Anna Berg, Sveriges Kommuner och Landsting (e-post anna.${suffix}@skl.example, telefon 08-452 70 00)`);

    const docx = await page.request.get(`/ansokningar/${application.id}/beslutsbrev?format=docx`, { maxRedirects: 0 });
    const paragraphs = docxParagraphs(new Uint8Array(await docx.body())).map((p) => p.replace(/\u00a0/g, " "));
    expect(paragraphs).toContain("Detta beslut ersätter SKL:s tidigare beslut i ärendet från den 20 maj 2026. Det tidigare beslutet gäller inte längre.");
  });
});
