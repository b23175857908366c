import { bandOf, resolveCutPoints } from './_bands.js';
import { checkFinite, checkSameLength, checkWeights, requireArrayLike, requireRows } from './_inputs.js';
import { intervalLabel, resolvePseudoCount, stabilityFromCounts } from './_stability.js';
import type { StabilityLevel, StabilityThresholds } from './stabilityLevel.js';

/**
 * Options of {@link populationStabilityIndex}.
 *
 * @category Metrics
 * @example
 * const options: PopulationStabilityIndexOptions = { bins: [500, 550, 600, 650, 700] };
 */
export interface PopulationStabilityIndexOptions {
  /**
   * A number g = quantile bins of the reference (inverted empirical CDF, ties kept together; 10 =
   * deciles), or explicit interior cut points (strictly increasing) for right-closed bins
   * (−∞, c₁], (c₁, c₂], …, (c_k, +∞). @defaultValue 10
   */
  bins?: number | readonly number[];
  /** Non-negative weights of the reference rows. @defaultValue all 1 */
  referenceWeights?: ArrayLike<number>;
  /** Non-negative weights of the current rows. @defaultValue all 1 */
  currentWeights?: ArrayLike<number>;
  /** Added to every bin's (weighted) count in both samples when some bin is empty in one of them. Must be > 0. @defaultValue 0.5 */
  pseudoCount?: number;
  /** Level thresholds. @defaultValue {@link STABILITY_THRESHOLDS} (0.10 / 0.25) */
  thresholds?: StabilityThresholds;
}

/**
 * One bin of a stability index.
 *
 * @category Metrics
 * @example
 * const bin: StabilityBin = { label: '(-Infinity, 0.1]', lower: null, upper: 0.1, category: null, isMissing: false, referenceCount: 100, currentCount: 80, referenceShare: 0.1, currentShare: 0.08, contribution: 0.0045 };
 */
export interface StabilityBin {
  /** Display label: an interval `(lower, upper]`, a category, or `missing`. */
  label: string;
  /** Exclusive lower bound of a numeric bin; null when unbounded or not numeric. */
  lower: number | null;
  /** Inclusive upper bound of a numeric bin; null when unbounded or not numeric. */
  upper: number | null;
  /** The category of a categorical bin; null otherwise. */
  category: string | number | null;
  /** True for the bin of missing values. */
  isMissing: boolean;
  /** Weighted count of reference rows in the bin (before smoothing). */
  referenceCount: number;
  /** Weighted count of current rows in the bin (before smoothing). */
  currentCount: number;
  /** Reference share r_k used in the formula (after smoothing, if any). */
  referenceShare: number;
  /** Current share c_k used in the formula (after smoothing, if any). */
  currentShare: number;
  /** (c_k − r_k) · ln(c_k / r_k) ≥ 0: this bin's part of the index. */
  contribution: number;
}

/**
 * Result of {@link populationStabilityIndex}.
 *
 * @category Metrics
 * @example
 * const r: PopulationStabilityIndexResult = { psi: 0.02, level: 'stable', isSmoothed: false, bins: [] };
 */
export interface PopulationStabilityIndexResult {
  /** Σ_k (c_k − r_k) · ln(c_k / r_k). */
  psi: number;
  /** stable / moderate / significant under the thresholds. */
  level: StabilityLevel;
  /** True when some bin was empty in one sample and the pseudo-count was added. */
  isSmoothed: boolean;
  /** Per-bin counts, shares and contributions, lowest values first. */
  bins: StabilityBin[];
}

