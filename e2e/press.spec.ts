import { unzipSync, strFromU8 } from "fflate";
import type { Page } from "@playwright/test";
import { changeGrant, createRoundWithGrants } from "./data";
import { checkAccessibility, expect, storageStatePath, test } from "./fixtures";

/*
 * Press releases as communications, officers and coordinators meet them: a draft generated from the decision data,
 * edited with the Swedish checks at their lines, reviewed, scheduled, and seen to appear in the newsroom and its feed
 * by itself; a release whose facts changed; and who may do what. Each test makes its own round (e2e/data.ts), so the
 * releases it writes name its own programme.
 */

/** Stockholm wall-clock time `seconds` from now, as a datetime-local field takes it (with seconds). */
function stockholmInput(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000);
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

async function generate(page: Page, expectAccessible: (label?: string) => Promise<void>, programmeName: string, template: string): Promise<number> {
  await page.goto("/press/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Nytt pressmeddelande" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Mall").selectOption({ label: template });
  const round = page.getByLabel("Omgång", { exact: true });
  const option = round.locator("option", { hasText: programmeName });
  await round.selectOption(await option.getAttribute("value"));
  await page.getByRole("button", { name: "Skapa utkast" }).click();
  await expect(page.getByText("Utkastet är skapat ur mallen och besluten.")).toBeVisible();
  await expectAccessible("a new draft");
  return Number(/\/press\/(\d+)/.exec(page.url())?.[1]);
}

test.describe("press releases", () => {
  test("communications generates, edits with warnings, sends to review; an officer approves; it is scheduled and appears by itself", async ({
    page,
    browser,
    login,
    expectAccessible,
  }) => {
    test.setTimeout(180_000);
    const { programmeName } = createRoundWithGrants();
    await login("communications");
    await page.getByRole("link", { name: "Pressmeddelanden" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Pressmeddelanden" })).toBeVisible();
    await expectAccessible();
    const id = await generate(page, expectAccessible, programmeName, "Omgången, hela landet");

    // Every figure comes from the round's decisions: 1 700 000 + 1 200 000 kronor to two recipients.
    const headline = page.getByLabel("Rubrik");
    await expect(headline).toHaveValue("2,9 miljoner till jämställdhet");
    await expect(page.getByLabel("Ingress")).toHaveValue(/^Två kommuner och landsting får pengar/);

    // A sentence that opens with a digit and a small number in digits: warnings at the line, the save still goes through.
    const body = page.getByLabel("Brödtext");
    await body.fill(`Nya satsningar.\n3 kommuner har redan börjat, och 2 till är på väg.`);
    await headline.fill(`Pengar till jämställdhet i ${programmeName}`);
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page.getByText("Sparat som en ny version.")).toBeVisible();
    await expect(page.getByText(/Rad 2, tecken 1: En mening börjar inte med en siffra/)).toBeVisible();
    await expect(page.getByText(/Rad 2, tecken \d+: Skriv små tal med bokstäver/).first()).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Version 2" })).toBeVisible();
    await expectAccessible("the editor with warnings");

    await page.getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(page.getByText("Granskas", { exact: true })).toBeVisible();
    await expectAccessible("in review");

    // The officer reviews: no editor, no publishing, but approval and comments.
    const officer = await browser.newContext({ storageState: storageStatePath("officer") });
    const officerPage = await officer.newPage();
    await officerPage.goto(`/press/${id}`);
    await expect(officerPage.getByRole("heading", { level: 1, name: `Pengar till jämställdhet i ${programmeName}` })).toBeVisible();
    await checkAccessibility(officerPage, "the officer's view of a release in review");
    await expect(officerPage.getByLabel("Rubrik")).toHaveCount(0);
    await expect(officerPage.getByRole("button", { name: "Publicera nu" })).toHaveCount(0);
    await officerPage.getByLabel("Ny kommentar").fill("Stäm av beloppen med beslutsprotokollet.");
    await officerPage.getByRole("button", { name: "Lägg till kommentar" }).click();
    await expect(officerPage.getByText("Stäm av beloppen med beslutsprotokollet.")).toBeVisible();
    await officerPage.getByRole("button", { name: "Godkänn" }).click();
    await expect(officerPage.getByText("Godkänt", { exact: true })).toBeVisible();
    await checkAccessibility(officerPage, "approved by the officer");
    await officer.close();

    await page.reload();
    await expect(page.getByText("Godkänt", { exact: true })).toBeVisible();
    await expect(page.getByText("Stäm av beloppen med beslutsprotokollet.")).toBeVisible();
    await expectAccessible("approved");

    // The Word document of the saved version has the edited text.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Version 2 som DOCX" }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.concat(chunks)))["word/document.xml"]!);
    expect(xml).toContain(`Pengar till jämställdhet i ${programmeName}`);
    expect(xml).toContain("kommuner har redan börjat");

    // Scheduled 15 seconds ahead: not in the newsroom before, there by itself after (the scheduler, no request).
    await page.getByLabel("Tidpunkt").fill(stockholmInput(15));
    await page.getByRole("button", { name: "Schemalägg" }).click();
    await expect(page.getByText(/Schemalagt: publiceras av sig självt/)).toBeVisible();
    await expectAccessible("scheduled");
    const newsroom = await page.request.get("/nyheter");
    expect(await newsroom.text()).not.toContain(programmeName);

    await expect
      .poll(async () => (await (await page.request.get("/nyheter/feed.xml")).text()).includes(programmeName), { timeout: 75_000, intervals: [2_000] })
      .toBe(true);
    await page.reload();
    await expect(page.getByText(/^Publicerat /)).toBeVisible();
    await page.getByRole("link", { name: "Visa i nyhetsrummet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Pengar till jämställdhet i ${programmeName}` })).toBeVisible();
    await expectAccessible("the release in the newsroom");
  });

  test("a release whose decision changed is stale: it names the change and publishes only once it is accepted", async ({ page, login, expectAccessible }) => {
    test.slow();
    const { programmeName, applicationIds } = createRoundWithGrants();
    await login("communications");
    const id = await generate(page, expectAccessible, programmeName, "Omgången, hela landet");
    await page.getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(page.getByText("Granskas", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Godkänn" }).click();
    await expect(page.getByText("Godkänt", { exact: true })).toBeVisible();

    changeGrant(applicationIds[0]!, 1_800_000);
    await page.goto(`/press/${id}`);
    await expect(page.getByRole("heading", { name: "Uppgifterna har ändrats" })).toBeVisible();
    await expect(page.getByText("Omgångens beviljade belopp")).toBeVisible();
    await expect(page.getByRole("button", { name: "Publicera nu" })).toBeDisabled();
    await expectAccessible("a stale release");

    const changes = page.getByRole("group", { name: "Ändrade uppgifter" }).getByRole("checkbox");
    const count = await changes.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await changes.nth(i).check();
    await page.getByRole("button", { name: "Godkänn ändringarna" }).click();
    await expect(page.getByRole("heading", { name: "Uppgifterna har ändrats" })).toHaveCount(0);
    await page.getByRole("button", { name: "Publicera nu" }).click();
    await expect(page.getByText(/^Publicerat /)).toBeVisible();
    await expectAccessible("published after accepting the change");
  });

  test("a private preview link opens the draft without an account until it is revoked", async ({ page, browser, login, expectAccessible }) => {
    const { programmeName } = createRoundWithGrants([{ lead: "Borås Stad", amount: 1_200_000 }]);
    await login("communications");
    await generate(page, expectAccessible, programmeName, "Omgången, hela landet");
    await page.getByLabel("Vem länken är till").fill("Borås Stads presstjänst");
    await page.getByRole("button", { name: "Skapa länk" }).click();
    const url = await page.getByLabel("Förhandsvisningslänk", { exact: true }).inputValue();
    expect(url).toMatch(/\/forhandsvisning\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible("a preview link made");

    const visitor = await browser.newContext();
    const preview = await visitor.newPage();
    const response = await preview.goto(url);
    expect(response?.headers()["x-robots-tag"]).toContain("noindex");
    await expect(preview.getByText("Förhandsvisning: meddelandet är inte publicerat")).toBeVisible();
    await checkAccessibility(preview, "the private preview");
    await expect(preview.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    await page.getByRole("button", { name: "Återkalla Borås Stads presstjänst" }).click();
    await expect(page.getByText("återkallad")).toBeVisible();
    expect((await preview.goto(url))?.status()).toBe(404);
    await visitor.close();
  });

  test("who may do what: an officer reviews but writes nothing, a coordinator sees no press page", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await page.goto("/press");
    await expect(page.getByRole("heading", { level: 1, name: "Pressmeddelanden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nytt pressmeddelande" })).toHaveCount(0);
    await expectAccessible();
    expect((await page.goto("/press/ny"))?.status()).toBe(403);
    await expectAccessible("403 for an officer");

    await login("coordinator");
    await expect(page.getByRole("link", { name: "Pressmeddelanden" })).toHaveCount(0);
    expect((await page.goto("/press"))?.status()).toBe(403);
    await expectAccessible("403 for a coordinator");
  });
});
