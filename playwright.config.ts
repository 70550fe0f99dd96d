import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * End-to-end tests run against the production build (`next build` first, see package.json) served by `next start`
 * on a fresh SQLite file made for this run. The path and secret are fixed once in the main process; the workers
 * inherit them through the environment.
 */
if (!process.env.E2E_DATABASE_PATH) {
  process.env.E2E_DATABASE_PATH = join(tmpdir(), `anslag-e2e-${Date.now()}-${process.pid}.db`);
  // A database this run made up is removed after it (e2e/global-teardown.ts); one named by the caller is kept.
  process.env.E2E_DATABASE_TEMPORARY = "1";
}
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The run's own SMTP server (e2e/mail-server.ts): the app delivers to it, tests read what it received over HTTP.
process.env.E2E_SMTP_PORT ??= String(PORT + 400);
process.env.E2E_MAIL_HTTP_PORT ??= String(PORT + 401);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** The specs that put the server under load on purpose (the "loading" project below). */
const LOADING = /(import-latency|hostile-input)\.spec\.ts$/;

const CHROMIUM = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    // A trace records every test to keep the failing ones: a tenth of the suite's time. CI prints the error and
    // keeps the screenshot; a local run keeps the trace as well.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo role in through the form once and saves its session for login(role) (e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: CHROMIUM },
    { name: "chromium", dependencies: ["setup"], testIgnore: [/auth\.setup\.ts$/, LOADING], use: CHROMIUM },
    // The two tests that load the server on purpose (a large import and export, thousands of hostile calls) run
    // after the rest: no other test races its page's hydration against their load, and their timings are their own.
    { name: "loading", dependencies: ["chromium"], testMatch: LOADING, use: CHROMIUM },
  ],
  webServer: [
    {
      command: "exec tsx e2e/mail-server.ts",
      url: `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_SMTP_PORT: process.env.E2E_SMTP_PORT, E2E_MAIL_HTTP_PORT: process.env.E2E_MAIL_HTTP_PORT },
    },
    {
      command: `tsx e2e/prepare-db.ts && exec node server.mjs -p ${PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/logga-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        DATABASE_PATH: process.env.E2E_DATABASE_PATH,
        AUTH_SECRET: process.env.E2E_AUTH_SECRET,
        AUTH_TRUST_HOST: "true",
        // The origin is pinned as the README's production setup says: a client's Host or X-Forwarded-Host steers nothing.
        AUTH_URL: BASE_URL,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        ANSLAG_MAIL_FROM: "Anslag <noreply@anslag.example>",
        // The newsroom's scheduler ticks every 2 s instead of 10 s: the embargo tests wait for it.
        ANSLAG_NEWSROOM_TICK_MS: "2000",
      },
    },
  ],
});
