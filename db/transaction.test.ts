import { afterEach, describe, expect, it } from "vitest";
import { untilWritesAllowed } from "./transaction";

type WriteGate = { anslagWriteBusy?: () => boolean };

afterEach(() => {
  delete (globalThis as WriteGate).anslagWriteBusy;
});

describe("untilWritesAllowed", () => {
  it("resolves at once when no import thread is writing", async () => {
    const start = Date.now();
    await untilWritesAllowed();
    (globalThis as WriteGate).anslagWriteBusy = () => false;
    await untilWritesAllowed();
    expect(Date.now() - start).toBeLessThan(50);
  });

  it("waits, letting timers run, until the import's write has ended", async () => {
    let busyUntil = Date.now() + 200;
    (globalThis as WriteGate).anslagWriteBusy = () => Date.now() < busyUntil;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const start = Date.now();
    await untilWritesAllowed();
    clearInterval(ticker);
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
    expect(ticks).toBeGreaterThan(5); // the thread was never blocked
    busyUntil = Infinity;
    const capped = Date.now();
    await untilWritesAllowed(100); // never longer than it is told
    expect(Date.now() - capped).toBeLessThan(1_000);
  });
});
