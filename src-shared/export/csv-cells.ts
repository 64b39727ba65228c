import type { CsvDialect } from '../contract/batch-format';

/**
 * A spreadsheet runs a cell starting with these as a formula; free text from a kiosk must never do
 * that. Spreadsheets skip leading spaces and invisible characters and some read the full-width and
 * small forms as the ASCII ones, so the first visible character is the one that counts.
 */
const formulaStart = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212])/u;

/** The cell as a spreadsheet shows it but never runs: a leading apostrophe makes it text. */
export function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** A line break, the delimiter or a quote inside a cell asks for quotes; one pattern per dialect. */
export const quotePatterns: Record<CsvDialect, RegExp> = { 'finnish-excel': /[;"\n\r]/, comma: /[,"\n\r]/ };

/** A printable ASCII character other than a space: not trimmed, never a formula's start nor hiding one. */
function isPlainVisible(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** `guardFormula`'s question, answered at once for a cell starting with a plain visible character. */
export function needsGuard(value: string): boolean {
  const first = value.charCodeAt(0);
  // = + - @
  if (isPlainVisible(first)) return first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40;
  return formulaStart.test(value);
}

/** Whether trimming would change the cell: a spreadsheet would drop those spaces unless quoted. */
export function hasOuterSpace(value: string): boolean {
  if (isPlainVisible(value.charCodeAt(0)) && isPlainVisible(value.charCodeAt(value.length - 1))) return false;
  return value !== value.trim();
}
