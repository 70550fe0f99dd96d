import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/*
 * The portal shows an organisation's applications 50 a page and its totals 25 rounds a page, newest round first
 * (issue 14). The demo's rows of Umeå kommun are from 2009-2013, and a whole e2e run registers many newer ones for
 * it, so a test looking for a demo row follows "Nästa sida" as a coordinator would until the row is on the page.
 */
export async function portalPageWith(page: Page, row: Locator): Promise<void> {
  await followPagesTo(page, row, "Din organisations ansökningar", "Sidor med ansökningar");
}

/** The same for a row of the totals per round ("Beviljade medel per omgång"). */
export async function portalTotalsPageWith(page: Page, row: Locator): Promise<void> {
  await followPagesTo(page, row, "Beviljade medel per omgång", "Sidor med beviljat per omgång");
}

async function followPagesTo(page: Page, row: Locator, tableName: string, navName: string): Promise<void> {
  const table = page.getByRole("table", { name: tableName });
  const next = page.getByRole("navigation", { name: navName }).getByRole("link", { name: "Nästa sida" });
  for (;;) {
    await expect(table).toBeVisible();
    if ((await row.count()) > 0) return;
    if ((await next.count()) === 0) break;
    const before = page.url();
    await next.click();
    await expect(page).not.toHaveURL(before);
  }
  await expect(row, `the row on some page of "${tableName}"`).toHaveCount(1);
}
