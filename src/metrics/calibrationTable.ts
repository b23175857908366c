import { buildCalibrationBands } from './_calibrationBands.js';

/**
 * Options of {@link calibrationTable}.
 *
 * @category Metrics
 * @example
 * const deciles: CalibrationTableOptions = { bands: 10 };
 * const grades: CalibrationTableOptions = { bands: [0.005, 0.01, 0.02, 0.05, 0.1] };
 */
export interface CalibrationTableOptions {
  /** Non-negative sample weights, one per row. @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /**
   * A number g = quantile bands of the predicted PD (g = 10: deciles; inverted empirical CDF, ties kept
   * together), or explicit interior PD cut points (strictly increasing) for bands
   * (−∞, c₁], (c₁, c₂], …, (c_k, +∞). @defaultValue 10
   */
  bands?: number | readonly number[];
}

/**
 * One row of {@link calibrationTable}.
 *
 * @category Metrics
 * @example
 * const row: CalibrationBand = { band: 0, lower: null, upper: 0.1, count: 2, weight: 2, expectedBads: 0.15, observedBads: 0, expectedBadRate: 0.075, observedBadRate: 0, minProbability: 0.05, maxProbability: 0.1 };
 */
export interface CalibrationBand {
  /** Index of the band among all bands defined by the cut points (0 = lowest PD). */
  band: number;
  /** Lower bound (exclusive) of the band; null = unbounded. */
  lower: number | null;
  /** Upper bound (inclusive) of the band; null = unbounded. */
  upper: number | null;
  /** Number of rows. */
  count: number;
  /** Sum of weights (= count without weights). */
  weight: number;
  /** Σ wᵢ pᵢ: the number of bads the PDs predict. */
  expectedBads: number;
  /** Σ wᵢ yᵢ: the number of bads observed. */
  observedBads: number;
  /** expectedBads / weight: the mean predicted PD. */
  expectedBadRate: number;
  /** observedBads / weight: the observed default rate. */
  observedBadRate: number;
  /** Smallest predicted PD in the band. */
  minProbability: number;
  /** Largest predicted PD in the band. */
  maxProbability: number;
}

/**
 * Calibration table: predicted versus observed bad rate by band of predicted PD. Each band reports its
 * row count, weight, expected bads Σ wᵢpᵢ, observed bads Σ wᵢyᵢ, their rates (÷ Σ wᵢ) and the PD
 * range seen. Bands are PD quantiles by default (deciles, computed from the predictions themselves
 * with the inverted empirical CDF so equal PDs stay in one band) or explicit PD cut points such as a
 * master scale; bands are right-closed (c_{j−1}, c_j]. Bands with no weight are left out (their
 * `band` index says which they are). Works with one class only. Runs in O(n log n) for quantile
 * bands, O(n log k) for k explicit cut points.
 *
 * @param probabilities - predicted PD per row, in [0, 1]
 * @param labels - 1 = bad, 0 = good
 * @param options - weights and bands, see {@link CalibrationTableOptions}
 * @returns the non-empty bands, lowest PD first
 * @throws {@link InvalidInputError} on length mismatch, a probability outside [0, 1] or NaN, labels other than 0/1, negative weights
 * @throws {@link InvalidOptionsError} when bands is neither an integer >= 2 nor strictly increasing finite cut points
 * @throws {@link InsufficientDataError} on empty input
 * @category Metrics
 * @example
 * const table = calibrationTable([0.05, 0.1, 0.2, 0.3], [0, 0, 0, 1], { bands: [0.15] });
 * table.map((b) => [b.expectedBadRate, b.observedBadRate]); //=> [[0.075, 0], [0.25, 0.5]]
 */
export function calibrationTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, options: CalibrationTableOptions = {}): CalibrationBand[] {
  return buildCalibrationBands('calibrationTable', probabilities, labels, options);
}
