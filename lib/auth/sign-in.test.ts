import { describe, it, expect, beforeEach } from "vitest";
import type { Db } from "@/db/client";
import { getThrottle } from "@/db/queries/sign-in-throttle";
import { getUserById, updateUser } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { createUserAccount } from "@/lib/users";
import { authenticate } from "./sign-in";
import { THROTTLE, emailKey } from "./throttle";

const ACTOR = { id: null, label: "test" } as const;
const EMAIL = "admin@anslag.example";
const PASSWORD = "rätt-lösenord-2026";
const WRONG = "fel-lösenord-2026";
const ADDRESS = "192.0.2.10";
const MINUTE = 60_000;
const T0 = new Date("2026-03-02T09:00:00.000Z");

function later(minutes: number, from: Date = T0): Date {
  return new Date(from.getTime() + minutes * MINUTE);
}

let db: Db;
let user: { id: number; role: string; organisationId: number | null };

beforeEach(async () => {
  db = freshTestDb().db;
  user = await createUserAccount(db, { email: EMAIL, name: "Karin Lindqvist", role: "admin", password: PASSWORD }, ACTOR);
});

async function fail(times: number, email = EMAIL, address: string | null = ADDRESS, now = T0) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await authenticate(db, email, WRONG, address, now));
  return results;
}

describe("authenticate: checking the password", () => {
  it("signs in with the right password and returns the user's id, role and organisation", async () => {
    const result = await authenticate(db, EMAIL, PASSWORD, ADDRESS, T0);
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, name: "Karin Lindqvist", email: EMAIL, role: "admin", organisationId: null, sessionId: expect.any(String) },
    });
  });

  it("records the moment of the sign-in as lastSignedInAt", async () => {
    const before = getUserById(db, user.id);
    expect(before?.lastSignedInAt).toBeNull();
    await authenticate(db, EMAIL, PASSWORD, ADDRESS, T0);
    const after = getUserById(db, user.id);
    // Stored as a unix timestamp (whole seconds).
    expect(after?.lastSignedInAt?.getTime()).toBe(Math.floor(T0.getTime() / 1000) * 1000);
  });

  it("keeps the sign-in before the last one as previousSignedInAt, for the user's own page", async () => {
    await authenticate(db, EMAIL, PASSWORD, ADDRESS, T0);
    expect(getUserById(db, user.id)?.previousSignedInAt).toBeNull();
    await authenticate(db, EMAIL, PASSWORD, ADDRESS, later(60));
    const after = getUserById(db, user.id);
    expect(after?.previousSignedInAt).toEqual(T0);
    expect(after?.lastSignedInAt).toEqual(later(60));
  });

  it("refuses a wrong password as 'invalid' and does not record a sign-in", async () => {
    await expect(authenticate(db, EMAIL, WRONG, ADDRESS, T0)).resolves.toEqual({ ok: false, reason: "invalid" });
    expect(getUserById(db, user.id)?.lastSignedInAt).toBeNull();
  });

  it("answers an unknown email with exactly the same 'invalid' result as a wrong password", async () => {
    const wrongPassword = await authenticate(db, EMAIL, WRONG, ADDRESS, T0);
    const unknown = await authenticate(db, "ingen@anslag.example", PASSWORD, ADDRESS, T0);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toStrictEqual(wrongPassword);
    expect(Object.keys(unknown).sort()).toEqual(["ok", "reason"]);
  });

  it("refuses a disabled account as 'invalid' even with the right password", async () => {
    updateUser(db, user.id, { disabled: true });
    await expect(authenticate(db, EMAIL, PASSWORD, ADDRESS, T0)).resolves.toStrictEqual({ ok: false, reason: "invalid" });
    expect(getUserById(db, user.id)?.lastSignedInAt).toBeNull();
  });

  it("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const mixed = await authenticate(db, "Admin@Anslag.Example", PASSWORD, ADDRESS, T0);
    expect(mixed.ok).toBe(true);
    const spaced = await authenticate(db, "  ADMIN@anslag.example ", PASSWORD, ADDRESS, T0);
    expect(spaced.ok && spaced.user.id).toBe(user.id);
  });

  it("works without a client address (only the email is throttled then)", async () => {
    const result = await authenticate(db, EMAIL, PASSWORD, null, T0);
    expect(result.ok).toBe(true);
  });
});

