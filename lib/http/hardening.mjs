// What server.mjs does to every request and response before and after Next sees it (issue 14). Plain JavaScript,
// because server.mjs runs under bare Node; lib/http/hardening.test.ts tests it, lib/http/hardening.d.mts types it.
// See docs/decisions/0011-security-headers-and-csp.md for the why.
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** The largest server-action body taken (Next's own default bodySizeLimit, 1 MB): a larger one is answered 413. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Headers on every response.

/** The headers every answer carries, whatever produced it (a page, a route handler, an action, a 404, a refusal). */
export function securityHeaders({ production }) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Permitted-Cross-Domain-Policies": "none",
    "Origin-Agent-Cluster": "?1",
    // Browsers ignore it over plain HTTP (and for IP addresses), so it is safe to send whenever the build runs as
    // production: behind the HTTPS proxy of the README's production setup it takes effect.
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
    // Until the response says otherwise (an HTML page gets its own policy below): nothing may load, nothing frame it.
    "Content-Security-Policy": NON_DOCUMENT_POLICY,
  };
}

/** For anything that is not an HTML page: a JSON answer, a feed, a file. It runs nothing and is framed by no one. */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of an HTML page. Scripts: this site's files and the inline scripts the page was rendered with, named
 * by the request's nonce (a page rendered per request) or by their hashes (a cached page, which has no nonce). No
 * 'unsafe-inline', no 'unsafe-eval'. Styles: this site's stylesheets only, no <style> element and no style attribute
 * (ADR 0011): the app's CSS is all in app/globals.css, the chart's bars are SVG geometry. Styles a script sets through
 * the CSSOM (element.style, as React does in the browser) are not inline styles and stay allowed. The one exception
 * is HTML the app does not render itself, next-auth's own pages (/api/auth/signout, /api/auth/error): their <style>
 * element is named by its hash, as their scripts are, so they keep their look without 'unsafe-inline'.
 */
