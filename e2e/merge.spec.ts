import { test, expect } from "./fixtures";
import { createApplication, createOpenRound, uniqueCode } from "./data";

/*
 * Merging an organisation entered twice. Each test names its own organisations ("Testorg <code> …"), so parallel
 * tests never find each other's rows.
 */

test.describe("merging organisations", () => {
  test("an admin merges a duplicate: preview, confirm, its applications are under the kept one and the duplicate is gone", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const kept = `Testorg ${code} Stad`;
    const duplicate = `Testorg ${code} stad kommun`;
    const earlier = createOpenRound();
    const later = createOpenRound();
    createApplication(later.roundId, { leadOrganisation: { name: kept, kind: "kommun" } });
    const moved = createApplication(earlier.roundId, { leadOrganisation: { name: duplicate, kind: "kommun" } });
    const joint = createApplication(earlier.roundId, { leadOrganisation: { name: "Umeå kommun" }, coApplicants: [{ name: duplicate, kind: "kommun" }] });

    await login("admin");
    await page.goto(`/organisationer?sok=${encodeURIComponent(`Testorg ${code}`)}`);
    await expectAccessible();
    await page.getByRole("link", { name: kept, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera ${kept}` })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Slå ihop med …" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Slå ihop ${kept} med en dubblett` })).toBeVisible();
    await expectAccessible();

    await page.getByRole("searchbox", { name: "Sök dubbletten på namn" }).fill(`testorg ${code.toLowerCase()}`);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    const results = page.getByRole("table", { name: "Organisationer som matchar sökningen" });
    // The kept organisation is not offered as its own duplicate.
    await expect(results.getByRole("row")).toHaveCount(2);
    await expectAccessible();
    await results.getByRole("link", { name: `Välj ${duplicate} som dubblett` }).click();

    const compare = page.getByRole("table", { name: "Organisationen som behålls och dubbletten som tas bort" });
    await expect(compare.getByRole("row", { name: /Namn i tryck/ })).toContainText(kept);
    await expect(compare.getByRole("row", { name: /Namn i tryck/ })).toContainText(duplicate);
    await expect(page.getByText(`En ansökan där ${duplicate} är huvudsökande får ${kept} som huvudsökande.`)).toBeVisible();
    await expect(page.getByText(`En ansökan där ${duplicate} är medsökande får ${kept} som medsökande.`)).toBeVisible();
    await expect(page.getByText(`${kept} behåller sitt namn, kortnamn, typ och koder.`, { exact: false })).toBeVisible();
    await expectAccessible("the merge preview");

    await page.getByRole("button", { name: `Slå ihop och ta bort ${duplicate}` }).click();
    await expect(page).toHaveURL(/\/organisationer\?sammanslagen=\d+$/);
    await expect(page.getByRole("status").filter({ hasText: `Dubbletten är borttagen: allt som hörde till den hör nu till ${kept}.` })).toBeVisible();
    await expectAccessible();

    await page.goto(`/organisationer?sok=${encodeURIComponent(`Testorg ${code}`)}`);
    const table = page.getByRole("table", { name: "Organisationer i bokstavsordning" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row", { name: new RegExp(kept) }).getByRole("cell").nth(3)).toHaveText("3");
    await expect(page.getByRole("link", { name: duplicate })).toHaveCount(0);
    await expectAccessible();

    for (const id of [moved.id, joint.id]) {
      await page.goto(`/ansokningar/${id}`);
      await expect(page.getByRole("definition").filter({ hasText: kept }).first()).toBeVisible();
      await expect(page.getByRole("definition").filter({ hasText: duplicate })).toHaveCount(0);
      await expectAccessible();
    }
  });

  test("a merge that would put two applications of one round under one lead is refused with the round and numbers", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const kept = `Testorg ${code} Östra`;
    const duplicate = `Testorg ${code} Östra kommun`;
    const { roundId } = createOpenRound();
    const a = createApplication(roundId, { leadOrganisation: { name: kept, kind: "kommun" } });
    const b = createApplication(roundId, { leadOrganisation: { name: duplicate, kind: "kommun" } });

    await login("admin");
    await page.goto(`/organisationer?sok=${encodeURIComponent(kept)}`);
    await expectAccessible();
    await page.getByRole("link", { name: kept, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera ${kept}` })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Slå ihop med …" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Slå ihop ${kept} med en dubblett` })).toBeVisible();
    await page.getByRole("searchbox", { name: "Sök dubbletten på namn" }).fill(duplicate);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expectAccessible();
    await page.getByRole("link", { name: `Välj ${duplicate} som dubblett` }).click();

    const refusal = page.getByRole("alert").filter({ hasText: "Organisationerna kan inte slås ihop" });
    await expect(refusal).toContainText("båda är huvudsökande i Första omgången 2026");
    await expect(refusal).toContainText(a.registrationNumber);
    await expect(refusal).toContainText(b.registrationNumber);
    await expect(page.getByRole("button", { name: /Slå ihop och ta bort/ })).toHaveCount(0);
    await expectAccessible("the refused merge");
  });

  test("an officer corrects organisations but is not offered the merge, and gets 403 for its page", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const { roundId } = createOpenRound();
    createApplication(roundId, { leadOrganisation: { name: `Testorg ${code} kommun`, kind: "kommun" } });

    await login("officer");
    await page.goto(`/organisationer?sok=${encodeURIComponent(`Testorg ${code}`)}`);
    await expectAccessible();
    await page.getByRole("link", { name: `Testorg ${code} kommun` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera Testorg ${code} kommun` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Slå ihop med …" })).toHaveCount(0);
    await expectAccessible();
    const response = await page.goto(`${new URL(page.url()).pathname.replace(/redigera$/, "sla-ihop")}`);
    expect(response?.status()).toBe(403);
    await expectAccessible();
  });
});
