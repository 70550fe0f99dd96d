import { describe, expect, it } from "vitest";
import { processCpuMs, untilIdle } from "./idle";

describe("the bench waits for the server to finish the last turn's requests", () => {
  it("waits while the server is busy and goes on once a window is idle", async () => {
    // CPU ms per 250 ms window: busy (250, 240, 200), then idle (10).
    const readings = [0, 250, 490, 690, 700, 700];
    let i = 0;
    const waited = await untilIdle(() => readings[Math.min(i++, readings.length - 1)]!, { sleep: async () => undefined });
    expect(waited).toBe(1000);
  });

  it("gives up after its timeout and does not wait where CPU cannot be read", async () => {
    let cpu = 0;
    expect(await untilIdle(() => (cpu += 250), { sleep: async () => undefined, timeoutMs: 2_000 })).toBe(2_000);
    expect(await untilIdle(() => null, { sleep: async () => undefined })).toBe(0);
  });

  it("reads this process's own CPU time", () => {
    const cpu = processCpuMs(process.pid);
    if (cpu !== null) expect(cpu).toBeGreaterThan(0);
  });
});
