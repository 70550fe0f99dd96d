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

/**
 * One line per field an event changed ("Sökt belopp: 1 000 000 kronor → 1 200 000 kronor"); for a creation, the
 * fields it set. Only fields an officer knows are shown (not ids, versions or timestamps).
 */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = Object.keys(LABELS).filter((k) => (before && k in before) || (after && k in after));
  const lines: string[] = [];
  for (const key of keys) {
    const from = before?.[key];
    const to = after?.[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (!before) {
      if (show(key, to) !== "–") lines.push(`${LABELS[key]}: ${show(key, to)}`);
    }
    else if (!after) lines.push(`${LABELS[key]}: ${show(key, from)}`);
    else lines.push(`${LABELS[key]}: ${show(key, from)} → ${show(key, to)}`);
  }
  return lines;
}
