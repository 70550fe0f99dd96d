import type { ApplicationSnapshot, SavedApplication } from "@/db/queries/applications";
import { parseKronor } from "@/lib/format/amount";
import { normaliseText } from "@/lib/validation/fields";
import { splitList } from "./schema";

/*
 * What the edit form does when its save is refused because someone saved in between (pure, so it is tested here
 * and runs in the browser). Three versions of each field: the one the officer started from, their own, and the one
 * saved now. A field the officer did not touch takes the saved value (it was not theirs to change); a field they
 * changed, and that is saved differently, is shown with both values so they choose; the next save is made against
 * the saved version.
 */

export type { ApplicationSnapshot, SavedApplication };

export const SNAPSHOT_FIELDS = [
  "leadOrganisation",
  "coApplicants",
  "projectTitle",
  "description",
  "focusAreas",
  "requestedAmount",
  "contactName",
  "contactTitle",
  "contactPhone",
  "contactEmail",
] as const satisfies readonly (keyof ApplicationSnapshot)[];
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** The edit form's values as they are typed (strings; co-applicants as rows). */
export type ApplicationFormValues = {
  leadOrganisation?: { name?: string };
  coApplicants?: string | { name?: string }[];
  projectTitle?: string;
  description?: string;
  focusAreas?: string | string[];
  requestedAmount?: string | number;
  contactName?: string;
  contactTitle?: string;
  contactPhone?: string;
  contactEmail?: string;
};

/** A field's value in the form a comparison needs: text normalised as the schema stores it, lists re-joined. */
function comparable(field: SnapshotField, value: string | number | null): string {
  if (field === "requestedAmount") return value === null ? "" : String(value);
  const text = String(value ?? "");
  if (field === "coApplicants" || field === "focusAreas") return splitList(normaliseText(text)).join("; ");
  return normaliseText(text, field === "description");
}

/** The form's values in the snapshot's shape; an amount that does not parse is null (it differs from any saved one). */
export function snapshotOfFormValues(values: ApplicationFormValues): Omit<ApplicationSnapshot, "requestedAmount"> & { requestedAmount: number | null } {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const coApplicants = Array.isArray(values.coApplicants)
    ? values.coApplicants.map((row) => text(row?.name).trim()).filter(Boolean).join("; ")
    : text(values.coApplicants);
  const amount = typeof values.requestedAmount === "number" ? values.requestedAmount : parseKronor(text(values.requestedAmount));
  return {
    leadOrganisation: text(values.leadOrganisation?.name),
    coApplicants,
    projectTitle: text(values.projectTitle),
    description: text(values.description),
    focusAreas: Array.isArray(values.focusAreas) ? values.focusAreas.join("; ") : text(values.focusAreas),
    requestedAmount: amount,
    contactName: text(values.contactName),
    contactTitle: text(values.contactTitle),
    contactPhone: text(values.contactPhone),
    contactEmail: text(values.contactEmail),
  };
}

export type ConflictResolution = {
  /** Fields both changed, differently: shown side by side, the officer's value kept in the form. */
  differing: SnapshotField[];
  /** Fields the officer did not change that someone else did: the form now holds the saved value. */
  takenFromSaved: SnapshotField[];
};

export function resolveConflict(
  started: ReturnType<typeof snapshotOfFormValues>,
  mine: ReturnType<typeof snapshotOfFormValues>,
  saved: ApplicationSnapshot,
): ConflictResolution {
  const differing: SnapshotField[] = [];
  const takenFromSaved: SnapshotField[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    const startedValue = comparable(field, started[field]);
    const savedValue = comparable(field, saved[field]);
    const myValue = comparable(field, mine[field]);
    // Only what the other person changed can clash; a field only the officer changed simply keeps their value.
    if (savedValue === startedValue || savedValue === myValue) continue;
    (myValue === startedValue ? takenFromSaved : differing).push(field);
  }
  return { differing, takenFromSaved };
}
