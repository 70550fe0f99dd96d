/*
 * The person's details as values to find and scrub in JSON (audit events' before and after, a release's remembered
 * facts). Pure functions, so the rules are tested on their own.
 *
 * A string is the person's when it equals one of their names, email addresses or phone numbers (case and spacing
 * aside), or a title under a key that holds a title; a longer text that contains a name (two words or more), an
 * email address or a phone number has that part replaced, so "Kontakt: Anna Berg, 090-12 34 56" keeps its other
 * words. A change in a release's facts ({ path: "recipients[HJ-2013-0042].contact.name", before, after }) of one of
 * the person's applications is the person's whatever its values are.
 */

export const SCRUBBED = "[raderad]";

export type PersonValues = {
  names: string[];
  emails: string[];
  phones: string[];
  titles: string[];
  /** Registration numbers of the applications that name the person as contact. */
  registrationNumbers: string[];
};

// What an erasure leaves behind is no one's detail.
const PLACEHOLDERS = new Set(["raderad", "raderad användare", SCRUBBED]);

const norm = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("sv");

export function personValues(input: { names: (string | null)[]; emails: (string | null)[]; phones: (string | null)[]; titles: (string | null)[]; registrationNumbers: string[] }): PersonValues {
  const clean = (list: (string | null)[]) => [...new Set(list.map((v) => (v ?? "").normalize("NFC").replace(/\s+/gu, " ").trim()).filter((v) => v !== "" && !PLACEHOLDERS.has(norm(v))))];
  return {
    names: clean(input.names),
    emails: clean(input.emails),
    phones: clean(input.phones),
    titles: clean(input.titles),
    registrationNumbers: [...new Set(input.registrationNumbers)],
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The parts of a longer text that are the person's: full names, emails and phone numbers (spaces matched loosely). */
function partsPattern(values: PersonValues): RegExp | null {
  const parts = [
    ...values.names.filter((n) => n.includes(" ") && n.length >= 5),
    ...values.emails.filter((e) => e.includes("@")),
    ...values.phones.filter((p) => p.replace(/\D/g, "").length >= 6),
  ]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, "[\\s\\u00a0\\u202f]+"));
  return parts.length ? new RegExp(parts.join("|"), "giu") : null;
}

export type Match = { path: string; value: string };

type Walk = { values: PersonValues; exact: Set<string>; titles: Set<string>; parts: RegExp | null; matches: Match[] };

function isPersonsFactChange(value: Record<string, unknown>, values: PersonValues): boolean {
  const path = value.path;
  if (typeof path !== "string" || !path.includes(".contact.")) return false;
  return values.registrationNumbers.some((n) => path.includes(`[${n}]`));
}

function scrubString(text: string, key: string, walk: Walk, path: string): string {
  const n = norm(text);
  if (n === "") return text;
  if (walk.exact.has(n) || (/^(contact_?)?title$/i.test(key) && walk.titles.has(n))) {
    walk.matches.push({ path, value: text });
    return SCRUBBED;
  }
  if (!walk.parts) return text;
  walk.parts.lastIndex = 0;
  if (!walk.parts.test(text)) return text;
  walk.parts.lastIndex = 0;
  return text.replace(walk.parts, (found) => {
    walk.matches.push({ path, value: found });
    return SCRUBBED;
  });
}

function scrubAny(value: unknown, key: string, path: string, walk: Walk): unknown {
  if (typeof value === "string") return scrubString(value, key, walk, path);
  if (Array.isArray(value)) return value.map((v, i) => scrubAny(v, key, `${path}[${i}]`, walk));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const personsChange = isPersonsFactChange(record, walk.values);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      const childPath = path ? `${path}.${k}` : k;
      if (personsChange && (k === "before" || k === "after") && typeof v === "string" && v !== "" && !PLACEHOLDERS.has(norm(v))) {
        walk.matches.push({ path: childPath, value: v });
        out[k] = SCRUBBED;
      } else out[k] = scrubAny(v, k, childPath, walk);
    }
    return out;
  }
  return value;
}

/** The JSON with the person's details replaced by "[raderad]", and where they were (path and the person's value). */
export function scrubJson<T>(value: T, values: PersonValues, rootPath = ""): { value: T; matches: Match[] } {
  const walk: Walk = {
    values,
    exact: new Set([...values.names, ...values.emails, ...values.phones].map(norm)),
    titles: new Set(values.titles.map(norm)),
    parts: partsPattern(values),
    matches: [],
  };
  return { value: scrubAny(value, "", rootPath, walk) as T, matches: walk.matches };
}

/** Where the person's details are in a piece of JSON, without changing it. */
export function findInJson(value: unknown, values: PersonValues, rootPath = ""): Match[] {
  return scrubJson(value, values, rootPath).matches;
}
