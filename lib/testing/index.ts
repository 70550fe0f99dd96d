import { DomainError } from "@/lib/errors";

/*
 * Helpers shared by the rule modules' tests (lib/<domain>/*.test.ts). The database side of a test (a fresh database,
 * temporary directories, row counts) is in db/testing.
 */

/** The DomainError that `fn` throws: a refusal, whose message and field errors the test then checks. */
export function caughtDomainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
