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
