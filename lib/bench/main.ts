import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { listRoundApplications } from "@/db/queries/application-list";
import { organisationNameKey } from "@/db/queries/organisations";
import { listRoundSummaries } from "@/db/queries/rounds";
import { getRoundStatistics } from "@/db/queries/statistics";
import { seedReferenceData } from "@/db/seed/reference";
import { parseListParams } from "@/lib/applications/list-params";
import { recordDecision } from "@/lib/decisions/record";
import { inWriteTransaction } from "@/db/transaction";
import { swedishSortKey } from "@/lib/format/sort";
import { renderTemplate, stopRenderWorker } from "@/lib/press/render";
import { checkRelease } from "@/lib/press/checks";
import { loadPressContext } from "@/lib/press/context";
import { documentOf, releaseContentFromRendered } from "@/lib/press/document";
import { exportRelease } from "@/lib/press/export";
import { shippedTemplateSource } from "@/lib/press/templates";

/*
 * `npm run bench`: builds a database the size the issues name (100 000 applications) in a temporary file, then
 * times the hot paths and prints each median against its target. Targets are measured here, never in a timed test.
 * BENCH_APPLICATIONS overrides the size. Then the pages over HTTP (./http.ts). Both go to bench-results.json; the
 * exit code is 1 when any target is missed. BENCH_ONLY=queries or BENCH_ONLY=http runs one half.
 */

const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const ACTOR = { id: null, label: "bench" };
/** The officer's scope: every application. */
const ALL = { kind: "all" } as const;

type Result = { name: string; median: number; p95: number; target?: number };
const results: Result[] = [];

function time(name: string, runs: number, fn: (i: number) => void, target?: number): void {
  for (let i = 0; i < Math.min(5, runs); i++) fn(i); // warm-up: prepared statements, page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i + 5);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  results.push({ name, median: at(0.5), p95: at(0.95), target });
}

/** As time(), for work that answers through a promise (a render in the warm worker thread). */
async function timeAsync(name: string, runs: number, fn: (i: number) => Promise<void>, target?: number): Promise<void> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn(i); // warm-up: the thread's start, parsed templates
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i + 5);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  results.push({ name, median: at(0.5), p95: at(0.95), target });
}

/*
 * A release's shape: the round's figures and a list of recipients with amounts, read from the database on every run.
 * The press context builder (lib/press/context.ts) is to replace this hand-made context when it lands.
 */
const RELEASE_TEMPLATE = `{{ round.approved }} av {{ round.received }} ansökningar beviljas {{ round.granted | kronor }}.
{% for r in recipients %}{{ r.organisation }} ({{ r.county }}) får {{ r.amount | kronor }} för projektet {{ r.project }}.
{% endfor %}`;

async function renderRelease(db: Db, roundId: number): Promise<void> {
  const stats = getRoundStatistics(db, roundId);
  if (!stats) throw new Error("no round");
  const page = listRoundApplications(db, roundId, parseListParams({ status: "approved" }), ALL);
  const context = {
    round: { approved: stats.approved, received: stats.received, granted: stats.granted },
    recipients: page.rows.slice(0, 21).map((row) => ({ organisation: row.organisationName, county: row.countyName, amount: row.grantedAmount ?? 0, project: row.projectTitle })),
  };
  const result = await renderTemplate(RELEASE_TEMPLATE, context, { escape: "none" });
  if (!result.ok) throw new Error(result.error.message);
}

/**
 * A release as Word, the way an export is made: the round's context from the database, the shipped round template
 * rendered in the warm worker, taken apart into fields, put in reading order and packed as a .docx.
 */
async function releaseAsDocx(db: Db, roundId: number, source: string): Promise<void> {
  const context = loadPressContext(db, { kind: "round", roundId }, ALL);
  if (!context) throw new Error("no press context");
  const result = await renderTemplate(source, context, { escape: "none" });
  if (!result.ok) throw new Error(result.error.message);
  const file = await exportRelease(documentOf(releaseContentFromRendered(result.text, context)), "docx", { status: "draft", version: 1 });
  if (file.body.length < 1000) throw new Error("no document");
}

/*
 * The Swedish checks on the largest fields the release form takes (lib/press/release-schema.ts), written to be slow:
 * long runs without a space or a full stop, thousands of small numbers, paragraphs and "respektive" lists. Each rule
 * reads a bounded window around what it finds, so this stays linear in the text.
 */
