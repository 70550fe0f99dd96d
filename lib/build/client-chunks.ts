import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/*
 * No database code in the browser: after `next build`, every JavaScript file the browser may load
 * (.next/static/chunks) is searched for drizzle-orm (its entities carry "drizzle:…" symbols) and for a table
 * definition (a table name from db/schema.ts followed by its columns, as sqliteTable("rounds", { … }) reads when
 * minified). A bare table name is not enough: "organisations" is also a translation namespace.
 */

export type Finding = { file: string; what: string };

/** The SQL names of the tables, read from the schema's source (so a new table is covered at once). */
export function tableNamesOf(schemaSource: string): string[] {
  return [...schemaSource.matchAll(/sqliteTable\(\s*["'`]([A-Za-z0-9_]+)["'`]/g)].map((m) => m[1] as string);
}

export function findDatabaseCode(files: { file: string; source: string }[], tableNames: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const table = new RegExp(`["'\`](${tableNames.map(escape).join("|")})["'\`]\\s*,\\s*(?:\\{|\\(?\\s*[A-Za-z_$][\\w$]*\\s*\\)?\\s*=>)`, "g");
  for (const { file, source } of files) {
    if (/["'`]drizzle:[A-Za-z]+["'`]/.test(source)) findings.push({ file, what: "drizzle-orm" });
    for (const match of tableNames.length ? source.matchAll(table) : []) findings.push({ file, what: `the table "${match[1]}"` });
  }
  return findings;
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith(".js") ? [path] : [];
  });
}

/** Checks a build; exits non-zero (failing `npm run test:e2e`) when a client chunk holds database code. */
export function checkBuild(root = process.cwd()): Finding[] {
  const chunks = join(root, ".next", "static", "chunks");
  const files = jsFiles(chunks).map((file) => ({ file, source: readFileSync(file, "utf8") }));
  if (files.length === 0) throw new Error(`Inga klientfiler i ${chunks}: kör next build först.`);
  return findDatabaseCode(files, tableNamesOf(readFileSync(join(root, "db", "schema.ts"), "utf8")));
}

if (process.argv[1] && /client-chunks\.ts$/.test(process.argv[1])) {
  const findings = checkBuild();
  if (findings.length > 0) {
    console.error("Databaskod i webbläsarens filer (en klientkomponent importerar db/ eller drizzle-orm):");
    for (const f of findings) console.error(`  ${f.file}: ${f.what}`);
    process.exit(1);
  }
  console.log("Inga tabeller och ingen drizzle-orm i klientfilerna.");
}
