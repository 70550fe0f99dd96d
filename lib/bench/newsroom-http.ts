import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { listPublicReleases } from "@/db/queries/newsroom";
import { seedDemo } from "@/db/seed/demo";

/*
 * The newsroom's speed over HTTP (issue 12): its pages and feed must answer at least three times the requests per
 * second of the app's own bare dynamic page (/status, rendered per request), measured in the same run against the
 * production build served by server.mjs on a demo database of its own. Builds first when there is no build. Each URL
 * gets a short warm-up and a few seconds of autocannon; the server is stopped afterwards whatever happens.
 */

type AutocannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; duration: number; non2xx: number; errors: number };
type Autocannon = (options: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<AutocannonResult>;
// autocannon has no types of its own; this is the little of it the bench uses.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
/*
 * The machine is shared, so its load changes from one second to the next: the URLs are measured in turns, one
 * second each, DURATION_S turns, so that a busy moment falls on all of them alike rather than on one.
 */
const TURN_S = 1;
const CONNECTIONS = 10;
const FACTOR = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function benchNewsroomHttp(): Promise<void> {
  if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("newsroom bench: no production build, running next build …");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dir = mkdtempSync(join(tmpdir(), "anslag-bench-http-"));
  const databasePath = join(dir, "bench.db");
  const db = openDatabase(databasePath);
  runMigrations(db);
  await seedDemo(db);
  const slug = listPublicReleases(db, new Date(), { page: 1 }).rows[0]?.slug;
  const roundId = db.$client.prepare("SELECT round_id FROM press_releases WHERE status = 'published' ORDER BY id LIMIT 1").pluck().get() as number;
  db.$client.close();
  if (!slug) throw new Error("the demo has no public release");

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  try {
    server = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_PATH: databasePath, AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(async () => (await fetch(`${origin}/status`)).ok, 60_000, "the server");
    // The scheduler's start-up revalidation replaces what the build prerendered without a database.
    await waitFor(async () => (await (await fetch(`${origin}/nyheter`)).text()).includes(slug), 30_000, "the newsroom's first revalidation");

    const urls: { name: string; path: string; baseline?: boolean }[] = [
      { name: "bare dynamic page (/status, rendered per request)", path: "/status", baseline: true },
      { name: "newsroom list (/nyheter)", path: "/nyheter" },
      { name: "newsroom topic page (/nyheter/amne/beviljade-medel)", path: "/nyheter/amne/beviljade-medel" },
      { name: "a release (/nyheter/<slug>)", path: `/nyheter/${slug}` },
      { name: "RSS feed (/nyheter/feed.xml)", path: "/nyheter/feed.xml" },
      { name: "grants list (/beviljade/<round>)", path: `/beviljade/${roundId}` },
    ];
    for (const u of urls) for (let i = 0; i < 20; i++) await (await fetch(`${origin}${u.path}`)).arrayBuffer(); // warm-up: first render, then the cache
    const totals = urls.map(() => ({ requests: 0, seconds: 0, bad: 0, p50: [] as number[], p99: [] as number[] }));
    for (let turn = 0; turn < DURATION_S; turn++) {
      for (const [i, u] of urls.entries()) {
        const result = await autocannon({ url: `${origin}${u.path}`, connections: CONNECTIONS, duration: TURN_S });
        const total = totals[i]!;
        total.requests += result.requests.total;
        total.seconds += result.duration;
        total.bad += result.non2xx + result.errors;
        total.p50.push(result.latency.p50);
        total.p99.push(result.latency.p99);
      }
    }
    const rows = urls.map((u, i) => {
      const t = totals[i]!;
      return { name: u.name, rps: t.requests / t.seconds, p50: Math.max(...t.p50), p99: Math.max(...t.p99), bad: t.bad, baseline: u.baseline };
    });

    const baseline = rows.find((r) => r.baseline)!.rps;
    console.log(`\nNewsroom over HTTP (autocannon, ${CONNECTIONS} connections, ${DURATION_S} turns of ${TURN_S} s per URL; target: ${FACTOR}× the bare dynamic page)`);
    const width = Math.max(...rows.map((r) => r.name.length));
    let failed = 0;
    for (const r of rows) {
      const ratio = r.rps / baseline;
      const verdict = r.baseline ? "  (baseline)" : ratio >= FACTOR && r.bad === 0 ? `  ok (${ratio.toFixed(1)}×)` : `  UNDER TARGET (${ratio.toFixed(1)}×${r.bad ? `, ${r.bad} failed` : ""})`;
      if (!r.baseline && (ratio < FACTOR || r.bad > 0)) failed++;
      console.log(`${r.name.padEnd(width)}  ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms${verdict}`);
    }
    if (failed > 0) {
      console.log(`\n${failed} newsroom URL(s) under target.`);
      process.exitCode = 1;
    }
  } finally {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
