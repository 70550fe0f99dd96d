import { execFile } from "node:child_process";
import { join } from "node:path";

/** Runs the admin CLI (`npm run cli -- …`) as an operator would, on the database at `databasePath`. */
export function runCli(databasePath: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(process.cwd(), "node_modules", ".bin", "tsx"),
      ["lib/cli/main.ts", ...args],
      { env: { ...process.env, DATABASE_PATH: databasePath }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
