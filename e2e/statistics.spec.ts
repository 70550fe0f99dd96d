import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

/*
 * The statistics of the demo's fifth and last round (2013): 45 applications, 21 approved, 27,5 miljoner kronor of a
 * 28 miljoner budget, as the press release has it. Read-only: the demo rounds are never changed by a test.
 */

async function openFifthRound(page: Page): Promise<void> {
  await page.getByRole("link", { name: /^femte omgången 2013/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Femte omgången 2013/ })).toBeVisible();
}

for (const role of ["officer", "communications"] as const) {
  test(`the ${role} sees the fifth round's summary, key figures and grants per county`, async ({ page, login, expectAccessible }) => {
    test.slow(); // two disclosures and three axe checks of a long page
    await login(role);
    await openFifthRound(page);
    await expectAccessible();

    const statistics = page.getByRole("region", { name: "Statistik" });
    await expect(statistics.getByText("21 av 45 ansökningar beviljades, totalt 27,5 miljoner kronor.", { exact: true })).toBeVisible();
    await expect(statistics.getByRole("term")).toHaveText(["Inkomna", "Beviljade", "Avslagna", "Ej beslutade", "Beviljat belopp", "Budget", "Kvar av budgeten"]);
    await expect(statistics.getByRole("definition")).toHaveText([
      "45",
      "21",
      "24",
      "0",
      "27\u00a0500\u00a0000 kronor",
      "28\u00a0000\u00a0000 kronor",
      "500\u00a0000 kronor",
    ]);

    // The chart is one image to a screen reader, with a summary; its numbers are in a table behind a disclosure.
    const byCounty = statistics.getByRole("figure", { name: "Beviljat per län" });
    await expect(byCounty.getByRole("img")).toHaveAccessibleName(/^Stapeldiagram: beviljat per län\. Mest beviljades Västra Götalands län med 4,3 miljoner kronor/);
    const table = byCounty.getByRole("table", { name: "Beviljat per län" });
    await expect(table).toBeHidden();
    await byCounty.getByText("Visa som tabell").click();
    await expect(table).toBeVisible();
    await expect(table.getByRole("row", { name: /Västra Götalands län/ }).getByRole("cell")).toHaveText(["3", "3", "4\u00a0300\u00a0000 kronor"]);
    await expect(table.getByRole("row", { name: /Kronobergs län/ }).getByRole("cell")).toHaveText(["3", "1", "1\u00a0400\u00a0000 kronor"]);
    await expect(table.getByRole("row", { name: /Totalt/ }).getByRole("cell")).toHaveText(["45", "21", "27\u00a0500\u00a0000 kronor"]);
    await expectAccessible("the round page with the county table open");

    const byKind = statistics.getByRole("figure", { name: "Beviljat per organisationstyp" });
    await byKind.getByText("Visa som tabell").click();
    await expect(byKind.getByRole("table").getByRole("row", { name: /^Kommun/ }).getByRole("cell")).toHaveText(["33", "14", "17\u00a0600\u00a0000 kronor"]);
    await expectAccessible("the round page with both tables open");
  });
}

test("the bars of a chart share one scale, whatever the length of their labels and values", async ({ page, login, expectAccessible }) => {
  await login("officer");
  await openFifthRound(page);
  await expectAccessible();
  const chart = page.getByRole("region", { name: "Statistik" }).getByRole("figure", { name: "Beviljat per län" }).getByRole("img");
  // The tracks are the measuring sticks of the bars: one length for every row ("Västra Götalands län" and
  // "4,3 miljoner kronor" beside "Gotlands län" and "500 000 kronor").
  const widths = await chart.locator("[data-bar-track]").evaluateAll((tracks) => tracks.map((t) => t.getBoundingClientRect().width));
  expect(widths.length).toBeGreaterThan(5);
  for (const width of widths) expect(Math.abs(width - widths[0]!)).toBeLessThan(0.5);
  await chart.screenshot({ path: test.info().outputPath("chart-1280.png") });
});

