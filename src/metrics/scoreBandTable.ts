import { bandOf, resolveCutPoints } from './_bands.js';
import { requireRows, validateRankingInputs } from './_inputs.js';
import type { ScoreDirection } from './types.js';

/**
 * Options of {@link scoreBandTable}.
 *
 * @category Metrics
 * @example
 * const options: ScoreBandTableOptions = { bands: [550, 600, 650, 700], scoreDirection: 'higherIsSafer' };
 */
export interface ScoreBandTableOptions {
  /** Non-negative sample weights, one per row. @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** A number g = quantile bands of the scores (inverted empirical CDF, ties kept together), or explicit interior score cut points for right-closed bands (c_{j−1}, c_j]. @defaultValue 10 */
  bands?: number | readonly number[];
  /** Which end of the score scale is risky. @defaultValue 'higherIsRiskier' */
  scoreDirection?: ScoreDirection;
}

/**
 * One row of {@link scoreBandTable}; cumulative columns accumulate from the safest band down to this one.
 *
 * @category Metrics
 * @example
 * const row: ScoreBand = { band: 0, lower: null, upper: 0.1, count: 5, weight: 5, share: 0.5, bads: 0, goods: 5, badRate: 0, cumulativeApprovalRate: 0.5, cumulativeBadRate: 0, minScore: 0.02, maxScore: 0.1 };
 */
export interface ScoreBand {
  /** Index of the band by ascending score among all bands of the cut points. */
  band: number;
  /** Exclusive lower score bound; null = unbounded. */
  lower: number | null;
  /** Inclusive upper score bound; null = unbounded. */
  upper: number | null;
  /** Rows in the band. */
  count: number;
  /** Sum of weights in the band (= count without weights). */
  weight: number;
  /** weight / total weight. */
  share: number;
  /** Weighted bads (label 1). */
  bads: number;
  /** Weighted goods (label 0). */
  goods: number;
  /** bads / weight. */
  badRate: number;
  /** Share of all weight approved when approving this band and every safer one (the cut-off at this band). */
  cumulativeApprovalRate: number;
  /** Bad rate among those approved at this cut-off. */
  cumulativeBadRate: number;
  /** Lowest score in the band. */
  minScore: number;
  /** Highest score in the band. */
  maxScore: number;
}

/**
 * Score-band table (gains table): for each score band, its count, share, bads, goods and bad rate,
 * and — approving from the safest band down — the cumulative approval rate
 * Σ_{bands at least as safe} weight / total and the cumulative bad rate
 * Σ_{bands at least as safe} bads / Σ_{bands at least as safe} weight at that cut-off. Rows are ordered
 * from the safest band to the riskiest (lowest scores first when higher = riskier; highest first with
 * `scoreDirection: 'higherIsSafer'`). Bands are score deciles by default (inverted empirical CDF; equal
 * scores stay together) or explicit cut points; bands with no weight are left out. Works with one
 * class only. Runs in O(n log n).
 *
 * @param scores - one score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param options - weights, bands and direction, see {@link ScoreBandTableOptions}
 * @returns the non-empty bands, safest first
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InvalidOptionsError} on invalid bands or direction
 * @throws {@link InsufficientDataError} on empty input
 * @category Metrics
 * @example
 * const table = scoreBandTable([720, 700, 650, 640, 600, 580], [0, 0, 0, 1, 0, 1], { bands: [620, 680], scoreDirection: 'higherIsSafer' });
 * table.map((b) => [b.badRate, b.cumulativeApprovalRate, b.cumulativeBadRate]);
 * //=> [[0, 0.3333, 0], [0.5, 0.6667, 0.25], [0.5, 1, 0.3333]]
 */
export function scoreBandTable(scores: ArrayLike<number>, labels: ArrayLike<number>, options: ScoreBandTableOptions = {}): ScoreBand[] {
  const where = 'scoreBandTable';
  const input = validateRankingInputs(where, scores, labels, options);
  const n = scores.length;
  requireRows(where, 'scores', n);
  const { weights } = input;
  const { cuts } = resolveCutPoints(where, 'bands', options.bands, 10, scores, weights);
  const k = cuts.length + 1;
  const count = new Float64Array(k);
  const weight = new Float64Array(k);
  const bads = new Float64Array(k);
  const minimum = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const maximum = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const b = bandOf(cuts, s);
    const w = weights === undefined ? 1 : weights[i];
    count[b] += 1;
    weight[b] += w;
    bads[b] += w * labels[i];
    total += w;
    if (s < minimum[b]) minimum[b] = s;
    if (s > maximum[b]) maximum[b] = s;
  }
  const rows: ScoreBand[] = [];
  let cumulativeWeight = 0;
  let cumulativeBads = 0;
  for (let j = 0; j < k; j++) {
    const b = input.isHigherSafer ? k - 1 - j : j;
    if (!(weight[b] > 0)) continue;
    cumulativeWeight += weight[b];
    cumulativeBads += bads[b];
    rows.push({
      band: b,
      lower: b === 0 ? null : cuts[b - 1],
      upper: b === k - 1 ? null : cuts[b],
      count: count[b],
      weight: weight[b],
      share: weight[b] / total,
      bads: bads[b],
      goods: weight[b] - bads[b],
      badRate: bads[b] / weight[b],
      cumulativeApprovalRate: cumulativeWeight / total,
      cumulativeBadRate: cumulativeBads / cumulativeWeight,
      minScore: minimum[b],
      maxScore: maximum[b],
    });
  }
  return rows;
}
