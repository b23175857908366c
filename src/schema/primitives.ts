import * as z from 'zod/mini';

/** Days in each month of a common year (February's leap day is added by {@link isCalendarDate}). */
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `y-m-d` is a real calendar date (leap years included). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1];
  return d <= dim;
}

// The checks below run once per date and month of an applicant (hundreds per bureau file), so they
// read the characters directly: no RegExp match, substrings or arrays per call. They accept exactly
// what /^(\d{4})-(\d{2})-(\d{2})$/ (resp. /^(\d{4})-(\d{2})$/) followed by the calendar test accepts.

/** The ASCII digit at position `i` of `s` as 0–9, or -1 for any other character. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The 4-digit year at the start of `s`, or -1. */
function yearOf(s: string): number {
  const a = digitAt(s, 0);
  const b = digitAt(s, 1);
  const c = digitAt(s, 2);
  const d = digitAt(s, 3);
  return a < 0 || b < 0 || c < 0 || d < 0 ? -1 : a * 1000 + b * 100 + c * 10 + d;
}

/** The 2-digit number at positions `i`, `i + 1` of `s`, or -1. */
function twoDigitsAt(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isIsoDateText(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = yearOf(s);
  const m = twoDigitsAt(s, 5);
  const d = twoDigitsAt(s, 8);
  return y >= 0 && m >= 0 && d >= 0 && isCalendarDate(y, m, d);
}

function isIsoMonthText(s: string): boolean {
  if (s.length !== 7 || s.charCodeAt(4) !== 45 || yearOf(s) < 0) return false;
  const m = twoDigitsAt(s, 5);
  return m >= 1 && m <= 12;
}

/**
 * An ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-30).
 *
 * @category Schema
 * @example
 * IsoDate.parse('2024-02-29'); //=> '2024-02-29'
 */
export const IsoDate = z.string().check((ctx) => {
  if (!isIsoDateText(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: 'must be a real calendar date as YYYY-MM-DD', input: ctx.value, params: { rule: 'invalid_date' } });
  }
});

/**
 * An ISO calendar month `YYYY-MM`.
 *
 * @category Schema
 * @example
 * IsoMonth.parse('2024-02'); //=> '2024-02'
 */
export const IsoMonth = z.string().check((ctx) => {
  if (!isIsoMonthText(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: 'must be a calendar month as YYYY-MM', input: ctx.value, params: { rule: 'invalid_month' } });
  }
});

/** A finite amount of money, >= 0. */
export const Amount = z.number().check(z.gte(0), z.refine(Number.isFinite, { message: 'must be a finite number' }));
/** A finite signed amount (balances may be overdrawn). */
export const SignedAmount = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }));
/** A non-negative integer count. */
export const Count = z.number().check(z.int(), z.gte(0));

/** Days since 1970-01-01 of an ISO date already validated by {@link IsoDate}. */
export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Months since year 0 of an ISO month `YYYY-MM` or date `YYYY-MM-DD` (the month it falls in). */
export function monthNumber(isoMonthOrDate: string): number {
  return Number(isoMonthOrDate.slice(0, 4)) * 12 + Number(isoMonthOrDate.slice(5, 7)) - 1;
}
