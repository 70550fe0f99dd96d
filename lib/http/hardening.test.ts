import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT,
  bodyRefusal,
  documentPolicy,
  inlineHashes,
  isActionCall,
  multipartFields,
  pinOrigin,
  refusal,
  routeHandlerMatcher,
  securityHeaders,
} from "./hardening.mjs";

const ACTION = "7f".repeat(21);
const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("the content security policy", () => {
  it("never allows inline script without a nonce or a hash, nor eval, and frames nothing", () => {
    for (const policy of [documentPolicy({ nonce: "abc" }), documentPolicy({ scriptHashes: [sha("x")] }), documentPolicy({})]) {
      const script = policy.split("; ").find((d) => d.startsWith("script-src "));
      expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
    }
    expect(documentPolicy({ nonce: "abc" })).toContain("script-src 'self' 'nonce-abc'");
    expect(documentPolicy({ https: true })).toContain("upgrade-insecure-requests");
    expect(documentPolicy({})).not.toContain("upgrade-insecure-requests");
  });

  it("allows this site's stylesheets only: no inline <style> unless named by its hash, and no style attribute", () => {
    for (const policy of [documentPolicy({ nonce: "abc" }), documentPolicy({ scriptHashes: [sha("x")] }), documentPolicy({})]) {
      const directives = policy.split("; ");
      expect(directives).toContain("style-src 'self'");
      expect(directives.filter((d) => d.startsWith("style-src"))).toEqual(["style-src 'self'"]);
      expect(policy).not.toContain("unsafe-inline");
    }
  });

  it("hashes each inline script of a page, not the external ones", () => {
    const html = `<html><head><style>b{color:red}</style><script src="/_next/static/a.js" async=""></script></head>
      <body><script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{"a":1}</script><script></script></body></html>`;
    expect(inlineHashes(html).scriptHashes).toEqual([sha('self.__next_f.push([1,"x"])'), sha('{"a":1}')]);
    // A <style> element (next-auth's own pages have one; the app's pages none) is named by its hash too.
    expect(inlineHashes(html).styleHashes).toEqual([sha("b{color:red}")]);
    expect(documentPolicy({ styleHashes: [sha("b{color:red}")] })).toContain(`style-src 'self' '${sha("b{color:red}")}'`);
    expect(documentPolicy({ scriptHashes: [sha("x")] })).toContain(`script-src 'self' '${sha("x")}'`);
  });

  it("sends HSTS only in production", () => {
    expect(securityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(securityHeaders({ production: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});

describe("requests refused before Next", () => {
  const post = (headers: Record<string, string>, url = "/omgangar/1") => refusal({ method: "POST", url, headers: { host: "anslag.example", ...headers } });
  it("refuses a path that does not decode with 400", () => {
    for (const url of ["/%", "/%E0%A4%A", "/nyheter/%zz", "*", "http://evil.example/"]) expect(refusal({ method: "GET", url, headers: {} })?.status).toBe(400);
    expect(refusal({ method: "GET", url: "/nyheter/%C3%A5r?q=%", headers: {} })).toBeNull();
  });
  it("refuses a server action that is too large, misnamed, of the wrong type or from another site", () => {
    const action = { "next-action": ACTION, "content-type": "text/plain;charset=UTF-8" };
    expect(post(action)).toBeNull();
    expect(post({ ...action, origin: "http://anslag.example" })).toBeNull();
    expect(post({ ...action, "content-length": String(ACTION_BODY_LIMIT + 1) })?.status).toBe(413);
    expect(post({ ...action, "next-action": "x" })?.status).toBe(404);
    expect(post({ ...action, "content-type": "application/json" })?.status).toBe(400);
    expect(post({ ...action, origin: "http://evil.example" })?.status).toBe(403);
    expect(post({ ...action, origin: "not a url" })?.status).toBe(403);
    expect(refusal({ method: "GET", url: "/", headers: { "next-action": ACTION } })?.status).toBe(405);
  });
});

describe("the pinned origin", () => {
  it("replaces the client's Host and X-Forwarded-Host with AUTH_URL's", () => {
    const headers: Record<string, string> = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" };
    pinOrigin(headers, { AUTH_URL: "https://anslag.example" });
    expect(headers).toEqual({ host: "anslag.example", "x-forwarded-host": "anslag.example", "x-forwarded-proto": "https" });
  });
  it("without AUTH_URL believes X-Forwarded-Host only behind a trusted proxy", () => {
    const direct: Record<string, string> = { host: "a.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    pinOrigin(direct, {});
    expect(direct).toEqual({ host: "a.example" });
    const proxied: Record<string, string> = { host: "a.example", "x-forwarded-host": "anslag.example" };
    pinOrigin(proxied, { TRUSTED_PROXY_HOPS: "1" });
    expect(proxied["x-forwarded-host"]).toBe("anslag.example");
  });
});

describe("action bodies, checked before Next decodes them", () => {
  const text = { "next-action": ACTION, "content-type": "text/plain;charset=UTF-8" };
  const multipart = (body: string) => bodyRefusal({ "next-action": ACTION, "content-type": "multipart/form-data; boundary=b" }, Buffer.from(body));
  const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  it("takes what Next's client sends", () => {
    expect(bodyRefusal(text, Buffer.from('[{"email":"a@b.se"}]'))).toBeNull();
    expect(multipart(`${part("0", '["$K1"]')}${part("_1_locale", "en")}--b--\r\n`)).toBeNull();
    expect(multipartFields("multipart/form-data; boundary=b", Buffer.from(`${part("0", "[]")}${part("x", "å")}--b--\r\n`))).toEqual(new Map([["0", "[]"], ["x", "å"]]));
  });
  it("refuses what Next would fail to decode with a 500", () => {
    for (const body of ["{{{", "", '{"a":1}', "[1,"]) expect(bodyRefusal(text, Buffer.from(body))?.status).toBe(400);
    expect(multipart("garbage")?.status).toBe(400);
    expect(multipart(`${part("_1_locale", "en")}--b--\r\n`)?.status).toBe(400);
    expect(multipart(`${part("0", "{{")}--b--\r\n`)?.status).toBe(400);
    expect(bodyRefusal({ "next-action": ACTION, "content-type": "multipart/form-data" }, Buffer.from("x"))?.status).toBe(400);
  });
  it("knows a form posted to a page from a post to a route handler", () => {
    const isRouteHandler = routeHandlerMatcher(["/(staff)/omgangar/[roundId]/import/run/route", "/api/auth/[...nextauth]/route", "/(public)/[locale]/nyheter/feed.xml/route", "/(staff)/konto/page"]);
    const form = (url: string) => ({ method: "POST", url, headers: { "content-type": "multipart/form-data; boundary=b" } });
    expect(isActionCall(form("/logga-in?callbackUrl=%2F"), { isRouteHandler })).toBe(true);
    expect(isActionCall(form("/konto"), { isRouteHandler })).toBe(true);
    expect(isActionCall(form("/omgangar/12/import/run"), { isRouteHandler })).toBe(false);
    expect(isActionCall(form("/api/auth/callback/credentials"), { isRouteHandler })).toBe(false);
    expect(isRouteHandler("/en/nyheter/feed.xml")).toBe(true);
    expect(isActionCall({ method: "GET", url: "/konto", headers: {} }, { isRouteHandler })).toBe(false);
  });
  it("refuses a page's form post from another site, and an unknown action id", () => {
    const site = { actionIds: new Set([ACTION]), isRouteHandler: () => false };
    const headers = { host: "anslag.example", "content-type": "application/x-www-form-urlencoded", origin: "http://evil.example" };
    expect(refusal({ method: "POST", url: "/logga-in", headers }, site)?.status).toBe(403);
    expect(refusal({ method: "POST", url: "/", headers: { ...text, "next-action": "ab".repeat(21) } }, site)?.status).toBe(404);
    expect(refusal({ method: "POST", url: "/", headers: text }, site)).toBeNull();
  });
});
