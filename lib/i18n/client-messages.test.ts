import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages, type ClientMessagesGroup } from "./client-namespaces";
import en from "./messages/en/index";
import sv from "./messages/sv/index";

/*
 * A layout passes the browser only the namespaces its client components use (lib/i18n/client-messages.ts). A client
 * component that starts using another namespace would show its keys instead of its text, in production only, so this
 * test finds the namespaces from the source and fails when the lists in lib/i18n/client-namespaces.ts differ:
 *
 * - from every file of the route group it follows the static imports (`@/…` and relative paths; packages and JSON
 *   are not followed, `import type` brings no code);
 * - a module with "use client" runs in the browser, and so does everything it imports;
 * - in those modules, `useTranslations("ns")` and `useTranslations("ns.deeper")` use "ns"; a root translator
 *   (`const t = useTranslations()`) uses the first segment of every key it is called with (`t("press.saved")`,
 *   t(`pressTopic.${topic}`)). Anything the scan cannot read (a namespace that is not a literal, a root translator
 *   handed on or called with a computed key, useMessages) fails the test instead of being guessed.
 */

const ROOT = resolve(__dirname, "../..");
const GROUP_DIRS: Record<ClientMessagesGroup, string> = { staff: "app/(staff)", public: "app/(public)" };
const LAYOUTS: Record<ClientMessagesGroup, string> = { staff: "app/(staff)/layout.tsx", public: "app/(public)/[locale]/layout.tsx" };
const SOURCE = /\.(tsx?|mjs|js)$/;
const NOT_SOURCE = /\.(test|spec)\.(tsx?|mjs|js)$|\.d\.m?ts$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SOURCE.test(name) && !NOT_SOURCE.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return null; // a package: its messages are not ours
  if (/\.json$/.test(base)) return null;
  for (const candidate of [base, ...[".ts", ".tsx", ".mjs", ".js"].map((ext) => base + ext), ...["index.ts", "index.tsx"].map((f) => join(base, f))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${specifier}"`);
}

/** The modules a module imports at run time (not `import type`, not `export type`). */
function importsOf(file: string, source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (const match of source.matchAll(statement)) if (!match[2]) specifiers.push(match[3]!);
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]!);
  return specifiers.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

