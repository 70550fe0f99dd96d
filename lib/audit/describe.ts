import { formatKronor } from "@/lib/format/amount";

/** Field names as an officer knows them, for the history of an application and its decision. */
const LABELS: Record<string, string> = {
  projectTitle: "Projekttitel",
  description: "Beskrivning",
  focusAreas: "Fokusområden",
  requestedAmount: "Sökt belopp",
  contactName: "Kontaktperson",
  contactTitle: "Titel",
  contactPhone: "Telefon",
  contactEmail: "E-post",
  leadOrganisation: "Sökande organisation",
  coApplicants: "Medsökande",
  status: "Status",
  outcome: "Beslut",
  grantedAmount: "Beviljat belopp",
  motivation: "Motivering",
  decidedOn: "Beslutsdatum",
  reason: "Skäl",
};

const AMOUNTS = new Set(["requestedAmount", "grantedAmount"]);
const VALUES: Record<string, string> = { approved: "beviljad", rejected: "avslagen", received: "inkommen" };

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (AMOUNTS.has(key) && typeof value === "number") return formatKronor(value);
  if (Array.isArray(value)) return value.join(", ") || "–";
  if (typeof value === "string") return VALUES[value] ?? value;
  return String(value);
}

// A rejection stores 0 as its granted amount; "Beviljat belopp: 0 kronor" would read as if something was granted.
function fieldOf(record: Record<string, unknown> | null, key: string): unknown {
  if (key === "grantedAmount" && record?.outcome === "rejected") return null;
  return record?.[key];
}

/**
 * One line per field an event changed ("Sökt belopp: 1 000 000 kronor → 1 200 000 kronor"); for a creation, the
 * fields it set; for a removal (a withdrawn decision), what was removed. Only fields an officer knows are shown (not
 * ids, versions or timestamps). The reason given for a change or a withdrawal is not a field of its own but a note
 * on the event, so it comes last, as "Skäl: …".
 */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const reason = typeof after?.reason === "string" ? after.reason.trim() : "";
  // A withdrawal's "after" holds only the reason: the decision itself is gone.
  const removed = after !== null && !Object.keys(after).some((k) => k !== "reason" && k in LABELS);
  const to = removed ? null : after;
  const keys = Object.keys(LABELS).filter((k) => k !== "reason" && ((before && k in before) || (to && k in to)));
  const lines: string[] = [];
  for (const key of keys) {
    const from = show(key, fieldOf(before, key));
    const next = show(key, fieldOf(to, key));
    if (from === next) continue;
    if (!before) lines.push(`${LABELS[key]}: ${next}`);
    else if (!to) {
      if (from !== "–") lines.push(`${LABELS[key]}: ${from}`);
    } else lines.push(`${LABELS[key]}: ${from} → ${next}`);
  }
  // A grant over the requested amount was confirmed by the officer (lib/decisions/record.ts notes it on the event).
  if (typeof after?.exceedsRequestBy === "number" && !removed) {
    lines.push(`Beviljat ${formatKronor(after.exceedsRequestBy)} mer än det sökta beloppet (bekräftat)`);
  }
  if (reason) lines.push(`${LABELS.reason}: ${reason}`);
  return lines;
}
