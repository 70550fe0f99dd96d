/**
 * What kind of refusal a DomainError is, for code that reacts to it (a form showing the saved version on
 * "conflict", a route answering 404 on "not_found"). A closed set: add a code here when a new kind of refusal needs
 * its own handling, and give everything else "invalid" or "domain".
 */
export const DOMAIN_ERROR_CODES = [
  "domain", // a refusal with nothing more to say than its message
  "invalid", // input that breaks a rule (the field errors say where)
  "not_found", // the row does not exist, or is outside the actor's scope
  "conflict", // someone else saved first (optimistic locking); details carry the saved version
  "stale", // a form made against an earlier state (a decision already made or withdrawn)
  "budget", // the round's budget would be exceeded
  "status", // the round's status does not allow it
  "round_planned",
  "round_closed",
  "after_last", // a round after the programme's last one, not confirmed
  "over_request", // a grant above the requested amount, not confirmed
  "round_decided",
  "programme",
  "ordinal_taken",
  "duplicate_name",
  "duplicate_email",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A refusal the user can act on (a stale version, a budget exceeded, a closed round), with a Swedish message for
 * the form and, where it belongs to a field, for that field (keys are dotted paths: "leadOrganisation.kind").
 * `details` carries what the form needs to show beside the message, such as the other officer's saved version.
 * Thrown inside a transaction it also rolls it back.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly code: DomainErrorCode = "domain",
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
