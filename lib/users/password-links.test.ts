import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { insertOrganisation } from "@/db/queries/organisations";
import { listOutboxMessagesTo } from "@/db/queries/outbox";
import { listPasswordTokens } from "@/db/queries/password-tokens";
import { countUserSessions } from "@/db/queries/sessions";
import { getUserById, UNUSABLE_PASSWORD_HASH } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { verifyPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { DomainError } from "@/lib/errors";
import { inviteUser, sendPasswordLink } from "./admin";
import { hashToken, INVITATION_LIFETIME_MS, LINK_INVALID, RESET_LIFETIME_MS, setPasswordFromLink, usableLink } from "./password-links";
import { createUserAccount } from "./index";

const T0 = new Date("2026-03-02T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const PASSWORD = "sju-sorters-blommor-2026";
const EMAIL = "marie.ohlund@umea.example";

let db: Db;
let admin: { id: number; label: string };
let organisationId: number;

beforeEach(async () => {
  db = freshTestDb().db;
  const created = await createUserAccount(db, { email: "chef@anslag.example", name: "Chef Admin", role: "admin", password: "admin-lösenord-2026" }, { id: null, label: "test" });
  admin = { id: created.id, label: created.name };
  organisationId = insertOrganisation(db, { name: "Umeå kommun", shortName: "Umeå", kind: "kommun" }).id;
});

function invite(now = T0) {
  return inviteUser(db, { name: "Marie Öhlund", email: EMAIL, role: "coordinator", organisationId }, admin, now);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("invitation links", () => {
  it("stores only the token's SHA-256, with a 7-day expiry, and mails the link through the outbox", async () => {
    const { user, link } = invite();
    const [row] = listPasswordTokens(db, user.id);
    expect(row).toMatchObject({ purpose: "invitation", tokenHash: hashToken(link.token), expiresAt: at(INVITATION_LIFETIME_MS), createdBy: admin.id });
    expect(JSON.stringify(db.$client.prepare("select * from password_tokens").all())).not.toContain(link.token);
    expect(link.url).toMatch(/\/losenord\/[A-Za-z0-9_-]{43}$/);
    const [mail] = listOutboxMessagesTo(db, EMAIL);
    expect(mail).toMatchObject({ kind: "invitation", sentAt: null });
    expect(mail!.text).toContain(link.url);
    // The account has no password yet: nothing signs in.
    expect(getUserById(db, user.id)!.passwordHash).toBe(UNUSABLE_PASSWORD_HASH);
    await expect(verifyPassword(UNUSABLE_PASSWORD_HASH, "")).resolves.toBe(false);
    await expect(verifyPassword(UNUSABLE_PASSWORD_HASH, UNUSABLE_PASSWORD_HASH)).resolves.toBe(false);
    expect((await authenticate(db, EMAIL, UNUSABLE_PASSWORD_HASH, null, T0)).ok).toBe(false);
    // The audit trail has neither the token nor a hash.
    const trail = JSON.stringify(listAuditEvents(db, "user", user.id));
    expect(trail).not.toContain(link.token);
    expect(trail).not.toContain(hashToken(link.token));
    expect(trail).not.toContain(UNUSABLE_PASSWORD_HASH);
  });

  it("sets the password once: the link is used, the user activated and audited, and can sign in", async () => {
    const { user, link } = invite();
    const result = await setPasswordFromLink(db, { token: link.token, password: PASSWORD, confirmPassword: PASSWORD }, at(1000));
    expect(result).toMatchObject({ userId: user.id, activated: true });
    await expect(verifyPassword(getUserById(db, user.id)!.passwordHash, PASSWORD)).resolves.toBe(true);
    expect(listPasswordTokens(db, user.id)[0]!.usedAt).toEqual(at(1000));
    expect(listAuditEvents(db, "user", user.id).map((e) => e.action)).toEqual(["user.create", "user.invite", "user.activated"]);
    expect((await authenticate(db, EMAIL, PASSWORD, null, at(2000))).ok).toBe(true);

    // Used: the same answer as any dead link, and nothing written.
    const hash = getUserById(db, user.id)!.passwordHash;
    const again = await refusal(setPasswordFromLink(db, { token: link.token, password: "ett-annat-lösenord-99", confirmPassword: "ett-annat-lösenord-99" }, at(3000)));
    expect(again.message).toBe(LINK_INVALID);
    expect(getUserById(db, user.id)!.passwordHash).toBe(hash);
    expect(usableLink(db, link.token, at(3000))).toBeNull();
  });

  it("expires after 7 days (a fake clock): refused with the same message, nothing written", async () => {
    const { user, link } = invite();
    expect(usableLink(db, link.token, at(INVITATION_LIFETIME_MS - 1))).not.toBeNull();
    const error = await refusal(setPasswordFromLink(db, { token: link.token, password: PASSWORD, confirmPassword: PASSWORD }, at(INVITATION_LIFETIME_MS)));
    expect(error.message).toBe(LINK_INVALID);
    expect(getUserById(db, user.id)!.passwordHash).toBe(UNUSABLE_PASSWORD_HASH);
    expect(listAuditEvents(db, "user", user.id).map((e) => e.action)).toEqual(["user.create", "user.invite"]);
  });

  it("a new link revokes the older one; an unknown token gets the same message", async () => {
    const { user, link: first } = invite();
    const second = sendPasswordLink(db, { userId: user.id }, admin, at(1000));
    expect(second.purpose).toBe("invitation"); // still no password: a new invitation, 7 days again
    expect(listPasswordTokens(db, user.id).find((t) => t.tokenHash === hashToken(first.token))?.revokedAt).toEqual(at(1000));
    for (const token of [first.token, "A".repeat(43), "kort", ""]) {
      const error = await refusal(setPasswordFromLink(db, { token, password: PASSWORD, confirmPassword: PASSWORD }, at(2000)));
      expect(error.message).toBe(LINK_INVALID);
    }
    await setPasswordFromLink(db, { token: second.token, password: PASSWORD, confirmPassword: PASSWORD }, at(3000));
  });

  it("refuses a common password or two that differ at the field, and keeps the link usable", async () => {
    const { link } = invite();
    const common = await refusal(setPasswordFromLink(db, { token: link.token, password: "Password1234!", confirmPassword: "Password1234!" }, at(1000)));
    expect(common.fieldErrors?.password?.[0]).toMatch(/för vanligt/);
    await expect(setPasswordFromLink(db, { token: link.token, password: PASSWORD, confirmPassword: `${PASSWORD}x` }, at(1000))).rejects.toThrow(/inte likadana/);
    expect(usableLink(db, link.token, at(1000))).not.toBeNull();
  });

  it("a reset link lasts one hour, ends every session of the user, and is audited as user.password", async () => {
    const { user, link } = invite();
    await setPasswordFromLink(db, { token: link.token, password: PASSWORD, confirmPassword: PASSWORD }, at(1000));
    startSession(db, user.id, at(2000));
    startSession(db, user.id, at(2000));
    const reset = sendPasswordLink(db, { userId: user.id }, admin, at(3000));
    expect(reset.purpose).toBe("reset");
    expect(reset.expiresAt).toEqual(at(3000 + RESET_LIFETIME_MS));
    const NEW = "ett-helt-nytt-lösenord-27";
    const result = await setPasswordFromLink(db, { token: reset.token, password: NEW, confirmPassword: NEW }, at(4000));
    expect(result).toMatchObject({ activated: false, sessionsEnded: 2 });
    expect(countUserSessions(db, user.id, at(4000))).toBe(0);
    expect(listAuditEvents(db, "user", user.id).at(-1)?.action).toBe("user.password");
    const late = sendPasswordLink(db, { userId: user.id }, admin, at(5000));
    expect(usableLink(db, late.token, at(5000 + RESET_LIFETIME_MS))).toBeNull();
  });

  it("two requests with one link set one password", async () => {
    const { link } = invite();
    const results = await Promise.allSettled([
      setPasswordFromLink(db, { token: link.token, password: PASSWORD, confirmPassword: PASSWORD }, at(1000)),
      setPasswordFromLink(db, { token: link.token, password: "ett-annat-lösenord-99", confirmPassword: "ett-annat-lösenord-99" }, at(1000)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
