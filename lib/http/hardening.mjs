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
 * 'unsafe-inline', no 'unsafe-eval'. Styles: this site's stylesheets and inline <style> elements likewise; style
 * *attributes* are allowed ('unsafe-inline' in style-src-attr only), because React renders computed widths (the
 * statistics chart) as style attributes, and an attribute can neither run script nor load anything that
 * img-src/font-src/connect-src would not allow.
 */
export function documentPolicy({ nonce, scriptHashes = [], styleHashes = [], https = false }) {
  const sources = (hashes) => (nonce ? [`'nonce-${nonce}'`] : hashes.map((hash) => `'${hash}'`));
  return [
    "default-src 'self'",
    ["script-src 'self'", ...sources(scriptHashes)].join(" "),
    ["style-src 'self'", ...sources(styleHashes)].join(" "),
    "style-src-attr 'unsafe-inline'",
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

/** The hashes of an HTML document's inline scripts and styles, as CSP source expressions ("sha256-…"). */
export function inlineHashes(html) {
  const digest = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
  const scriptHashes = new Set();
  const styleHashes = new Set();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2] === "") continue;
    scriptHashes.add(digest(match[2]));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) if (match[1] !== "") styleHashes.add(digest(match[1]));
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests refused before Next: a clear 4xx instead of the bare 500 Next gave them.

/** A refusal ({ status, message }) for a request Next would answer with a 500, or null to let it through. */
export function refusal({ method, url, headers }) {
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
    if (typeof action !== "string" || !/^[0-9a-f]{40,42}$/i.test(action)) return { status: 404, message: "Åtgärden finns inte." };
    const length = Number(headers["content-length"] ?? 0);
    if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) return { status: 413, message: "Förfrågan är för stor." };
    const type = String(headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    // What Next's client sends (text/plain for arguments, multipart for a FormData) and a browser's form post.
    if (!["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"].includes(type)) {
      return { status: 400, message: "Ogiltig förfrågan." };
    }
    // An action may be called only from a page of this site (Next checks it too, but answers with a 500).
    const origin = headers.origin;
    if (typeof origin === "string" && origin !== "null") {
      let originHost;
      try {
        originHost = new URL(origin).host;
      } catch {
        return { status: 403, message: "Förfrågan kommer från en annan webbplats." };
      }
      const host = headers["x-forwarded-host"] ?? headers.host;
      if (originHost !== host) return { status: 403, message: "Förfrågan kommer från en annan webbplats." };
    }
  }
  return null;
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
 * it is held whole, its inline scripts and styles are hashed, and it goes out with a policy naming those hashes.
 * Cached pages are small and already whole, so this costs a hash per script, not a render.
 */
export function holdHtmlForHashes(response, { https }) {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  let head = null; // the arguments of a deferred writeHead
  let mode = "undecided"; // "through" or "hold"
  const chunks = [];

  const restore = () => Object.assign(response, original);
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
    const type = String(response.getHeader("content-type") ?? "");
    const policy = String(response.getHeader("content-security-policy") ?? "");
    const prerendered = response.getHeader("x-nextjs-prerender") !== undefined || response.getHeader("x-nextjs-cache") !== undefined;
    if (/^text\/html/i.test(type) && (!policy.includes("'nonce-") || prerendered || response.statusCode !== 200)) {
      mode = "hold";
      return;
    }
    if (!/^text\/html/i.test(type) && /'nonce-/.test(policy)) response.setHeader("Content-Security-Policy", NON_DOCUMENT_POLICY);
    mode = "through";
    restore();
  };

  response.writeHead = function writeHead(...args) {
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
    restore();
    const body = Buffer.concat(chunks);
    let hashes = { scriptHashes: [], styleHashes: [] };
    try {
      hashes = inlineHashes(decode(body, String(response.getHeader("content-encoding") ?? "")));
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
