// The production server: Next's own request handler behind a plain Node HTTP server, for one reason. Next passes a
// client's X-Forwarded-For on as it came and never tells the app the socket's peer, so a client could pick its own
// address for the sign-in throttle. Here every request gets the socket address in a header of ours, overwriting any
// a client sent (lib/auth/client-address.ts decides how far X-Forwarded-For is believed: TRUSTED_PROXY_HOPS).
//
// It is also where a request is refused before Next and where every response gets its security headers (issue 14,
// lib/http/hardening.mjs, docs/decisions/0011-security-headers-and-csp.md): a malformed path, an over-large,
// misaddressed or foreign server-action call get a 4xx instead of Next's bare 500; the origin is pinned to AUTH_URL;
// an HTML page rendered without the request's nonce (a cached one) leaves with a policy naming its scripts' hashes.
//
// Usage: node server.mjs [-p <port>] [-H <hostname>]   (defaults: PORT or 3000, HOSTNAME or all interfaces)
import { readFileSync } from "node:fs";
import { createServer, IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import {
  ACTION_BODY_LIMIT,
  bodyRefusal,
  holdHtmlForHashes,
  isActionCall,
  pinOrigin,
  refusal,
  routeHandlerMatcher,
  securityHeaders,
} from "./lib/http/hardening.mjs";

const SOCKET_ADDRESS_HEADER = "x-anslag-socket-address";
process.env.ANSLAG_SOCKET_ADDRESS_HEADER = "1";
process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;

// Next builds two absolute URLs of a request: the proxy's (always on "localhost") and the router's (on the hostname
// given here). Given another hostname, a rewrite in proxy.ts looks like one to another origin, and Next forwards it
// over HTTP to itself: every visit to /logga-in became a second request, and one failed now and then with "socket hang
// up" (a reused keep-alive connection). The hostname below only names the server in those URLs; it listens on
// `hostname` all the same.
const app = next({ dev: false, hostname: "localhost", port });
// Where the server can reach itself: the newsroom's scheduler revalidates pages through it (lib/press/scheduler.ts).
const loopback = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
process.env.ANSLAG_INTERNAL_ORIGIN = `http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${port}`;
const handle = app.getRequestHandler();
await app.prepare();

const production = process.env.NODE_ENV === "production";
// next-auth's own endpoints (/api/auth/*: its sign-in and sign-out pages, the providers' URLs, its redirects) build
// their URLs from AUTH_URL when it is set (and pinOrigin below makes every request agree with it). Without it they use
// the name Next gives the server ("localhost", above), which is right only for a browser on this machine.
if (production && !(process.env.AUTH_URL ?? process.env.NEXTAUTH_URL)) {
  console.warn(
    `Anslag: AUTH_URL is not set, so sign-in and sign-out links name http://localhost:${port}. Behind a proxy or on a public address, set AUTH_URL to the site's public origin (README, "Production setup").`,
  );
}
const https = /^https:/i.test(process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? "");
const headers = Object.entries(securityHeaders({ production }));

// What the build has: its server actions' ids and its route handlers (whose posts are theirs to judge).
const readManifest = (name) => JSON.parse(readFileSync(new URL(`./.next/server/${name}`, import.meta.url), "utf8"));
const site = {
  actionIds: new Set(Object.keys(readManifest("server-reference-manifest.json").node ?? {})),
  isRouteHandler: routeHandlerMatcher(Object.keys(readManifest("app-paths-manifest.json"))),
};

function refuse(response, { status, message }) {
  // The body is not read: the connection is closed after the answer, so a large one is not waited for.
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
  response.end(`${message}\n`);
}

/** The whole body, or null past `limit` bytes (an action's body is small; Next would refuse a larger one anyway). */
function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners("data");
        request.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The request again, with its body read: a fresh message on the same socket, for Next to read as it would. */
function replay(request, body) {
  const copy = new IncomingMessage(request.socket);
  Object.assign(copy, {
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
  });
  // Complete, as the original is: an IncomingMessage destroyed before it is complete counts as aborted and takes
  // the socket with it.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

async function serve(request, response) {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  for (const [name, value] of headers) response.setHeader(name, value);
  pinOrigin(request.headers, process.env);
  const refused = refusal(request, site);
  if (refused) return refuse(response, refused);
  let forNext = request;
  if (isActionCall(request, site)) {
    // An action's body is checked before Next decodes it: what would throw there (and answer 500) is a 400 here.
    const body = await readBody(request, ACTION_BODY_LIMIT);
    if (body === null) return refuse(response, { status: 413, message: "Förfrågan är för stor." });
    const bad = bodyRefusal(request.headers, body);
    if (bad) return refuse(response, bad);
    forNext = replay(request, body);
  }
  holdHtmlForHashes(response, { https });
  await handle(forNext, response);
}

const server = createServer((request, response) => {
  serve(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
// A request Node cannot even parse (a broken request line or header) gets its 400 with the same headers.
server.on("clientError", (error, socket) => {
  if (!socket.writable || error.code === "ECONNRESET") return socket.destroy();
  const lines = headers.map(([name, value]) => `${name}: ${value}`).join("\r\n");
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n${lines}\r\n\r\nOgiltig förfrågan.\n`);
});
server.listen(port, hostname, () => {
  console.log(`Anslag: http://${hostname ?? "localhost"}:${port}`);
});
// Stop taking requests, drop idle keep-alive connections, and do not wait forever for the rest.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
