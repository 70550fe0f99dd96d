import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/*
 * What the app serves, read from the app itself: every page (app/**\/page.tsx), every route handler
 * (app/**\/route.ts, each exported HTTP method), every metadata route (sitemap, robots, icons) and every server action
 * (each export of each file that starts with "use server"). The source is the truth; the build's manifests
 * (.next/server/app-paths-manifest.json, .next/server/server-reference-manifest.json) are checked against it, so a
 * build older than the source, or an action the scan cannot see (one written inline in a component), fails by name.
 */

const ROOT = process.cwd();
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
// Next's metadata files that answer a request of their own, and the address each answers at.
const METADATA_FILES: { pattern: RegExp; path: (name: string) => string }[] = [
  { pattern: /^sitemap\.(ts|js)$/, path: () => "sitemap.xml" },
  { pattern: /^robots\.(ts|js)$/, path: () => "robots.txt" },
  { pattern: /^manifest\.(ts|js)$/, path: () => "manifest.webmanifest" },
  { pattern: /^(icon|apple-icon|opengraph-image|twitter-image)\.(svg|png|jpg|jpeg|ico|gif)$/, path: (name) => name },
  { pattern: /^favicon\.ico$/, path: (name) => name },
  { pattern: /^(icon|apple-icon|opengraph-image|twitter-image)\.(ts|tsx|js)$/, path: (name) => name.replace(/\.(ts|tsx|js)$/, "") },
];
// Folders that hold server code outside app/: a "use server" file there is an action too.
const ACTION_ROOTS = ["app", "lib", "components"];

export type PageFile = { pattern: string; file: string };
export type RouteHandler = { key: string; method: string; pattern: string; file: string };
export type ActionExport = { key: string; file: string; exportName: string };
export type Inventory = { pages: PageFile[]; routes: RouteHandler[]; actions: ActionExport[] };

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : walk(path);
    return [path];
  });
}

function posix(path: string): string {
  return relative(ROOT, path).split(sep).join("/");
}

/**
 * The address pattern of a file under app/: route groups "(staff)" and parallel slots "@x" are no part of the address,
 * dynamic segments stay as written ("/[locale]/nyheter/[slug]"). "app/(staff)/page.tsx" is "/".
 */
export function routePattern(appRelativeDir: string): string {
  const segments = appRelativeDir.split("/").filter((s) => s !== "" && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route file exports: functions, constants and re-exports alike. */
export function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

/** True when the file's first statement is the "use server" directive (comments and blank lines may come first). */
export function isServerActionFile(source: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
}

/** The names a "use server" file exports (each one is a server action). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (name && !part.trim().startsWith("type ")) names.add(name);
    }
  }
  if (/export\s+default\b/.test(source)) names.add("default");
  return [...names];
}

export function scanSource(): Inventory {
  const appDir = join(ROOT, "app");
  const pages: PageFile[] = [];
  const routes: RouteHandler[] = [];
  for (const path of walk(appDir)) {
    const file = posix(path);
    const rel = file.slice("app/".length);
    const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(name)) pages.push({ pattern: routePattern(dir), file });
    if (/^route\.(ts|js)$/.test(name)) {
      const pattern = routePattern(dir);
      for (const method of exportedMethods(readFileSync(path, "utf8"))) routes.push({ key: `${method} ${pattern}`, method, pattern, file });
    }
    const metadata = METADATA_FILES.find((m) => m.pattern.test(name));
    if (metadata) {
      const pattern = routePattern(`${dir}/${metadata.path(name)}`);
      routes.push({ key: `GET ${pattern}`, method: "GET", pattern, file });
    }
  }
  const actions: ActionExport[] = [];
  for (const root of ACTION_ROOTS) {
    for (const path of walk(join(ROOT, root))) {
      if (!/\.(ts|tsx|js|jsx)$/.test(path) || /\.test\.(ts|tsx)$/.test(path)) continue;
      const source = readFileSync(path, "utf8");
      if (!isServerActionFile(source)) continue;
      const file = posix(path);
      for (const exportName of exportedNames(source)) actions.push({ key: `${file}#${exportName}`, file, exportName });
    }
  }
  const byKey = <T extends { key?: string; pattern?: string }>(a: T, b: T) => String(a.key ?? a.pattern).localeCompare(String(b.key ?? b.pattern));
  return { pages: pages.sort(byKey), routes: routes.sort(byKey), actions: actions.sort(byKey) };
}

// ---------------------------------------------------------------- the build

export type BuiltAction = { id: string; key: string; workers: string[] };

type ReferenceManifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

function readJson<T>(path: string): T {
  if (!existsSync(path)) throw new Error(`${posix(path)} is missing: run \`npx next build\` before this test.`);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** The server actions of the build, keyed "file#export" like the source scan, with the pages whose bundles hold them. */
export function builtActions(): BuiltAction[] {
  const manifest = readJson<ReferenceManifest>(join(ROOT, ".next/server/server-reference-manifest.json"));
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    key: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`,
    // "app/(staff)/konto/page" -> "/konto"
    workers: Object.keys(entry.workers).map((w) => routePattern(w.replace(/^app\//, "").replace(/\/(page|route)$/, ""))),
  }));
}

/** The pages and route files of the build, as address patterns ("page /konto", "route /sitemap.xml"). */
export function builtRoutes(): { pages: string[]; routes: string[] } {
  const manifest = readJson<Record<string, string>>(join(ROOT, ".next/server/app-paths-manifest.json"));
  const pages: string[] = [];
  const routes: string[] = [];
  for (const entry of Object.keys(manifest)) {
    // Next's own fallbacks (app/global-not-found.tsx, app/global-error.tsx), not files with a page.tsx.
    if (/^\/_(not-found|global-error)\//.test(entry)) continue;
    const kind = entry.endsWith("/page") ? pages : routes;
    kind.push(routePattern(entry.replace(/\/(page|route)$/, "")));
  }
  return { pages: pages.sort(), routes: routes.sort() };
}
