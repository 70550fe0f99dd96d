import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/*
 * The test command (README "The two commands", .ci/run) is made faster by running its steps side by side, never by
 * leaving one out: this reads package.json's scripts as npm would run them and checks that `npm test` still runs
 * every check, that the type check ends before the build writes its route types into .next/ (tsc reads them), and
 * that CI runs exactly the README's command.
 */

const root = new URL("../../", import.meta.url);
const scripts = (JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { scripts: Record<string, string> }).scripts;

/** A script as a tree of what it runs: commands in order (`&&`), or side by side (run-p). */
type Step = { run: string } | { inOrder: Step[] } | { sideBySide: Step[] };

function expand(name: string, depth = 0): Step {
  const body = scripts[name];
  if (body === undefined) throw new Error(`no script ${name}`);
  if (depth > 10) throw new Error(`scripts loop at ${name}`);
  const parts = body.split("&&").map((part) => part.trim().replace(/^([A-Z_]+=\S*\s+)+/, ""));
  return {
    inOrder: parts.map((part): Step => {
      const npmRun = /^npm run (\S+)$/.exec(part);
      if (npmRun) return expand(npmRun[1]!, depth + 1);
      const runP = /^run-p (?:--\S+ )*(.+)$/.exec(part);
      if (runP) return { sideBySide: runP[1]!.split(/\s+/).map((script) => expand(script, depth + 1)) };
      return { run: part };
    }),
  };
}

function commands(step: Step): string[] {
  if ("run" in step) return [step.run];
  return ("inOrder" in step ? step.inOrder : step.sideBySide).flatMap(commands);
}

describe("the test command", () => {
  const test = expand("test");
  const all = commands(test);

  it("runs every check: Chromium, lint, type check, Vitest, the build, the client chunk check and Playwright", () => {
    for (const command of ["bash e2e/ensure-chromium.sh", "eslint --max-warnings 0 .", "tsc --noEmit", "vitest run", "next build", "tsx lib/build/client-chunks.ts", "playwright test"]) {
      expect(all, command).toContain(command);
    }
  });

  it("builds only after the type check, and runs Playwright only after the build and every other check", () => {
    // What has ended before each command starts: all of an earlier step of `&&`; nothing of a side-by-side one.
    const before = new Map<string, string[]>();
    const walk = (step: Step, done: string[]): string[] => {
      if ("run" in step) {
        before.set(step.run, done);
        return [step.run];
      }
      if ("sideBySide" in step) return step.sideBySide.flatMap((branch) => walk(branch, done));
      return step.inOrder.reduce<string[]>((ran, next) => [...ran, ...walk(next, [...done, ...ran])], []);
    };
    walk(test, []);
    expect(before.get("next build")).toContain("tsc --noEmit");
    expect([...(before.get("playwright test") ?? []), "playwright test"].sort()).toEqual([...all].sort());
  });

  it("is what CI runs, as a clean clone's CI", () => {
    const ci = readFileSync(new URL(".ci/run", root), "utf8");
    expect(ci).toMatch(/^npm install( --\S+)* && npm test$/m);
    expect(ci).toMatch(/^export CI=1$/m);
    const readme = readFileSync(new URL("README.md", root), "utf8");
    expect(readme).toContain("```sh\nnpm install && npm test\n```");
  });
});