test("a round's page with its list of applications asks the server for nothing in the background", async ({ page, login }) => {
  await login("officer");
  // Next would prefetch every link in view: 25 requests for the fifth round's page, each a session check on the server
  // (components/ui/link.tsx).
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });
  await openFifthRound(page);
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
});

test("the demo has a practice round in progress, marked as demo data", async ({ page, login, expectAccessible }) => {
  await login("officer");
  const table = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" });
  await table.screenshot({ path: test.info().outputPath("start-page-1280.png") });
  const practice = table.getByRole("row", { name: /Demo: övningsprogram för att prova Anslag/ });
  await expect(practice.getByRole("cell").nth(1)).toHaveText("Öppen");
  await expect(practice.getByRole("cell").nth(2)).toHaveText("6");
  await expect(practice.getByRole("cell").nth(3)).toHaveText("0");
  await practice.getByRole("link", { name: "Första omgången 2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Första omgången 2026" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Demo: övningsprogram för att prova Anslag", { exact: true })).toBeVisible();
  // Open and undecided: an officer can register and decide here.
  await expect(page.getByRole("link", { name: "Registrera ansökan" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Statistik" }).getByText("Sex ansökningar har kommit in och väntar på beslut.")).toBeVisible();
  await expectAccessible();
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

  test("the start page shows each round's status and amounts without scrolling sideways", async ({ page, login, expectAccessible }) => {
    await login("officer");
    const table = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" });
    // Still a table to assistive technology: rows, and cells named by their column.
    const fifth = table.getByRole("row", { name: /Femte omgången 2013/ });
    await expect(fifth.getByRole("cell").nth(1)).toHaveText("Beslutad");
    await expect(fifth.getByRole("cell").nth(4)).toHaveText("27 500 000 kronor");
    await expect(table.getByRole("columnheader", { name: "Kvar av budgeten" })).toBeAttached();
    for (const cell of [fifth.getByRole("cell").nth(1), fifth.getByRole("cell").nth(4), fifth.getByRole("cell").nth(6)]) {
      await cell.scrollIntoViewIfNeeded();
      await expect(cell).toBeInViewport({ ratio: 1 });
    }
    // Each stacked cell says which column it is.
    await expect(fifth.getByRole("cell").nth(6)).toHaveAttribute("data-label", "Kvar av budgeten");
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("start-page-390.png"), fullPage: true });
    await expectAccessible("the start page at 390 px");
  });

  test("a coordinator sees status and granted amount of their applications without scrolling sideways", async ({ page, login, expectAccessible }) => {
    await login("coordinator");
    const table = page.getByRole("table", { name: "Ansökningar" });
    const row = table.getByRole("row", { name: /Demo: Jämställd snöröjning i Umeå/ });
    for (const cell of [row.getByRole("cell").nth(3), row.getByRole("cell").nth(5)]) {
      await cell.scrollIntoViewIfNeeded();
      await expect(cell).toBeInViewport({ ratio: 1 });
    }
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("coordinator-390.png"), fullPage: true });
    await expectAccessible("the coordinator's start page at 390 px");
  });

  test("the statistics table reads as stacked rows", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await openFifthRound(page);
    const byCounty = page.getByRole("region", { name: "Statistik" }).getByRole("figure", { name: "Beviljat per län" });
    await byCounty.getByText("Visa som tabell").click();
    const row = byCounty.getByRole("table").getByRole("row", { name: /Västra Götalands län/ });
    await expect(row.getByRole("cell")).toHaveText(["3", "3", "4\u00a0300\u00a0000 kronor"]);
    await row.getByRole("cell").nth(2).scrollIntoViewIfNeeded();
    await expect(row.getByRole("cell").nth(2)).toBeInViewport({ ratio: 1 });
    expect(await noSidewaysScroll(page)).toBe(true);
    await byCounty.screenshot({ path: test.info().outputPath("statistics-390.png") });
    await expectAccessible("the round's statistics at 390 px");
  });
});

/** Neither the page nor any scrolling region on it is wider than its box. */
async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const tooWide = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    return !tooWide(document.documentElement) && ![...document.querySelectorAll('[role="region"]')].some(tooWide);
  });
}