describe("authenticate: throttling per email", () => {
  it(`locks the email after ${THROTTLE.maxFailures.email} failures within 15 minutes, until about 15 minutes later`, async () => {
    expect(THROTTLE.maxFailures.email).toBe(5);
    const first = await fail(4, EMAIL, ADDRESS, T0);
    expect(first.every((r) => !r.ok && r.reason === "invalid")).toBe(true);

    const fifth = await authenticate(db, EMAIL, WRONG, ADDRESS, later(10));
    expect(fifth.ok).toBe(false);
    if (fifth.ok || fifth.reason !== "locked") throw new Error(`expected locked, got ${JSON.stringify(fifth)}`);
    const expected = later(25).getTime();
    expect(Math.abs(fifth.until.getTime() - expected)).toBeLessThanOrEqual(1000);
  });

  it("refuses even the right password while the email is locked", async () => {
    await fail(5);
    const result = await authenticate(db, EMAIL, PASSWORD, ADDRESS, later(1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("locked");
    expect(getUserById(db, user.id)?.lastSignedInAt).toBeNull();
  });

  it("locks the email whatever its case, and from any client address", async () => {
    await fail(5, "ADMIN@anslag.example", "192.0.2.1");
    const result = await authenticate(db, "admin@ANSLAG.example", PASSWORD, "198.51.100.7", later(1));
    expect(!result.ok && result.reason).toBe("locked");
  });

  it("locks an unknown email the same way as a registered one", async () => {
    const results = await fail(5, "ingen@anslag.example");
    expect(results.map((r) => !r.ok && r.reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    const registered = await fail(5, EMAIL, "203.0.113.9");
    expect(registered.map((r) => !r.ok && r.reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
  });

  it("lets the right password in again once the lock has expired", async () => {
    await fail(5);
    const result = await authenticate(db, EMAIL, PASSWORD, ADDRESS, later(16));
    expect(result.ok).toBe(true);
  });

  it("starts counting afresh after an expired lock: one more failure does not lock again", async () => {
    await fail(5);
    const result = await authenticate(db, EMAIL, WRONG, ADDRESS, later(16));
    expect(result).toStrictEqual({ ok: false, reason: "invalid" });
    await expect(authenticate(db, EMAIL, PASSWORD, ADDRESS, later(17))).resolves.toMatchObject({ ok: true });
  });

  it("does not count failures older than the 15-minute window", async () => {
    await fail(4, EMAIL, ADDRESS, T0);
    const afterWindow = await fail(4, EMAIL, ADDRESS, later(16));
    expect(afterWindow.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    await expect(authenticate(db, EMAIL, PASSWORD, ADDRESS, later(17))).resolves.toMatchObject({ ok: true });
  });

  it("clears the email's failure count on a successful sign-in", async () => {
    await fail(4);
    expect(getThrottle(db, emailKey(EMAIL))?.failures).toBe(4);
    await expect(authenticate(db, EMAIL, PASSWORD, ADDRESS, later(1))).resolves.toMatchObject({ ok: true });
    expect(getThrottle(db, emailKey(EMAIL))).toBeNull();
    // Four more failures would have locked the email had the count not been cleared.
    const again = await fail(4, EMAIL, ADDRESS, later(2));
    expect(again.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    await expect(authenticate(db, EMAIL, PASSWORD, ADDRESS, later(3))).resolves.toMatchObject({ ok: true });
  });

  it("does not lock another email because one email is locked", async () => {
    await createUserAccount(db, { email: "handlaggare@anslag.example", name: "Erik", role: "officer", password: PASSWORD }, ACTOR);
    await fail(5, EMAIL, null);
    await expect(authenticate(db, "handlaggare@anslag.example", PASSWORD, null, later(1))).resolves.toMatchObject({ ok: true });
  });
});

describe("authenticate: throttling per client address", () => {
  it(`locks an address after ${THROTTLE.maxFailures.ip} failures across different emails`, async () => {
    expect(THROTTLE.maxFailures.ip).toBe(30);
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(await authenticate(db, `gissning${i}@anslag.example`, WRONG, ADDRESS, later(i * 0.25)));
    }
    expect(results.slice(0, 29).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const last = results[29];
    expect(last && !last.ok && last.reason).toBe("locked");

    // The address is locked for every email, even the right password of an account never tried.
    const blocked = await authenticate(db, EMAIL, PASSWORD, ADDRESS, later(8));
    expect(!blocked.ok && blocked.reason).toBe("locked");
    // Another address is not affected.
    await expect(authenticate(db, EMAIL, PASSWORD, "198.51.100.7", later(8))).resolves.toMatchObject({ ok: true });
  });
});
