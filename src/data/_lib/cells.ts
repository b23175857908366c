/**
 * Cell-level text parsing shared by the readers and converters: numbers, ISO dates, booleans and
 * missing tokens. Private to `src/data`.
 *
 * @module
 */
import { isCalendarDate } from '../../schema/primitives.js';

/** The missing tokens used when a reader is given none. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'null', '?'];

/**
 * Parses decimal number text (`12`, `-3.5`, `.5`, `1e+05`, `0042`, surrounding blanks allowed).
 * Returns `NaN` for anything else, including hexadecimal (`0x1F`), `Infinity` and overflow to
 * infinity: those are not numbers a table should hold.
 */
export function parseNumberText(text: string): number {
  let t = text;
  if (t.length === 0) return Number.NaN;
  let c = t.charCodeAt(0);
  if (c <= 32 || t.charCodeAt(t.length - 1) <= 32) {
    t = t.trim();
    if (t.length === 0) return Number.NaN;
    c = t.charCodeAt(0);
  }
  // First character: a digit, a sign or a decimal point.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return Number.NaN;
  if (t.length > 1) {
    // Number() would accept 0x.., 0b.., 0o.. prefixes.
    const c1 = t.charCodeAt(1) | 32;
    if (c1 === 120 || c1 === 98 || c1 === 111) return Number.NaN;
  }
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Day number (days since 1970-01-01) of `YYYY-MM-DD` text that is a real calendar date, else `NaN`. */
export function parseDateText(text: string): number {
  let t = text;
  if (t.length !== 10) {
    t = t.trim();
    if (t.length !== 10) return Number.NaN;
  }
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return Number.NaN;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = t.charCodeAt(i);
    if (d < 48 || d > 57) return Number.NaN;
  }
  const y = Number(t.slice(0, 4));
  const m = Number(t.slice(5, 7));
  const d = Number(t.slice(8, 10));
  if (!isCalendarDate(y, m, d)) return Number.NaN;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Day number of `YYYY-MM-DD`, or of the first day of `YYYY-MM`: the forms accepted in the date
 * column used for out-of-time splits. `NaN` otherwise.
 */
export function parseDateOrMonthText(text: string): number {
  const t = text.trim();
  if (t.length === 7 && t.charCodeAt(4) === 45) return parseDateText(`${t}-01`);
  return parseDateText(t);
}

/** `YYYY-MM-DD` text of a day number. */
export function formatDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `1` for true/yes, `0` for false/no (any letter case, surrounding blanks allowed), else `NaN`. */
export function parseBooleanText(text: string): number {
  if (text.length > 7) return Number.NaN;
  switch (text.trim().toLowerCase()) {
    case 'true':
    case 'yes':
      return 1;
    case 'false':
    case 'no':
      return 0;
    default:
      return Number.NaN;
  }
}

/**
 * A fast membership test for missing tokens. A cell is missing when it equals a token, or equals
 * one once surrounding blanks are removed. The empty (or blank) cell is always missing, whatever
 * the tokens: a custom token list adds to it and never turns empty cells into values.
 */
export function createMissingTest(tokens: readonly string[]): (cell: string) => boolean {
  const set = new Set(tokens);
  set.add('');
  let maxLength = 0;
  for (const t of tokens) maxLength = Math.max(maxLength, t.length);
  return (cell: string): boolean => {
    const n = cell.length;
    if (n === 0) return true;
    if (cell.charCodeAt(0) <= 32 || cell.charCodeAt(n - 1) <= 32) {
      const t = cell.trim();
      return t.length <= maxLength && set.has(t);
    }
    return n <= maxLength && set.has(cell);
  };
}
