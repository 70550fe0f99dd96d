import type { Db, DbOrTx } from "@/db/client";
import { listOpenPasswordTokens, revokeOpenPasswordTokens } from "@/db/queries/password-tokens";
import { createUser, getUserByEmail, getUserById, hasChosenPassword, UNUSABLE_PASSWORD_HASH, updateUser } from "@/db/queries/users";
import { getOrganisation } from "@/db/queries/organisations";
import type { User } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { issuePasswordLink, type IssuedLink } from "./password-links";
import { COORDINATOR_NEEDS_ORGANISATION, inviteUserSchema, setUserDisabledSchema, updateUserSchema, userLinkSchema } from "./schema";

/*
 * User administration (/anvandare, admins): create an account with an invitation, change its name, role and
 * organisation, disable and enable it, give it a new link to set a password, revoke its open links. Every change is
 * one BEGIN IMMEDIATE transaction with its audit event (no password hash, no token in it); edits carry the version
 * the form was loaded with, so two admins never overwrite each other unseen. An admin can neither disable their own
 * account nor take away their own admin role.
 */

export const EMAIL_TAKEN = "Det finns redan ett konto med den e-postadressen.";
export const USER_CONFLICT = "Någon annan har ändrat kontot sedan du öppnade sidan. Ladda om sidan för att se de sparade uppgifterna; ingenting har sparats.";
export const USER_NOT_FOUND = "Kontot finns inte.";
export const CANNOT_DISABLE_SELF = "Du kan inte stänga av ditt eget konto.";
export const CANNOT_DEMOTE_SELF = "Du kan inte ta bort din egen administratörsroll. Be en annan administratör om det.";
export const DISABLED_NO_LINK = "Kontot är avstängt. Aktivera det först.";
export const UNKNOWN_ORGANISATION = "Organisationen finns inte. Välj en organisation i listan.";

/** An admin is an audit actor with an account: their id decides the rules about their own account. */
export type AdminActor = AuditActor & { id: number };

/** What an account shows of itself in the audit trail and to the admin: never its password hash. */
export function visibleUser(user: User) {
  const { passwordHash, ...visible } = user;
  return { ...visible, activated: hasChosenPassword({ passwordHash }) };
}

function invalidInput(error: Parameters<typeof fieldErrorsOf>[0]): DomainError {
  return new DomainError("Kontrollera de markerade fälten.", fieldErrorsOf(error), "invalid");
}

function checkOrganisation(tx: DbOrTx, organisationId: number | null): void {
  if (organisationId !== null && !getOrganisation(tx, organisationId)) {
    throw new DomainError(UNKNOWN_ORGANISATION, { organisationId: [UNKNOWN_ORGANISATION] }, "invalid");
  }
}

/** The database's own rule (users_coordinator_has_organisation) as a field error, should a check above miss it. */
function orCheckFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_CHECK") {
      throw new DomainError(COORDINATOR_NEEDS_ORGANISATION, { organisationId: [COORDINATOR_NEEDS_ORGANISATION] }, "invalid");
    }
    throw error;
  }
}

export type InvitedUser = { user: ReturnType<typeof visibleUser>; link: IssuedLink };

/** Creates an account without a password and its invitation (a link valid 7 days, mailed through the outbox). */
export function inviteUser(db: Db, input: unknown, actor: AdminActor, now = new Date()): InvitedUser {
  const parsed = inviteUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  return inWriteTransaction(db, (tx) => {
    if (getUserByEmail(tx, data.email)) throw new DomainError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] }, "duplicate_email");
    checkOrganisation(tx, data.organisationId);
    const user = orCheckFailure(() =>
      createUser(tx, { email: data.email, name: data.name, role: data.role, organisationId: data.organisationId, passwordHash: UNUSABLE_PASSWORD_HASH }),
    );
    const visible = visibleUser(user);
    writeAudit(tx, { actor, action: "user.create", entityType: "user", entityId: user.id, at: now, after: visible });
    const link = issuePasswordLink(tx, user, "invitation", actor, { now });
    return { user: visible, link };
  });
}

