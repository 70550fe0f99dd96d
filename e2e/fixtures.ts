import axe from "axe-core";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
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
 *   test about signing in;
 * - a guard that fails the test on any Content-Security-Policy violation in its pages (the browser's "Refused to …"
 *   console message, or a securitypolicyviolation event), so the whole suite shows the policy blocks nothing of the
 *   app's own (issue 14, docs/decisions/0011-security-headers-and-csp.md).
 */

type LoginOptions = { throughForm?: boolean };

type Fixtures = {
  expectAccessible: (label?: string) => Promise<void>;
  login: (role: Role, options?: LoginOptions) => Promise<void>;
  axeGuard: void;
  cspGuard: void;
};


/** Signs in through the sign-in form, checking the form and the start page with axe. */
export async function signInThroughForm(page: Page, role: Role): Promise<void> {
  await signInWith(page, demoUser(role));
}

/** Signs an account in through the sign-in form (an account a test made, or a demo user), checked with axe. */
export async function signInWith(page: Page, user: { email: string; password: string }): Promise<void> {
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

/*
 * The states of a page this worker has already found free of violations: the viewport and the whole document. axe's
 * verdict depends on nothing else (the CSS is the build's), so the same state checked again would say the same; it
 * is counted as checked without running axe a second time. The start page after signing in, the same for every test
 * of a role until a test changes the data, is the usual case.
 */
const cleanStates = new Set<string>();

async function pageState(page: Page): Promise<string> {
  const state = await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}\n${location.href}\n${document.documentElement.outerHTML}`);
  return createHash("sha256").update(state).digest("base64url");
}

type AxeWindow = { axe?: typeof axe };

/**
 * Runs axe-core in the page. axe is injected once per document and reports only the violations: @axe-core/playwright's
 * builder injected the 550 KB script twice on every check and built the details of every passing rule, which took
 * a third of the end-to-end suite's time. The rules and their configuration are axe's defaults, as the builder's were.
 */
async function axeViolations(page: Page): Promise<axe.Result[]> {
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe === "object"))) await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as AxeWindow).axe!.run(document, { resultTypes: ["violations"] }));
  return results.violations;
}

export async function checkAccessibility(page: Page, label?: string): Promise<void> {
  await page.waitForLoadState("domcontentloaded");
  // Next streams metadata: right after a navigation or a server action the <title> may still be on its way. A page
  // is checked once it is complete, and a page that never gets a title fails here.
  await expect(page).toHaveTitle(/\S/);
  const state = await pageState(page);
  if (!cleanStates.has(state)) {
    const violations = await axeViolations(page);
    const summary = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
    );
    expect(summary, `axe violations on ${label ?? page.url()}`).toEqual([]);
    cleanStates.add(state);
  }
  const set = checkedPages.get(page) ?? new Set<string>();
  set.add(pageKey(page));
  checkedPages.set(page, set);
}

const CSP_VIOLATION = /Refused to (execute|load|apply|connect|frame|evaluate|create|send)|Content Security Policy|securitypolicyviolation/i;

/**
 * Waits until React has hydrated the page (components/layout/hydration-mark.tsx): a field filled before that is set
 * back by react-hook-form, which on a loaded machine lost a test's input now and then. A document without the app's
 * scripts (a feed, a file) has nothing to wait for.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.hasAttribute("data-hydrated") || !document.querySelector('script[src*="/_next/static/"]'), undefined, { timeout: 20_000 })
    .catch(() => {});
}

/** Every page load of `page` through goto or reload returns once the page is hydrated. */
function hydratedLoads(page: Page): void {
  const { goto, reload } = page;
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    const response = await goto.apply(page, args);
    await waitForHydration(page);
    return response;
  };
  page.reload = async (...args: Parameters<Page["reload"]>) => {
    const response = await reload.apply(page, args);
    await waitForHydration(page);
    return response;
  };
}

export const test = base.extend<Fixtures, { hydratedBrowser: void }>({
  // Pages of every context, the test's own and those a test opens with browser.newContext(), wait for hydration.
  context: async ({ context }, use) => {
    context.on("page", hydratedLoads);
    for (const page of context.pages()) hydratedLoads(page);
    await use(context);
  },
  hydratedBrowser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const context = await newContext.apply(browser, args);
        // Without JavaScript nothing hydrates (e2e/no-javascript.spec.ts).
        if (args[0]?.javaScriptEnabled !== false) context.on("page", hydratedLoads);
        return context;
      };
      await use();
    },
    { scope: "worker", auto: true },
  ],

  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      // The event reaches the page's console from an init script: an init script is not subject to the page's policy.
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.documentURI}`);
        });
      });
      context.on("console", (message) => {
        if (CSP_VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],

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