/**
 * Population stability index between a reference distribution (e.g. scores at development) and a
 * current one: `PSI = Σ_k (c_k − r_k) · ln(c_k / r_k)`, where r_k and c_k are the (weighted) shares of
 * the reference and current samples in bin k — the symmetrised Kullback–Leibler divergence of the
 * binned distributions. Bins come from the reference: its deciles by default (inverted empirical CDF,
 * so equal values stay together and every bin holds reference rows), or explicit cut points;
 * bins are right-closed (c_{j−1}, c_j] and the outer ones are open-ended, so every current value
 * falls in a bin.
 *
 * Empty-bin smoothing: a bin empty in one sample would make the term infinite. When that happens,
 * 0.5 (`pseudoCount`) is added to every bin's count in both samples (the Haldane–Anscombe correction)
 * before computing shares, and `isSmoothed` is true; bins empty in both samples are dropped. We add a
 * pseudo-count rather than flooring shares at a constant such as 1e-4 because the pseudo-count scales
 * with the sample: an empty bin among 100 rows is weak evidence (share 0.5/105), among 1,000,000 rows
 * strong evidence (share 0.5/1,000,005), whereas a fixed floor makes the index depend on an arbitrary
 * constant. Without empty bins the index is the exact, unsmoothed formula.
 *
 * Levels (named constants {@link STABILITY_THRESHOLDS}): 'stable' < 0.10 ≤ 'moderate' < 0.25 ≤
 * 'significant'. Runs in O((n + m) log n).
 *
 * @param reference - reference values (scores or PDs), finite numbers
 * @param current - current values, finite numbers
 * @param options - bins, weights, smoothing and thresholds, see {@link PopulationStabilityIndexOptions}
 * @returns `{ psi, level, isSmoothed, bins }`
 * @throws {@link InvalidInputError} when a value is not finite or a weight is negative, or weights differ in length from their values
 * @throws {@link InvalidOptionsError} on invalid bins, pseudo-count or thresholds
 * @throws {@link InsufficientDataError} when either sample is empty
 * @category Metrics
 * @example
 * const reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const current = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9];
 * populationStabilityIndex(reference, current, { bins: 5 }).psi; //=> 0.1099
 * populationStabilityIndex(reference, current, { bins: 5 }).level; //=> 'moderate'
 */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>, options: PopulationStabilityIndexOptions = {}): PopulationStabilityIndexResult {
  const where = 'populationStabilityIndex';
  const referenceLength = requireArrayLike(where, 'reference', reference);
  const currentLength = requireArrayLike(where, 'current', current);
  const { referenceWeights, currentWeights } = options;
  if (referenceWeights !== undefined) checkSameLength(where, 'reference', referenceLength, 'referenceWeights', referenceWeights);
  if (currentWeights !== undefined) checkSameLength(where, 'current', currentLength, 'currentWeights', currentWeights);
  checkFinite(where, 'reference', reference);
  checkFinite(where, 'current', current);
  if (referenceWeights !== undefined) checkWeights(where, 'referenceWeights', referenceWeights);
  if (currentWeights !== undefined) checkWeights(where, 'currentWeights', currentWeights);
  requireRows(where, 'reference', referenceLength);
  requireRows(where, 'current', currentLength);
  const pseudoCount = resolvePseudoCount(where, options.pseudoCount);
  const { cuts } = resolveCutPoints(where, 'bins', options.bins, 10, reference, referenceWeights);
  const k = cuts.length + 1;
  const referenceCounts = new Float64Array(k);
  const currentCounts = new Float64Array(k);
  for (let i = 0; i < referenceLength; i++) referenceCounts[bandOf(cuts, reference[i])] += referenceWeights === undefined ? 1 : referenceWeights[i];
  for (let i = 0; i < currentLength; i++) currentCounts[bandOf(cuts, current[i])] += currentWeights === undefined ? 1 : currentWeights[i];
  const labels = Array.from({ length: k }, (_, b) => {
    const lower = b === 0 ? null : cuts[b - 1];
    const upper = b === k - 1 ? null : cuts[b];
    return { label: intervalLabel(lower, upper), lower, upper, category: null, isMissing: false };
  });
  const core = stabilityFromCounts({ labels, reference: referenceCounts, current: currentCounts }, pseudoCount, options.thresholds);
  return { psi: core.index, level: core.level, isSmoothed: core.isSmoothed, bins: core.bins };
}
