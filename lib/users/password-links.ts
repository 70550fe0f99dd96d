import { createHash, randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import {
  getUsablePasswordToken,
  insertPasswordToken,
  markPasswordTokenUsed,
  revokeOpenPasswordTokens,
} from "@/db/queries/password-tokens";
import { hasChosenPassword, setPasswordHash } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import type { PasswordTokenPurpose } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { publicHref } from "@/lib/i18n/public-paths";
import type { Locale } from "@/lib/i18n/config";
import { publicBaseUrl } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { setPasswordSchema } from "./schema";

/*
 * Links to set a password. An invitation (a new account) is valid 7 days, a reset link (forgot password, or an
 * admin's new link) 1 hour: a reset link is asked for by whoever knows the address, so it must not lie around. Each
 * is a random 32-byte token shown only in the link; the database keeps its SHA-256, so a copy of the database opens
 * no account. A link is used once; a new link for a user revokes their older open ones. A used, revoked, expired or
 * unknown link gets one and the same answer, and writes nothing.
 */

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_LIFETIME_MS = 60 * 60 * 1000;

export const LINK_INVALID = "Länken gäller inte längre. Den kan ha använts redan, ha gått ut eller ersatts av en nyare länk. Be administratören om en ny länk, eller begär en ny under ”Glömt lösenordet?” på inloggningssidan.";

export function lifetimeOf(purpose: PasswordTokenPurpose): number {
  return purpose === "invitation" ? INVITATION_LIFETIME_MS : RESET_LIFETIME_MS;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The address of the page that sets the password, in the language the link is for. */
export function passwordLinkUrl(token: string, locale: Locale = "sv"): string {
  return `${publicBaseUrl()}${publicHref(`/losenord/${token}`, locale)}`;
}

export type IssuedLink = { url: string; token: string; purpose: PasswordTokenPurpose; expiresAt: Date; mailId: number };

/**
 * Makes a new link for the user inside the caller's write transaction, revokes their older open links, and queues
 * the mail with the link (the same transaction: the mail exists exactly when the link does). No token in the audit.
 */
export function issuePasswordLink(
  tx: DbOrTx,
  user: { id: number; name: string; email: string },
  purpose: PasswordTokenPurpose,
  actor: AuditActor,
  options: { now?: Date; locale?: Locale } = {},
): IssuedLink {
  const now = options.now ?? new Date();
  const revoked = revokeOpenPasswordTokens(tx, user.id, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeOf(purpose));
  insertPasswordToken(tx, { tokenHash: hashToken(token), userId: user.id, purpose, createdAt: now, expiresAt, createdBy: actor.id });
  const url = passwordLinkUrl(token, options.locale);
  const mailId = enqueueMail(tx, { to: user.email, kind: purpose, ...mailFor(purpose, user.name, url) }, now);
  writeAudit(tx, {
    actor,
    action: purpose === "invitation" ? "user.invite" : "user.reset",
    entityType: "user",
    entityId: user.id,
    at: now,
    after: { purpose, expiresAt, earlierLinksRevoked: revoked },
  });
  return { url, token, purpose, expiresAt, mailId };
}

function mailFor(purpose: PasswordTokenPurpose, name: string, url: string): { subject: string; text: string } {
  if (purpose === "invitation") {
    return {
      subject: "Välkommen till Anslag – välj ditt lösenord",
      text: [
        `Hej ${name}!`,
        "",
        "Du har fått ett konto i Anslag, Program för Hållbar jämställdhet. Välj ditt lösenord här:",
        "",
        url,
        "",
        "Länken gäller i 7 dagar och kan användas en gång. Har den gått ut, be administratören om en ny.",
        "",
        "---",
        "",
        `Hello ${name}, you have been given an account in Anslag. Choose your password here (valid for 7 days, once):`,
        "",
        url,
      ].join("\n"),
    };
  }
  return {
    subject: "Nytt lösenord till Anslag",
    text: [
      `Hej ${name}!`,
      "",
      "Någon, förhoppningsvis du, har bett om ett nytt lösenord till ditt konto i Anslag. Välj ett nytt lösenord här:",
      "",
      url,
      "",
      "Länken gäller i en timme och kan användas en gång. Har du inte bett om det kan du strunta i det här meddelandet: ditt lösenord är oförändrat.",
      "",
      "---",
      "",
      `Hello ${name}, someone asked for a new password to your Anslag account. Choose one here (valid for one hour, once):`,
      "",
      url,
    ].join("\n"),
  };
}

/** What the page shows for a link that still works, or null (shown as LINK_INVALID). Reads only. */
export function usableLink(db: DbOrTx, token: string, now = new Date()): { purpose: PasswordTokenPurpose; name: string; email: string } | null {
  if (!plausibleToken(token)) return null;
  const row = getUsablePasswordToken(db, hashToken(token), now);
  return row ? { purpose: row.purpose, name: row.userName, email: row.userEmail } : null;
}

function plausibleToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export type SetPasswordResult = { userId: number; activated: boolean; sessionsEnded: number };

/**
 * Sets the password from a link: the link must still work, the password pass the rules (12 characters, not
 * common, twice the same). Then the link is marked used, the user's other links revoked, every session of the user
 * ended, and the change audited (`user.activated` for the first password of an invitation, else `user.password`),
 * all in one transaction. The link's state is checked again under the write lock, so two requests with one link set
 * one password.
 */
export async function setPasswordFromLink(db: Db, input: unknown, now = new Date()): Promise<SetPasswordResult> {
  const data = setPasswordSchema.parse(input);
  const invalid = () => new DomainError(LINK_INVALID, undefined, "not_found");
  if (!plausibleToken(data.token)) throw invalid();
  const tokenHash = hashToken(data.token);
  if (!getUsablePasswordToken(db, tokenHash, now)) throw invalid();
  const problem = passwordPolicyProblem(data.password);
  if (problem) throw new DomainError(problem, { password: [problem] }, "invalid");

  // Hashing takes a while and a transaction must not await: hash first, then check the link again and write.
  const passwordHash = await hashPassword(data.password);
  return inWriteTransaction(db, (tx) => {
    const link = getUsablePasswordToken(tx, tokenHash, now);
    if (!link || !markPasswordTokenUsed(tx, link.id, now)) throw invalid();
    const activated = !hasChosenPassword({ passwordHash: link.passwordHash });
    setPasswordHash(tx, link.userId, passwordHash, now);
    revokeOpenPasswordTokens(tx, link.userId, now);
    const sessionsEnded = deleteUserSessions(tx, link.userId);
    writeAudit(tx, {
      actor: { id: link.userId, label: link.userName },
      action: activated ? "user.activated" : "user.password",
      entityType: "user",
      entityId: link.userId,
      at: now,
      before: { passwordChangedAt: link.passwordChangedAt },
      after: { passwordChangedAt: now, through: link.purpose, sessionsEnded },
    });
    return { userId: link.userId, activated, sessionsEnded };
  });
}
