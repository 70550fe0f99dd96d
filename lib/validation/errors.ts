import type { z } from "zod";
import { DomainError } from "@/lib/errors";

/** Messages per field, keyed by the field's dotted path ("leadOrganisation.kind", "rows.3.grantedAmount"). */
export type FieldErrors = Record<string, string[]>;

/**
 * The one way a zod failure becomes field errors: issues by dotted path, so a form can show each message at its own
 * field, nested ones included. Issues that belong to no field are kept under "_form".
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * A zod failure as the DomainError a lib write function throws ("invalid", with field errors). The message is the
 * first issue's unless one is given.
 */
export function invalidInput(error: z.ZodError, message?: string): DomainError {
  return new DomainError(message ?? error.issues[0]?.message ?? "Kontrollera de markerade fälten.", fieldErrorsOf(error), "invalid");
}
