import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedBench, type BenchSize, type BenchWorld } from "@/db/seed/bench";
import { processCpuMs, untilIdle } from "./idle";

/*
 * What a user waits for, over HTTP (issue 14): the production build served by server.mjs, on a generated database of
 * 1 000 applications and then of 100 000 (db/seed/bench.ts), autocannon on every page users live on, signed in with a
 * real session cookie where the page needs one. Each page is compared with the app's own bare dynamic page, which
 * renders one line: /status signed out (no session read), /konto/inloggad signed in (the staff layout and the session,
 * nothing else). Builds first when there is no build. The server's peak memory is sampled from /proc.
 *
 * The machine is shared, so its load changes from one second to the next: the URLs are measured in turns of
 * TURN_S seconds, round after round until each has had DURATION_S, so that a busy moment falls on all of them alike.
 */

type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; headers?: Record<string, string> },
  done: (error: Error | null, result: { duration: number; errors: number; timeouts: number }) => void,
) => { on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void };
// autocannon has no types of its own; this is the little of it the bench uses.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
/*
 * Turns of 5 s: at 50 connections a page answering 10 req/s keeps each request waiting 5 s, and a shorter turn would
 * end before most of its requests had answered.
 */
const TURN_S = Math.min(DURATION_S, Number(process.env.BENCH_HTTP_TURN_SECONDS ?? 5));
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50);
const LARGE = Number(process.env.BENCH_HTTP_APPLICATIONS ?? 100_000);
/** The small database keeps the large one's round size (500), so a round's own pages are the same work in both. */
const SIZES: { label: string; size: BenchSize }[] = [
  { label: "1 000", size: { applications: 1_000, rounds: 2, organisations: 300 } },
  { label: LARGE.toLocaleString("sv-SE"), size: { applications: LARGE, rounds: Math.max(2, Math.round(LARGE / 500)), organisations: 2_000 } },
];

/** The targets, as issue 14 states them. */
export const TARGETS = {
  /** Signed-in pages at the large size: at least this share of the signed-in floor's requests per second … */
  signedInShareOfFloor: 0.75,
  /** … and a p99 at most this many times the floor's. */
  signedInP99OfFloor: 1.5,
  /** Every page at the large size within this factor of its own figures at 1 000. */
  growth: 1.3,
  /** The cached public pages: at least this many times the signed-out floor. */
  cachedTimesFloor: 3,
};

type Role = "officer" | "coordinator" | "communications";
type Page = { key: string; name: string; path: (w: BenchWorld) => string; as?: Role; floor?: "signedOut" | "signedIn"; cached?: boolean };

export const PAGES: Page[] = [
  { key: "floor", name: "floor, signed out (/status)", path: () => "/status", floor: "signedOut" },
  { key: "floor-signed-in", name: "floor, signed in (/konto/inloggad)", path: () => "/konto/inloggad", as: "officer", floor: "signedIn" },
  { key: "start-officer", name: "start page, officer", path: () => "/", as: "officer" },
  { key: "start-communications", name: "start page, communications", path: () => "/", as: "communications" },
  { key: "portal", name: "start page, coordinator (the portal)", path: () => "/", as: "coordinator" },
  { key: "round", name: "a round's page (list + statistics)", path: (w) => `/omgangar/${w.openRoundId}`, as: "officer" },
  { key: "round-search", name: "its list searched", path: (w) => `/omgangar/${w.openRoundId}?sok=service`, as: "officer" },
  { key: "round-filter", name: "its list filtered (status, county)", path: (w) => `/omgangar/${w.openRoundId}?status=received&lan=24`, as: "officer" },
  { key: "round-sort", name: "its list sorted (organisation, desc)", path: (w) => `/omgangar/${w.openRoundId}?sortera=organisation&ordning=desc`, as: "officer" },
  { key: "application", name: "an application", path: (w) => `/ansokningar/${w.applicationId}`, as: "officer" },
  { key: "meeting", name: "decision meeting (500 applications)", path: (w) => `/omgangar/${w.openRoundId}/beslutsmote`, as: "officer" },
  { key: "newsroom", name: "newsroom (/nyheter)", path: () => "/nyheter", cached: true },
  { key: "topic", name: "newsroom topic page", path: () => "/nyheter/amne/beviljade-medel", cached: true },
  { key: "release", name: "a release", path: (w) => `/nyheter/${w.releaseSlug}`, cached: true },
  { key: "feed", name: "RSS feed", path: () => "/nyheter/feed.xml", cached: true },
  { key: "grants", name: "grants list (/beviljade/<round>)", path: (w) => `/beviljade/${w.decidedRoundId}`, cached: true },
];

