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
    readonly code: string = "domain",
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
