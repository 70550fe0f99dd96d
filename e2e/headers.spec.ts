import { createHash } from "node:crypto";
import { createUser } from "./data";
import { expect, test } from "./fixtures";
import { credentialsSignIn, raw, sessionCookie, setCookies, type RawAnswer } from "./raw-http";
import { builtActions } from "./authorisation/inventory";

/*
 * Headers (issue 14): every kind of answer the server gives carries the security headers, an HTML page's policy
 * allows no inline script but its own (a nonce on pages rendered per request, hashes on cached ones) and no inline
 * style at all, and cookies are HttpOnly and SameSite. Raw HTTP, so that each answer is seen as it left the server. The browser side, no CSP
 * violation on any page, is the cspGuard of e2e/fixtures.ts, in every test.
 * It sends plain HTTP and opens no browser page, so there is no rendered page for axe (expectAccessible) to check.
 */

const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

function expectSecurityHeaders(answer: RawAnswer, what: string) {
  for (const [name, value] of Object.entries(EVERYWHERE)) expect(answer.headers[name], `${name} on ${what}`).toBe(value);
  expect(answer.headers["permissions-policy"], what).toContain("camera=()");
  // The e2e server runs the production build: HSTS is sent (browsers heed it over HTTPS only).
  expect(answer.headers["strict-transport-security"], what).toMatch(/max-age=\d+/);
  expect(answer.headers["x-powered-by"], what).toBeUndefined();
  const policy = String(answer.headers["content-security-policy"] ?? "");
  expect(policy, `the CSP of ${what}`).toContain("frame-ancestors 'none'");
  const scriptSrc = policy.split(/;\s*/).find((d) => d.startsWith("script-src ") || d.startsWith("default-src 'none'")) ?? "";
  expect(scriptSrc, `script-src of ${what}`).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Styles come from this site's stylesheets only: no <style> element, no style attribute (ADR 0011).
  const styleSrc = policy.split(/;\s*/).filter((d) => /^style-src/.test(d));
  if (!policy.startsWith("default-src 'none'")) expect(styleSrc, `style-src of ${what}`).toEqual(["style-src 'self'"]);
  expect(policy, `the CSP of ${what}`).not.toContain("unsafe-inline");
}

const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1] ?? "") && m[2] !== "").map((m) => ({ attributes: m[1] ?? "", text: m[2] ?? "" }));

test("a staff page rendered per request allows its own inline scripts by nonce, and only them", async () => {
  const answer = await raw({ path: "/", headers: { cookie: sessionCookie("officer") } });
  expect(answer.status).toBe(200);
  expectSecurityHeaders(answer, "the start page");
  const nonce = /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
  expect(nonce).toBeTruthy();
  const scripts = inlineScripts(answer.body);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.attributes).toContain(`nonce="${nonce}"`);
  // A new nonce for every request.
  const again = await raw({ path: "/", headers: { cookie: sessionCookie("officer") } });
  expect(String(again.headers["content-security-policy"])).not.toContain(nonce);
});

