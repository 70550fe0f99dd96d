import { test, expect } from "./fixtures";
import { demoUser } from "@/db/seed/demo-users";
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/db/client";
import { getUserByEmail, updateUser } from "@/db/queries/users";
import { createUserAccount } from "@/lib/users";
import { createOpenRound } from "./data";
import { portalPageWith } from "./portal-pages";

/** An account of the test's own, in the database the server under test uses. */
async function withOwnAccount(): Promise<{ email: string; password: string; disable: () => void }> {
  const email = `konto-${randomUUID()}@anslag.example`;
  const password = randomUUID();
  const db = openDatabase(process.env.E2E_DATABASE_PATH);
  try {
    await createUserAccount(db, { email, name: "Tillfällig Handläggare", role: "officer", password }, { id: null, label: "e2e" });
  } finally {
    db.$client.close();
  }
  return {
    email,
    password,
    disable: () => {
      const conn = openDatabase(process.env.E2E_DATABASE_PATH);
      try {
        const user = getUserByEmail(conn, email);
        if (user) updateUser(conn, user.id, { disabled: true });
      } finally {
        conn.$client.close();
      }
    },
  };
}

test.describe("sign-in", () => {
  test("a signed-out visit to a protected page goes to sign-in and comes back after it", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in\?callbackUrl=%2F/);
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expectAccessible();

    const officer = demoUser("officer");
    await page.getByLabel("E-postadress").fill(officer.email);
    await page.getByLabel("Lösenord").fill(officer.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  });

  test("a wrong password is refused without saying whether the account exists", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByLabel("E-postadress").fill(demoUser("officer").email);
    await page.getByLabel("Lösenord").fill("fel-losenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expect(page).toHaveURL(/\/logga-in/);
    await expectAccessible("sign-in with an error");

    // An unknown address gets exactly the same answer.
    await page.getByLabel("E-postadress").fill("finns-inte@anslag.example");
    await page.getByLabel("Lösenord").fill("fel-losenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  });

  test("an invalid email is pointed out at the field", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill("inte-en-adress");
    await page.getByLabel("Lösenord").fill("något");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Ange en giltig e-postadress")).toBeVisible();
    await expectAccessible();
  });

  test("signing out ends the session and says so", async ({ page, login, expectAccessible }) => {
    // Through the form: signing out ends the session on the server, and the saved one is shared by other tests.
    await login("officer", { throughForm: true });
    await expectAccessible();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Du är utloggad.");
    await expectAccessible("sign-in after signing out");
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in/);
    await expectAccessible();
  });
});

