import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/*
 * next-auth's own endpoints (/api/auth/*) build URLs: the sign-in redirect and its callback-url cookie, the sign-out
 * page's form, the providers' URLs, the error and verify-request pages' links, the redirect after signing out. With
 * AUTH_URL set to the site's public origin (the README's production setup) every one of them names that origin: never
 * the Host or X-Forwarded-Host a client sent, never the name Next gives the server itself ("localhost", server.mjs).
 * The handlers are called as Next calls them, with the request URL Next builds ("http://localhost:<port>/…").
 * e2e/host-headers.spec.ts checks the same over HTTP against the run's server, whose AUTH_URL is a loopback address.
 */

const PUBLIC_ORIGIN = "https://anslag.example.se";
const saved = { AUTH_URL: process.env.AUTH_URL, AUTH_SECRET: process.env.AUTH_SECRET, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST };

beforeAll(() => {
  process.env.AUTH_URL = PUBLIC_ORIGIN;
  process.env.AUTH_SECRET ??= "0123456789abcdef0123456789abcdef";
  process.env.AUTH_TRUST_HOST = "true";
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" };

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers: { ...FORGED, ...init.headers }, body: init.body });
}

// A page's CSS has "%" in it; only the percent-escapes are decoded.
const decodeLoosely = (text: string) => text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escaped) => {
  try {
    return decodeURIComponent(escaped);
  } catch {
    return escaped;
  }
});

/** Every absolute URL in an answer: its Location, its cookies' values and its body, percent-decoded. */
async function urlsOf(response: Response): Promise<{ urls: string[]; text: string }> {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  const text = [response.headers.get("location") ?? "", ...cookies, await response.text()].map(decodeLoosely).join("\n");
  return { urls: [...text.matchAll(/https?:\/\/[^\s"'<>&;,)]+/g)].map((m) => m[0]), text };
}

async function expectPublicOrigin(response: Response, what: string, { mustName = true } = {}) {
  const { urls, text } = await urlsOf(response);
  expect(text, what).not.toContain("evil.example");
  expect(text, what).not.toContain("localhost");
  if (mustName) expect(urls.length, `${what} names a URL`).toBeGreaterThan(0);
  for (const url of urls) expect(new URL(url).origin, `${what}: ${url}`).toBe(PUBLIC_ORIGIN);
}

describe("next-auth's endpoints with AUTH_URL set to the public origin", () => {
  it("name AUTH_URL's origin in every URL, whatever Host and X-Forwarded-Host say", async () => {
    const { GET, POST } = await import("./route-handlers");
    for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/providers", "/api/auth/error", "/api/auth/verify-request"]) {
      await expectPublicOrigin(await GET(request(path)), path);
    }
    // A GET of the credentials provider's sign-in is no action next-auth has: it logs that and redirects to its error page.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    await expectPublicOrigin(await GET(request("/api/auth/signin/credentials")), "/api/auth/signin/credentials");
    quiet.mockRestore();
    for (const path of ["/api/auth/csrf", "/api/auth/session"]) await expectPublicOrigin(await GET(request(path)), path, { mustName: false });

    // Signing out (a POST with the CSRF token and its cookie): the redirect after it.
    const csrf = await GET(request("/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const signOut = await POST(
      request("/api/auth/signout", {
        method: "POST",
        headers: { origin: PUBLIC_ORIGIN, cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-host": "anslag.example.se" },
        body: new URLSearchParams({ csrfToken }).toString(),
      }),
    );
    expect(signOut.status).toBe(302);
    await expectPublicOrigin(signOut, "the redirect after signing out");
  });
});