test("a cached public page names the hashes of exactly its inline scripts, and stays cached", async () => {
  for (const path of ["/nyheter", "/logga-in", "/en/nyheter"]) {
    const answer = await raw({ path, headers: { "accept-encoding": "gzip" } });
    expect(answer.status, path).toBe(200);
    expectSecurityHeaders(answer, path);
    const policy = String(answer.headers["content-security-policy"]);
    expect(policy, path).not.toContain("'nonce-");
    // gzip was asked for; the raw body is read through it here only when the server did not compress.
    const html = answer.headers["content-encoding"] ? (await raw({ path })).body : answer.body;
    for (const script of inlineScripts(html)) {
      const hash = `sha256-${createHash("sha256").update(script.text).digest("base64")}`;
      expect(policy, `${path}: the hash of ${script.text.slice(0, 60)}`).toContain(`'${hash}'`);
    }
  }
  // Revalidating a cached page: the 304 carries no policy, so the browser keeps the one that matches its copy.
  const first = await raw({ path: "/nyheter" });
  const etag = String(first.headers.etag ?? "");
  if (etag) {
    const notModified = await raw({ path: "/nyheter", headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-security-policy"]).toBeUndefined();
    expect(notModified.headers["x-content-type-options"]).toBe("nosniff");
  }
  // The newsroom is still served from Next's cache (the bench's 3x target depends on it).
  const newsroom = await raw({ path: "/nyheter" });
  expect(String(newsroom.headers["x-nextjs-cache"] ?? newsroom.headers["x-nextjs-prerender"] ?? ""), "a cached newsroom").not.toBe("");
});

test("every other kind of answer has the headers too: redirects, 404s, files, feeds, route handlers, actions, refusals", async () => {
  const start = await raw({ path: "/logga-in" });
  const asset = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+)"/.exec(start.body)?.[1];
  expect(asset).toBeTruthy();
  const localeAction = builtActions().find((a) => a.key === "app/actions.ts#setLocaleAction")!;
  const answers: [string, RawAnswer, number][] = [
    ["a redirect to sign-in", await raw({ path: "/omgangar" }), 307],
    ["a 404 page", await raw({ path: "/nyheter/finns-inte-alls" }), 404],
    ["a static file", await raw({ path: asset! }), 200],
    ["the icon", await raw({ path: "/icon.svg" }), 200],
    ["robots.txt", await raw({ path: "/robots.txt" }), 200],
    ["the feed", await raw({ path: "/nyheter/feed.xml" }), 200],
    ["a route handler", await raw({ path: "/api/auth/session" }), 200],
    ["a staff route handler refusing", await raw({ path: "/logg/export", headers: { cookie: sessionCookie("officer") } }), 403],
    ["a bad path", await raw({ path: "/%" }), 400],
    [
      "a server action's answer",
      await raw({
        method: "POST",
        path: "/nyheter",
        headers: { "next-action": localeAction.id, "content-type": "text/plain;charset=UTF-8", origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` },
        body: JSON.stringify(["inte ett formulär"]),
      }),
      200,
    ],
  ];
  for (const [what, answer, status] of answers) {
    expect(answer.status, what).toBe(status);
    expectSecurityHeaders(answer, what);
  }
  // What is no page runs nothing at all.
  expect(String(answers[4]?.[1].headers["content-security-policy"])).toContain("default-src 'none'");
});

test("cookies are HttpOnly and SameSite (Secure comes with an https AUTH_URL)", async () => {
  const user = await createUser("officer");
  const signedIn = await credentialsSignIn(user.email, user.password, { localAddress: "127.0.0.5" });
  expect(signedIn.status).toBe(302);
  const cookies = setCookies(signedIn);
  expect(cookies.some((c) => c.startsWith("authjs.session-token="))).toBe(true);
  for (const cookie of cookies) {
    expect(cookie, cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie, cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  }
  const locale = builtActions().find((a) => a.key === "app/actions.ts#setLocaleAction")!;
  const boundary = "----anslag";
  const body = [`--${boundary}`, 'Content-Disposition: form-data; name="0"', "", '["$K1"]', `--${boundary}`, 'Content-Disposition: form-data; name="_1_locale"', "", "en", `--${boundary}--`, ""].join("\r\n");
  const chosen = await raw({
    method: "POST",
    path: "/nyheter",
    headers: { "next-action": locale.id, "content-type": `multipart/form-data; boundary=${boundary}`, origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` },
    body,
  });
  const localeCookie = setCookies(chosen).find((c) => c.startsWith("NEXT_LOCALE="));
  expect(localeCookie, setCookies(chosen).join("\n")).toBeTruthy();
  expect(localeCookie).toMatch(/;\s*HttpOnly/i);
  expect(localeCookie).toMatch(/;\s*SameSite=Lax/i);
});
