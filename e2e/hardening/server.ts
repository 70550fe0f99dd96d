import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

/*
 * A production server of a test's own (the crash and backup tests kill it, restart it, point it at a restored file):
 * server.mjs from the build, on a free port, on a database file of the test's own, with the run's secret.
 * The database starts as a copy of the run's (migrated and seeded with the demo by e2e/prepare-db.ts), made with
 * SQLite's online backup, so the run's server may go on writing meanwhile.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A directory of the test's own, and a copy of the run's database in it. `still`: nothing in the copy is due to
 * change by itself (other tests' scheduled and embargoed releases, which the server's scheduler would publish, are
 * made drafts), for a test that needs the whole database unchanged by anything but its own requests.
 */
export async function databaseOfOwn(prefix: string, options: { still?: boolean } = {}): Promise<{ dir: string; path: string; remove: () => void }> {
  const source = process.env.E2E_DATABASE_PATH;
  if (!source) throw new Error("E2E_DATABASE_PATH is not set");
  const dir = mkdtempSync(join(tmpdir(), `anslag-${prefix}-`));
  const path = join(dir, "anslag.db");
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(path);
  } finally {
    db.close();
  }
  if (options.still) {
    const copy = new Database(path);
    try {
      copy.prepare("UPDATE press_releases SET status = 'draft', publish_at = NULL WHERE status IN ('scheduled', 'embargoed')").run();
    } finally {
      copy.close();
    }
  }
  return { dir, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type OwnServer = {
  origin: string;
  process: ChildProcess;
  /** What the server wrote to stderr (a crash's stack trace, for the failure message). */
  stderr: () => string;
  /** SIGKILL: no shutdown of any kind, as a crash or `kill -9`. Resolves when the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM and wait. */
  stop: () => Promise<void>;
};

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

export async function startServer(databasePath: string, port?: number): Promise<OwnServer> {
  const listenOn = port ?? (await freePort());
  const origin = `http://127.0.0.1:${listenOn}`;
  let errors = "";
  const child = spawn(process.execPath, ["server.mjs", "-p", String(listenOn), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      // Mail waits in the outbox: this server has no SMTP server of its own.
      SMTP_URL: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const server: OwnServer = {
    origin,
    process: child,
    stderr: () => errors,
    kill: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.mjs exited with ${child.exitCode}: ${errors}`);
    const ok = await fetch(`${origin}/status`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > until) {
      await server.kill();
      throw new Error(`server.mjs did not answer on ${origin} within 60 s: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
