import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { getUserByEmail, updateUser } from "@/db/queries/users";
import { createUserAccount } from "@/lib/users";
import { openDatabase } from "@/db/client";
import { checkAccessibility, expect, test } from "./fixtures";

/*
 * A user's own page (/konto) and sessions that end on the server. Every test makes an account of its own: the demo
 * users' sessions are shared by the other tests, and their passwords must stay as they are.
 */

type Account = { email: string; password: string };

async function ownAccount(): Promise<Account> {
  const email = `konto-${randomUUID()}@anslag.example`;
  const password = `eget-${randomUUID()}`;
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    await createUserAccount(db, { email, name: "Tilda Testsson", role: "communications", password }, { id: null, label: "e2e" });
  } finally {
    db.$client.close();
  }
  return { email, password };
}

function disable(email: string): void {
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    const user = getUserByEmail(db, email);
    if (!user) throw new Error(`no account ${email}`);
    updateUser(db, user.id, { disabled: true });
  } finally {
    db.$client.close();
  }
}

async function signIn(page: Page, account: Account, password = account.password): Promise<void> {
  await page.goto("/logga-in");
  await checkAccessibility(page, "sign-in");
  await page.getByLabel("E-postadress").fill(account.email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  await checkAccessibility(page, "the start page after signing in");
}

async function expectSignedOut(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/logga-in\?sessionen-slut=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Du har loggats ut. Logga in igen för att fortsätta.");
  await checkAccessibility(page, "sign-in after the session ended");
}

async function secondSession(browser: Browser, account: Account) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "sv-SE" });
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

test.describe("my account", () => {
  test("a user changes their own password: the wrong current one and a common one are refused, the other sessions end, the new one signs in", async ({
    page,
    browser,
    expectAccessible,
  }) => {
    const account = await ownAccount();
    await signIn(page, account);
    const other = await secondSession(browser, account);

    await page.getByRole("banner").getByRole("link", { name: "Mitt konto" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mitt konto" })).toBeVisible();
    await expect(page).toHaveTitle(/Mitt konto/);
    await expect(page.getByText("Den här inloggningen")).toBeVisible();
    // Signed in twice: the previous sign-in is the first of the two.
    await expect(page.getByText("Ingen tidigare inloggning")).toHaveCount(0);
    await expectAccessible();

    const current = page.getByLabel("Nuvarande lösenord");
    const next = page.getByRole("textbox", { name: "Nytt lösenord", exact: true });
    const again = page.getByLabel("Nytt lösenord igen");
    const newPassword = `blåbär-i-skogen-${randomUUID().slice(0, 8)}`;

    await current.fill("inte-mitt-lösenord-alls");
    await next.fill(newPassword);
    await again.fill(newPassword);
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(current).toHaveAccessibleDescription(/Det nuvarande lösenordet stämmer inte\./);
    await expectAccessible("a wrong current password");

    await current.fill(account.password);
    await next.fill("Password1234!");
    await again.fill("Password1234!");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(next).toHaveAttribute("aria-invalid", "true");
    await expect(next).toHaveAccessibleDescription(/Lösenordet är för vanligt/);
    await expectAccessible("a common new password");

    await current.fill(account.password);
    await next.fill(newPassword);
    await again.fill(newPassword);
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Lösenordet är bytt" })).toHaveText(
      "Lösenordet är bytt. Du är fortfarande inloggad här; 1 annan inloggning har avslutats.",
    );
    await expect(page.getByText("Inte bytt sedan kontot skapades")).toHaveCount(0);
    await expectAccessible("the password changed");

    // This session stays; the other one is signed out at its next request.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expectAccessible();
    await other.page.goto("/");
    await expectSignedOut(other.page);
    await other.context.close();

    // The old password no longer signs in; the new one does.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Du är utloggad.");
    await expectAccessible("signed out");
    await page.getByLabel("E-postadress").fill(account.email);
    await page.getByLabel("Lösenord").fill(account.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expectAccessible("the old password refused");
    await signIn(page, account, newPassword);
  });

  test("the page is in English too", async ({ page, expectAccessible }) => {
    const account = await ownAccount();
    await signIn(page, account);
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("banner").getByRole("link", { name: "My account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(page.getByText("No earlier sign-in")).toBeVisible();
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("textbox", { name: "Current password" })).toHaveAccessibleDescription(/Enter your current password\./);
    await expectAccessible();
  });
});

test.describe("sessions end on the server", () => {
  test("a session signed out is dead: its cookie, replayed, leads to sign-in", async ({ page, context, expectAccessible }) => {
    const account = await ownAccount();
    await signIn(page, account);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Du är utloggad.");
    await expectAccessible();

    // The copy of the cookie taken before signing out is put back, as a thief who had copied it would.
    await context.addCookies(cookies);
    await page.goto("/konto");
    await expectSignedOut(page);
    // Asked without following redirects, the page answers with the redirect and nothing of its own.
    const response = await page.request.get("/konto", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/logga-in");
  });

  test("a user an admin disables is signed out at their next request", async ({ page, expectAccessible }) => {
    const account = await ownAccount();
    await signIn(page, account);
    await page.getByRole("banner").getByRole("link", { name: "Mitt konto" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mitt konto" })).toBeVisible();
    await expectAccessible();

    disable(account.email);
    await page.goto("/");
    await expectSignedOut(page);
  });
});
