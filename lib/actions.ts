import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { untilWritesAllowed } from "@/db/transaction";
import { anyPermission, type Permission } from "./auth/permissions";
import { getCurrentUser, type SessionUser } from "./auth/session";
import { DomainError, type DomainErrorCode } from "./errors";
import { fieldErrorsOf, type FieldErrors } from "./validation/errors";

/*
 * The one way a server action starts: the session, the permission, the input parsed with the shared zod schema.
 * Only then does the action's own code run. Whatever the client sent, the server decides.
 *
 *   export const updateRoundAction = authAction({ permission: "round:manage", schema: updateRoundSchema },
 *     (input, user) => ({ ok: true, data: updateRound(getDb(), input, auditActorOf(user)) }));
 *
 * The result is the server action itself: export it from a "use server" file as it is. Its parameter is the schema's
 * input type, so a form passes what it holds and the compiler checks it.
 */

export type { FieldErrors };

/** Why an action refused: the DomainError codes, and the refusals authAction itself makes. */
export type ActionErrorCode = DomainErrorCode | "unauthenticated" | "forbidden" | "error";

export type ActionFailure = {
  ok: false;
  /** The message for the form's alert. */
  formError: string;
  /** Messages per field, keyed by dotted path ("leadOrganisation.kind", "rows.3.grantedAmount"). */
  fieldErrors?: FieldErrors;
  code: ActionErrorCode;
  details?: Record<string, unknown>;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

/** A server action made by authAction: takes the schema's input (or a form's FormData). */
export type AuthAction<S extends z.ZodType, T> = (input: z.input<S> | FormData) => Promise<ActionResult<T>>;

export function fail(formError: string, fieldErrors?: FieldErrors, code: ActionErrorCode = "invalid"): ActionFailure {
  return fieldErrors ? { ok: false, formError, fieldErrors, code } : { ok: false, formError, code };
}

/** A refusal as the form shows it: a DomainError keeps its message, field errors, code and details. */
export function failureOf(error: DomainError): ActionFailure {
  return { ...fail(error.message, error.fieldErrors, error.code), ...(error.details ? { details: error.details } : {}) };
}

export function authAction<S extends z.ZodType, T>(
  options: { permission: Permission | readonly Permission[]; schema: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T>> | ActionResult<T>,
): AuthAction<S, T> {
  return async (raw) => {
    const t = await getTranslations("actions");
    try {
      const user = await getCurrentUser();
      if (!user) return fail(t("unauthenticated"), undefined, "unauthenticated");
      if (!anyPermission(user, options.permission)) return fail(t("forbidden"), undefined, "forbidden");
      const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return fail(t("invalid"), fieldErrorsOf(parsed.error), "invalid");
      // During another user's large import the save waits for its write (lib/import/off-thread.ts), not refused.
      await untilWritesAllowed();
      return await handler(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return failureOf(error);
      console.error(error);
      return fail(t("error"), undefined, "error");
    }
  };
}