const SLOW_RELEASE = {
  headline: "1 ".repeat(100),
  ingress: `a${" ".repeat(1_498)}b`,
  body: ["x".repeat(6_000), ` ${" ".repeat(3_000)}x`, "1 ".repeat(3_000), "-\n\n".repeat(2_000), "1, ".repeat(1_000) + "respektive 2", ". ".repeat(2_000)].join("\n\n"),
  quotes: Array.from({ length: 20 }, () => ({ text: "– 1,".repeat(500) })),
  contacts: "0".repeat(3_000),
  boilerplate: "@".repeat(3_000),
};

/** Fills a round with `count` applications spread over the 290 municipalities, in one transaction. */
function fillRound(db: Db, roundId: number, code: string, year: number, count: number, budget: number): void {
  const sqlite = db.$client;
  const orgIds = sqlite.prepare("SELECT id FROM organisations ORDER BY id").pluck().all() as number[];
  const insert = sqlite.prepare(
    `INSERT INTO applications (round_id, registration_number, lead_organisation_id, project_title, description, focus_areas,
       requested_amount, contact_name, status) VALUES (?, ?, ?, ?, '', '["Medborgarservice"]', ?, 'Kontakt', 'received')`,
  );
  sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      insert.run(roundId, `${code}-${year}-${String(i).padStart(6, "0")}`, orgIds[i % orgIds.length], `Jämställd service ${i}`, 100_000 + (i % 40) * 50_000);
    }
    sqlite.prepare("INSERT INTO registration_sequences (programme_id, year, last_number) SELECT programme_id, ?, ? FROM rounds WHERE id = ?").run(year, count, roundId);
  })();
  void budget;
}

function setup(): { db: Db; dir: string; bigRound: number; statsRound: number; pressRound: number } {
  const dir = mkdtempSync(join(tmpdir(), "anslag-bench-"));
  const db = openDatabase(join(dir, "bench.db"));
  runMigrations(db);
  seedReferenceData(db);
  const sqlite = db.$client;
  const orgInsert = sqlite.prepare(
    "INSERT INTO organisations (name, name_key, short_name, kind, municipality_code, county_code, sort_name) VALUES (?, ?, ?, 'kommun', ?, ?, ?)",
  );
  const munis = sqlite.prepare("SELECT code, name, short_name AS shortName, county_code AS countyCode FROM municipalities").all() as {
    code: string;
    name: string;
    shortName: string;
    countyCode: string;
  }[];
  sqlite.transaction(() => {
    for (const m of munis) orgInsert.run(m.name, organisationNameKey(m.name), m.shortName, m.code, m.countyCode, swedishSortKey(m.name));
  })();
  const programme = sqlite.prepare("INSERT INTO programmes (name, code, funder, allocation) VALUES ('Benchmark', 'BM', 'regeringen', 0) RETURNING id").get() as { id: number };
  const round = (ordinal: number, year: number, budget: number) =>
    (sqlite.prepare("INSERT INTO rounds (programme_id, ordinal, year, budget, status) VALUES (?, ?, ?, ?, 'open') RETURNING id").get(programme.id, ordinal, year, budget) as { id: number }).id;
  const bigRound = round(1, 2030, 1_000_000_000_000);
  const statsRound = round(2, 2031, 1_000_000_000_000);
  // A round the size of the programme's real ones (45 applications), for a press release's figures.
  const pressRound = round(3, 2032, 1_000_000_000_000);
  const started = performance.now();
  fillRound(db, bigRound, "BM", 2030, TOTAL - 10_000, 0);
  fillRound(db, statsRound, "BM", 2031, Math.min(10_000, TOTAL), 0);
  fillRound(db, pressRound, "BM", 2032, 45, 0);
  sqlite.pragma("optimize");
  console.log(`Built ${TOTAL.toLocaleString("sv-SE")} applications in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir}).`);
  return { db, dir, bigRound, statsRound, pressRound };
}

