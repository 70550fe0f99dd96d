import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Permission } from "./auth/permissions";
import { anyPermission, getCurrentUser, type SessionUser } from "./auth/session";
import { DomainError } from "./errors";
import { fieldErrorsOf } from "./validation/errors";

/*
 * The one way a server action starts: the session, the permission, the input parsed with the shared zod schema.
 * Only then does the action's own code run. Whatever the client sent, the server decides.
 */

/** Messages per field, keyed by the field's dotted path ("leadOrganisation.kind", "coApplicants.1.name"). */
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionFailure = {
  ok: false;
  formError: string;
  fieldErrors?: FieldErrors;
  code?: string;
  details?: Record<string, unknown>;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export function fail(formError: string, fieldErrors?: FieldErrors): ActionFailure {
  return fieldErrors ? { ok: false, formError, fieldErrors } : { ok: false, formError };
}



export function authAction<S extends z.ZodType, T>(
  options: { permission: Permission | readonly Permission[]; schema: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T>> | ActionResult<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await getCurrentUser();
      if (!user) return fail("Du är inte inloggad. Logga in och försök igen.");
      if (!anyPermission(user, options.permission)) return fail("Du har inte behörighet att göra detta.");
      const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        return fail("Kontrollera de markerade fälten.", fieldErrorsOf(parsed.error));
      }
      return await handler(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) {
        return { ...fail(error.message, error.fieldErrors), code: error.code, ...(error.details ? { details: error.details } : {}) };
      }
      console.error(error);
      return fail("Något gick fel och ingenting sparades. Försök igen.");
    }
  };
}
