/**
 * Validation of the decision date given to the feature functions. (The date arithmetic itself
 * lives in `summarizeApplicant.ts`, beside its only hot caller.)
 *
 * @module
 */
import { InvalidInputError, InvalidOptionsError } from '../errors.js';
import { isCalendarDate } from '../schema/primitives.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
