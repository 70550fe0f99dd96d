import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/users/schema";

/*
 * The password rule, beside the length (at least 12 characters, passwordField in lib/validation/fields.ts): a
 * password on a list of common passwords is refused, compared case-insensitively.
 *
 * data/common-passwords.txt is the 10 000 most common passwords of SecLists
 * (https://github.com/danielmiessler/SecLists, Passwords/Common-Credentials/10k-most-common.txt at commit
 * 4f84b3c29b5f2192cc82ccdeaf655f0c5f0ab547; MIT licence, Copyright (c) 2018 Daniel Miessler), with its line
 * endings made LF. Most of it is shorter than 12 characters, so the list also catches a common password lengthened
 * the way people lengthen one: digits and punctuation added at the end ("dragon123456", "Password1234!").
 * APP_WORDS are this app's own additions: Swedish words and names a user of Anslag would reach for first.
 *
 * A password is never logged, nor put into an error: the messages below say what is wrong, not what was typed.
 */

const APP_WORDS = ["anslag", "anslaget", "lösenord", "losenord", "jämställdhet", "jamstalldhet", "hållbar", "sommar", "vinter", "välkommen", "valkommen", "hemligt"];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = join(process.cwd(), "lib", "auth", "data", "common-passwords.txt");
    const words = readFileSync(file, "utf8").split("\n").map((line) => line.trim()).filter(Boolean);
    common = new Set([...words, ...APP_WORDS].map(fold));
  }
  return common;
}

function fold(password: string): string {
  return password.normalize("NFC").toLowerCase();
}

/** True when the password is on the list, or is one of its entries with digits and punctuation added at the end. */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  const list = commonPasswords();
  if (list.has(folded)) return true;
  const stem = folded.replace(/[\d\p{P}\p{S}\s]+$/u, "");
  if (stem.length > 0 && stem !== folded && list.has(stem)) return true;
  // One character over and over ("aaaaaaaaaaaa") is no password either.
  return new Set(folded).size === 1;
}

/** The refusal for a new password that passes the length rule, or null when it may be used. */
export function passwordPolicyProblem(password: string): string | null {
  return isCommonPassword(password) ? COMMON_PASSWORD_MESSAGE : null;
}
