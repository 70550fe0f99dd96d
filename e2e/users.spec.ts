import { getUserByEmail } from "@/db/queries/users";
import { inviteUser } from "@/lib/users/admin";
import { uniqueCode, withDb } from "./data";
import { checkAccessibility, expect, test } from "./fixtures";

/*
 * User administration (/anvandare, admins only). Tests make accounts of their own with a code in the name, and
 * search for it, so what other tests create never changes what they see.
 */

function invite(name: string, email: string, role: "officer" | "communications" | "coordinator" = "officer", organisation?: string) {
  return withDb((db) => {
    const admin = getUserByEmail(db, "admin@anslag.example")!;
    const organisationId = organisation ? db.$client.prepare("select id from organisations where name = ?").pluck().get(organisation) : "";
    return inviteUser(db, { name, email, role, organisationId }, { id: admin.id, label: admin.name }).user;
  });
}

test.describe("user administration", () => {
  test("the list searches and filters, sorted the Swedish way, with status and last sign-in", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    invite(`Öberg ${code}`, `oberg-${code}@anslag.example`.toLowerCase());
    invite(`Åberg ${code}`, `aberg-${code}@anslag.example`.toLowerCase(), "communications");
    invite(`Zetterberg ${code}`, `zetterberg-${code}@umea.example`.toLowerCase(), "coordinator", "Umeå kommun");

    await login("admin");
    await page.goto(`/anvandare?sok=${code}`);
    await expect(page.getByText("3 användare")).toBeVisible();
    const table = page.getByRole("table", { name: "Användare" });
    await expect(table.getByRole("row").nth(1)).toContainText(`Zetterberg ${code}`);
    await expect(table.getByRole("row").nth(2)).toContainText(`Åberg ${code}`);
    await expect(table.getByRole("row").nth(3)).toContainText(`Öberg ${code}`);
    await expect(table.getByRole("row").nth(1)).toContainText("Umeå kommun");
    await expect(table.getByRole("row").nth(1)).toContainText("Inbjuden");
    await expect(table.getByRole("row").nth(1)).toContainText("Aldrig");
    await expectAccessible();

    await page.getByRole("combobox", { name: "Roll" }).selectOption({ label: "Kommunikatör" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/roll=communications/);
    await expect(page.getByText("1 användare")).toBeVisible();
    await expect(table.getByRole("row").nth(1)).toContainText(`Åberg ${code}`);
    await expectAccessible("filtered by role");

    // The demo admin has signed in: active, with a last sign-in.
    await page.goto("/anvandare?sok=admin%40anslag.example");
    await expect(table.getByRole("row").nth(1)).toContainText("Aktiv");
    await expect(table.getByRole("row").nth(1)).not.toContainText("Aldrig");
    await expectAccessible();
  });

  test("a new link replaces the open one, and open links can be revoked", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    const user = invite(`Länkad ${code}`, `lankad-${code}@anslag.example`.toLowerCase());
    await login("admin");
    await page.goto(`/anvandare/${user.id}`);
    const links = page.getByRole("region", { name: "Länkar för lösenord" });
    await expect(links.getByRole("table", { name: "Öppna länkar" }).getByRole("row")).toHaveCount(2);
    await expectAccessible();

    await links.getByRole("button", { name: "Skicka ny inbjudan" }).click();
    await expect(links.getByLabel("Inbjudningslänk")).toHaveValue(/\/losenord\/[A-Za-z0-9_-]{43}$/);
    await expect(links.getByText(`En e-post med länken har skickats till ${user.email}.`)).toBeVisible();
    // Still one open link: the new one revoked the older.
    await expect(links.getByRole("table", { name: "Öppna länkar" }).getByRole("row")).toHaveCount(2);
    await expectAccessible("a new invitation");

    await links.getByRole("button", { name: "Återkalla öppna länkar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 länk återkallades." })).toBeVisible();
    await expect(links.getByText("Det finns ingen öppen länk.")).toBeVisible();
    await expectAccessible("links revoked");
  });

  test("an admin cannot take away their own admin role, and a save over another admin's is refused", async ({ page, login, expectAccessible }) => {
    await login("admin");
    const admin = withDb((db) => getUserByEmail(db, "admin@anslag.example")!);
    await page.goto(`/anvandare/${admin.id}`);
    await expect(page.getByText("Det här är ditt eget konto")).toBeVisible();
    await expect(page.getByRole("button", { name: "Stäng av kontot" })).toHaveCount(0);
    await page.getByRole("combobox", { name: "Roll" }).selectOption({ label: "Handläggare" });
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(page.getByRole("combobox", { name: "Roll" })).toHaveAccessibleDescription(/Du kan inte ta bort din egen administratörsroll\./);
    await expectAccessible("refused to demote oneself");

    // Two admins on one account: the second save, made against the older version, is refused.
    const code = uniqueCode();
    const user = invite(`Dubbel ${code}`, `dubbel-${code}@anslag.example`.toLowerCase());
    await page.goto(`/anvandare/${user.id}`);
    await expectAccessible();
    const second = await page.context().newPage();
    await second.goto(`/anvandare/${user.id}`);
    await checkAccessibility(second, "the same account in a second tab");
    await second.getByRole("combobox", { name: "Roll" }).selectOption({ label: "Kommunikatör" });
    await second.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(second.getByRole("status").filter({ hasText: "Kontot är sparat." })).toBeVisible();
    await second.close();

    await page.getByLabel("Namn").fill(`Dubbel ${code} Andersson`);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "Någon annan har ändrat kontot" })).toBeVisible();
    await expectAccessible("a stale save refused");
    expect(withDb((db) => getUserByEmail(db, user.email)!)).toMatchObject({ role: "communications", name: `Dubbel ${code}` });
  });

  test("only admins reach it", async ({ page, login, expectAccessible }) => {
    await login("officer");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Användare" })).toHaveCount(0);
    const response = await page.goto("/anvandare");
    expect(response?.status()).toBe(403);
    await expectAccessible();
  });
});

test.describe("user administration on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

  test("the list stacks each account with its labels, without scrolling sideways", async ({ page, login, expectAccessible }) => {
    const code = uniqueCode();
    invite(`Mobil ${code}`, `mobil-${code}@anslag.example`.toLowerCase());
    await login("admin");
    await page.goto(`/anvandare?sok=${code}`);
    await expect(page.getByRole("link", { name: `Mobil ${code}` })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible();
    await page.screenshot({ path: test.info().outputPath("anvandare-390.png"), fullPage: true });
  });
});
