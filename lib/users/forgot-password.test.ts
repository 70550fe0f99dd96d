import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listOutboxMessagesTo } from "@/db/queries/outbox";
import { listPasswordTokens } from "@/db/queries/password-tokens";
import { getUserByEmail, updateUser } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { FORGOT_PASSWORD_ANSWER, requestPasswordReset } from "./forgot-password";
import { RESET_LIFETIME_MS } from "./password-links";
import { createUserAccount } from "./index";

const T0 = new Date("2026-03-02T08:00:00.000Z");
let db: Db;

beforeEach(async () => {
  db = freshTestDb().db;
  const actor = { id: null, label: "test" };
  await createUserAccount(db, { email: "karin@anslag.example", name: "Karin Lindqvist", role: "officer", password: "rätt-lösenord-2026" }, actor);
  await createUserAccount(db, { email: "borta@anslag.example", name: "Borta Person", role: "officer", password: "rätt-lösenord-2026" }, actor);
  updateUser(db, getUserByEmail(db, "borta@anslag.example")!.id, { disabled: true });
});

const outboxCount = () => (db.$client.prepare("select count(*) as n from mail_outbox").get() as { n: number }).n;

describe("requestPasswordReset", () => {
  it("answers a known, an unknown and a disabled address alike; only the known, enabled one gets a mail", () => {
    const answers = ["karin@anslag.example", "ingen@anslag.example", "borta@anslag.example"].map((email) => requestPasswordReset(db, { email }, "192.0.2.1", { now: T0 }));
    expect(answers).toEqual([{ message: FORGOT_PASSWORD_ANSWER }, { message: FORGOT_PASSWORD_ANSWER }, { message: FORGOT_PASSWORD_ANSWER }]);
    expect(outboxCount()).toBe(1);
    const [mail] = listOutboxMessagesTo(db, "karin@anslag.example");
    expect(mail).toMatchObject({ kind: "reset", subject: "Nytt lösenord till Anslag" });
    expect(mail!.text).toMatch(/\/losenord\/[A-Za-z0-9_-]{43}/);
    const [token] = listPasswordTokens(db, getUserByEmail(db, "karin@anslag.example")!.id);
    expect(token).toMatchObject({ purpose: "reset", expiresAt: new Date(T0.getTime() + RESET_LIFETIME_MS), createdBy: null });
  });

  it("an English page's request gets a link to the English page", () => {
    requestPasswordReset(db, { email: "Karin@Anslag.example " }, null, { now: T0, locale: "en" });
    expect(listOutboxMessagesTo(db, "karin@anslag.example")[0]!.text).toMatch(/\/en\/losenord\//);
  });

  it("mails one address at most five times in 15 minutes, and answers the same after that", () => {
    for (let i = 0; i < 8; i++) {
      expect(requestPasswordReset(db, { email: "karin@anslag.example" }, `192.0.2.${i}`, { now: T0 })).toEqual({ message: FORGOT_PASSWORD_ANSWER });
    }
    expect(outboxCount()).toBe(5);
    // Only the newest link works: each new one revoked the one before.
    const tokens = listPasswordTokens(db, getUserByEmail(db, "karin@anslag.example")!.id);
    expect(tokens.filter((t) => t.revokedAt === null)).toHaveLength(1);
    // After the lock, mail again.
    requestPasswordReset(db, { email: "karin@anslag.example" }, "192.0.2.1", { now: new Date(T0.getTime() + 31 * 60_000) });
    expect(outboxCount()).toBe(6);
  });

  it("one client gets thirty requests in 15 minutes, over any addresses", () => {
    for (let i = 0; i < 40; i++) requestPasswordReset(db, { email: i === 35 ? "karin@anslag.example" : `x${i}@anslag.example` }, "198.51.100.7", { now: T0 });
    expect(outboxCount()).toBe(0);
    requestPasswordReset(db, { email: "karin@anslag.example" }, "198.51.100.8", { now: T0 });
    expect(outboxCount()).toBe(1);
  });

  it("refuses a malformed address at the field", () => {
    expect(() => requestPasswordReset(db, { email: "karin@" }, null, { now: T0 })).toThrow();
    expect(outboxCount()).toBe(0);
  });
});
