import type { Db } from "@/db/client";
import { getUserByEmail } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { addressKey, lockedUntil, recordFailure } from "@/lib/auth/throttle";
import type { Locale } from "@/lib/i18n/config";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { issuePasswordLink } from "./password-links";
import { forgotPasswordSchema } from "./schema";

/*
 * "Glömt lösenordet?": whoever types an address gets the same answer, whether it has an account, is disabled or is
 * unknown, and whether or not the request is throttled. Only an enabled account gets a mail, with a reset link valid
 * one hour. Requests are counted per address ("reset:<email>", five in 15 minutes) and per client (thirty), with the
 * sign-in throttle's counters (lib/auth/throttle.ts), so the page cannot be used to flood a mailbox. Nothing the
 * answer or its timing depends on differs much between the cases: each one reads the account and writes the
 * throttle's counters; a known address also writes a link and a mail, in the same millisecond or two.
 */

export const FORGOT_PASSWORD_ANSWER =
  "Om adressen finns hos oss har vi skickat en länk till den. Länken gäller i en timme. Kommer inget meddelande, kontrollera adressen och skräpposten, eller kontakta administratören.";

export function resetEmailKey(email: string): string {
  return `reset:${email.trim().toLowerCase()}`;
}
/** The client's counter: the throttle gives "ip:" keys their larger limit, kept apart from sign-in's own. */
export function resetAddressKey(address: string): string {
  return addressKey(`reset:${address}`);
}

export type ForgotPasswordAnswer = { message: string };

export function requestPasswordReset(
  db: Db,
  input: unknown,
  clientAddress: string | null,
  options: { now?: Date; locale?: Locale } = {},
): ForgotPasswordAnswer {
  const now = options.now ?? new Date();
  const parsed = forgotPasswordSchema.safeParse(input);
  // A malformed address is the visitor's typing, and says nothing about anyone's account.
  if (!parsed.success) throw new DomainError("Kontrollera de markerade fälten.", fieldErrorsOf(parsed.error), "invalid");
  const { email } = parsed.data;
  const keys = [resetEmailKey(email), ...(clientAddress ? [resetAddressKey(clientAddress)] : [])];
  if (!lockedUntil(db, keys, now)) {
    recordFailure(db, keys, now);
    const user = getUserByEmail(db, email);
    if (user && !user.disabled) {
      inWriteTransaction(db, (tx) => issuePasswordLink(tx, user, "reset", { id: null, label: "Glömt lösenordet" }, { now, locale: options.locale }));
    }
  }
  return { message: FORGOT_PASSWORD_ANSWER };
}
