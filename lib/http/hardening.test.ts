import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT,
  bodyDigest,
  bodyRefusal,
  cachedInlineHashes,
  documentPolicy,
  holdHtmlForHashes,
  inlineHashes,
  isActionCall,
  matchesEtag,
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

/** A stand-in for Node's ServerResponse: the headers, the status and what reached the socket. */
function fakeResponse(requestHeaders: Record<string, string> = {}) {
  const headers = new Map<string, string | number>();
  const sent: { status?: number; body?: Buffer | string; headers?: Map<string, string | number> } = {};
  const response = {
    req: { headers: requestHeaders },
    statusCode: 200,
    statusMessage: "",
    headersSent: false,
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), value),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    writeHead: () => response,
    flushHeaders: () => undefined,
    write: () => true,
    end(body?: Buffer | string | (() => void)) {
      sent.status = response.statusCode;
      sent.body = typeof body === "function" ? undefined : body;
      sent.headers = new Map(headers);
      return response;
    },
  };
  return { response, sent };
}

const PAGE = '<!DOCTYPE html><html><body><p>Nyheter</p><script>self.__next_f.push([1,"a"])</script><script src="/_next/static/x.js"></script></body></html>';

/** One cached page through holdHtmlForHashes, as Next answers it from its cache (no ETag of Next's own). */
function serveCached(html: string, requestHeaders: Record<string, string> = {}) {
  const { response, sent } = fakeResponse(requestHeaders);
  holdHtmlForHashes(response as never, { https: false });
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("x-nextjs-cache", "HIT");
  response.end(html);
  return sent;
}

describe("a cached page's hashes and ETag (issue 14: the grants list and the newsroom)", () => {
  it("hashes a body once, then takes its hashes from the cache by the digest of its bytes", () => {
    const body = Buffer.from(`${PAGE}<!-- ${Math.random()} -->`);
    let computed = 0;
    const compute = (of: Buffer) => () => {
      computed += 1;
      return inlineHashes(of.toString("utf8"));
    };
    const first = cachedInlineHashes(body, "", bodyDigest(body), compute(body));
    const copy = Buffer.from(body);
    const again = cachedInlineHashes(copy, "", bodyDigest(copy), compute(copy));
    expect(computed).toBe(1);
    expect(again).toEqual(first);
    expect(first.scriptHashes).toEqual([sha('self.__next_f.push([1,"a"])')]);
    // Other bytes (a revalidated page) are hashed anew, never given the old page's hashes.
    const revalidated = Buffer.from(body.toString("utf8").replace('"a"', '"b"'));
    expect(cachedInlineHashes(revalidated, "", bodyDigest(revalidated), compute(revalidated)).scriptHashes).toEqual([sha('self.__next_f.push([1,"b"])')]);
    expect(computed).toBe(2);
  });

  it("gives a cached page its policy with the hashes and an ETag of its bytes, and answers a matching If-None-Match with 304", () => {
    const page = serveCached(PAGE);
    expect(page.status).toBe(200);
    expect(String(page.headers!.get("content-security-policy"))).toContain(`'${sha('self.__next_f.push([1,"a"])')}'`);
    const etag = String(page.headers!.get("etag"));
    expect(etag).toBe(`"${bodyDigest(Buffer.from(PAGE))}"`);
    expect(page.headers!.get("content-length")).toBe(Buffer.byteLength(PAGE));

    const notModified = serveCached(PAGE, { "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();
    expect(notModified.headers!.get("content-security-policy")).toBeUndefined();
    expect(notModified.headers!.get("etag")).toBe(etag);

    // A page that changed since (revalidated) is sent whole, with its new ETag.
    const changed = serveCached(PAGE.replace("Nyheter", "Nyheter i dag"), { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers!.get("etag")).not.toBe(etag);
  });

  it("compares ETags as If-None-Match lists them", () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag("*", '"b"')).toBe(true);
    expect(matchesEtag('"c"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
