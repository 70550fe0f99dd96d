import { describe, it, expect } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

const PASSWORD = "korrekt-häst-batteri-häfta";

describe("hashPassword", () => {
  it("produces an argon2id hash with OWASP's memory cost (m=19456)", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toMatch(/\$m=19456,t=2,p=1\$/);
  });

  it("never contains the password itself", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).not.toContain(PASSWORD);
    expect(hash).not.toContain(Buffer.from(PASSWORD).toString("base64").replace(/=+$/, ""));
  });

  it("salts every hash, so the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password", async () => {
    const hash = await hashPassword(PASSWORD);
    await expect(verifyPassword(hash, PASSWORD)).resolves.toBe(true);
  });

  it("refuses a wrong password, including one that differs only in case or by a trailing space", async () => {
    const hash = await hashPassword(PASSWORD);
    await expect(verifyPassword(hash, "fel-lösenord-helt-och-hållet")).resolves.toBe(false);
    await expect(verifyPassword(hash, PASSWORD.toUpperCase())).resolves.toBe(false);
    await expect(verifyPassword(hash, `${PASSWORD} `)).resolves.toBe(false);
    await expect(verifyPassword(hash, "")).resolves.toBe(false);
  });

  it("returns false instead of throwing for a malformed stored hash", async () => {
    await expect(verifyPassword("not-a-hash", PASSWORD)).resolves.toBe(false);
    await expect(verifyPassword("", PASSWORD)).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", PASSWORD)).resolves.toBe(false);
  });
});

describe("verifyAgainstDummy", () => {
  it("always resolves false, whatever the password", async () => {
    await expect(verifyAgainstDummy(PASSWORD)).resolves.toBe(false);
    await expect(verifyAgainstDummy("anslag-dummy-password")).resolves.toBe(false);
  });
});
