import type { z } from "zod";

/** Messages per field, keyed by the field's dotted path ("leadOrganisation.kind", "rows.3.grantedAmount"). */
export type FieldErrors = Record<string, string[]>;

/**
 * zod issues by dotted path, so a form can show each message at its own field, nested ones included. Issues that
 * belong to no field are kept under "_form".
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
