import type { Db } from "@/db/client";
import { getApplicationRowInScope, updateApplicationContactRow, type ContactColumns } from "@/db/queries/portal";
import { inWriteTransaction } from "@/db/transaction";
import type { Application } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { UpdateContactValues } from "./contact-schema";
import { APPLICATION_CONFLICT_MESSAGE } from "./update";

// The application form's message (already in the catalogues of both languages): the coordinator reloads and saves again.
export const CONTACT_CONFLICT_MESSAGE = APPLICATION_CONFLICT_MESSAGE;

function contactOf(row: ContactColumns): ContactColumns {
  return { contactName: row.contactName, contactTitle: row.contactTitle, contactPhone: row.contactPhone, contactEmail: row.contactEmail };
}

/**
 * Changes the contact person of an application in `scope` (a coordinator's: their organisation's, as lead or
 * co-applicant), nothing else, in a transaction of its own (BEGIN IMMEDIATE). An application outside the scope is
 * "not found", exactly like a missing one, and nothing is written; a save against an older version is refused.
 */
export function updateApplicationContact(db: Db, input: UpdateContactValues, actor: AuditActor, scope: ApplicationScope): Application {
  return inWriteTransaction(db, (tx) => {
    const before = getApplicationRowInScope(tx, input.applicationId, scope);
    if (!before) throw new DomainError("Ansökan finns inte.", undefined, "not_found");
    if (before.version !== input.version) throw new DomainError(CONTACT_CONFLICT_MESSAGE, undefined, "conflict");
    const values = contactOf(input);
    const after = updateApplicationContactRow(tx, before.id, input.version, scope, values);
    if (!after) throw new DomainError(CONTACT_CONFLICT_MESSAGE, undefined, "conflict");
    writeAudit(tx, {
      actor,
      action: "application.contact",
      entityType: "application",
      entityId: after.id,
      before: { ...contactOf(before), version: before.version },
      after: { ...contactOf(after), version: after.version },
    });
    return after;
  });
}
