/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with =, +, -, @, tab or
 * carriage return would be run as a formula by Excel, so it gets a leading apostrophe and is shown as text. Numbers
 * are never passed through here: they stay numbers.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