export function documentPolicy({ nonce, scriptHashes = [], styleHashes = [], https = false }) {
  const scripts = nonce ? [`'nonce-${nonce}'`] : scriptHashes.map((hash) => `'${hash}'`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(" "),
    ["style-src 'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(" "),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The hashes of an HTML document's inline scripts and <style> elements, as CSP source expressions ("sha256-…"). */
export function inlineHashes(html) {
  const digest = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
  const scriptHashes = new Set();
  const styleHashes = new Set();
  // Next renders no <style> element (the app's CSS is all in its stylesheet); next-auth's own pages have one.
  let from = 0;
  for (;;) {
    const open = html.indexOf("<style", from);
    if (open < 0) break;
    const tagEnd = html.indexOf(">", open);
    const close = tagEnd < 0 ? -1 : html.indexOf("</style", tagEnd);
    if (close < 0) break;
    const attributes = html.slice(open + 6, tagEnd);
    if (/^[\s/]/.test(attributes) || attributes === "") styleHashes.add(digest(html.slice(tagEnd + 1, close)));
    from = close + 7;
  }
  // A scan with indexOf, not a lazy regular expression over the page's long payload scripts. React and Next write
  // their tags in lower case; a <SCRIPT> written otherwise is not hashed, so it is blocked, never let through.
  let at = 0;
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open < 0) break;
    const tagEnd = html.indexOf(">", open);
    const close = tagEnd < 0 ? -1 : html.indexOf("</script", tagEnd);
    if (close < 0) break;
    const attributes = html.slice(open + 7, tagEnd).toLowerCase();
    const text = html.slice(tagEnd + 1, close);
    if (/^[\s/]/.test(attributes) || attributes === "") {
      if (!/\bsrc\s*=/.test(attributes) && text !== "") scriptHashes.add(digest(text));
    }
    at = close + 8;
  }
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

/*
 * A cached page is the same bytes for every visitor until it is revalidated, so its hashes are kept by a digest of
 * those bytes (SHA-1, native: well under a millisecond for the 450 KB of a grants list). Next's own ETag is off
 * (next.config.ts `generateEtags: false`): it hashed every cached page again on every request in JavaScript (FNV-1a
 * over the whole string, 17 % of the server's CPU on a grants list in a profile), so the digest here is the ETag too.
 */
const hashesByDigest = new Map();
const HASHES_KEPT = 500;

/** The digest of a body as sent (after any compression): its ETag and the key of its hashes. */
export function bodyDigest(body) {
  return createHash("sha1").update(body).digest("base64url");
}

/**
 * The inline hashes of an HTML body as sent (`encoding`: its Content-Encoding), computed once per distinct body and
 * then taken from the cache. `compute` is the decoding and hashing (a parameter so that a test can count its calls).
 */
export function cachedInlineHashes(body, encoding, digest = bodyDigest(body), compute = () => inlineHashes(decode(body, encoding))) {
  const key = `${digest}|${encoding}`;
  let hashes = hashesByDigest.get(key);
  if (!hashes) {
    hashes = compute();
    if (hashesByDigest.size >= HASHES_KEPT) hashesByDigest.delete(hashesByDigest.keys().next().value);
    hashesByDigest.set(key, hashes);
  }
  return hashes;
}

/** True when an If-None-Match header names this ETag (or is "*"). */
export function matchesEtag(ifNoneMatch, etag) {
  if (typeof ifNoneMatch !== "string" || !etag) return false;
  const strip = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

// ---------------------------------------------------------------------------------------------------------------
// Requests refused before Next: a clear 4xx instead of the bare 500 Next gave them.

const FOREIGN = { status: 403, message: "Förfrågan kommer från en annan webbplats." };
const INVALID = { status: 400, message: "Ogiltig förfrågan." };
const TOO_LARGE = { status: 413, message: "Förfrågan är för stor." };

/**
 * A refusal ({ status, message }) for a request Next would answer with a 500, or null to let it through. The
 * request's headers are read after pinOrigin. `site` knows the build: its action ids and its route handlers.
 */
export function refusal({ method, url, headers }, site = { actionIds: null, isRouteHandler: () => false }) {
  if (typeof url !== "string" || !url.startsWith("/")) return { status: 400, message: "Ogiltig adress." };
  const path = url.split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    // "/%", "/%E0%A4%A": no URL a browser makes; Next's router throws on decoding it.
    return { status: 400, message: "Ogiltig adress." };
  }
  const action = headers["next-action"];
  if (action !== undefined) {
    if (method !== "POST") return { status: 405, message: "En serveråtgärd anropas med POST." };
    // Next names an action by 40 or 42 hexadecimal characters; anything else names none.
    if (typeof action !== "string" || !/^[0-9a-f]{40,42}$/i.test(action) || (site.actionIds && !site.actionIds.has(action))) {
      return { status: 404, message: "Åtgärden finns inte." };
    }
    const type = contentType(headers);
    // What Next's client sends (text/plain for arguments, multipart for a FormData) and a browser's form post.
    if (!["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"].includes(type)) return INVALID;
  }
  if (isActionCall({ method, url, headers }, site)) {
    const length = Number(headers["content-length"] ?? 0);
    if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) return TOO_LARGE;
    // An action may be called only from a page of this site (Next checks it too, but answers with a 500).
    if (isForeign(headers)) return FOREIGN;
  }
  return null;
}

function contentType(headers) {
  return String(headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

function isForeign(headers) {
  const origin = headers.origin;
  if (typeof origin !== "string" || origin === "null") return false;
  try {
    return new URL(origin).host !== (headers["x-forwarded-host"] ?? headers.host);
  } catch {
    return true;
  }
}

/**
 * A server-action call: one with Next's header, or a form posted to a page (what a form with a server action sends
 * without JavaScript). A post to a route handler is the handler's to judge.
 */
export function isActionCall({ method, url, headers }, site = { isRouteHandler: () => false }) {
  if (headers["next-action"] !== undefined) return true;
  if (method !== "POST") return false;
  const type = contentType(headers);
  if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") return false;
  return !site.isRouteHandler(String(url).split("?")[0]);
}

/**
 * The body of an action call, checked as Next would decode it: refused with 400 where Next's decoding would throw
 * and answer 500. `body` is the whole body (at most ACTION_BODY_LIMIT bytes).
 */
export function bodyRefusal(headers, body) {
  const type = contentType(headers);
  if (type === "text/plain") {
    try {
      return Array.isArray(JSON.parse(body.toString("utf8"))) ? null : INVALID;
    } catch {
      return INVALID;
    }
  }
  if (type === "multipart/form-data") {
    const parts = multipartFields(String(headers["content-type"]), body);
    if (!parts) return INVALID;
    // Next's client puts the arguments' root in field "0"; a form posted without JavaScript has none.
    if (headers["next-action"] !== undefined) {
      const root = parts.get("0");
      if (root === undefined) return INVALID;
      try {
        JSON.parse(root);
      } catch {
        return INVALID;
      }
    }
  }
  return null;
}

/** The text fields of a multipart body, or null when it is not one (no boundary, no closing delimiter, a bad part). */
export function multipartFields(type, body) {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!boundary) return null;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const text = body.toString("latin1");
  const close = text.lastIndexOf(`${delimiter}--`);
  if (!text.startsWith(delimiter) || close < 0) return null;
  const fields = new Map();
  const inner = text.slice(delimiter.length, close).replace(/\r\n$/, "");
  for (const part of inner.split(`\r\n${delimiter}`)) {
    const headEnd = part.indexOf("\r\n\r\n");
    if (!part.startsWith("\r\n") || headEnd < 0) return null;
    const name = /content-disposition:\s*form-data;[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, headEnd));
    if (!name) return null;
    fields.set(name[1], Buffer.from(part.slice(headEnd + 4), "latin1").toString("utf8"));
  }
  return fields;
}

/** The build's route handlers as one pattern of paths as requested (the language segment optional, groups gone). */
export function routeHandlerMatcher(appPaths) {
  const patterns = appPaths
    .filter((entry) => entry.endsWith("/route"))
    .map((entry) =>
      entry
        .replace(/\/route$/, "")
        .split("/")
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .map((segment) =>
          segment === "[locale]"
            ? "(?:/(?:sv|en))?"
            : /^\[\[\.\.\./.test(segment)
              ? "(?:/.*)?"
              : /^\[\.\.\./.test(segment)
                ? "/.+"
                : /^\[/.test(segment)
                  ? "/[^/]+"
                  : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        )
        .join(""),
    );
  const matcher = new RegExp(`^(?:${patterns.join("|")})/?$`);
  return (path) => matcher.test(path);
}

// ---------------------------------------------------------------------------------------------------------------
// Host headers.

/**
 * Pins the origin that next-auth and Next build absolute URLs from. With AUTH_URL set, the request's Host,
 * X-Forwarded-Host and X-Forwarded-Proto are replaced by AUTH_URL's, whatever the client or a proxy sent. Without it,
 * the X-Forwarded-* headers are believed only when a proxy the operator trusts stands in front (TRUSTED_PROXY_HOPS,
 * as for X-Forwarded-For in lib/auth/client-address.ts); with none they were written by the client and are dropped.
 */
export function pinOrigin(headers, env) {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) {
    const url = new URL(configured);
    headers.host = url.host;
    headers["x-forwarded-host"] = url.host;
    headers["x-forwarded-proto"] = url.protocol.replace(/:$/, "");
    return;
  }
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  if (!(hops > 0)) {
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-proto"];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The CSP of an HTML page that was rendered without the request's nonce.

/**
 * A page rendered per request carries the nonce that proxy.ts put in the request's policy, and streams through as
 * it is. Any other HTML answer (a cached public page, a prerendered 404, an error page) has no nonce in its scripts:
 * it is held whole, its inline scripts are hashed, and it goes out with a policy naming those hashes.
 * Cached pages are small and already whole, so this costs a hash per script, not a render.
 */
export function holdHtmlForHashes(response, { https }) {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  let head = null; // the arguments of a deferred writeHead
  let mode = "undecided"; // "through" or "hold"
  const chunks = [];

  // The methods stay wrapped once decided: Next's compression wraps them in turn, and putting the originals back
  // would write around it.
  const applyHead = () => {
    if (!head) return;
    const [status, ...rest] = head;
    const headers = typeof rest[0] === "string" ? rest[1] : rest[0];
    if (headers) {
      const entries = Array.isArray(headers) ? pairs(headers) : Object.entries(headers);
      for (const [name, value] of entries) response.setHeader(name, value);
    }
    if (typeof rest[0] === "string") response.statusMessage = rest[0];
    response.statusCode = status;
    head = null;
  };
  const decide = () => {
    if (mode !== "undecided") return;
    applyHead();
    if (response.statusCode === 304) {
      // A 304 updates the headers of the copy the browser keeps: it keeps that copy's own policy, which matches it.
      response.removeHeader("Content-Security-Policy");
      mode = "through";
      return;
    }
    const type = String(response.getHeader("content-type") ?? "");
    const policy = String(response.getHeader("content-security-policy") ?? "");
    const prerendered = response.getHeader("x-nextjs-prerender") !== undefined || response.getHeader("x-nextjs-cache") !== undefined;
    if (/^text\/html/i.test(type) && (!policy.includes("'nonce-") || prerendered || response.statusCode !== 200)) {
      mode = "hold";
      return;
    }
    if (!/^text\/html/i.test(type) && /'nonce-/.test(policy)) response.setHeader("Content-Security-Policy", NON_DOCUMENT_POLICY);
    mode = "through";
  };

  response.writeHead = function writeHead(...args) {
    if (mode === "through" || mode === "done") return original.writeHead.apply(response, args);
    head = args;
    return response;
  };
  response.flushHeaders = function flushHeaders() {
    decide();
    if (mode === "through") return original.flushHeaders.call(response);
  };
  response.write = function write(chunk, encoding, callback) {
    decide();
    if (mode === "through") return original.write.call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  response.end = function end(chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    decide();
    if (mode === "through") return original.end.call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    mode = "done";
    applyHead();
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const coding = String(response.getHeader("content-encoding") ?? "");
    const digest = bodyDigest(body);
    // A cached page (Next's ETag is off, see above) gets the digest of its bytes as its ETag, and a browser that has
    // those bytes gets a 304: without a body and without a policy, so it keeps the one that matches its copy.
    const prerendered = response.getHeader("x-nextjs-prerender") !== undefined || response.getHeader("x-nextjs-cache") !== undefined;
    if (response.statusCode === 200 && prerendered && response.getHeader("etag") === undefined) {
      const etag = `"${digest}"`;
      response.setHeader("ETag", etag);
      if (matchesEtag(response.req?.headers?.["if-none-match"], etag)) {
        response.statusCode = 304;
        response.removeHeader("Content-Security-Policy");
        response.removeHeader("Content-Length");
        response.removeHeader("Content-Encoding");
        return original.end.call(response, callback);
      }
    }
    let hashes = { scriptHashes: [], styleHashes: [] };
    try {
      hashes = cachedInlineHashes(body, coding, digest);
    } catch {
      // An undecodable body runs no inline script: the policy without hashes is right for it.
    }
    response.setHeader("Content-Security-Policy", documentPolicy({ ...hashes, https }));
    if (!response.headersSent && response.getHeader("transfer-encoding") === undefined) response.setHeader("Content-Length", body.length);
    return original.end.call(response, body, callback);
  };
}

function pairs(flat) {
  const result = [];
  for (let i = 0; i < flat.length; i += 2) result.push([flat[i], flat[i + 1]]);
  return result;
}

function toBuffer(chunk, encoding) {
  return Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
}

function decode(body, encoding) {
  const coding = encoding.trim().toLowerCase();
  const raw = coding === "gzip" ? gunzipSync(body) : coding === "deflate" ? inflateSync(body) : coding === "br" ? brotliDecompressSync(body) : body;
  return raw.toString("utf8");
}
