import { InsufficientDataError } from '../errors.js';
import { checkFinite, checkLabels, checkNumberOption, checkSameLength, requireArrayLike, resolveDirection } from './_inputs.js';
import { normalQuantile, normalTwoSidedPValue } from './_special.js';
import { sortedOrder } from './_sort.js';
import type { ScoreDirection } from './types.js';

/**
 * Options of {@link delongTest}.
 *
 * @category Metrics
 * @example
 * const options: DelongTestOptions = { scoreDirection: 'higherIsSafer', level: 0.9 };
 */
export interface DelongTestOptions {
  /** Which end of the score scale is risky, for both models. @defaultValue 'higherIsRiskier' */
  scoreDirection?: ScoreDirection;
  /** Confidence level of the interval for the AUC difference, in (0, 1). @defaultValue 0.95 */
  level?: number;
}

/**
 * Result of {@link delongTest}.
 *
 * @category Metrics
 * @example
 * const r: DelongTestResult = { aucA: 0.8, aucB: 0.75, difference: 0.05, variance: 0.0004, standardError: 0.02, standardErrorA: 0.021, standardErrorB: 0.023, z: 2.5, pValue: 0.0124, confidenceInterval: [0.0108, 0.0892] };
 */
export interface DelongTestResult {
  /** AUC of model A (ties count ½). */
  aucA: number;
  /** AUC of model B. */
  aucB: number;
  /** aucA − aucB. */
  difference: number;
  /** DeLong estimate of Var(aucA − aucB) = S_AA + S_BB − 2·S_AB. */
  variance: number;
  /** √variance. */
  standardError: number;
  /** DeLong standard error of aucA alone, √S_AA. */
  standardErrorA: number;
  /** DeLong standard error of aucB alone, √S_BB. */
  standardErrorB: number;
  /** difference / standardError (0 when both are 0). */
  z: number;
  /** Two-sided p-value 2·Φ(−|z|) of H₀: equal AUCs. */
  pValue: number;
  /** Normal-approximation interval for the difference at `level`. */
  confidenceInterval: [number, number];
}

