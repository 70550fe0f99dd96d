import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/*
 * For tests that need real parallelism (worker threads, each with its own SQLite connection): transpiles a
 * TypeScript entry and the project modules it imports into plain .mjs files once, so that every worker loads
 * JavaScript instead of starting its own TypeScript loader (tsx in 50 workers takes most of a minute on two cores).
 * The output sits under node_modules/.cache so that the workers resolve packages (drizzle-orm, zod) from the project.
 */

const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

export type WorkerBuild = { entry: string; dispose: () => void };

export function buildWorker(entryFile: string): WorkerBuild {
  const cacheRoot = join(PROJECT_ROOT, "node_modules", ".cache");
  mkdirSync(cacheRoot, { recursive: true });
  const outDir = mkdtempSync(join(cacheRoot, "anslag-worker-"));
  const done = new Set<string>();
  const pending = [resolve(entryFile)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, "utf8");
    const output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    const outFile = outPath(outDir, file);
    const rewritten = output.replace(
      /(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"']+)\2/g,
      (match: string, lead: string, quote: string, specifier: string) => {
        const target = resolveLocal(file, specifier);
        if (!target) return match;
        pending.push(target);
        let rel = relative(dirname(outFile), outPath(outDir, target));
        if (!rel.startsWith(".")) rel = `./${rel}`;
        return `${lead}${quote}${rel}${quote}`;
      },
    );
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, rewritten);
  }
  return { entry: outPath(outDir, resolve(entryFile)), dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

function outPath(outDir: string, file: string): string {
  return join(outDir, relative(PROJECT_ROOT, file)).replace(/\.tsx?$/, ".mjs");
}

/** A project module ("@/db/client", "./record") as a .ts file; undefined for packages and node: modules. */
function resolveLocal(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = join(PROJECT_ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return undefined;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base]) {
    if (existsSync(candidate) && candidate.endsWith(".ts")) return candidate;
  }
  throw new Error(`buildWorker: cannot resolve ${specifier} from ${from}`);
}
