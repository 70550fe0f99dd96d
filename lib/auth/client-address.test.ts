import { afterEach, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_ENV, SOCKET_ADDRESS_HEADER, clientAddressFrom, clientAddressOf, trustedProxyHops } from "./client-address";

describe("clientAddressFrom without a trusted proxy", () => {
  it("keys on the socket address, whatever X-Forwarded-For the client sent", () => {
    expect(clientAddressFrom({ forwardedFor: "203.0.113.7", socketAddress: "192.0.2.10", trustedHops: 0 })).toBe("192.0.2.10");
    expect(clientAddressFrom({ forwardedFor: "1.1.1.1, 2.2.2.2", socketAddress: "192.0.2.10", trustedHops: 0 })).toBe("192.0.2.10");
  });

  it("gives 120 forged X-Forwarded-For values from one socket one key", () => {
    const keys = new Set(
      Array.from({ length: 120 }, (_, i) =>
        clientAddressFrom({ forwardedFor: `198.51.100.${i}`, socketAddress: "192.0.2.10", trustedHops: 0 }),
      ),
    );
    expect([...keys]).toEqual(["192.0.2.10"]);
  });

  it("knows no address when the socket is unknown", () => {
    expect(clientAddressFrom({ forwardedFor: "203.0.113.7", socketAddress: null, trustedHops: 0 })).toBeNull();
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 one", () => {
    expect(clientAddressFrom({ forwardedFor: null, socketAddress: "::ffff:192.0.2.10", trustedHops: 0 })).toBe("192.0.2.10");
  });
});

describe("clientAddressFrom behind trusted proxies", () => {
  it("takes the entry the one trusted proxy appended, not the ones the client wrote before it", () => {
    expect(
      clientAddressFrom({ forwardedFor: "6.6.6.6, 203.0.113.7", socketAddress: "10.0.0.2", trustedHops: 1 }),
    ).toBe("203.0.113.7");
  });

  it("counts two proxies from the right", () => {
    expect(
      clientAddressFrom({ forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.3", socketAddress: "10.0.0.2", trustedHops: 2 }),
    ).toBe("203.0.113.7");
  });

  it("uses the nearest proxy's entry when the socket is unknown", () => {
    expect(clientAddressFrom({ forwardedFor: "6.6.6.6, 203.0.113.7", socketAddress: null, trustedHops: 1 })).toBe("203.0.113.7");
  });

  it("takes the first address when the chain is shorter than the trusted proxies", () => {
    expect(clientAddressFrom({ forwardedFor: "", socketAddress: "192.0.2.10", trustedHops: 2 })).toBe("192.0.2.10");
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
  });
  it("refuses a value that is not a small whole number", () => {
    expect(() => trustedProxyHops("ja")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("clientAddressOf", () => {
  const saved = { env: process.env[SOCKET_ADDRESS_ENV], hops: process.env.TRUSTED_PROXY_HOPS };
  afterEach(() => {
    if (saved.env === undefined) delete process.env[SOCKET_ADDRESS_ENV];
    else process.env[SOCKET_ADDRESS_ENV] = saved.env;
    if (saved.hops === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = saved.hops;
  });

  it("believes the socket header only when the app's own server wrote it", () => {
    delete process.env.TRUSTED_PROXY_HOPS;
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.7" });
    delete process.env[SOCKET_ADDRESS_ENV];
    expect(clientAddressOf(headers)).toBeNull();
    process.env[SOCKET_ADDRESS_ENV] = "1";
    expect(clientAddressOf(headers)).toBe("192.0.2.10");
  });
});