test.describe("sign-in security", () => {
  test("a callback that a browser reads as another host is refused, signed in or not", async ({ page, expectAccessible }) => {
    // Signed out: signing in with the tab trick lands on this site's start page.
    await page.goto("/logga-in?callbackUrl=/%09/evil.example/");
    await expectAccessible();
    const officer = demoUser("officer");
    await page.getByLabel("E-postadress").fill(officer.email);
    await page.getByLabel("Lösenord").fill(officer.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "").host);
    await expectAccessible();

    // Signed in: the sign-in page sends the visitor on, but only to a path of this site.
    for (const callback of ["/%09/evil.example/", "//evil.example/", "/%5Cevil.example", "https://evil.example/"]) {
      const response = await page.request.get(`/logga-in?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      expect(response.headers().location, callback).toBe("/");
    }
    const kept = await page.request.get("/logga-in?callbackUrl=/organisationer%3Fsok%3Dume%C3%A5", { maxRedirects: 0 });
    expect(kept.headers().location).toBe("/organisationer?sok=ume%C3%A5");
  });

  test("CR, LF or NUL in a callback is answered with 400, not a server error", async ({ page }) => {
    for (const callback of ["/%0d%0aSet-Cookie:%20x=1", "/%0aevil", "/%00"]) {
      const response = await page.request.get(`/logga-in?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(400);
    }
  });

  test("a session whose account was disabled ends on the sign-in page, without a redirect loop", async ({ page, expectAccessible }) => {
    const account = await withOwnAccount();
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByLabel("E-postadress").fill(account.email);
    await page.getByLabel("Lösenord").fill(account.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expectAccessible();

    account.disable();
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in\?sessionen-slut=1$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Du har loggats ut. Logga in igen för att fortsätta.");
    await expectAccessible();
  });

  test("a locked sign-in says for how long", async ({ page, expectAccessible }) => {
    // An address nobody has: five failures lock it (as they would a registered one).
    const email = `lasning-${Date.now()}-${test.info().workerIndex}@anslag.example`;
    await page.goto("/logga-in");
    await expectAccessible();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("E-postadress").fill(email);
      await page.getByLabel("Lösenord").fill(`fel-losenord-${i}`);
      await page.getByRole("button", { name: "Logga in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(i < 4 ? "Fel e-postadress eller lösenord." : /spärrad i 15 minuter/);
    }
    await expectAccessible("a locked sign-in");
  });
});

test.describe("titles ask the page's permission", () => {
  test("a round's name is in the title only for those who may see the round", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ year: 2031 });

    // Signed out, also at an address with a dot, which once slipped past the proxy.
    const signedOut = await page.request.get(`/omgangar/${roundId}.0`, { maxRedirects: 0 });
    expect(await signedOut.text()).not.toContain("2031");

    await login("coordinator");
    await page.goto(`/omgangar/${roundId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expect(page).toHaveTitle("Anslag");
    await expectAccessible();
  });

  test("the decision meeting's title names the round only for those who may decide", async ({ page, login, expectAccessible }) => {
    const { roundId } = createOpenRound({ year: 2032 });
    await login("communications");
    await page.goto(`/omgangar/${roundId}`);
    await expect(page).toHaveTitle(/2032/);
    await expectAccessible();
    await page.goto(`/omgangar/${roundId}/beslutsmote`);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expect(page).toHaveTitle("Anslag");
    await expectAccessible();
  });
});

test.describe("start page per role", () => {
  for (const role of ["admin", "officer", "communications"] as const) {
    test(`${role} sees every round with received, approved, granted and budget left`, async ({ page, login, expectAccessible }) => {
      await login(role);
      await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
      const table = page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" });
      const fifth = table.getByRole("row", { name: /Femte omgången 2013/ });
      await expect(fifth.getByRole("cell").nth(2)).toHaveText("45");
      await expect(fifth.getByRole("cell").nth(3)).toHaveText("21");
      await expect(fifth.getByRole("cell").nth(4)).toHaveText("27 500 000 kronor");
      await expect(fifth.getByRole("cell").nth(6)).toHaveText("500 000 kronor");
      const fourth = table.getByRole("row", { name: /Fjärde omgången 2012/ });
      await expect(fourth.getByRole("cell").nth(3)).toHaveText("17");
      await expectAccessible();
    });
  }

  test("a coordinator sees only their own organisation's applications", async ({ page, login, expectAccessible }) => {
    await login("coordinator");
    await expect(page.getByRole("heading", { level: 1, name: "Umeå kommun" })).toBeVisible();
    const rows = page.getByRole("table", { name: "Ansökningar" }).getByRole("row");
    // The demo's grant of the fourth round, on whichever page of the portal it is (e2e/portal-pages.ts).
    const grant = rows.filter({ hasText: "Fjärde omgången 2012" }).filter({ hasText: "Beviljad" });
    await portalPageWith(page, grant);
    await expect(grant).toContainText("1 700 000 kronor");
    // Nothing from other organisations, and no round statistics.
    await expect(page.getByText("Lycksele")).toHaveCount(0);
    await expect(page.getByText("Borås")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Ansökningar och beviljade medel per omgång" })).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("layout", () => {
  test("the accessibility statement is linked from the footer and open to everyone", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible();
    await expect(page.getByText(/WCAG\) 2.1/)).toBeVisible();
    await expectAccessible();
  });

  test("the skip link moves focus to the main content", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await expectAccessible();
  });

  test("public pages switch to English and back by address", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    await page.getByRole("contentinfo").getByRole("link", { name: "In English" }).click();
    await expect(page).toHaveURL(/\/en\/logga-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Sign in – Anslag");
    await expectAccessible();

    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
    await expect(page).toHaveURL(/\/en\/tillganglighetsredogorelse$/);
    await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("contentinfo").getByRole("link", { name: "På svenska" }).click();
    await expect(page).toHaveURL(/\/tillganglighetsredogorelse$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expectAccessible();
  });

  test("signing in on the English page continues in English, and staff pages switch back with their own control", async ({ page, expectAccessible }) => {
    await page.goto("/en/logga-in");
    await expectAccessible();
    const officer = demoUser("officer");
    await page.getByLabel("Email address").fill("inte-en-adress");
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await page.getByLabel("Email address").fill(officer.email);
    await page.getByLabel("Password").fill(officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible();
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expectAccessible();
  });

  test("public pages are served from the build, staff pages per request", async ({ page }) => {
    for (const path of ["/logga-in", "/en/logga-in", "/tillganglighetsredogorelse", "/en/tillganglighetsredogorelse"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["x-nextjs-prerender"], path).toBeTruthy();
      expect(response.headers()["cache-control"], path).not.toMatch(/private|no-store/);
    }
    // No session cookie goes into a public page, so a signed-out and a signed-in visitor get the same bytes.
    expect((await page.request.get("/logga-in")).headers()["set-cookie"]).toBeUndefined();
  });

  test("an unknown address and a missing row both answer 404 with a way on", async ({ page, login, expectAccessible }) => {
    await login("officer");
    const unknown = await page.goto("/finns-inte/alls");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expectAccessible();
    const missing = await page.goto("/omgangar/99999999");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    // Inside the staff layout: still signed in, with the menu.
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expectAccessible();
  });

  test("the sign-in page at its plain address is served by the same server, not forwarded to it over HTTP", async ({ request }) => {
    // proxy.ts rewrites /logga-in to /sv/logga-in. An absolute rewrite target on another host name made Next forward
    // every such visit to itself over HTTP, and now and then the forwarded request failed with a 500 (server.mjs).
    const response = await request.get("/logga-in");
    expect(response.status()).toBe(200);
    expect(response.headers()["x-middleware-rewrite"]).toBe("/sv/logga-in");
    // One CSRF cookie: a forwarded request set a second one.
    expect(response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("authjs.csrf-token="))).toHaveLength(1);
  });

  test("the app has an icon", async ({ page, expectAccessible }) => {
    await page.goto("/logga-in");
    await expectAccessible();
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await page.request.get(href ?? "");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("works on a phone-sized screen", async ({ page, login, expectAccessible }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await login("officer");
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible();
  });
});
