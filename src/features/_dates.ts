/**
 * Private date arithmetic for the feature catalogue. Inputs are ISO strings already validated by
 * the applicant schema (`YYYY-MM-DD` dates, `YYYY-MM` months), so digits are read with
 * `charCodeAt` (no `Date`, no allocation): this is the hot path of single-applicant scoring.
 *
 * ISO dates of the same format compare correctly as strings (`'2024-05-31' < '2024-06-15'`), so
 * "dated before `asOf`" is a plain string comparison.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionsError } from '../errors.js';
import { isCalendarDate } from '../schema/primitives.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function digit(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Months since year 0 of `YYYY-MM` or `YYYY-MM-DD` (the month it falls in). */
export function monthIndex(s: string): number {
  return (digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)) * 12 + digit(s, 5) * 10 + digit(s, 6) - 1;
}

/** Day of month of `YYYY-MM-DD`. */
export function dayOfMonth(s: string): number {
  return digit(s, 8) * 10 + digit(s, 9);
}

/** Number of days in the month of `YYYY-MM-DD`. */
function daysInMonth(s: string): number {
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Completed calendar months from date `from` to date `to` (`from <= to`): one month completes on
 * the same day of the next month, or on that month's last day when it is shorter
 * (2024-01-31 → 2024-02-29 is 1 month; 2024-01-31 → 2024-02-28 is 0).
 */
export function completedMonths(from: string, to: string): number {
  let months = monthIndex(to) - monthIndex(from);
  const dayTo = dayOfMonth(to);
  if (dayTo < dayOfMonth(from) && dayTo < daysInMonth(to)) months -= 1;
  return months;
}

/**
 * Checks that `asOf` is a real calendar date `YYYY-MM-DD`; throws a typed error naming the path
 * `asOf` and the rule `invalid_date` otherwise.
 */
export function requireAsOf(asOf: unknown, where: string, kind: 'input' | 'options'): string {
  const m = typeof asOf === 'string' ? DATE_RE.exec(asOf) : null;
  if (m === null || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    const issues = [{ code: 'invalid_date', path: ['asOf'], message: 'must be a real calendar date as YYYY-MM-DD' }];
    const message = `${where}: asOf must be a real calendar date as YYYY-MM-DD`;
    throw kind === 'input' ? new InvalidInputError(message, issues) : new InvalidOptionsError(message, issues);
  }
  return asOf as string;
}
