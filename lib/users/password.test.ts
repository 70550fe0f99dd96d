import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { getUserById } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { verifyPassword } from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/sign-in";
import { DomainError } from "@/lib/errors";
import { changeOwnPassword, createUserAccount } from "./index";
import { PASSWORD_CHANGE_LOCKED, WRONG_CURRENT_PASSWORD } from "./password";

const ACTOR = { id: null, label: "test" } as const;
const EMAIL = "karin@anslag.example";
const PASSWORD = "rätt-lösenord-2026";
const NEW = "ett-helt-nytt-lösenord";
const T0 = new Date("2026-03-02T08:00:00.000Z");

let db: Db;
let userId: number;
let sessionId: string;

beforeEach(async () => {
  db = freshTestDb().db;
  userId = (await createUserAccount(db, { email: EMAIL, name: "Karin Lindqvist", role: "officer", password: PASSWORD }, ACTOR)).id;
  const signedIn = await authenticate(db, EMAIL, PASSWORD, null, T0);
  if (!signedIn.ok) throw new Error("sign-in failed");
  sessionId = signedIn.user.sessionId;
});

const change = (input: Record<string, string>, now = T0) =>
  changeOwnPassword(db, userId, sessionId, input, { id: userId, label: "Karin Lindqvist" }, now);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("changeOwnPassword", () => {
  it("changes the password, audits user.password without the password or its hash, and the new one signs in", async () => {
    const hashBefore = getUserById(db, userId)!.passwordHash;
    await change({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW });
    const user = getUserById(db, userId)!;
    await expect(verifyPassword(user.passwordHash, NEW)).resolves.toBe(true);
    expect(user.passwordChangedAt).toEqual(T0);

    const events = listAuditEvents(db, "user", userId).filter((e) => e.action === "user.password");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: userId, after: { otherSessionsEnded: 0 } });
    const trail = JSON.stringify(events[0]);
    for (const secret of [PASSWORD, NEW, hashBefore, user.passwordHash, "argon2"]) expect(trail).not.toContain(secret);

    expect((await authenticate(db, EMAIL, NEW, null, T0)).ok).toBe(true);
    expect((await authenticate(db, EMAIL, PASSWORD, null, T0)).ok).toBe(false);
  });

  it("refuses a wrong current password at its field, and writes nothing", async () => {
    const before = getUserById(db, userId)!.passwordHash;
    const error = await refusal(change({ currentPassword: "fel-lösenord-2026", newPassword: NEW, confirmPassword: NEW }));
    expect(error.fieldErrors).toEqual({ currentPassword: [WRONG_CURRENT_PASSWORD] });
    expect(getUserById(db, userId)!.passwordHash).toBe(before);
    expect(listAuditEvents(db, "user", userId).map((e) => e.action)).toEqual(["user.create"]);
  });

  it("locks the change after five wrong current passwords, so an open session cannot be used to guess", async () => {
    for (let i = 0; i < 4; i++) {
      const error = await refusal(change({ currentPassword: `fel-${i}-lösenord`, newPassword: NEW, confirmPassword: NEW }));
      expect(error.message).toBe(WRONG_CURRENT_PASSWORD);
    }
    expect((await refusal(change({ currentPassword: "fel-4-lösenord", newPassword: NEW, confirmPassword: NEW }))).message).toBe(PASSWORD_CHANGE_LOCKED);
    // Locked: even the right one waits.
    expect((await refusal(change({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW }))).message).toBe(PASSWORD_CHANGE_LOCKED);
  });

  it("refuses a common new password at its field", async () => {
    const error = await refusal(change({ currentPassword: PASSWORD, newPassword: "Password1234!", confirmPassword: "Password1234!" }));
    expect(error.fieldErrors?.newPassword?.[0]).toMatch(/för vanligt/);
    await expect(verifyPassword(getUserById(db, userId)!.passwordHash, PASSWORD)).resolves.toBe(true);
  });

  it("refuses a short new password, two that differ, and the current one again (the schema, at the fields)", async () => {
    await expect(change({ currentPassword: PASSWORD, newPassword: "kort", confirmPassword: "kort" })).rejects.toThrow(/minst 12 tecken/);
    await expect(change({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: `${NEW}x` })).rejects.toThrow(/inte likadana/);
    await expect(change({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).rejects.toThrow(/ett annat än det nuvarande/);
  });
});

describe("createUserAccount and the password rules", () => {
  it("refuses a common password at the field, as the CLI's user create does, and creates nothing", async () => {
    const error = await refusal(
      createUserAccount(db, { email: "ny@anslag.example", name: "Ny Person", role: "officer", password: "Unbelievable" }, ACTOR),
    );
    expect(error.fieldErrors?.password?.[0]).toMatch(/för vanligt/);
    expect(db.$client.prepare("select count(*) as n from users where email = 'ny@anslag.example'").get()).toEqual({ n: 0 });
  });
});