/** Decides two thirds of a round (a third approved, a third rejected) so its statistics have something to sum. */
function decideStatsRound(db: Db, roundId: number): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO decisions (application_id, round_id, outcome, granted_amount, decided_on)
         SELECT id, round_id, CASE id % 3 WHEN 0 THEN 'approved' ELSE 'rejected' END, CASE id % 3 WHEN 0 THEN 100000 ELSE 0 END, '2031-06-01'
           FROM applications WHERE round_id = ? AND id % 3 <> 2`,
      )
      .run(roundId);
    sqlite
      .prepare("UPDATE applications SET status = CASE id % 3 WHEN 0 THEN 'approved' ELSE 'rejected' END WHERE round_id = ? AND id % 3 <> 2")
      .run(roundId);
  })();
}

async function main(): Promise<void> {
  const { db, dir, bigRound, statsRound, pressRound } = setup();
  const ids = db.$client.prepare("SELECT id FROM applications WHERE round_id = ? ORDER BY id LIMIT 2000").pluck().all(bigRound) as number[];
  try {
    time("application list, page 1 (50 of the round)", 50, () => listRoundApplications(db, bigRound, parseListParams({}), ALL), 50);
    time("application list, page 1000", 30, () => listRoundApplications(db, bigRound, parseListParams({ sida: "1000" }), ALL), 50);
    time("application list, filtered by status and county", 30, () => listRoundApplications(db, bigRound, parseListParams({ status: "received", lan: "24" }), ALL), 50);
    time("application list, sorted by organisation", 20, () => listRoundApplications(db, bigRound, parseListParams({ sortera: "organisation" }), ALL), 100);
    // Text search runs on the FTS5 trigram index (migration 0001), folded for å, ä, ö as users type them.
    time("application list, text search", 20, () => listRoundApplications(db, bigRound, parseListParams({ sok: "service 4242" }), ALL), 20);
    time("application list, text search for an organisation", 20, () => listRoundApplications(db, bigRound, parseListParams({ sok: "örebro" }), ALL), 20);
    time("application list, text search with a filter and sorted", 20, () => listRoundApplications(db, bigRound, parseListParams({ sok: "ÖSTERSUND", status: "received", sortera: "belopp", ordning: "desc" }), ALL), 20);
    time("start page, every round's summary", 30, () => listRoundSummaries(db), 100);
    time(
      "record one decision (budget check and audit event included)",
      500,
      (i) => {
        const applicationId = ids[i % ids.length];
        if (applicationId === undefined) throw new Error("no application");
        inWriteTransaction(db, (tx) =>
          recordDecision(
            tx,
            { applicationId, outcome: i % 2 ? "approved" : "rejected", grantedAmount: i % 2 ? 100_000 : 0, motivation: "Benchmark.", decidedOn: "2026-06-01", expectedVersion: undefined },
            ACTOR,
          ),
        );
        // Undo so every sample decides a fresh application the same way.
        db.$client.prepare("DELETE FROM decisions WHERE application_id = ?").run(applicationId);
      },
      5,
    );
    decideStatsRound(db, statsRound);
    time("round statistics, 10 000 applications", 30, () => getRoundStatistics(db, statsRound), 50);
    decideStatsRound(db, pressRound);
    await timeAsync("render a press release, warm worker (a 45-application round's figures and recipients)", 100, () => renderRelease(db, pressRound), 10);
    const roundTemplate = shippedTemplateSource("round");
    time("Swedish checks on a release of the form's largest size, written to be slow", 20, () => void checkRelease(SLOW_RELEASE), 100);
    await timeAsync("a release as DOCX (the round template rendered, taken apart and packed)", 50, () => releaseAsDocx(db, pressRound, roundTemplate), 100);
  } finally {
    await stopRenderWorker();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log("");
  const width = Math.max(...results.map((r) => r.name.length));
  let failed = 0;
  for (const r of results) {
    const verdict = r.target === undefined ? "" : r.median <= r.target ? `  ok (target ${r.target} ms)` : `  OVER TARGET (${r.target} ms)`;
    if (r.target !== undefined && r.median > r.target) failed++;
    console.log(`${r.name.padEnd(width)}  median ${r.median.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms${verdict}`);
  }
  if (failed > 0) {
    console.log(`\n${failed} over target.`);
    process.exitCode = 1;
  }
}

const only = process.env.BENCH_ONLY;
if (only !== "http") await main();
const http = only === "queries" ? null : await (await import("./http")).benchHttp();
writeFileSync("bench-results.json", `${JSON.stringify({ at: new Date().toISOString(), queries: results, http }, null, 2)}\n`);
console.log("\nWritten to bench-results.json.");
