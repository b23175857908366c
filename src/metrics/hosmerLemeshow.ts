import { InsufficientDataError } from '../errors.js';
import { buildCalibrationBands } from './_calibrationBands.js';
import { checkNumberOption } from './_inputs.js';
import { chiSquareSurvival } from './_special.js';
import type { CalibrationBand } from './calibrationTable.js';

/**
 * Options of {@link hosmerLemeshow}.
 *
 * @category Metrics
 * @example
 * const options: HosmerLemeshowOptions = { groups: 10, degreesOfFreedom: 10 }; // out-of-sample: df = G
 */
export interface HosmerLemeshowOptions {
  /** Non-negative sample weights, one per row (treated as frequency weights). @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** Quantile groups of the predicted PD ("deciles of risk"), or explicit PD cut points, as in {@link calibrationTable}. @defaultValue 10 */
  groups?: number | readonly number[];
  /**
   * Degrees of freedom of the reference chi-square. G − 2 (G = non-empty groups) is Hosmer and
   * Lemeshow's choice for the sample the model was fitted on; on an independent validation sample,
   * where no parameter was estimated, G is commonly used. @defaultValue G − 2
   */
  degreesOfFreedom?: number;
}

/**
 * Result of {@link hosmerLemeshow}.
 *
 * @category Metrics
 * @example
 * const r: HosmerLemeshowResult = { statistic: 3.2, degreesOfFreedom: 8, pValue: 0.9212, groups: [] };
 */
export interface HosmerLemeshowResult {
  /** Ĉ = Σ_g (O_g − E_g)² / (E_g (1 − E_g / n_g)). */
  statistic: number;
  /** Degrees of freedom used for the p-value. */
  degreesOfFreedom: number;
  /** P(χ²_df > Ĉ): small values mean the PDs do not match the observed bad rates. */
  pValue: number;
  /** The groups the statistic was computed on (see {@link calibrationTable}). */
  groups: CalibrationBand[];
}

/**
 * Hosmer–Lemeshow goodness-of-fit test of predicted PDs. Rows are grouped by predicted PD (deciles of
 * risk by default, exactly as {@link calibrationTable} bands them), and
 * `Ĉ = Σ_g (O_g − E_g)² / (E_g · (1 − E_g / n_g))` with n_g = Σ wᵢ, O_g = Σ wᵢyᵢ and E_g = Σ wᵢpᵢ over
 * group g (the sum over bads and goods of (O − E)²/E, written for the bads). The p-value is the
 * chi-square survival function at Ĉ, computed as the regularized upper incomplete gamma
 * Q(df/2, Ĉ/2) (series + continued fraction, checked against scipy's `chi2.sf`). Runs in O(n log n).
 * https://en.wikipedia.org/wiki/Hosmer%E2%80%93Lemeshow_test
 *
 * Caveats: the result depends on the grouping; with large samples tiny miscalibrations become
 * significant; with weights the chi-square reference is only approximate.
 *
 * @param probabilities - predicted PD per row, in [0, 1]
 * @param labels - 1 = bad, 0 = good
 * @param options - weights, groups and degrees of freedom, see {@link HosmerLemeshowOptions}
 * @returns `{ statistic, degreesOfFreedom, pValue, groups }`
 * @throws {@link InvalidInputError} on length mismatch, a probability outside [0, 1] or NaN, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when fewer than 3 non-empty groups remain (default df), or a group's PDs are all 0 or all 1
 * @throws {@link InvalidOptionsError} on invalid groups or degrees of freedom
 * @category Metrics
 * @example
 * const p = [0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.5, 0.5];
 * const y = [0, 0, 0, 1, 0, 1, 1, 1];
 * const hl = hosmerLemeshow(p, y, { groups: 4 });
 * [hl.statistic, hl.degreesOfFreedom, hl.pValue]; //=> [3.7282, 2, 0.1550]
 */
export function hosmerLemeshow(probabilities: ArrayLike<number>, labels: ArrayLike<number>, options: HosmerLemeshowOptions = {}): HosmerLemeshowResult {
  const where = 'hosmerLemeshow';
  const groups = buildCalibrationBands(where, probabilities, labels, { weights: options.weights, bands: options.groups });
  let degreesOfFreedom: number;
  if (options.degreesOfFreedom === undefined) {
    if (groups.length < 3) {
      throw new InsufficientDataError(`${where}: needs at least 3 non-empty groups of predicted PD for G - 2 degrees of freedom, found ${groups.length}`, [
        { code: 'too_few_groups', path: ['probabilities'], message: 'needs at least 3 distinct groups of predicted PD' },
      ]);
    }
    degreesOfFreedom = groups.length - 2;
  } else {
    degreesOfFreedom = checkNumberOption(where, 'degreesOfFreedom', options.degreesOfFreedom, { min: 0, isExclusive: true });
  }
  let statistic = 0;
  for (const g of groups) {
    const variance = g.expectedBads * (1 - g.expectedBadRate);
    if (!(variance > 0)) {
      throw new InsufficientDataError(`${where}: group ${g.band} has predicted PDs all 0 or all 1, so its expected variance is 0`, [
        { code: 'degenerate_group', path: ['probabilities'], message: `group ${g.band} has zero expected variance` },
      ]);
    }
    const d = g.observedBads - g.expectedBads;
    statistic += (d * d) / variance;
  }
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom), groups };
}
