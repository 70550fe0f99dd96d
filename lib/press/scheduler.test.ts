import { afterEach, describe, expect, it, vi } from "vitest";
import { freshTestDb } from "@/db/testing";
import { insertTestProgramme, insertTestRound, readTestAuditEvents } from "@/db/testing/decisions";
import { getRelease, insertRelease } from "@/db/queries/press-releases";
import { inWriteTransaction } from "@/db/transaction";
import { isRevalidateSecret, setRevalidateSecret } from "./newsroom-cache";
import { runSchedulerTick, startNewsroomScheduler, stopNewsroomScheduler, tickMsFrom, TICK_MS, type SchedulerDeps } from "./scheduler";

afterEach(() => {
  stopNewsroomScheduler();
  vi.useRealTimers();
});

function scheduledRelease(db: ReturnType<typeof freshTestDb>["db"], publishAt: Date) {
  const roundId = insertTestRound(db, { programmeId: insertTestProgramme(db), budget: 1_000_000 });
  return inWriteTransaction(db, (tx) =>
    insertRelease(
      tx,
      {
        templateId: null,
        targetKind: "round",
        roundId,
        countyCode: null,
        applicationId: null,
        content: { headline: "Schemalagd", ingress: "", body: "", quotes: [], contacts: "", boilerplate: "", topics: [], regionCode: null },
        facts: {},
        factsHash: "x",
        status: "scheduled",
        publishAt,
      },
      { id: null, label: "test" },
    ),
  );
}

describe("the newsroom scheduler", () => {
  it("publishes what is due and revalidates; retries a revalidation the server did not take", async () => {
    const { db } = freshTestDb();
    const release = scheduledRelease(db, new Date("2026-01-01T10:00:00Z"));
    const revalidate = vi.fn<() => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValue(true);
    const deps: SchedulerDeps = { db: () => db, now: () => new Date("2026-01-01T10:00:05Z"), revalidate, log: () => {} };
    const state = { pendingRevalidation: false };
    expect(await runSchedulerTick(deps, state)).toBe(1);
    expect(getRelease(db, release.id)?.status).toBe("published");
    expect(state.pendingRevalidation).toBe(true); // the server did not answer: owed
    expect(await runSchedulerTick(deps, state)).toBe(0);
    expect(state.pendingRevalidation).toBe(false);
    expect(revalidate).toHaveBeenCalledTimes(2);
    await runSchedulerTick(deps, state); // nothing due, nothing owed: no request
    expect(revalidate).toHaveBeenCalledTimes(2);
    expect(readTestAuditEvents(db, { action: "release.publish" })).toHaveLength(1);
  });

  it("ticks as ANSLAG_NEWSROOM_TICK_MS says, within 1 to 60 seconds, else every TICK_MS", () => {
    expect(tickMsFrom({ ANSLAG_NEWSROOM_TICK_MS: "2000" })).toBe(2_000);
    for (const value of [undefined, "", "abc", "500", "60001", "1500.5", "-2000"]) expect(tickMsFrom({ ANSLAG_NEWSROOM_TICK_MS: value })).toBe(TICK_MS);
  });

  it("runs by itself on an unref'd timer, once per process", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T10:00:00Z") });
    const { db } = freshTestDb();
    const release = scheduledRelease(db, new Date("2026-01-01T10:00:20Z"));
    const revalidate = vi.fn(async () => true);
    const setInterval = vi.spyOn(globalThis, "setInterval");
    expect(startNewsroomScheduler({ db: () => db, now: () => new Date(), revalidate, log: () => {} }, 10_000)).toBe(true);
    expect(startNewsroomScheduler({ db: () => db, now: () => new Date(), revalidate, log: () => {} }, 10_000)).toBe(false);
    for (const result of setInterval.mock.results) expect((result.value as NodeJS.Timeout).hasRef()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(getRelease(db, release.id)?.status).toBe("scheduled");
    expect(revalidate).toHaveBeenCalledTimes(1); // the start-up revalidation
    await vi.advanceTimersByTimeAsync(20_000);
    expect(getRelease(db, release.id)?.status).toBe("published");
    expect(revalidate).toHaveBeenCalledTimes(2);
  });

  it("accepts only this process's own revalidation secret", () => {
    expect(isRevalidateSecret("anything")).toBe(false);
    setRevalidateSecret("s3cret-of-this-process");
    expect(isRevalidateSecret("s3cret-of-this-process")).toBe(true);
    expect(isRevalidateSecret("s3cret-of-this-procesS")).toBe(false);
    expect(isRevalidateSecret(null)).toBe(false);
  });
});
