import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { callerContext, signIn } from "./authorisation/http";
import { createAccount, createRoundWithApplications, decisionsOfRound, integrityCheck, roundBudget } from "./hardening/data";
import { emptyStreamResult, recordDecisionActionId, streamDecisions } from "./hardening/decisions";
import { databaseOfOwn, startServer, type OwnServer } from "./hardening/server";

/*
 * Crash durability (issue 14): an officer's decisions stream in over HTTP while the production server is killed with
 * SIGKILL (no shutdown, no checkpoint: the WAL is left as it was), then a new server starts on the same file. Every
 * decision the server acknowledged is there with its amount, nothing was granted that was not sent, the round's
 * budget rule holds (the stream goes on after the restart until the budget refuses), and `PRAGMA integrity_check`
 * is ok. Each commit is fsynced (synchronous=FULL, db/client.ts, ADR 0012), so this holds for a power loss too; a
 * process kill is what a test can do.
 *
 * Plain HTTP, no browser page (so no axe: nothing is rendered). The server is the test's own, on a copy of the run's
 * database, so the run's server is never killed.
 */

const BUDGET = 1_000_000;
const AMOUNT = 120_000; // 8 fit in the budget, the 9th does not
const APPLICATIONS = 11;
const KILL_AFTER = 4;

test("a SIGKILL in the middle of a stream of decisions loses no acknowledged decision and breaks no budget", async () => {
  test.setTimeout(120_000);
  const own = await databaseOfOwn("crash");
  const servers: OwnServer[] = [];
  try {
    const round = createRoundWithApplications(own.path, { budget: BUDGET, count: APPLICATIONS, requestedAmount: 200_000 });
    const officer = await createAccount(own.path, "officer");
    const actionId = recordDecisionActionId();

    const first = await startServer(own.path);
    servers.push(first);
    const context = await callerContext(first.origin);
    await signIn(context, officer.email, officer.password);

    const result = emptyStreamResult();
    const queue = [...round.applicationIds];
    let killing: Promise<void> | null = null;
    let leftAtKill = 0;
    await streamDecisions({
      context,
      origin: first.origin,
      actionId,
      queue,
      amount: AMOUNT,
      parallel: 3,
      result,
      // Killed at once from the acknowledgement, while the other two requests are on their way.
      afterAck: (r) => {
        if (r.acknowledged.size >= KILL_AFTER && !killing) {
          leftAtKill = queue.length;
          killing = first.kill();
        }
      },
    });
    await killing;
    expect(result.unexpected, "no answer other than ok or a refusal").toEqual([]);
    expect(first.process.signalCode, `the first server was killed (acknowledged ${result.acknowledged.size}, refused ${JSON.stringify([...result.refused])}, unanswered ${[...result.unanswered].join(", ")})`).toBe("SIGKILL");
    expect(result.acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(leftAtKill, "decisions were still to be sent when the server was killed").toBeGreaterThan(0);
    const acknowledgedBeforeCrash = new Map(result.acknowledged);
    // What was sent and never answered goes back to the queue: the officer would try again.
    queue.unshift(...[...result.unanswered].filter((id) => !decisionsOfRound(own.path, round.roundId).has(id)));

    // The same file, a new process: SQLite recovers from the WAL the killed server left.
    const second = await startServer(own.path);
    servers.push(second);
    const stored = decisionsOfRound(own.path, round.roundId);
    for (const [applicationId, amount] of acknowledgedBeforeCrash) {
      expect(stored.get(applicationId), `acknowledged decision on application ${applicationId}`).toBe(amount);
    }
    for (const applicationId of stored.keys()) {
      expect(acknowledgedBeforeCrash.has(applicationId) || result.unanswered.has(applicationId), `decision on ${applicationId} was sent`).toBe(true);
    }
    expect(integrityCheck(own.path)).toBe("ok");

    // The session survived (it is a row in the file too); the stream goes on until the budget says no.
    const after = emptyStreamResult();
    await streamDecisions({ context: await signedInAgain(context, second.origin), origin: second.origin, actionId, queue, amount: AMOUNT, parallel: 3, result: after });
    expect(after.unexpected).toEqual([]);
    expect([...after.refused.values()], "only the budget rule refuses").toEqual(Array(after.refused.size).fill("budget"));
    expect(after.refused.size, "the budget refused the decisions beyond it").toBeGreaterThan(0);

    const final = decisionsOfRound(own.path, round.roundId);
    const granted = [...final.values()].reduce((sum, amount) => sum + amount, 0);
    expect(granted).toBeLessThanOrEqual(roundBudget(own.path, round.roundId));
    expect(granted).toBe(Math.floor(BUDGET / AMOUNT) * AMOUNT);
    for (const [applicationId, amount] of [...acknowledgedBeforeCrash, ...after.acknowledged]) expect(final.get(applicationId)).toBe(amount);
    expect(integrityCheck(own.path)).toBe("ok");
    await context.dispose();
  } finally {
    for (const server of servers) await server.kill();
    own.remove();
  }
});

/** The same cookie against the restarted server (a request context is bound to its base URL). */
async function signedInAgain(context: APIRequestContext, origin: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: origin, maxRedirects: 0, storageState: { cookies: (await context.storageState()).cookies, origins: [] } });
}
