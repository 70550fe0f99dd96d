import { analyzeSync, toValueSync, type Template, type Variable } from "liquidjs";
import { at, type TemplateError } from "./errors";
import { createLiquid, nearest, parseErrorOf } from "./sandbox";

/*
 * Validation of a press template on save, with liquidjs's static analysis rather than a regex: the template must
 * parse (with the same configuration the render worker uses: strict filters, no files), and every variable it reads
 * must be one the press context has. The known variables are dotted paths with `[]` for the items of a list
 * (`recipients[].organisation.name`). Loop variables resolve through their collection (`{% for r in recipients %}`
 * makes `r.amount` mean `recipients[].amount`), nested loops included; names made by assign, capture and increment are
 * the template's own; `forloop.*` and `tablerowloop.*` are liquidjs's. Parsing runs in the caller's thread: it is
 * linear in the source, which liquidjs's parse limit bounds (sandbox.ts); only rendering needs the worker.
 */

export type ValidationResult = { ok: true } | { ok: false; errors: TemplateError[] };

const LOOP_OBJECTS: Record<string, readonly string[]> = {
  forloop: ["first", "index", "index0", "last", "length", "rindex", "rindex0", "name", "parentloop"],
  tablerowloop: ["col", "col0", "col_first", "col_last", "first", "index", "index0", "last", "length", "rindex", "rindex0", "row"],
};
/** Properties liquidjs answers on any list (and size on strings). */
const LIST_ITEM_WORDS = new Set(["first", "last"]);

let liquid: ReturnType<typeof createLiquid> | undefined;

type LoopTag = Template & { variable: string; collection: { getText(): string }; templates: Template[]; elseTemplates?: Template[] };
/** A loop variable's meaning: the path of its collection's items, or null when it loops over something else (a range). */
type Aliases = ReadonlyMap<string, string[] | null>;

export function validateTemplate(source: string, knownVariables: readonly string[]): ValidationResult {
  liquid ??= createLiquid("none");
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    return { ok: false, errors: [parseErrorOf(error, liquid)] };
  }
  const known = new Set<string>();
  for (const path of knownVariables) {
    const parts = splitPath(path);
    for (let i = 1; i <= parts.length; i++) known.add(joinPath(parts.slice(0, i)));
  }
  const analysis = analyzeSync(templates, { partials: false });
  const ownNames = new Set(Object.keys(analysis.locals));
  const errors = new Map<string, TemplateError>();

  const check = (scope: Template[], aliases: Aliases) => {
    for (const variables of Object.values(analyzeSync(scope, { partials: false }).globals)) {
      for (const variable of variables) {
        const error = checkVariable(variable, aliases, known, ownNames);
        if (error) errors.set(`${error.line}:${error.column}:${variable.toString()}`, error);
      }
    }
    for (const loop of loopsIn(scope)) {
      const collection = resolve(splitPath(loop.collection.getText()), aliases);
      const inner = new Map(aliases);
      inner.set(loop.variable, collection === null || !known.has(joinPath([...collection, "[]"])) ? null : [...collection, "[]"]);
      check(loop.templates, inner);
      if (loop.elseTemplates?.length) check(loop.elseTemplates, aliases);
    }
  };
  check(templates, new Map());

  if (errors.size === 0) return { ok: true };
  const sorted = [...errors.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors: sorted };
}

/** The outermost for and tablerow tags in `scope` (nested ones are found from their parent's body). */
function* loopsIn(scope: readonly Template[]): Generator<LoopTag> {
  for (const template of scope) {
    if (isLoop(template)) {
      yield template;
      continue;
    }
    const withChildren = template as Template & { children?: (partials: boolean, sync: boolean) => Generator<unknown, Template[]> };
    if (typeof withChildren.children === "function") {
      yield* loopsIn(toValueSync(withChildren.children(false, true)));
    }
  }
}

function isLoop(template: Template): template is LoopTag {
  const candidate = template as Partial<LoopTag>;
  return typeof candidate.variable === "string" && typeof candidate.collection?.getText === "function" && Array.isArray(candidate.templates);
}

function checkVariable(variable: Variable, aliases: Aliases, known: ReadonlySet<string>, ownNames: ReadonlySet<string>): TemplateError | undefined {
  const written = variable.toString();
  const parts = segmentsToParts(variable.segments);
  const root = parts[0];
  if (root === undefined) return undefined;
  const line = variable.location.row;
  const column = variable.location.col;
  const unknown = (suggestion: string | undefined): TemplateError => ({
    kind: "unknown-variable",
    message: `Okänd variabel ${written}${at(line, column)}.${suggestion ? ` Menade du ${suggestion}?` : ""}`,
    line,
    column,
    ...(suggestion ? { suggestion } : {}),
  });

  const loopObject = LOOP_OBJECTS[root];
  if (loopObject && !aliases.has(root)) {
    const property = parts[1];
    if (property === undefined || loopObject.includes(property)) return undefined;
    const suggestion = nearest(property, loopObject);
    return unknown(suggestion ? `${root}.${suggestion}` : undefined);
  }
  if (ownNames.has(root) && !aliases.has(root)) return undefined;

  const alias = aliases.get(root);
  if (alias === null) return undefined; // a loop over a range or a literal: its items are not the context's
  const resolved = alias ? [...alias, ...parts.slice(1)] : parts;
  if (isKnown(resolved, known)) return undefined;

  const candidates = [...known];
  const target = joinPath(resolved);
  let suggestion = nearest(target, candidates);
  if (suggestion && alias) {
    // Back in the author's words: recipients[].amount inside `for r in recipients` is r.amount.
    const base = joinPath(alias);
    suggestion = suggestion.startsWith(base) ? root + suggestion.slice(base.length) : suggestion;
  }
  return unknown(suggestion);
}

function isKnown(parts: readonly string[], known: ReadonlySet<string>): boolean {
  const [root, ...rest] = parts;
  if (root === undefined || !known.has(root)) return false;
  let path = root;
  for (const part of rest) {
    const item = `${path}[]`;
    if (part === "[]" || (LIST_ITEM_WORDS.has(part) && known.has(item))) {
      if (!known.has(item)) return false;
      path = item;
    } else if (part === "size") {
      return true; // the length of a list or a string the context has
    } else {
      path = `${path}.${part}`;
      if (!known.has(path)) return false;
    }
  }
  return true;
}

function segmentsToParts(segments: ReadonlyArray<string | number | Variable>): string[] {
  return segments.map((segment) => (typeof segment === "string" ? segment : "[]"));
}

/** "recipients[].organisation.name" -> ["recipients", "[]", "organisation", "name"]; also reads r[0] and a["b"]. */
function splitPath(path: string): string[] {
  const parts: string[] = [];
  for (const match of path.matchAll(/([^.[\]\s]+)|\[([^\]]*)\]/g)) {
    if (match[1] !== undefined) parts.push(match[1]);
    else {
      const inside = (match[2] ?? "").trim();
      const quoted = /^["'](.*)["']$/.exec(inside);
      parts.push(quoted?.[1] ?? "[]");
    }
  }
  return parts;
}

function joinPath(parts: readonly string[]): string {
  return parts.reduce((path, part, i) => (i === 0 ? part : part === "[]" ? `${path}[]` : `${path}.${part}`), "");
}

function resolve(parts: string[], aliases: Aliases): string[] | null {
  const root = parts[0];
  if (root === undefined || /^[\d("']/.test(root)) return null; // a range or a literal
  const alias = aliases.get(root);
  if (alias === null) return null;
  return alias ? [...alias, ...parts.slice(1)] : parts;
}
