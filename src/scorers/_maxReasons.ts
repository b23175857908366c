import { InvalidOptionsError } from '../errors.js';

/**
 * `options.maxReasons` of every scorer's `score()`, checked: a non-negative integer, or `Infinity`
 * for no cap; 4 when absent. One check for all model families, so a NaN or negative value is a
 * typed error everywhere instead of silently no reasons.
 *
 * @example
 * maxReasonsOf(undefined); //=> 4
 * maxReasonsOf(-1); //=> throws InvalidOptionsError: score: maxReasons must be a non-negative integer
 */
export function maxReasonsOf(maxReasons: number | undefined): number {
  const m = maxReasons ?? 4;
  if (!(Number.isInteger(m) && m >= 0) && m !== Infinity) {
    throw new InvalidOptionsError('score: maxReasons must be a non-negative integer', [{ code: 'invalid_max_reasons', path: ['maxReasons'], message: 'must be a non-negative integer' }]);
  }
  return m;
}