const isClientBoundary = (source: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use client["']/.test(source);

/** Every module of the route group that runs in the browser. */
function clientModules(group: ClientMessagesGroup): string[] {
  const seen = new Set<string>(); // "client:<file>" or "server:<file>"
  const client = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const source = readFileSync(file, "utf8");
    const here = inClient || isClientBoundary(source);
    const key = `${here ? "client" : "server"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (here) client.add(file);
    for (const imported of importsOf(file, source)) visit(imported, here);
  };
  for (const file of filesUnder(join(ROOT, GROUP_DIRS[group]))) visit(file, false);
  return [...client].sort();
}

type Found = { namespaces: Map<string, string[]>; problems: string[] };

/** The top-level namespaces a client module translates with, and what in it the scan cannot read. */
export function namespacesOf(name: string, source: string): Found {
  const namespaces = new Map<string, string[]>();
  const problems: string[] = [];
  const record = (namespace: string) => namespaces.set(namespace, [...(namespaces.get(namespace) ?? []), name]);
  if (/\buseMessages\s*\(/.test(source)) problems.push(`${name}: useMessages() reads every message; use useTranslations("namespace")`);
  const named = new Set<string>();
  for (const match of source.matchAll(/(?:\b(?:const|let|var)\s+(\w+)\s*=\s*)?\buseTranslations\s*\(\s*([^)]*?)\s*\)/g)) {
    const [, variable, argument = ""] = match;
    if (argument === "") continue; // a root translator, below
    const literal = /^(["'`])([\w.-]+)\1$/.exec(argument);
    if (!literal) {
      problems.push(`${name}: useTranslations(${argument}) names no namespace the scan can read; write it as a string`);
      continue;
    }
    record(literal[2]!.split(".")[0]!);
    if (variable) named.add(variable);
  }
  for (const match of source.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=\s*useTranslations\s*\(\s*\)/g)) {
    const variable = match[1]!;
    if (named.has(variable)) {
      problems.push(`${name}: "${variable}" is both a root translator and a namespaced one; give the root one another name`);
      continue;
    }
    const uses = [...source.matchAll(new RegExp(`(?<![\\w.$])${variable}\\b(?!\\s*=\\s*useTranslations)`, "g"))];
    for (const occurrence of uses) {
      const after = source.slice(occurrence.index + variable.length);
      const call = /^(?:\.(?:rich|markup|raw|has))?\s*\(\s*(["'`])([\w-]+)\./.exec(after);
      if (call) record(call[2]!);
      else problems.push(`${name}: the root translator "${variable}" is used where the scan cannot read its key: "${after.slice(0, 40).split("\n")[0]}"`);
    }
  }
  return { namespaces, problems };
}

function scan(group: ClientMessagesGroup): Found {
  const all: Found = { namespaces: new Map(), problems: [] };
  for (const file of clientModules(group)) {
    const found = namespacesOf(relative(ROOT, file), readFileSync(file, "utf8"));
    for (const [namespace, files] of found.namespaces) all.namespaces.set(namespace, [...(all.namespaces.get(namespace) ?? []), ...files]);
    all.problems.push(...found.problems);
  }
  return all;
}

describe("the messages a layout passes to client components", () => {
  for (const group of ["staff", "public"] as const) {
    it(`lists exactly the namespaces the ${group} client modules use`, () => {
      const { namespaces, problems } = scan(group);
      expect(problems).toEqual([]);
      const listed = new Set<string>(CLIENT_NAMESPACES[group]);
      const missing = [...namespaces].filter(([n]) => !listed.has(n)).map(([n, files]) => `${n} (used in ${[...new Set(files)].join(", ")})`);
      expect(missing, `add to the ${group} list in lib/i18n/client-namespaces.ts`).toEqual([]);
      const unused = [...listed].filter((n) => !namespaces.has(n));
      expect(unused, `no ${group} client module uses these: remove them from lib/i18n/client-namespaces.ts`).toEqual([]);
    });

    it(`names only namespaces both languages have (${group})`, () => {
      for (const namespace of CLIENT_NAMESPACES[group]) {
        expect(Object.keys(sv), namespace).toContain(namespace);
        expect(Object.keys(en), namespace).toContain(namespace);
      }
    });

    it(`is what ${LAYOUTS[group]} passes`, () => {
      const layout = readFileSync(join(ROOT, LAYOUTS[group]), "utf8");
      expect(layout).toMatch(new RegExp(`<NextIntlClientProvider messages=\\{await clientMessages\\("${group}"\\)\\}>`));
    });
  }

  it("finds the client modules through imports: the meeting form and the field frame are among them", () => {
    const staff = clientModules("staff").map((f) => relative(ROOT, f));
    expect(staff).toContain("app/(staff)/omgangar/[roundId]/beslutsmote/meeting-form.tsx");
    expect(staff).toContain("components/ui/field-shell.tsx");
    // A server component is not a client module just because a page imports it.
    expect(staff).not.toContain("app/(staff)/layout.tsx");
  });

  it("gives every NextIntlClientProvider in the app a messages prop", () => {
    const files = [...filesUnder(join(ROOT, "app")), ...filesUnder(join(ROOT, "components"))];
    const bare = files.filter((f) => /<NextIntlClientProvider(?![^>]*\bmessages=)[^>]*>/.test(readFileSync(f, "utf8")));
    expect(bare.map((f) => relative(ROOT, f)), "without messages= next-intl passes every message to the browser").toEqual([]);
  });
});

describe("namespacesOf", () => {
  it("reads namespaced and root translators", () => {
    const source = `
      const t = useTranslations("press.quotes");
      const tRoot = useTranslations();
      tRoot(\`roles.\${role}\`); tRoot.rich("pressChecks.x", {});`;
    const found = namespacesOf("x.tsx", source);
    expect([...found.namespaces.keys()].sort()).toEqual(["press", "pressChecks", "roles"]);
    expect(found.problems).toEqual([]);
  });

  it("refuses what it cannot read", () => {
    expect(namespacesOf("a.tsx", "const t = useTranslations(ns);").problems).toHaveLength(1);
    expect(namespacesOf("b.tsx", "const t = useTranslations(); helper(t);").problems).toHaveLength(1);
    expect(namespacesOf("c.tsx", "const t = useTranslations(); t(key);").problems).toHaveLength(1);
    expect(namespacesOf("d.tsx", "const m = useMessages();").problems).toHaveLength(1);
  });
});

describe("pickMessages", () => {
  it("keeps the named namespaces whole and nothing else", () => {
    const picked = pickMessages(sv, ["savedNotice", "roles", "nonexistent"]);
    expect(Object.keys(picked).sort()).toEqual(["roles", "savedNotice"]);
    expect(picked.roles).toBe(sv.roles);
  });
});
