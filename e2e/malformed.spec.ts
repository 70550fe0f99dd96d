import { connect } from "node:net";
import { builtActions } from "./authorisation/inventory";
import { expect, test } from "./fixtures";
import { raw, sessionCookie, type RawAnswer } from "./raw-http";

/*
 * Malformed requests get 4xx (issue 14), with the security headers, never Next's bare 500: a path that does not
 * decode, an over-large, misaddressed, undecodable or foreign server-action call, a form posted from another site,
 * bad JSON or the wrong content type to route handlers, and a request Node cannot parse. Raw HTTP, since fetch would
 * normalise the paths.
 * It sends plain HTTP and opens no browser page, so there is no rendered page for axe (expectAccessible) to check.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://127.0.0.1:${PORT}`;

function expectRefused(answer: RawAnswer, status: number, what: string) {
  expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBe(status);
  expect(answer.headers["x-content-type-options"], what).toBe("nosniff");
  expect(String(answer.headers["content-security-policy"]), what).toContain("frame-ancestors 'none'");
  expect(answer.headers["x-frame-options"], what).toBe("DENY");
  expect(answer.body, what).not.toMatch(/\bat .+\.js:\d+|Error:/);
}

function action(key: string): string {
  const found = builtActions().find((a) => a.key === key);
  if (!found) throw new Error(`${key} is not in the build`);
  return found.id;
}

const call = (id: string, body: string | Buffer, headers: Record<string, string | number> = {}, path = "/nyheter") =>
  raw({ method: "POST", path, headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: ORIGIN, "content-length": Buffer.byteLength(body), ...headers }, body });

test("a path that does not decode is a 400", async () => {
  for (const path of ["/%E0%A4%A", "/%", "/nyheter/%zz", "/_next/static/%"]) expectRefused(await raw({ path }), 400, path);
});

test("server-action calls that are too large, misaddressed, undecodable or foreign are 4xx", async () => {
  const locale = action("app/actions.ts#setLocaleAction");
  const signIn = action("app/(public)/[locale]/logga-in/actions.ts#signInAction");
  expectRefused(await call(locale, "x".repeat(1024 * 1024 + 10)), 413, "an over-large body");
  expectRefused(await call("ab".repeat(21), "[]"), 404, "an unknown action id");
  expectRefused(await call("not-an-id", "[]"), 404, "no action id at all");
  expectRefused(await call(locale, "{{{ no JSON"), 400, "a body that is no JSON");
  expectRefused(await call(signIn, "[1,", {}, "/logga-in"), 400, "a truncated body");
  expectRefused(await call(locale, "garbage", { "content-type": "multipart/form-data; boundary=x" }), 400, "a multipart body that is none");
  expectRefused(await call(locale, "[]", { "content-type": "application/json" }), 400, "the wrong content type");
  expectRefused(await call(locale, "[]", { origin: "http://annan-webbplats.example" }), 403, "a foreign Origin");
  expectRefused(await raw({ path: "/nyheter", headers: { "next-action": locale } }), 405, "an action called with GET");
  // A well-formed call still works.
  expect((await call(signIn, JSON.stringify([{ email: "inte-en-adress", password: "", locale: "sv" }]), {}, "/logga-in")).status).toBe(200);
});

test("a form posted to a page from another site, or with a broken body, is a 4xx", async () => {
  const form = (headers: Record<string, string>, body: string) =>
    raw({ method: "POST", path: "/logga-in", headers: { "content-length": String(Buffer.byteLength(body)), ...headers }, body });
  expectRefused(await form({ "content-type": "multipart/form-data; boundary=x", origin: "http://annan-webbplats.example" }, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'), 403, "a foreign form post");
  expectRefused(await form({ "content-type": "multipart/form-data; boundary=x", origin: ORIGIN }, "garbage"), 400, "a broken multipart form");
  expectRefused(await form({ "content-type": "multipart/form-data; boundary=x", origin: ORIGIN }, '--x\r\nContent-Disposition: form-data; name="$ACTION_ID_zz"\r\n\r\n\r\n--x--\r\n'), 400, "a form naming no action");
});

test("route handlers answer bad JSON and the wrong content type with a 4xx", async () => {
  const officer = sessionCookie("officer");
  const post = (path: string, type: string, body: string, cookie?: string) =>
    raw({ method: "POST", path, headers: { "content-type": type, "content-length": Buffer.byteLength(body), origin: ORIGIN, ...(cookie ? { cookie } : {}) }, body });
  const credentials = await post("/api/auth/callback/credentials", "application/json", "{bad");
  expect(credentials.status).toBeGreaterThanOrEqual(400);
  expect(credentials.status).toBeLessThan(500);
  expect(credentials.headers["x-content-type-options"]).toBe("nosniff");
  for (const [type, body] of [["application/json", "{bad"], ["text/plain", "x"], ["multipart/form-data; boundary=x", "garbage"]] as const) {
    const answer = await post("/omgangar/1/import/run", type, body, officer);
    expect(answer.status, `import with ${type}: ${answer.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `import with ${type}`).toBeLessThan(500);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  }
  const revalidate = await post("/api/newsroom/revalidate", "application/json", "{bad");
  expect(revalidate.status).toBe(404);
});

test("a request Node cannot parse is a 400 with the headers", async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(PORT, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n"));
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("utf8")));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 400/);
  expect(answer).toMatch(/X-Content-Type-Options: nosniff/i);
  expect(answer).toMatch(/Content-Security-Policy: .*frame-ancestors 'none'/i);
});
