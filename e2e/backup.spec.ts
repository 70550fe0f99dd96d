import { expect, test } from "@playwright/test";
import { join } from "node:path";
import { knownMigrations } from "@/db/maintenance";
import { callerContext, signIn } from "./authorisation/http";
import { runCli } from "./hardening/cli";
import { createAccount, createRoundWithApplications, decisionsOfRound, integrityCheck, readDatabase } from "./hardening/data";
import { emptyStreamResult, recordDecisionActionId, streamDecisions } from "./hardening/decisions";
import { databaseOfOwn, startServer, type OwnServer } from "./hardening/server";

/*
 * Backups (issue 14, README "Backups"): `npm run cli -- db backup <file>` is run while an officer's decisions stream
 * into the running app over HTTP; the copy holds every decision acknowledged before the backup began and passes
 * integrity_check. `db restore <file>` restores the copy into a fresh file where a new server works: the officer signs in, the round's page lists the applications with their decisions, and
 * the migrations are current.
 *
 * Plain HTTP and the CLI, no browser page (nothing is rendered in a browser, so no axe).
 */

const APPLICATIONS = 40;

test("a backup made while the app writes restores into a working app", async () => {
  test.setTimeout(120_000);
  const own = await databaseOfOwn("backup");
  const servers: OwnServer[] = [];
  try {
    const round = createRoundWithApplications(own.path, { budget: 100_000_000, count: APPLICATIONS, requestedAmount: 100_000 });
    const officer = await createAccount(own.path, "officer");
    const live = await startServer(own.path);
    servers.push(live);
    const context = await callerContext(live.origin);
    await signIn(context, officer.email, officer.password);

    // The writes: decisions, two at a time, from before the backup until it is done.
    const result = emptyStreamResult();
    const queue = [...round.applicationIds];
    let backupDone = false;
    let started: () => void;
    const acknowledgedTwice = new Promise<void>((resolve) => (started = resolve));
    const stream = streamDecisions({
      context,
      origin: live.origin,
      actionId: recordDecisionActionId(),
      queue,
      amount: 50_000,
      parallel: 2,
      result,
      afterAck: (r) => r.acknowledged.size >= 2 && started(),
      stop: () => backupDone,
    });
    await acknowledgedTwice;
    const acknowledgedBefore = new Set(result.acknowledged.keys());
    const backupFile = join(own.dir, "kopia.db");
    const backup = await runCli(own.path, ["db", "backup", backupFile]);
    const acknowledgedWhileBackingUp = result.acknowledged.size - acknowledgedBefore.size;
    backupDone = true;
    await stream;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Säkerhetskopia skriven till ${backupFile}`);
    expect(result.unexpected).toEqual([]);
    expect(acknowledgedWhileBackingUp, "the app went on writing while the backup ran").toBeGreaterThan(0);

    expect(integrityCheck(backupFile)).toBe("ok");
    const inBackup = decisionsOfRound(backupFile, round.roundId);
    for (const applicationId of acknowledgedBefore) expect(inBackup.has(applicationId), `decision on ${applicationId} in the backup`).toBe(true);

    // Restored into a fresh file (that a running app's database is refused is lib/cli/restore.test.ts's).
    const restoredPath = join(own.dir, "aterstalld.db");
    const restore = await runCli(restoredPath, ["db", "restore", backupFile]);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Databasen ${restoredPath} är återställd från ${backupFile}`);
    expect(integrityCheck(restoredPath)).toBe("ok");
    expect(readDatabase(restoredPath, (db) => db.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get())).toBe(knownMigrations().length);
    expect(decisionsOfRound(restoredPath, round.roundId)).toEqual(inBackup);

    const restored = await startServer(restoredPath);
    servers.push(restored);
    const reader = await callerContext(restored.origin);
    await signIn(reader, officer.email, officer.password);
    const page = await reader.get(`/omgangar/${round.roundId}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    const decided = round.applicationIds.findIndex((id) => acknowledgedBefore.has(id));
    expect(html).toContain(round.registrationNumbers[decided]!);
    expect(html).toContain(`Härdning ${round.code}`);
    await Promise.all([context.dispose(), reader.dispose()]);
  } finally {
    for (const server of servers) await server.stop();
    own.remove();
  }
});
