import { Liquid, Tag, type TagToken, type TopLevelToken } from "liquidjs";
import { PRESS_FILTERS } from "./filters";
import { at, type TemplateError } from "./errors";

/*
 * The one Liquid configuration of press templates, shared by the render worker (worker-entry.ts) and by validation on
 * save (validate.ts), so that what is accepted on save is exactly what renders.
 *
 * - No files: `templates: {}` gives liquidjs an empty in-memory file system (never the process's cwd), and the tags
 *   that read other templates (include, render, layout) are replaced by one that refuses at parse time, so such a
 *   template is refused on save with its line rather than failing later.
 * - strictFilters: an unknown filter is a parse error. The `raw` filter is removed: it is the one way past
 *   outputEscape, and a template must never write an organisation's name as HTML.
 * - liquidjs's own limits are the first line (template length, render time, allocations by ranges and filters); the
 *   worker's hard timeout and output cap (render.ts, worker-entry.ts) are the real bound, since liquidjs checks its
 *   render limit only between tags.
 */

export type Escape = "html" | "none";

/** Longest template source accepted (characters); liquidjs refuses longer at parse. */
export const PARSE_LIMIT = 100_000;
/** liquidjs's cooperative render limit (ms), below the worker's hard timeout. */
export const LIQUID_RENDER_LIMIT_MS = 800;
/** liquidjs's allocation count (range items, array filters, string lengths in filters). */
export const MEMORY_LIMIT = 10_000_000;

const FORBIDDEN_TAGS = ["include", "render", "layout"] as const;

class ForbiddenTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`forbidden tag: ${token.name}`);
  }
  render(): void {}
}

export function createLiquid(escape: Escape): Liquid {
  const liquid = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: false,
    lenientIf: true,
    ownPropertyOnly: true,
    outputEscape: escape === "html" ? "escape" : undefined,
    parseLimit: PARSE_LIMIT,
    renderLimit: LIQUID_RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    cache: false,
  });
  liquid.unregisterFilter("raw");
  for (const tag of FORBIDDEN_TAGS) liquid.registerTag(tag, ForbiddenTag);
  for (const filter of PRESS_FILTERS) {
    liquid.registerFilter(filter.name, (value: unknown, ...args: unknown[]) => filter.apply(value, ...args));
  }
  return liquid;
}

/** Every filter name a template may use: the press filters first (they are the ones to suggest), then liquidjs's. */
export function filterNames(liquid: Liquid): string[] {
  const press = PRESS_FILTERS.map((f) => f.name);
  return [...press, ...Object.keys(liquid.filters).filter((name) => !press.includes(name))];
}

/** A liquidjs parse error as a TemplateError (unknown filters get the nearest name). */
export function parseErrorOf(error: unknown, liquid: Liquid): TemplateError {
  const { line, column } = positionOf(error);
  const raw = error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, "") : String(error);
  const unknownFilter = /^undefined filter: (\S+)$/.exec(raw);
  if (unknownFilter?.[1]) {
    const name = unknownFilter[1];
    const suggestion = nearest(name, filterNames(liquid));
    return {
      kind: "unknown-filter",
      message: `Okänt filter ${name}${at(line, column)}.${suggestion ? ` Menade du ${suggestion}?` : ""}`,
      line,
      column,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  return { kind: "parse", message: `${swedishParseMessage(raw)}${at(line, column)}.`, line, column };
}

export function positionOf(error: unknown): { line?: number; column?: number } {
  const token = (error as { token?: { getPosition?: () => [number, number] } } | null)?.token;
  const position = token?.getPosition?.();
  if (position) return { line: position[0], column: position[1] };
  const match = error instanceof Error ? /line:(\d+), col:(\d+)/.exec(error.message) : null;
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

const PARSE_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^forbidden tag: (\w+)$/, (m) => `Taggen ${m[1]} är inte tillåten: en pressmall kan inte läsa in andra mallar eller filer`],
  [/^tag (.+) not closed$/, (m) => `Taggen ${m[1]} avslutas aldrig`],
  [/^output (.+) not closed$/, (m) => `Utskriften ${m[1]} avslutas aldrig (}} saknas)`],
  [/^tag (.+) not found$/, (m) => `Det finns ingen tagg som heter ${m[1]}`],
  [/^unexpected token/, () => "Oväntat tecken"],
  [/^illegal tag: (.+)$/, (m) => `Taggen ${m[1]} är felskriven`],
  [/^parse length limit exceeded$/, () => `Mallen är för lång (högst ${PARSE_LIMIT.toLocaleString("sv-SE")} tecken)`],
];

function swedishParseMessage(raw: string): string {
  for (const [pattern, message] of PARSE_MESSAGES) {
    const match = pattern.exec(raw);
    if (match) return message(match);
  }
  return `Mallen kan inte tolkas (${raw})`;
}

/** The candidate closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
