import type { Db, DbOrTx } from "@/db/client";
import { getOrganisation, getOrganisationByName, updateOrganisationRow } from "@/db/queries/organisations";
import { getCounty, getMunicipality } from "@/db/queries/reference";
import type { Organisation } from "@/db/schema";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { refreshReleaseFacts } from "@/lib/press/stale";
import { listRoundIdsWithReleases } from "@/db/queries/press-releases";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { updateOrganisationSchema } from "./schema";

export const ORGANISATION_CONFLICT_MESSAGE =
  "Någon annan har ändrat organisationen sedan du öppnade formuläret. Ladda om sidan för att se de sparade uppgifterna; ingenting har sparats.";

/** The optimistic-locking token of an organisation: its updated_at in epoch seconds (the column's own precision). */
export function organisationVersionOf(organisation: Pick<Organisation, "updatedAt">): number {
  return Math.floor(organisation.updatedAt.getTime() / 1000);
}

/**
 * Corrects an organisation's name as printed, short name, kind and codes. Applications show the name from the
 * organisation's row, so a corrected name appears everywhere at once; the audit event keeps the old one.
 * Refused, with nothing written, when the name belongs to another organisation, a code is unknown, the
 * municipality lies in another county, or someone saved the organisation since the form was loaded ("conflict").
 */
export function updateOrganisation(db: Db, input: unknown, actor: AuditActor): Organisation {
  const parsed = updateOrganisationSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("Kontrollera de markerade fälten.", fieldErrorsOf(parsed.error), "invalid");
  const { organisationId, version, ...fields } = parsed.data;

  return inWriteTransaction(db, (tx) => {
    const before = getOrganisation(tx, organisationId);
    if (!before) throw new DomainError("Organisationen finns inte.", undefined, "not_found");
    if (organisationVersionOf(before) !== version) throw conflict(before);

    const other = getOrganisationByName(tx, fields.name);
    if (other && other.id !== before.id) {
      const message = `Det finns redan en organisation som heter ${other.name}.`;
      throw new DomainError(message, { name: [message] }, "duplicate_name");
    }
    const countyCode = checkedCodes(tx, fields.countyCode, fields.municipalityCode);

    // updated_at is the version token and has whole seconds: a second save within the same second must still move it.
    const updatedAt = new Date(Math.max(Math.floor(Date.now() / 1000), version + 1) * 1000);
    // The token the form carried is in the WHERE, so the check and the write are one step.
    const after = updateOrganisationRow(tx, before.id, new Date(version * 1000), {
      name: fields.name,
      shortName: fields.shortName,
      kind: fields.kind,
      countyCode,
      municipalityCode: fields.municipalityCode ?? null,
      updatedAt,
    });
    if (!after) throw conflict(before);
    writeAudit(tx, { actor, action: "organisation.update", entityType: "organisation", entityId: after.id, before, after, at: updatedAt });
    // A press release names the organisation as it was: a corrected name is a changed fact.
    refreshReleaseFacts(tx, listRoundIdsWithReleases(tx), actor);
    return after;
  });
}

/** Checks the codes against the reference lists; a municipality without a county gives the organisation its county. */
function checkedCodes(tx: DbOrTx, countyCode: string | undefined, municipalityCode: string | undefined): string | null {
  if (countyCode && !getCounty(tx, countyCode)) {
    const message = `Länskoden ${countyCode} finns inte.`;
    throw new DomainError(message, { countyCode: [message] }, "invalid");
  }
  if (!municipalityCode) return countyCode ?? null;
  const municipality = getMunicipality(tx, municipalityCode);
  if (!municipality) {
    const message = `Kommunkoden ${municipalityCode} finns inte.`;
    throw new DomainError(message, { municipalityCode: [message] }, "invalid");
  }
  if (countyCode && countyCode !== municipality.countyCode) {
    const message = `${municipality.name} (${municipality.code}) ligger i län ${municipality.countyCode}, inte i län ${countyCode}.`;
    throw new DomainError(message, { municipalityCode: [message] }, "invalid");
  }
  return municipality.countyCode;
}

function conflict(current: Organisation): DomainError {
  return new DomainError(ORGANISATION_CONFLICT_MESSAGE, undefined, "conflict", { currentVersion: organisationVersionOf(current) });
}
