/**
 * Private input checks shared by the metrics (never exported from `./metrics`).
 *
 * Every check collects the problems it finds as {@link Issue}s whose `path` points at the offending
 * element (`['scores', 17]`), and throws one {@link InvalidInputError} listing them (at most
 * {@link MAX_ISSUES}, with the total in the message), so a bad input never becomes a silent NaN.
 */
import { InsufficientDataError, InvalidInputError, InvalidOptionsError, formatIssuePath, type Issue } from '../errors.js';
import type { RankingMetricOptions } from './types.js';

/** At most this many issues are listed per error; the message gives the total. */
export const MAX_ISSUES = 20;

/** Throws one InvalidInputError listing `issues` (first {@link MAX_ISSUES}). */
export function throwIssues(where: string, issues: Issue[], total: number = issues.length): never {
  const shown = issues.slice(0, 3).map((i) => `${formatIssuePath(i.path)} ${i.message}`);
  const more = total > 3 ? `; and ${total - 3} more` : '';
  throw new InvalidInputError(`${where}: ${total} invalid input${total === 1 ? '' : 's'} (${shown.join('; ')}${more})`, issues);
}

function describeValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  return typeof v;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return false;
  if (ArrayBuffer.isView(value)) return true;
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' && Number.isInteger(length) && length >= 0;
}

/** Checks that `value` is an array-like; returns its length. */
export function requireArrayLike(where: string, name: string, value: unknown): number {
  if (!isArrayLike(value)) {
    throwIssues(where, [{ code: 'invalid_type', path: [name], message: `must be an array or typed array of numbers, received ${describeValue(value)}` }]);
  }
  return value.length;
}

/** Checks that every element is a finite number. */
export function checkFinite(where: string, name: string, values: ArrayLike<number>): void {
  const n = requireArrayLike(where, name, values);
  const issues: Issue[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      total++;
      if (issues.length < MAX_ISSUES) issues.push({ code: 'not_finite', path: [name, i], message: `must be a finite number, received ${describeValue(v)}` });
    }
  }
  if (total > 0) throwIssues(where, issues, total);
}

/** Checks that every element is a probability in [0, 1] (or the open interval when `open`). */
export function checkProbabilities(where: string, name: string, values: ArrayLike<number>, open = false): void {
  const n = requireArrayLike(where, name, values);
  const issues: Issue[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const ok = typeof v === 'number' && (open ? v > 0 && v < 1 : v >= 0 && v <= 1);
    if (!ok) {
      total++;
      if (issues.length < MAX_ISSUES) {
        issues.push({ code: 'not_probability', path: [name, i], message: `must be a probability in ${open ? '(0, 1)' : '[0, 1]'}, received ${describeValue(v)}` });
      }
    }
  }
  if (total > 0) throwIssues(where, issues, total);
}

/** Checks that every label is 0 (good) or 1 (bad). */
export function checkLabels(where: string, name: string, labels: ArrayLike<number>): void {
  const n = requireArrayLike(where, name, labels);
  const issues: Issue[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (v !== 0 && v !== 1) {
      total++;
      if (issues.length < MAX_ISSUES) issues.push({ code: 'invalid_label', path: [name, i], message: `must be 0 (good) or 1 (bad), received ${describeValue(v)}` });
    }
  }
  if (total > 0) throwIssues(where, issues, total);
}

/** Checks that weights are finite and non-negative with a positive total. */
export function checkWeights(where: string, name: string, weights: ArrayLike<number>): void {
  const n = requireArrayLike(where, name, weights);
  const issues: Issue[] = [];
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = weights[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      total++;
      if (issues.length < MAX_ISSUES) issues.push({ code: 'not_finite', path: [name, i], message: `must be a finite number, received ${describeValue(v)}` });
    } else if (v < 0) {
      total++;
      if (issues.length < MAX_ISSUES) issues.push({ code: 'negative_weight', path: [name, i], message: `must be >= 0, received ${describeValue(v)}` });
    } else {
      sum += v;
    }
  }
  if (total > 0) throwIssues(where, issues, total);
  if (n > 0 && !(sum > 0)) {
    throwIssues(where, [{ code: 'zero_total_weight', path: [name], message: 'must have a positive total' }]);
  }
}

