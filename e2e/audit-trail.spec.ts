import { expect, test } from "./fixtures";

/*
 * The audit trail across the app (/logg): an admin filters it and exports it; nobody else reaches it. The demo seed
 * writes an event for every row it makes, so the trail is never empty.
 */

test.describe("the audit trail", () => {
  test("an admin reads the trail, filters it by kind of record and what happened, and exports it as CSV", async ({ page, login, expectAccessible }) => {
    await login("admin");
    await page.getByRole("link", { name: "Logg" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Loggen, nyast först" })).toBeVisible();
    await expectAccessible();

    await page.getByLabel("Post", { exact: true }).selectOption({ label: "Pressmeddelande" });
    await page.getByLabel("Vad", { exact: true }).fill("release.create");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/typ=release/);
    const rows = page.getByRole("table", { name: "Loggen, nyast först" }).getByRole("row");
    await expect(rows.nth(1)).toContainText("release.create");
    await expect(page.getByRole("table", { name: "Loggen, nyast först" })).not.toContainText("decision.");
    await expectAccessible("the trail filtered");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exportera CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^logg-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    expect(csv.startsWith("\uFEFFid;tid;vem;vem_id;vad;typ;typ_id;fore;efter")).toBe(true);
    expect(csv).toContain(";release.create;release;");
    expect(csv).not.toContain(";decision.create;");
  });

  test("an officer has no log in the menu and gets 403, and so does the export", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expect(page.getByRole("link", { name: "Logg" })).toHaveCount(0);
    expect((await page.goto("/logg"))?.status()).toBe(403);
    await expectAccessible("403 for an officer");
    expect((await page.request.get("/logg/export")).status()).toBe(403);
  });
});
