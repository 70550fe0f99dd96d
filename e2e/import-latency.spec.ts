import type { APIRequestContext } from "@playwright/test";
import { APPLICATION_TEMPLATE_COLUMNS } from "@/lib/import/columns";
import type { ImportEvent } from "@/lib/import/protocol";
import { signInWith, test, expect } from "./fixtures";
import { createOpenRound, createUser } from "./data";
import { storageStatePath } from "./storage-state";

/*
 * No user waits for another's import (issue 14). better-sqlite3 is synchronous: an import or export run on the
 * request thread froze every other request until it ended. Here an officer imports a large file, then exports the
 * round, and meanwhile a coordinator keeps asking for a page; each of the coordinator's requests must stay quick.
 *
 * Measured before the change on this 2-core machine: the coordinator's one request during the 3 000-row import took
 * 44 s. With the work in worker threads the requests stay near the page's own time.
 * Its one browser page is the officer's sign-in and start page, checked with axe by signInWith (e2e/fixtures.ts);
 * the coordinator's requests are plain HTTP.
 */

const ROWS = 3_000;
const EXPORTS = 2;
/**
 * The coordinator's requests during the work: p95 under 1 s, or on a machine so busy that the page alone takes
 * longer, under three times the page's own p95 just before (measured first). Waiting for the work on the request
 * thread took far more: 44 s for this import, and for the exports the whole time of both (each 3 000-row XLSX took
 * 1.5 to 3 s of the thread on this 2-core machine under load).
 */
const P95_LIMIT_MS = 1_000;
const BUSY_FACTOR = 3;

const HEADINGS = APPLICATION_TEMPLATE_COLUMNS.slice(0, APPLICATION_TEMPLATE_COLUMNS.indexOf("decision"));
const LEADS = ["Umeå kommun;;2480;24", "Borås Stad;Kommun;1490;14", "Linköpings kommun;;0580;05", "Växjö kommun;Kommun;0780;07"];

/**
 * As Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, ";", CRLF, amounts with a no-break space between
 * the thousands. Every 1 000th row asks for a negative amount, so the report has refused rows too.
 */
function largeFile(): Buffer {
  const lines = [HEADINGS.join(";")];
  for (let i = 0; i < ROWS; i++) {
    const amount = i % 1000 === 999 ? "-50\u00a0000" : `${100 + (i % 900)}\u00a0000`;
    lines.push(
      `${LEADS[i % LEADS.length]};;Jämställd verksamhet nr ${i + 1};Pedagoger och chefer utbildas i jämställdhetsintegrering.;Förskola;${amount};Åsa Öberg;Projektledare;090-16 10 00;asa.oberg@example.se`,
    );
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Asks for `path` again and again, one request at a time, until `work` settles; returns each request's time. */
async function latencyDuring<T>(client: APIRequestContext, path: string, work: Promise<T>): Promise<{ result: T; times: number[]; failures: string[]; took: number }> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  const times: number[] = [];
  const failures: string[] = [];
  const begun = performance.now();
  while (!settled) {
    const started = performance.now();
    // A request the server never answered (a frozen server's keep-alive connection reset) counts as a slow one.
    const status = await client.get(path, { maxRedirects: 0 }).then(
      (response) => String(response.status()),
      (error: unknown) => String(error).split("\n")[0] ?? "failed",
    );
    times.push(performance.now() - started);
    if (status !== "200") failures.push(status);
  }
  const result = await done;
  return { result, times, failures, took: performance.now() - begun };
}

function summary(times: number[]): string {
  return `${times.length} requests, p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms, max ${Math.round(Math.max(...times))} ms`;
}

/** The figures, in the test's report (npx playwright show-report), so a slow machine's margin can be seen. */
function report(what: string, times: number[]): void {
  test.info().annotations.push({ type: `the coordinator's requests during ${what}`, description: summary(times) });
}

function lastEvent(body: string): ImportEvent {
  const lines = body.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as ImportEvent;
}

test("an officer's large import and export do not hold up a coordinator's pages", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const { roundId } = createOpenRound({ budget: 50_000_000 });
  // An officer of the test's own: imports are one at a time per user, and other tests import as the demo officer.
  const account = await createUser("officer");
  await signInWith(page, account);
  const officer = page.request;
  const coordinator = await playwright.request.newContext({ baseURL, storageState: storageStatePath("coordinator") });
  try {
    // Warm: the page compiled and its queries planned before anything is measured; then the page's own time.
    for (let i = 0; i < 3; i++) await coordinator.get("/");
    const alone: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      expect((await coordinator.get("/", { maxRedirects: 0 })).status()).toBe(200);
      alone.push(performance.now() - started);
    }
    report("nothing else", alone);
    const limit = Math.max(P95_LIMIT_MS, BUSY_FACTOR * percentile(alone, 95));

    const file = largeFile();
    const importing = officer.post(`/omgangar/${roundId}/import/run`, {
      headers: { Origin: baseURL },
      multipart: { mode: "import", allOrNothing: "false", file: { name: "ansokningar.csv", mimeType: "text/csv", buffer: file } },
      timeout: 110_000,
    });
    const imported = await latencyDuring(coordinator, "/", importing);
    expect(imported.result.status()).toBe(200);
    const final = lastEvent(await imported.result.text());
    if (final.phase !== "done") throw new Error(`the import ended with ${JSON.stringify(final).slice(0, 500)}`);
    expect(final.report).toMatchObject({ imported: ROWS - ROWS / 1000, refused: ROWS / 1000, skipped: 0 });
    expect(final.report.refusedRows[0]).toEqual({ rowNumber: 1001, errors: [{ column: "requested_amount", message: "Beloppet kan inte vara negativt." }] });
    report("the import", imported.times);
    expect(percentile(imported.times, 95), `p95 during the import: ${summary(imported.times)}; alone: ${summary(alone)}`).toBeLessThan(limit);
    expect(imported.failures, "the coordinator's requests during the import that failed").toEqual([]);
    expect(imported.times.length, "requests the coordinator made during the import").toBeGreaterThanOrEqual(5);

    // Two downloads of the round at once (an officer with two tabs, or two colleagues): on the request thread each
    // XLSX took its turn there, and a request that came meanwhile waited for both.
    const exporting = Promise.all(Array.from({ length: EXPORTS }, () => officer.get(`/omgangar/${roundId}/export?format=xlsx`, { timeout: 110_000 })));
    const exported = await latencyDuring(coordinator, "/", exporting);
    for (const response of exported.result) {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect((await response.body()).byteLength).toBeGreaterThan(100_000);
    }
    report("the exports", exported.times);
    // Building an XLSX takes a core, and on this 2-core machine the page's own work slows while it runs (the threads
    // share the CPU and V8's helper threads); but no request waits for an export: half of them answer within the
    // limit, and the slowest took less than half the time the two downloads took.
    const during = `during the exports (${Math.round(exported.took)} ms): ${summary(exported.times)}; alone: ${summary(alone)}`;
    expect(percentile(exported.times, 50), `p50 ${during}`).toBeLessThan(limit);
    expect(Math.max(...exported.times), `max ${during}`).toBeLessThan(exported.took / 2);
    expect(exported.failures, "the coordinator's requests during the export that failed").toEqual([]);
    expect(exported.times.length, "requests the coordinator made during the export").toBeGreaterThanOrEqual(2);
  } finally {
    await coordinator.dispose();
  }
});
