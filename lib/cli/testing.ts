import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

/*
 * What a CLI command prints, for its tests: console.log and console.error are captured (and kept off the test's
 * output), and so are the raw streams Commander writes its own errors and help to. Call once at the top of a test
 * file; the spies are made anew before each test and taken away after it.
 */
export function captureCliOutput() {
  const spies = {} as {
    log: MockInstance<typeof console.log>;
    error: MockInstance<typeof console.error>;
    stdout: MockInstance<typeof process.stdout.write>;
  };
  beforeEach(() => {
    spies.log = vi.spyOn(console, "log").mockImplementation(() => {});
    spies.error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    spies.stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const lines = (spy: MockInstance<(...args: unknown[]) => void>) => spy.mock.calls.map((args) => args.join(" ")).join("\n");
  return {
    /** The spies of the current test (console.log, console.error, process.stdout.write). */
    spies,
    /** Everything console.log printed, a line per call. */
    printed: () => lines(spies.log),
    /** Everything console.error printed, a line per call. */
    errors: () => lines(spies.error),
    /** Everything written straight to stdout (a file sent to "-"). */
    written: () => spies.stdout.mock.calls.map((args) => String(args[0])).join(""),
  };
}
