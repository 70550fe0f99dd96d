import { createUser } from "./data";
import { expect, test } from "./fixtures";
import { builtActions } from "./authorisation/inventory";
import { credentialsSignIn, raw } from "./raw-http";

/*
 * Host headers (issue 14): with AUTH_TRUST_HOST=true next-auth builds its redirects from X-Forwarded-Host, which a
 * client can write. The run's server has AUTH_URL set, as the README's production setup says, and server.mjs pins
 * the origin to it: a forged Host or X-Forwarded-Host never appears in a Location or an action's redirect.
 */

const PORT = process.env.E2E_PORT ?? 3100;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

// next-auth's own endpoints (/api/auth/*) name the server as Next names it to itself (server.mjs: "localhost").
const OURS = [ORIGIN, `http://localhost:${PORT}`];

function expectOurs(location: string | string[] | undefined, what: string) {
  expect(location, what).toBeTruthy();
  expect(String(location), what).not.toContain("evil.example");
  const url = new URL(String(location), ORIGIN);
  expect(OURS, what).toContain(url.origin);
}

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