/** Midranks (1-based, ties averaged) of `values`. O(n) (radix sort). */
function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = sortedOrder(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Structural components V10 (per bad) and V01 (per good) of one model (Sun & Xu 2014). */
function components(scores: ArrayLike<number>, badIndex: Uint32Array, goodIndex: Uint32Array, sign: number): { v10: Float64Array; v01: Float64Array; auc: number } {
  const m = badIndex.length;
  const n = goodIndex.length;
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  const z = new Float64Array(m + n);
  for (let i = 0; i < m; i++) z[i] = x[i] = sign * scores[badIndex[i]];
  for (let j = 0; j < n; j++) z[m + j] = y[j] = sign * scores[goodIndex[j]];
  const tx = midranks(x);
  const ty = midranks(y);
  const tz = midranks(z);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (tz[i] - tx[i]) / n;
    sum += v10[i];
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (tz[m + j] - ty[j]) / m;
  return { v10, v01, auc: sum / m };
}

function covariance(a: Float64Array, b: Float64Array): number {
  const k = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < k; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= k;
  meanB /= k;
  let s = 0;
  for (let i = 0; i < k; i++) s += (a[i] - meanA) * (b[i] - meanB);
  return s / (k - 1);
}

/**
 * DeLong's test for the difference between the AUCs of two correlated risk scores on the same rows
 * (DeLong, DeLong & Clarke-Pearson 1988), with the fast midrank algorithm of Sun & Xu (2014).
 * For model r, with m bads X and n goods Y: V10ᵣ(i) = (T_Z(i) − T_X(i)) / n for each bad and
 * V01ᵣ(j) = 1 − (T_Z(j) − T_Y(j)) / m for each good, where T_Z, T_X, T_Y are midranks within all rows,
 * the bads and the goods; AUCᵣ = mean V10ᵣ. S10 and S01 are the sample covariance matrices (divisor
 * m − 1, n − 1) of the V10 and V01 across the two models, S = S10/m + S01/n, and
 * z = (AUC_A − AUC_B) / √(S_AA + S_BB − 2 S_AB), p = 2·Φ(−|z|) (computed as erfc(|z|/√2) through the
 * regularized incomplete gamma). Ties count ½. Unweighted. Runs in O(N log N).
 * https://doi.org/10.1109/LSP.2014.2337313
 *
 * If both models give identical rankings the variance is 0 and the result is z = 0, p = 1.
 *
 * @param scoresA - risk scores of model A (e.g. the champion's PDs)
 * @param scoresB - risk scores of model B on the same rows, same direction
 * @param labels - 1 = bad, 0 = good
 * @param options - direction and confidence level, see {@link DelongTestOptions}
 * @returns `{ aucA, aucB, difference, variance, standardError, standardErrorA, standardErrorB, z, pValue, confidenceInterval }`
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1
 * @throws {@link InsufficientDataError} with fewer than 2 bads or 2 goods, or when the variance is 0 but the AUCs differ
 * @category Metrics
 * @example
 * const labels = [0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0];
 * const champion = [0.1, 0.2, 0.3, 0.45, 0.5, 0.7, 0.8, 0.55, 0.35, 0.15, 0.6, 0.25];
 * const challenger = [0.2, 0.5, 0.4, 0.3, 0.6, 0.35, 0.5, 0.7, 0.25, 0.45, 0.3, 0.1];
 * const t = delongTest(champion, challenger, labels);
 * [t.aucA, t.aucB, t.z, t.pValue]; //=> [0.9143, 0.5429, 2.1961, 0.0281]
 */
export function delongTest(scoresA: ArrayLike<number>, scoresB: ArrayLike<number>, labels: ArrayLike<number>, options: DelongTestOptions = {}): DelongTestResult {
  const where = 'delongTest';
  const n = requireArrayLike(where, 'labels', labels);
  checkSameLength(where, 'labels', n, 'scoresA', scoresA);
  checkSameLength(where, 'labels', n, 'scoresB', scoresB);
  checkFinite(where, 'scoresA', scoresA);
  checkFinite(where, 'scoresB', scoresB);
  checkLabels(where, 'labels', labels);
  const isHigherSafer = resolveDirection(where, options.scoreDirection);
  const level = options.level === undefined ? 0.95 : checkNumberOption(where, 'level', options.level, { min: 0, max: 1, isExclusive: true });
  let badCount = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) badCount++;
  const goodCount = n - badCount;
  if (badCount < 2 || goodCount < 2) {
    throw new InsufficientDataError(`${where}: needs at least 2 bads (label 1) and 2 goods (label 0), found ${badCount} bads and ${goodCount} goods`, [
      { code: 'too_few_per_class', path: ['labels'], message: 'needs at least 2 bads and 2 goods' },
    ]);
  }
  const badIndex = new Uint32Array(badCount);
  const goodIndex = new Uint32Array(goodCount);
  for (let i = 0, b = 0, g = 0; i < n; i++) {
    if (labels[i] === 1) badIndex[b++] = i;
    else goodIndex[g++] = i;
  }
  const sign = isHigherSafer ? -1 : 1;
  const a = components(scoresA, badIndex, goodIndex, sign);
  const b = components(scoresB, badIndex, goodIndex, sign);
  const varianceA = covariance(a.v10, a.v10) / badCount + covariance(a.v01, a.v01) / goodCount;
  const varianceB = covariance(b.v10, b.v10) / badCount + covariance(b.v01, b.v01) / goodCount;
  const covarianceAB = covariance(a.v10, b.v10) / badCount + covariance(a.v01, b.v01) / goodCount;
  const variance = Math.max(0, varianceA + varianceB - 2 * covarianceAB);
  const standardErrorA = Math.sqrt(Math.max(0, varianceA));
  const standardErrorB = Math.sqrt(Math.max(0, varianceB));
  const difference = a.auc - b.auc;
  const standardError = Math.sqrt(variance);
  const half = normalQuantile(0.5 + level / 2) * standardError;
  const confidenceInterval: [number, number] = [difference - half, difference + half];
  if (variance === 0) {
    if (difference !== 0) {
      throw new InsufficientDataError(`${where}: the AUC difference ${difference} has zero estimated variance (both models separate the classes completely), so no test is possible`, [
        { code: 'zero_variance', path: ['labels'], message: 'the variance of the AUC difference is 0' },
      ]);
    }
    return { aucA: a.auc, aucB: b.auc, difference, variance, standardError, standardErrorA, standardErrorB, z: 0, pValue: 1, confidenceInterval };
  }
  const z = difference / standardError;
  return { aucA: a.auc, aucB: b.auc, difference, variance, standardError, standardErrorA, standardErrorB, z, pValue: normalTwoSidedPValue(z), confidenceInterval };
}
