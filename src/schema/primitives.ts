import { z } from 'zod';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** True when `y-m-d` is a real calendar date (leap years included). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= dim;
}

/**
 * An ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-30).
 *
 * @category Schema
 * @example
 * IsoDate.parse('2024-02-29'); //=> '2024-02-29'
 */
export const IsoDate = z.string().check((ctx) => {
  const m = DATE_RE.exec(ctx.value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
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
  const m = MONTH_RE.exec(ctx.value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    ctx.issues.push({ code: 'custom', message: 'must be a calendar month as YYYY-MM', input: ctx.value, params: { rule: 'invalid_month' } });
  }
});

/** A finite amount of money, >= 0. */
export const Amount = z.number().check(z.gte(0)).refine(Number.isFinite, { message: 'must be a finite number' });
/** A finite signed amount (balances may be overdrawn). */
export const SignedAmount = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
/** A non-negative integer count. */
export const Count = z.number().int().check(z.gte(0));

/** Days since 1970-01-01 of an ISO date already validated by {@link IsoDate}. */
export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Months since year 0 of an ISO month `YYYY-MM` or date `YYYY-MM-DD` (the month it falls in). */
export function monthNumber(isoMonthOrDate: string): number {
  return Number(isoMonthOrDate.slice(0, 4)) * 12 + Number(isoMonthOrDate.slice(5, 7)) - 1;
}
