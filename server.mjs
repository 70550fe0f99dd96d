// The production server: Next's own request handler behind a plain Node HTTP server, for one reason. Next passes a
// client's X-Forwarded-For on as it came and never tells the app the socket's peer, so a client could pick its own
// address for the sign-in throttle. Here every request gets the socket address in a header of ours, overwriting any
// a client sent (lib/auth/client-address.ts decides how far X-Forwarded-For is believed: TRUSTED_PROXY_HOPS).
//
// Usage: node server.mjs [-p <port>] [-H <hostname>]   (defaults: PORT or 3000, HOSTNAME or all interfaces)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const SOCKET_ADDRESS_HEADER = "x-anslag-socket-address";
process.env.ANSLAG_SOCKET_ADDRESS_HEADER = "1";
process.env.NODE_ENV ??= "production";

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

const server = createServer((request, response) => {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
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
