import { describe, expect, it, vi } from "vitest";

// The next-auth endpoints are not under test here; only the origin check in front of them.
vi.mock("./auth", () => ({ handlers: { GET: async () => new Response("get"), POST: async () => new Response("posted") } }));

const { FOREIGN_ORIGIN_MESSAGE, POST, isSameOrigin, refuseForeignOrigin, sameOriginOnly } = await import("./route-handlers");

function post(headers: Record<string, string>): Request {
  return new Request("http://localhost:3103/omgangar/1/import/run", { method: "POST", headers: { host: "localhost:3103", ...headers } });
}

describe("refuseForeignOrigin", () => {
  it("lets a request from the app's own origin through, behind a proxy too", () => {
    expect(isSameOrigin(post({ origin: "http://localhost:3103" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://anslag.example", host: "127.0.0.1:3000", "x-forwarded-host": "anslag.example" }))).toBe(true);
    // No Origin at all: not a browser's form post (browsers send Origin with every POST).
    expect(isSameOrigin(post({}))).toBe(true);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses another origin of the same site, another site, an opaque origin and a garbled one with a Swedish 403", async () => {
    for (const origin of ["http://evil.localhost:3103", "http://localhost:3999", "https://localhost:3103.evil.example", "null", "::"]) {
      const refused = refuseForeignOrigin(post({ origin }));
      expect(refused?.status, origin).toBe(403);
      expect(await refused?.text()).toBe(FOREIGN_ORIGIN_MESSAGE);
    }
    expect(refuseForeignOrigin(post({ "sec-fetch-site": "same-site" }))?.status).toBe(403);
    expect(refuseForeignOrigin(post({ "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });

  it("runs a wrapped handler only for its own origin, next-auth's POST included", async () => {
    const handler = vi.fn(async () => new Response("written"));
    const guarded = sameOriginOnly(handler);
    expect((await guarded(post({ origin: "http://evil.localhost:3103" }))).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    expect(await (await guarded(post({ origin: "http://localhost:3103" }))).text()).toBe("written");

    expect((await POST(post({ origin: "http://evil.localhost:3103" }) as never)).status).toBe(403);
    expect(await (await POST(post({ origin: "http://localhost:3103" }) as never)).text()).toBe("posted");
  });
});
