import { rankGroups, rankOrder } from './_rankGroups.js';
import { requireBothClasses, requireRows, resolveWeightsOrOptions, validateRankingInputs } from './_inputs.js';
import type { RankingMetricOptions } from './types.js';

/**
 * Options of {@link rocCurve}.
 *
 * @category Metrics
 * @example
 * const options: RocCurveOptions = { weights: [1, 1, 2, 1] };
 */
export type RocCurveOptions = RankingMetricOptions;

/**
 * Result of {@link rocCurve}: three columns of equal length (distinct scores + 1).
 *
 * @category Metrics
 * @example
 * const r: RocCurve = { thresholds: new Float64Array([Infinity, 0.8]), falsePositiveRate: new Float64Array([0, 0]), truePositiveRate: new Float64Array([0, 0.5]) };
 */
export interface RocCurve {
  /** Cut-offs, riskiest first: point k classifies as bad every row at or riskier than `thresholds[k]`. The first is ±Infinity (nobody classified bad). */
  thresholds: Float64Array;
  /** Weighted share of goods at or riskier than the cut-off (1 − specificity). Non-decreasing from 0 to 1. */
  falsePositiveRate: Float64Array;
  /** Weighted share of bads at or riskier than the cut-off (sensitivity, cumulative bad capture). Non-decreasing from 0 to 1. */
  truePositiveRate: Float64Array;
}

/**
 * Receiver operating characteristic curve of a risk score: one point per distinct score carrying
 * weight (rows with equal scores are never split; rows of weight 0 are ignored), plus the origin. Point k is (FPR, TPR) when every row whose score is
 * at or riskier than `thresholds[k]` is classified bad. Matches scikit-learn's
 * `roc_curve(y, s, drop_intermediate=False)` point for point (sklearn 1.2 writes `max + 1` instead
 * of Infinity as the first threshold). The KS statistic is `max(tpr − fpr)` and the AUC is the
 * trapezoidal area under this curve. Runs in O(n log n).
 *
 * Convention: higher `scores` = riskier, or set `scoreDirection: 'higherIsSafer'` (then the first
 * threshold is −Infinity and cut-offs go upward). Labels 1 = bad.
 *
 * @param scores - one risk score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link RocCurveOptions}
 * @returns `{ thresholds, falsePositiveRate, truePositiveRate }` as Float64Arrays
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when one class is absent
 * @category Metrics
 * @example
 * const roc = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
 * Array.from(roc.truePositiveRate); //=> [0, 0.5, 0.5, 1, 1]
 * Array.from(roc.falsePositiveRate); //=> [0, 0, 0.5, 0.5, 1]
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | RocCurveOptions): RocCurve {
  const where = 'rocCurve';
  const input = validateRankingInputs(where, scores, labels, resolveWeightsOrOptions(weightsOrOptions));
  requireRows(where, 'scores', scores.length, 2);
  const groups = rankGroups(rankOrder(scores, input.isHigherSafer), scores, labels, input.weights);
  requireBothClasses(where, groups.totalBad, groups.totalGood);
  const m = groups.groupCount + 1;
  const thresholds = new Float64Array(m);
  const falsePositiveRate = new Float64Array(m);
  const truePositiveRate = new Float64Array(m);
  thresholds[0] = input.isHigherSafer ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let cumulativeBad = 0;
  let cumulativeGood = 0;
  let k = 1;
  for (let g = 0; g < groups.groupCount; g++) {
    if (groups.bad[g] === 0 && groups.good[g] === 0) continue; // rows of weight 0 are not cut-offs (as sklearn)
    cumulativeBad += groups.bad[g];
    cumulativeGood += groups.good[g];
    thresholds[k] = groups.score[g];
    truePositiveRate[k] = cumulativeBad / groups.totalBad;
    falsePositiveRate[k] = cumulativeGood / groups.totalGood;
    k++;
  }
  return { thresholds: thresholds.slice(0, k), falsePositiveRate: falsePositiveRate.slice(0, k), truePositiveRate: truePositiveRate.slice(0, k) };
}
