import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { freshTestDb } from "@/db/testing";
import { createUserAccount } from "@/lib/users";
import { THROTTLE } from "./throttle";

/*
 * Sign-in abuse (issue 14): once locked, an address that has an account and one that has none must be
 * indistinguishable: the same answer, and the same work on the way (one argon2 verification each, so no timing
 * difference in the code path). argon2's verify is counted by wrapping the real one.
 */
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2.verifications += 1;
      return real.verify(...args);
    },
  };
});

const { authenticate } = await import("./sign-in");

const ACTOR = { id: null, label: "test" } as const;
const EXISTING = "karin.lindqvist@anslag.example";
const MISSING = "ingen.alls@anslag.example";
const PASSWORD = "rätt-lösenord-2026";
const WRONG = "fel-lösenord-2026";
const T0 = new Date("2026-03-02T09:00:00.000Z");

let db: Db;

beforeEach(async () => {
  db = freshTestDb().db;
  await createUserAccount(db, { email: EXISTING, name: "Karin Lindqvist", role: "officer", password: PASSWORD }, ACTOR);
});

/** Each attempt's result and the argon2 verifications it cost. */
async function attempt(email: string, password: string, address: string, now = T0) {
  const before = argon2.verifications;
  const result = await authenticate(db, email, password, address, now);
  return { result, verifications: argon2.verifications - before };
}

describe("a locked account cannot be probed for whether it exists", () => {
  it("answers a locked registered address and a locked unknown one alike, each after one hash verification", async () => {
    const failures = THROTTLE.maxFailures.email;
    const existing = [];
    const missing = [];
    // Separate client addresses, so that only the per-address lock is at work.
    for (let i = 0; i < failures; i++) existing.push(await attempt(EXISTING, WRONG, "192.0.2.1"));
    for (let i = 0; i < failures; i++) missing.push(await attempt(MISSING, WRONG, "192.0.2.2"));
    // On the way to the lock: the same answers, and each attempt verified one hash (the account's, or a dummy).
    expect(missing).toEqual(existing);
    expect(existing.map((a) => a.verifications)).toEqual(Array(failures).fill(1));
    expect(existing.at(-1)?.result).toEqual({ ok: false, reason: "locked", until: new Date(T0.getTime() + THROTTLE.lockMs) });

    // Locked: wrong password, right password (for the registered one), later within the lock: all alike.
    const later = new Date(T0.getTime() + 60_000);
    for (const password of [WRONG, PASSWORD]) {
      const lockedExisting = await attempt(EXISTING, password, "192.0.2.3", later);
      const lockedMissing = await attempt(MISSING, password, "192.0.2.4", later);
      expect(lockedMissing).toEqual(lockedExisting);
      expect(lockedExisting).toEqual({ result: { ok: false, reason: "locked", until: new Date(T0.getTime() + THROTTLE.lockMs) }, verifications: 1 });
    }
  });

  it("costs one verification for a wrong password, an unknown address and a locked attempt alike", async () => {
    const wrong = await attempt(EXISTING, WRONG, "192.0.2.5");
    const unknown = await attempt(MISSING, WRONG, "192.0.2.5");
    expect(wrong).toEqual({ result: { ok: false, reason: "invalid" }, verifications: 1 });
    expect(unknown).toEqual(wrong);
  });

  it("keeps the per-client lock: after the client's limit every address is locked for it, registered or not", async () => {
    for (let i = 0; i < THROTTLE.maxFailures.ip; i++) await authenticate(db, `gissning-${i}@anslag.example`, WRONG, "198.51.100.7", T0);
    const existing = await attempt(EXISTING, PASSWORD, "198.51.100.7");
    const missing = await attempt(MISSING, PASSWORD, "198.51.100.7");
    expect(existing.result).toMatchObject({ ok: false, reason: "locked" });
    expect(missing).toEqual(existing);
    // From another client the registered account still signs in: the lock was the client's, not the account's.
    expect((await authenticate(db, EXISTING, PASSWORD, "198.51.100.8", T0)).ok).toBe(true);
  });
});