/** Checks that `other` has the same length as `reference`. */
export function checkSameLength(where: string, referenceName: string, referenceLength: number, name: string, other: ArrayLike<unknown>): void {
  const n = requireArrayLike(where, name, other);
  if (n !== referenceLength) {
    throwIssues(where, [{ code: 'length_mismatch', path: [name], message: `must have the length of ${referenceName} (${referenceLength}), received length ${n}` }]);
  }
}

/** Throws InsufficientDataError when there are no rows. */
export function requireRows(where: string, name: string, n: number, minimum = 1): void {
  if (n < minimum) {
    throw new InsufficientDataError(`${where}: needs at least ${minimum} row${minimum === 1 ? '' : 's'} in ${name}, received ${n}`, [
      { code: 'too_few_rows', path: [name], message: `needs at least ${minimum} row${minimum === 1 ? '' : 's'}` },
    ]);
  }
}

/** Validated inputs of a ranking metric. */
export interface RankingInputs {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
  weights: ArrayLike<number> | undefined;
  isHigherSafer: boolean;
}

/** Splits the third argument of a ranking metric into weights and options. */
export function resolveWeightsOrOptions<T extends RankingMetricOptions>(weightsOrOptions: ArrayLike<number> | T | undefined): T {
  if (weightsOrOptions === undefined || weightsOrOptions === null) return {} as T;
  if (isArrayLike(weightsOrOptions)) return { weights: weightsOrOptions } as T;
  return weightsOrOptions as T;
}

/** Checks a scoreDirection option. */
export function resolveDirection(where: string, direction: unknown): boolean {
  if (direction === undefined || direction === 'higherIsRiskier') return false;
  if (direction === 'higherIsSafer') return true;
  throw new InvalidOptionsError(`${where}: scoreDirection must be 'higherIsRiskier' or 'higherIsSafer', received ${describeValue(direction)}`, [
    { code: 'invalid_value', path: ['scoreDirection'], message: "must be 'higherIsRiskier' or 'higherIsSafer'" },
  ]);
}

/** Validates scores, labels and optional weights of a ranking metric (lengths, finiteness, 0/1 labels). */
export function validateRankingInputs(where: string, scores: ArrayLike<number>, labels: ArrayLike<number>, options: RankingMetricOptions): RankingInputs {
  const n = requireArrayLike(where, 'scores', scores);
  checkSameLength(where, 'scores', n, 'labels', labels);
  if (options.weights !== undefined) checkSameLength(where, 'scores', n, 'weights', options.weights);
  checkFinite(where, 'scores', scores);
  checkLabels(where, 'labels', labels);
  if (options.weights !== undefined) checkWeights(where, 'weights', options.weights);
  const isHigherSafer = resolveDirection(where, options.scoreDirection);
  return { scores, labels, weights: options.weights, isHigherSafer };
}

/** Throws InsufficientDataError unless both classes carry positive weight. */
export function requireBothClasses(where: string, badWeight: number, goodWeight: number): void {
  if (badWeight > 0 && goodWeight > 0) return;
  const missing = badWeight > 0 ? 'good (label 0)' : goodWeight > 0 ? 'bad (label 1)' : 'bad (label 1) or good (label 0)';
  throw new InsufficientDataError(`${where}: needs at least one bad (label 1) and one good (label 0) with positive weight, found no ${missing}`, [
    { code: 'single_class', path: ['labels'], message: 'needs both classes with positive weight' },
  ]);
}

/** Checks a numeric option: finite and within [min, max] (bounds optional). */
export function checkNumberOption(where: string, name: string, value: unknown, rule: { min?: number; max?: number; isInteger?: boolean; isExclusive?: boolean }): number {
  const bad = (message: string): never => {
    throw new InvalidOptionsError(`${where}: ${name} ${message}, received ${describeValue(value)}`, [{ code: 'invalid_value', path: [name], message }]);
  };
  if (typeof value !== 'number' || !Number.isFinite(value)) bad('must be a finite number');
  const v = value as number;
  if (rule.isInteger && !Number.isInteger(v)) bad('must be an integer');
  if (rule.min !== undefined && (rule.isExclusive ? v <= rule.min : v < rule.min)) bad(`must be ${rule.isExclusive ? '>' : '>='} ${rule.min}`);
  if (rule.max !== undefined && (rule.isExclusive ? v >= rule.max : v > rule.max)) bad(`must be ${rule.isExclusive ? '<' : '<='} ${rule.max}`);
  return v;
}
