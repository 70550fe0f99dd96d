import { afterEach, describe, expect, it, vi } from "vitest";
import { appCookieOptions } from "./config";

afterEach(() => vi.unstubAllEnvs());

describe("the app's own cookies", () => {
  it("are HttpOnly and SameSite=Lax, and Secure exactly when the site is served over HTTPS (AUTH_URL)", () => {
    vi.stubEnv("AUTH_URL", "https://anslag.example.se");
    expect(appCookieOptions(60)).toEqual({ path: "/", httpOnly: true, sameSite: "lax", secure: true, maxAge: 60 });
    vi.stubEnv("AUTH_URL", "http://127.0.0.1:3000");
    expect(appCookieOptions(60).secure).toBe(false);
  });
});
