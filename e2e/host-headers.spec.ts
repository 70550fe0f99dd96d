import { createUser } from "./data";
import { expect, test } from "./fixtures";
import { builtActions } from "./authorisation/inventory";
import { credentialsSignIn, raw, setCookies, type RawAnswer } from "./raw-http";

/*
 * Host headers (issue 14): with AUTH_TRUST_HOST=true next-auth builds its redirects from X-Forwarded-Host, which a
 * client can write. The run's server has AUTH_URL set, as the README's production setup says, and server.mjs pins
 * the origin to it: a forged Host or X-Forwarded-Host never appears in a Location, a cookie, a page or an action's
 * redirect, and every URL next-auth's own endpoints emit names AUTH_URL's origin.
 */

const PORT = process.env.E2E_PORT ?? 3100;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

// AUTH_URL's origin. The run's AUTH_URL is a loopback address, which Next spells "localhost" in the request URL it
// gives a route handler (NextURL), so next-auth's own endpoints name it so; that is the one other spelling allowed
// here. A public AUTH_URL is named exactly, never "localhost" (lib/auth/auth-urls.test.ts).
const OURS = [ORIGIN, `http://localhost:${PORT}`];

function expectOurs(location: string | string[] | undefined, what: string) {
  expect(location, what).toBeTruthy();
  expect(String(location), what).not.toContain("evil.example");
  const url = new URL(String(location), ORIGIN);
  expect(OURS, what).toContain(url.origin);
}

// A page's CSS has "%" in it; only the percent-escapes are decoded.
const decodeLoosely = (text: string) =>
  text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });

/** Every absolute URL an answer names: in its Location, its cookies' values and its body. */
function expectOnlyOurUrls(answer: RawAnswer, what: string, { mustName = true } = {}) {
  const text = [String(answer.headers.location ?? ""), ...setCookies(answer).map((c) => c.split(";")[0] ?? ""), answer.body].map(decodeLoosely).join("\n");
  expect(text, what).not.toContain("evil.example");
  const urls = [...text.matchAll(/https?:\/\/[^\s"'<>&;,)]+/g)].map((m) => m[0]);
  if (mustName) expect(urls.length, `${what} names a URL`).toBeGreaterThan(0);
  for (const url of urls) expect(OURS, `${what}: ${url}`).toContain(new URL(url).origin);
}

test("next-auth's own endpoints name AUTH_URL's origin in every URL, whatever Host and X-Forwarded-Host say", async () => {
  // Its sign-in redirect and the callback-url cookie, its sign-out page's form, the providers' URLs, its error and
  // verify-request pages' links. (A GET of /api/auth/signin/credentials, which redirects to the error page, is left
  // to lib/auth/auth-urls.test.ts: next-auth logs it as an error, a stack trace in the run's log.)
  for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/providers", "/api/auth/error", "/api/auth/verify-request"]) {
    const answer = await raw({ path, headers: FORGED });
    expect(answer.status, path).toBeLessThan(400);
    expectOnlyOurUrls(answer, path);
  }
  // The CSRF token and the session set the callback-url cookie only.
  for (const path of ["/api/auth/csrf", "/api/auth/session"]) expectOnlyOurUrls(await raw({ path, headers: FORGED }), path, { mustName: false });

  // Signing out through next-auth's endpoint: the redirect after it.
  const csrf = await raw({ path: "/api/auth/csrf", headers: FORGED });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken }).toString();
  const signedOut = await raw({
    method: "POST",
    path: "/api/auth/signout",
    headers: { ...FORGED, origin: ORIGIN, cookie: setCookies(csrf).map((c) => c.split(";")[0]).join("; "), "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
    body,
  });
  expect(signedOut.status).toBe(302);
  expectOnlyOurUrls(signedOut, "the redirect after signing out");
});

test("a forged Host or X-Forwarded-Host steers no redirect", async () => {
  expectOurs((await raw({ path: "/api/auth/signin", headers: FORGED })).headers.location, "next-auth's sign-in page");
  expectOurs((await raw({ path: "/omgangar", headers: FORGED })).headers.location, "the proxy's redirect to sign-in");
  expectOurs((await raw({ path: "/api/auth/signout", headers: FORGED })).headers.location ?? ORIGIN, "next-auth's sign-out page");

  const user = await createUser("officer");
  const signedIn = await credentialsSignIn(user.email, user.password, { localAddress: "127.0.0.41", headers: { "x-forwarded-host": "evil.example" } });
  expect(signedIn.status).toBe(302);
  expectOurs(signedIn.headers.location, "the redirect after signing in");

  // The sign-in form's action: its redirect after signing in.
  const action = builtActions().find((a) => a.key === "app/(public)/[locale]/logga-in/actions.ts#signInAction")!;
  const body = JSON.stringify([{ email: user.email, password: user.password, locale: "sv", callbackUrl: "/konto" }]);
  const answer = await raw({
    method: "POST",
    path: "/logga-in",
    headers: { ...FORGED, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: ORIGIN, "content-length": Buffer.byteLength(body) },
    body,
    localAddress: "127.0.0.42",
  });
  const redirect = answer.headers["x-action-redirect"] ?? answer.headers.location;
  expect(String(redirect)).toMatch(/\/konto/);
  expectOurs(String(redirect).split(";")[0], "the sign-in action's redirect");
});

test("signing in through the form with a forged X-Forwarded-Host stays on this site", async ({ page, expectAccessible }) => {
  const user = await createUser("officer");
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example" });
  await page.goto("/logga-in?callbackUrl=%2Fkonto");
  await expectAccessible();
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill(user.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/konto`);
  await expectAccessible("the account page");
});
