import { readFileSync } from "node:fs";

/*
 * Between two pages' turns the bench waits until the server is idle (issue 14). autocannon stops a turn by closing
 * its connections, but the server still works through the requests it had taken: after the decision meeting's turn
 * (5 req/s, 50 connections) that is seconds of rendering, and it fell on the next page's turn. The newsroom's front
 * page came next and measured 0.7-0.9 times the floor (p50 109 ms, p99 4.6 s) while its cached siblings measured 4-5
 * times; alone it measures as they do.
 */

/** CPU milliseconds (user and system) a process has used, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // After "pid (comm) ": state is field 3, utime 14 and stime 15, counted in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

export type IdleOptions = { windowMs?: number; idleShare?: number; timeoutMs?: number; sleep?: (ms: number) => Promise<void> };

/**
 * Resolves once the process used less than `idleShare` of one core over a window of `windowMs` (or after
 * `timeoutMs`, or at once when its CPU cannot be read). Returns how long it waited.
 */
export async function untilIdle(cpuMs: () => number | null, options: IdleOptions = {}): Promise<number> {
  const { windowMs = 250, idleShare = 0.1, timeoutMs = 30_000, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)) } = options;
  let waited = 0;
  let before = cpuMs();
  while (before !== null && waited < timeoutMs) {
    await sleep(windowMs);
    waited += windowMs;
    const after = cpuMs();
    if (after === null || after - before < idleShare * windowMs) break;
    before = after;
  }
  return waited;
}
