import { createHash } from "node:crypto";
import type { PressContext } from "./context";

/*
 * What a release remembers of the data it was made from, and how a later change to that data is found and named.
 * The facts are the template context without the sender's texts (those are the release's own words, not data).
 */

export type ReleaseFactsSnapshot = Omit<PressContext, "sender" | "press_contacts">;

export function factsOf(context: PressContext): ReleaseFactsSnapshot {
  const { sender: _sender, press_contacts: _contacts, ...facts } = context;
  void _sender;
  void _contacts;
  return facts;
}

/** JSON with its keys sorted, so the same facts always give the same text (and hash). */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function factsHashOf(facts: ReleaseFactsSnapshot | Record<string, unknown>): string {
  return createHash("sha256").update(stableJson(facts)).digest("hex");
}

export type FactChange = { path: string; before: string | number | boolean | null; after: string | number | boolean | null };

type Leaf = string | number | boolean | null;

/**
 * The facts as dotted paths to their values. Recipients are keyed by registration number, not position, so that one
 * new grant reads as one added recipient rather than every later recipient changing.
 */
function flatten(value: unknown, path: string, out: Map<string, Leaf>): void {
  if (Array.isArray(value)) {
    const keyed = value.every((v) => v && typeof v === "object" && "registration_number" in (v as object));
    value.forEach((v, i) => {
      const key = keyed ? String((v as { registration_number: unknown }).registration_number) : String(i);
      flatten(v, `${path}[${key}]`, out);
    });
    if (value.length === 0) out.set(path, null);
    return;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, (value ?? null) as Leaf);
}

/** The facts that differ between what a release was made from and the data now, path by path, in a stable order. */
export function diffFacts(before: Record<string, unknown>, after: Record<string, unknown>): FactChange[] {
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  flatten(before, "", a);
  flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: FactChange[] = [];
  for (const path of paths) {
    const x = a.has(path) ? a.get(path)! : null;
    const y = b.has(path) ? b.get(path)! : null;
    if (x !== y) changes.push({ path, before: x, after: y });
  }
  return changes;
}
