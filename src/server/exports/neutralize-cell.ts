/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection guidance). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'`, so it is shown as text instead of being run as a formula. Imports strip that `'`.
 */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