/** Changes an account's name, role and organisation. A changed role or organisation ends its sessions (updateUser). */
export function updateUserAccount(db: Db, input: unknown, actor: AdminActor, now = new Date()) {
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { userId, version, ...fields } = parsed.data;
  return inWriteTransaction(db, (tx) => {
    const before = getUserById(db, userId);
    if (!before) throw new DomainError(USER_NOT_FOUND, undefined, "not_found");
    if (before.version !== version) throw new DomainError(USER_CONFLICT, undefined, "conflict");
    if (userId === actor.id && before.role === "admin" && fields.role !== "admin") {
      throw new DomainError(CANNOT_DEMOTE_SELF, { role: [CANNOT_DEMOTE_SELF] }, "invalid");
    }
    checkOrganisation(tx, fields.organisationId);
    const after = orCheckFailure(() => updateUser(tx, userId, fields, { expectedVersion: version, at: now }));
    if (!after) throw new DomainError(USER_CONFLICT, undefined, "conflict");
    writeAudit(tx, { actor, action: "user.update", entityType: "user", entityId: userId, at: now, ...changedOnly(visibleUser(before), visibleUser(after)) });
    return visibleUser(after);
  });
}

/** Disables an account (its sessions end at once, its open links are revoked) or enables it again. */
export function setUserDisabled(db: Db, input: unknown, actor: AdminActor, now = new Date()) {
  const parsed = setUserDisabledSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { userId, version, disabled } = parsed.data;
  if (disabled && userId === actor.id) throw new DomainError(CANNOT_DISABLE_SELF, undefined, "invalid");
  return inWriteTransaction(db, (tx) => {
    const before = getUserById(db, userId);
    if (!before) throw new DomainError(USER_NOT_FOUND, undefined, "not_found");
    const after = updateUser(tx, userId, { disabled }, { expectedVersion: version, at: now });
    if (!after) throw new DomainError(USER_CONFLICT, undefined, "conflict");
    const linksRevoked = disabled ? revokeOpenPasswordTokens(tx, userId, now) : 0;
    writeAudit(tx, {
      actor,
      action: "user.update",
      entityType: "user",
      entityId: userId,
      at: now,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled, ...(linksRevoked ? { linksRevoked } : {}) },
    });
    return visibleUser(after);
  });
}

/**
 * A new link to set a password, mailed to the user and shown to the admin: an invitation (7 days) while the user
 * has never chosen a password, else a reset link (1 hour). Their older open links are revoked.
 */
export function sendPasswordLink(db: Db, input: unknown, actor: AdminActor, now = new Date()): IssuedLink {
  const { userId } = userLinkSchema.parse(input);
  return inWriteTransaction(db, (tx) => {
    const user = getUserById(db, userId);
    if (!user) throw new DomainError(USER_NOT_FOUND, undefined, "not_found");
    if (user.disabled) throw new DomainError(DISABLED_NO_LINK, undefined, "invalid");
    return issuePasswordLink(tx, user, hasChosenPassword(user) ? "reset" : "invitation", actor, { now });
  });
}

/** Revokes every open link of the user; returns how many there were. */
export function revokePasswordLinks(db: Db, input: unknown, actor: AdminActor, now = new Date()): number {
  const { userId } = userLinkSchema.parse(input);
  return inWriteTransaction(db, (tx) => {
    if (!getUserById(db, userId)) throw new DomainError(USER_NOT_FOUND, undefined, "not_found");
    const open = listOpenPasswordTokens(tx, userId, now).length;
    const revoked = revokeOpenPasswordTokens(tx, userId, now);
    if (revoked > 0) writeAudit(tx, { actor, action: "user.revoke-links", entityType: "user", entityId: userId, at: now, before: { openLinks: open }, after: { openLinks: 0 } });
    return revoked;
  });
}

/** Before and after with only the fields that changed (and the version), so the trail says what the edit did. */
function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === "updatedAt") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
