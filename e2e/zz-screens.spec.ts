import { test, expect } from "./fixtures";
import { createApplication, createOpenRound } from "./data";
import { updateApplicationDirectly } from "./application-data";

// Not committed: screenshots for looking at the screens.
test("screens", async ({ page, login, expectAccessible }) => {
  const { roundId } = createOpenRound();
  createApplication(roundId, { leadOrganisation: { name: "Örebro kommun" }, requestedAmount: 1_900_000 });
  createApplication(roundId, { leadOrganisation: { name: "Åre kommun" } });
  const app = createApplication(roundId, { leadOrganisation: { name: "Umeå kommun" }, coApplicants: "Vännäs kommun" });
  await login("officer");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/omgangar/${roundId}`);
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/round-${width}.png`, fullPage: true });
    await page.getByRole("searchbox", { name: "Sök" }).fill("örebro");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/#ansokningar/);
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/search-${width}.png` });
    await page.goto(`/ansokningar/${app.id}/redigera`);
    await expectAccessible();
    await page.getByRole("button", { name: "Lägg till medsökande" }).click();
    await page.getByRole("combobox", { name: "Medsökande 2, namn" }).fill("Ny förening");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("combobox", { name: "Medsökande 2, organisationstyp" })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/form-${width}.png`, fullPage: true });
    await page.goto(`/ansokningar/${app.id}/redigera`);
    await expectAccessible();
    updateApplicationDirectly(app.id, { projectTitle: `Sparad titel ${width}`, requestedAmount: 1_900_000 + width });
    await page.getByLabel("Projektets titel").fill("Min titel");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("table", { name: "Fält som både du och den andra har ändrat" })).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/conflict-${width}.png`, fullPage: true });
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "är sparade" })).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/saved-${width}.png` });
    await page.goto(`/organisationer?sok=kommun`);
    await expectAccessible();
    await page.screenshot({ path: `/tmp/apps-scratch/orgs-${width}.png` });
  }
});
