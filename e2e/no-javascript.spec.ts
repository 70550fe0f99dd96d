import type { Browser, Page } from "@playwright/test";
import { createApplication, createOpenRound, createUser } from "./data";
import { expect, test } from "./fixtures";
import { sessionCookie } from "./raw-http";

/*
 * Forms without JavaScript (issue 14): a react-hook-form form that had only an onSubmit rendered a <form> that,
 * without JavaScript, submitted GET with its fields, the password among them, in the address. Every form posts;
 * the GET forms are the declared search and filter forms, which carry no secret. The sign-in form works without
 * JavaScript (its own server action) and never puts the password in an address.
 */

/*
 * A context of the test's own with JavaScript off. axe cannot run there (it needs the page's own timers), so these
 * pages are not checked with axe here; each is the same server-rendered HTML that the suite's other tests check with
 * JavaScript on. The test's own `page` (and so the axe guard) is not used.
 */
async function noScriptPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "sv-SE" });
  return context.newPage();
}

// The search and filter forms that submit GET on purpose, by the path they submit to.
const DECLARED_GET_FORMS = [/^\/logg$/, /^\/anvandare$/, /^\/press$/, /^\/personuppgifter$/, /^\/organisationer$/, /^\/organisationer\/\d+\/sla-ihop$/, /^\/omgangar\/\d+$/];

type FormInfo = { method: string; action: string; passwords: number };

async function formsOf(page: Page): Promise<FormInfo[]> {
  return page.locator("form").evaluateAll((forms) =>
    forms.map((form) => ({
      method: (form as HTMLFormElement).method,
      action: new URL((form as HTMLFormElement).action, location.href).pathname,
      passwords: form.querySelectorAll("input[type=password]").length,
    })),
  );
}

test("every form of the app posts, except the declared search and filter forms, which hold no password", async ({ browser, baseURL }) => {
  const page = await noScriptPage(browser, baseURL);
  const { roundId } = createOpenRound();
  const application = createApplication(roundId);
  const publicPages = ["/logga-in", "/glomt-losenord", "/nyheter/prenumerera"];
  const staffPages = [
    "/konto",
    "/omgangar/ny",
    `/omgangar/${roundId}`,
    `/omgangar/${roundId}/redigera`,
    `/omgangar/${roundId}/beslutsmote`,
    `/ansokningar/${application.id}`,
    `/ansokningar/${application.id}/redigera`,
    "/anvandare",
    "/anvandare/ny",
    "/logg",
    "/personuppgifter",
    "/press",
    "/organisationer",
  ];
  const problems: string[] = [];
  let seen = 0;
  const visit = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    for (const form of await formsOf(page)) {
      seen += 1;
      if (form.method === "post") continue;
      if (!DECLARED_GET_FORMS.some((pattern) => pattern.test(form.action))) problems.push(`${path}: a ${form.method.toUpperCase()} form to ${form.action}`);
      if (form.passwords > 0) problems.push(`${path}: a GET form with a password field`);
    }
  };
  for (const path of publicPages) await visit(path);
  const cookies = sessionCookie("admin")
    .split("; ")
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: page.url() }));
  await page.context().addCookies(cookies);
  for (const path of staffPages) await visit(path);
  await page.context().close();
  expect(problems).toEqual([]);
  expect(seen).toBeGreaterThan(staffPages.length);
});

test("the sign-in form signs in without JavaScript, and the password is never in an address", async ({ browser, baseURL }) => {
  const page = await noScriptPage(browser, baseURL);
  const user = await createUser("officer");
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));

  // A wrong password first: the page comes back with the message, by POST.
  await page.goto("/logga-in?callbackUrl=%2Fkonto");
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill("fel-lösenord-utan-skript");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Fel e-postadress eller lösenord", { exact: false })).toBeVisible();

  await page.goto("/logga-in?callbackUrl=%2Fkonto");
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill(user.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();

  await page.context().close();
  for (const address of addresses) {
    expect(address).not.toContain(encodeURIComponent(user.password));
    expect(address).not.toContain("fel-l%C3%B6senord");
    expect(decodeURIComponent(address)).not.toContain(user.password);
  }
});