export type PageFigures = { rps: number; p50: number; p99: number; requests: number; bad: number };
export type SizeResult = { label: string; applications: number; rounds: number; seedSeconds: number; peakRssMb: number; pages: Record<string, PageFigures> };

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

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header to send. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfResponse).join("; "), origin },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (response.status !== 302 || !session) throw new Error(`Signing in ${email} failed: ${response.status} ${response.headers.get("location") ?? ""}`);
  return session;
}

/** The server's resident memory in MB, from /proc (Linux); null elsewhere. */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** One turn of autocannon on a URL: every answer's status and latency. */
function turn(url: string, headers: Record<string, string>, latencies: number[], statuses: Map<number, number>): Promise<{ seconds: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: TURN_S, timeout: 30, headers }, (error, result) =>
      error ? reject(error) : resolve({ seconds: result.duration, errors: result.errors + result.timeouts }),
    );
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

async function benchSize(label: string, size: BenchSize): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), "anslag-bench-http-"));
  const databasePath = join(dir, "bench.db");
  let server: ChildProcess | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    const seeded = performance.now();
    const db = openDatabase(databasePath);
    runMigrations(db);
    const world = await seedBench(db, size);
    db.$client.close();
    const seedSeconds = (performance.now() - seeded) / 1000;
    console.log(`\n${label} applications over ${size.rounds} rounds: generated in ${seedSeconds.toFixed(1)} s; coordinator's organisation in ${world.coordinatorApplications} applications.`);

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      // AUTH_URL as production sets it (README, "Production setup"): the origin the bench signs in at.
      env: {
        ...process.env,
        DATABASE_PATH: databasePath,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        AUTH_URL: origin,
        NODE_ENV: "production",
      },
      stdio: ["ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore", "inherit"],
    });
    const pid = server.pid!;
    server.on("exit", (code, signal) => console.log(`server ${pid} exited (${code ?? signal})`));
    let peakRss = 0;
    sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) ?? 0)), 200);
    await waitFor(async () => (await fetch(`${origin}/status`)).ok, 60_000, "the server");
    // The scheduler's start-up revalidation replaces what the build prerendered without a database.
    await waitFor(async () => (await (await fetch(`${origin}/nyheter`)).text()).includes(world.releaseSlug), 60_000, "the newsroom's first revalidation");

    const cookies = {} as Record<Role, string>;
    for (const role of ["officer", "coordinator", "communications"] as const) cookies[role] = await signIn(origin, world.users[role].email, world.users[role].password);
    const targets = PAGES.map((page) => ({ page, url: `${origin}${page.path(world)}`, headers: page.as ? { cookie: cookies[page.as] } : ({} as Record<string, string>) }));

    // Every page answers 200 with itself (not a redirect to sign-in), then a few requests warm it up.
    console.log(`Server ${pid} on ${origin}: measuring ${targets.length} pages …`);
    for (const t of targets) {
      const response = await fetch(t.url, { headers: t.headers, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${t.page.name}: ${t.url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
      if (t.page.as && body.includes('name="password"')) throw new Error(`${t.page.name}: ${t.url} answered with the sign-in form`);
      for (let i = 0; i < 10; i++) await (await fetch(t.url, { headers: t.headers })).arrayBuffer();
    }

    const totals = targets.map(() => ({ seconds: 0, errors: 0, latencies: [] as number[], statuses: new Map<number, number>() }));
    for (let done = 0; done < DURATION_S; done += TURN_S) {
      for (const [i, t] of targets.entries()) {
        const total = totals[i]!;
        const result = await turn(t.url, t.headers, total.latencies, total.statuses);
        total.seconds += result.seconds;
        total.errors += result.errors;
        // The requests the turn left in the server are finished before the next page's turn (./idle.ts).
        await untilIdle(() => processCpuMs(pid));
      }
    }
    const pages: Record<string, PageFigures> = {};
    for (const [i, t] of targets.entries()) {
      const total = totals[i]!;
      const sorted = total.latencies.sort((a, b) => a - b);
      const ok = total.statuses.get(200) ?? 0;
      pages[t.page.key] = { rps: sorted.length / total.seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), requests: sorted.length, bad: sorted.length - ok + total.errors };
    }
    return { label, applications: size.applications, rounds: size.rounds, seedSeconds, peakRssMb: Math.round(peakRss), pages };
  } finally {
    if (sampler) clearInterval(sampler);
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Verdict = { page: string; size: string; missed: string };

/** Every target the figures miss, in words. */
export function missedTargets(small: SizeResult, large: SizeResult): Verdict[] {
  const missed: Verdict[] = [];
  const floorIn = large.pages["floor-signed-in"]!;
  const floorOut = large.pages["floor"]!;
  for (const page of PAGES) {
    const at = large.pages[page.key]!;
    const before = small.pages[page.key]!;
    const miss = (size: string, text: string) => missed.push({ page: page.name, size, missed: text });
    for (const result of [small, large]) {
      const figures = result.pages[page.key]!;
      if (figures.bad > 0) miss(result.label, `${figures.bad} answers were not 200`);
      // A page slower than a turn answers nothing inside it: no figure at all, which is no pass.
      if (figures.requests === 0) miss(result.label, `no answer within its ${TURN_S} s turns`);
    }
    if (page.as && !page.floor) {
      if (at.rps < TARGETS.signedInShareOfFloor * floorIn.rps) miss(large.label, `${pct(at.rps / floorIn.rps)} of the signed-in floor's req/s (target ${pct(TARGETS.signedInShareOfFloor)})`);
      if (at.p99 > TARGETS.signedInP99OfFloor * floorIn.p99) miss(large.label, `p99 ${(at.p99 / floorIn.p99).toFixed(2)}× the signed-in floor's (target at most ${TARGETS.signedInP99OfFloor}×)`);
    }
    if (page.cached && at.rps < TARGETS.cachedTimesFloor * floorOut.rps) miss(large.label, `${(at.rps / floorOut.rps).toFixed(1)}× the signed-out floor (target ${TARGETS.cachedTimesFloor}×)`);
    if (at.rps * TARGETS.growth < before.rps) miss(large.label, `req/s fell to ${pct(at.rps / before.rps)} of its figure at ${small.label} (target at least ${pct(1 / TARGETS.growth)})`);
    if (at.p99 > TARGETS.growth * before.p99) miss(large.label, `p99 ${(at.p99 / before.p99).toFixed(2)}× its figure at ${small.label} (target at most ${TARGETS.growth}×)`);
  }
  return missed;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function printTable(results: SizeResult[]): void {
  const width = Math.max(...PAGES.map((p) => p.name.length));
  const head = results.map((r) => `${r.label.padStart(7)}: req/s    p50    p99  ratio`).join("   ");
  console.log(`\nOver HTTP (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per page in turns of ${TURN_S} s; ratio to the floor, signed in or out as the page is)`);
  console.log(`${"".padEnd(width)}  ${head}`);
  for (const page of PAGES) {
    const cells = results.map((r) => {
      const f = r.pages[page.key]!;
      const floor = r.pages[page.as ? "floor-signed-in" : "floor"]!;
      return `${f.rps.toFixed(0).padStart(14)} ${f.p50.toFixed(0).padStart(6)} ${f.p99.toFixed(0).padStart(6)} ${(f.rps / floor.rps).toFixed(2).padStart(6)}`;
    });
    console.log(`${page.name.padEnd(width)}  ${cells.join("   ")}`);
  }
  console.log(`${"server's peak memory (RSS)".padEnd(width)}  ${results.map((r) => `${String(r.peakRssMb).padStart(14)} MB${"".padEnd(15)}`).join("   ")}`);
}

export type HttpBenchResult = { settings: { connections: number; seconds: number; turnSeconds: number }; sizes: SizeResult[]; missed: Verdict[] };

export async function benchHttp(): Promise<HttpBenchResult> {
  if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("HTTP bench: no production build, running next build …");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const sizes: SizeResult[] = [];
  for (const { label, size } of SIZES) sizes.push(await benchSize(label, size));
  printTable(sizes);
  const missed = missedTargets(sizes[0]!, sizes[1]!);
  if (missed.length > 0) {
    console.log(`\n${missed.length} HTTP target(s) missed:`);
    for (const m of missed) console.log(`  ${m.page} at ${m.size}: ${m.missed}`);
    process.exitCode = 1;
  } else console.log("\nEvery HTTP target met.");
  return { settings: { connections: CONNECTIONS, seconds: DURATION_S, turnSeconds: TURN_S }, sizes, missed };
}
