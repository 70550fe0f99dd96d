import type { Db } from "@/db/client";
import {
  anonymiseUser,
  clearApplicationContacts,
  deleteAllUserSessions,
  deletePersonMail,
  deletePersonSubscriptions,
  ERASED_CONTACT_NAME,
  ERASED_USER_NAME,
  relabelUserInPress,
  revokeOpenPasswordTokens,
  rewriteAuditEvent,
  rewriteReleaseFacts,
} from "@/db/queries/personal-data";
import type { ReleaseFacts } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { factsHashOf } from "@/lib/press/facts";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { findPersonalData, isEmpty, subjectOf, type PersonalData } from "./find";
import { erasePersonalDataSchema } from "./schema";
import { findInJson, scrubJson, type PersonValues } from "./values";

/*
 * Erasing a person's details (GDPR), in one BEGIN IMMEDIATE transaction:
 * - their user account keeps its id (decisions and the audit trail refer to it) but is anonymised: name "Raderad
 *   användare", a unique placeholder email, no phone, disabled; its sessions end at once, and its open password
 *   links are revoked. The labels that name them as
 *   the author of a release comment or of a saved version say "Raderad användare" too.
 * - applications that name them as contact person get "Raderad" as its name and no title, phone or email, with a new
 *   version (an edit form opened before cannot write the details back).
 * - the audit events that hold their details (found through the indexes, db/queries/personal-data.ts) have those
 *   values replaced by "[raderad]" in before and after, and "Raderad användare" as "who" where the person made the
 *   change.
 * - the facts press releases remember of those applications get the contact as it is now, so no release goes stale
 *   over an erasure (which would record the old contact in a release.stale event).
 * - press releases' text is not changed: a published release stays as it was published (the public record, and what
 *   journalists quoted); an unpublished one that names the person is listed on the page for its writers to edit.
 * - their newsroom subscriptions and the mail to their addresses in the outbox are deleted.
 * - one audit event, personal-data.erase, records the ids and counts of what was erased, never the erased values.
 */

export type ErasureResult = {
  userIds: number[];
  applicationIds: number[];
  auditEventIds: number[];
  releaseIds: number[];
  sessionsEnded: number;
  passwordLinksRevoked: number;
  subscriptionsDeleted: number;
  mailDeleted: number;
};

export const ERASE_STALE_MESSAGE = "Uppgifterna har ändrats sedan sidan visades. Sök igen och granska dem innan du raderar; ingenting har raderats.";
export const ERASE_NOTHING_MESSAGE = "Det finns inga uppgifter om personen att radera.";
export const ERASE_SELF_MESSAGE = "Du kan inte radera ditt eget användarkonto. Be en annan administratör göra det.";

/** The recipients of the person's applications in a release's facts, with the contact as the data now has it. */
function factsWithErasedContacts(facts: ReleaseFacts, values: PersonValues): ReleaseFacts | null {
  let changed = false;
  const erased = { name: ERASED_CONTACT_NAME, title: "", phone: "", email: "" };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = walk(v);
    if (
      typeof record.registration_number === "string" &&
      values.registrationNumbers.includes(record.registration_number) &&
      record.contact &&
      typeof record.contact === "object" &&
      findInJson(record.contact, values).length > 0
    ) {
      out.contact = { ...(record.contact as Record<string, unknown>), ...erased };
      changed = true;
    }
    return out;
  };
  const next = walk(facts) as ReleaseFacts;
  return changed ? next : null;
}

export function erasePersonalData(db: Db, input: unknown, actor: AuditActor, at = new Date()): ErasureResult {
  const parsed = erasePersonalDataSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("Kontrollera de markerade fälten.", fieldErrorsOf(parsed.error), "invalid");
  const subject = subjectOf(parsed.data.term);
  if (!subject) throw new DomainError(ERASE_NOTHING_MESSAGE, undefined, "not_found");

  return inWriteTransaction(db, (tx) => {
    const data: PersonalData = findPersonalData(tx, subject);
    if (isEmpty(data)) throw new DomainError(ERASE_NOTHING_MESSAGE, undefined, "not_found");
    if (data.users.length !== parsed.data.userCount || data.contacts.length !== parsed.data.contactCount) {
      throw new DomainError(ERASE_STALE_MESSAGE, undefined, "conflict");
    }
    const userIds = data.users.map((u) => u.id);
    // The admin's own account would be signed out in the middle of its own erasure, and leave no one to answer for it.
    if (actor.id !== null && userIds.includes(actor.id)) throw new DomainError(ERASE_SELF_MESSAGE, undefined, "domain");
    const applicationIds = data.contacts.map((c) => c.applicationId);

    const auditEventIds: number[] = [];
    for (const { event, asActor } of data.auditEvents) {
      const before = event.before ? scrubJson(event.before, data.values).value : null;
      const after = event.after ? scrubJson(event.after, data.values).value : null;
      const actorLabel = asActor ? ERASED_USER_NAME : scrubJson(event.actorLabel, data.values).value;
      rewriteAuditEvent(tx, event.id, { before, after, actorLabel });
      auditEventIds.push(event.id);
    }

    let sessionsEnded = 0;
    let passwordLinksRevoked = 0;
    for (const id of userIds) {
      anonymiseUser(tx, id, at);
      sessionsEnded += deleteAllUserSessions(tx, id);
      passwordLinksRevoked += revokeOpenPasswordTokens(tx, id, at);
      relabelUserInPress(tx, id);
    }
    clearApplicationContacts(tx, applicationIds, at);
    // The newsroom's subscriptions of their addresses, and the mail to them (it holds the address and what was said).
    const subscriptionsDeleted = deletePersonSubscriptions(tx, data.emails);
    const mailDeleted = deletePersonMail(tx, data.emails);

    const releaseIds: number[] = [];
    for (const release of data.roundReleases) {
      const facts = factsWithErasedContacts(release.facts, data.values);
      if (!facts) continue;
      // A release whose facts matched the data still matches; one that was stale stays stale for its other changes.
      rewriteReleaseFacts(tx, release.id, facts, factsHashOf(facts));
      releaseIds.push(release.id);
    }

    const result = { userIds, applicationIds, auditEventIds, releaseIds, sessionsEnded, passwordLinksRevoked, subscriptionsDeleted, mailDeleted };
    writeAudit(tx, {
      actor,
      action: "personal-data.erase",
      entityType: "personal_data",
      entityId: userIds[0] ?? 0,
      // Ids and counts only: the erased values are exactly what must not be written down again.
      after: {
        ...result,
        counts: { users: userIds.length, contacts: applicationIds.length, auditEvents: auditEventIds.length, releases: releaseIds.length, sessionsEnded },
        publishedReleasesKept: data.releases.filter((r) => r.published).map((r) => r.release.id),
      },
      at,
    });
    refreshReleaseFacts(tx, [...new Set(data.contacts.map((c) => c.roundId))], actor, at);
    return result;
  });
}
