/**
 * A refusal the user can act on (a stale version, a budget exceeded, a closed round), with a Swedish message for
 * the form and, where it belongs to a field, for that field. Thrown inside a transaction it also rolls it back.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly code: string = "domain",
  ) {
    super(message);
    this.name = "DomainError";
  }
}
