import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { demoUser } from "@/db/seed/demo-users";
import type { Role } from "@/lib/enums";
import { storageStatePath } from "./storage-state";

export { storageStatePath };

/*
 * Every test gets:
 * - expectAccessible(): runs axe on the page as it is now and fails on any violation;
 * - a guard that fails the test when it reached a page it never checked with axe (every page visit is checked),
 *   and that checks the page the test ends on;
 * - login(role): signs in as the demo user of that role and lands on the start page. Each role signed in through
 *   the form once per run (e2e/auth.setup.ts) and its cookies were saved; login(role) reuses them, so a test pays
 *   for no argon2 hash and no sign-in page. `login(role, { throughForm: true })` signs in through the form, for a
 *   test about signing in.
 */

type LoginOptions = { throughForm?: boolean };

type Fixtures = {
  expectAccessible: (label?: string) => Promise<void>;
  login: (role: Role, options?: LoginOptions) => Promise<void>;
  axeGuard: void;
};


/** Signs in through the sign-in form, checking the form and the start page with axe. */
export async function signInThroughForm(page: Page, role: Role): Promise<void> {
  const user = demoUser(role);
  await page.goto("/logga-in");
  await checkAccessibility(page);
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill(user.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await checkAccessibility(page, "the start page after signing in");
}

const checkedPages = new WeakMap<Page, Set<string>>();

function pageKey(page: Page): string {
  return new URL(page.url()).pathname;
}

export async function checkAccessibility(page: Page, label?: string): Promise<void> {
  await page.waitForLoadState("domcontentloaded");
  // Next streams metadata: right after a navigation or a server action the <title> may still be on its way. A page
  // is checked once it is complete, and a page that never gets a title fails here.
  await expect(page).toHaveTitle(/\S/);
  // Legacy mode runs axe in the page itself. The default mode collects partial results per frame and finishes them in
  // a new blank page, which costs twice the time on a long page. Anslag's pages have no frames, so the results are the
  // same (checked on the fifth round's page: the same 52 passing rules and no violations either way).
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${label ?? page.url()}`).toEqual([]);
  const set = checkedPages.get(page) ?? new Set<string>();
  set.add(pageKey(page));
  checkedPages.set(page, set);
}

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, use) => {
    await use((label) => checkAccessibility(page, label));
  },

  login: async ({ page }, use) => {
    await use(async (role, options = {}) => {
      if (options.throughForm) {
        await signInThroughForm(page, role);
        return;
      }
      const state = JSON.parse(readFileSync(storageStatePath(role), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
      // The saved session cookie replaces whatever session this context had (a test may sign in as a second role).
      await page.context().addCookies(state.cookies);
      await page.goto("/");
      await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
      await checkAccessibility(page, "the start page after signing in");
    });
  },

  axeGuard: [
    async ({ page }, use) => {
      const visited = new Set<string>();
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(new URL(frame.url()).pathname);
      });
      await use();
      if (page.isClosed() || !page.url().startsWith("http")) return;
      await checkAccessibility(page, `the final page ${page.url()}`);
      const checked = checkedPages.get(page) ?? new Set<string>();
      const unchecked = [...visited].filter((path) => !checked.has(path));
      expect(unchecked, "pages visited without an axe check").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
