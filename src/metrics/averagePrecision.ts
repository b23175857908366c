import { rankGroups, rankOrder } from './_rankGroups.js';
import { requireBothClasses, requireRows, resolveWeightsOrOptions, validateRankingInputs } from './_inputs.js';
import type { RankingMetricOptions } from './types.js';

/**
 * Options of {@link averagePrecision}.
 *
 * @category Metrics
 * @example
 * const options: AveragePrecisionOptions = { weights: [1, 1, 2, 1] };
 */
export type AveragePrecisionOptions = RankingMetricOptions;

/**
 * Average precision of a risk score at finding bads: the step-wise area under the precision–recall
 * curve, `AP = Σₖ (Rₖ − Rₖ₋₁) · Pₖ` (R₀ = 0), where cut-off k classifies as bad every row at or
 * riskier than the k-th distinct score (riskiest first), Pₖ = weighted bads / weighted rows so
 * classified and Rₖ = weighted bads so classified / all bads. Rows with equal scores are never split,
 * and there is no interpolation: this is scikit-learn's `average_precision_score`. A random score
 * gets AP ≈ the bad rate, a perfect one 1. Runs in O(n log n).
 * https://scikit-learn.org/stable/modules/model_evaluation.html#precision-recall-and-f-measures
 *
 * Convention: higher `scores` = riskier, or set `scoreDirection: 'higherIsSafer'`; labels 1 = bad.
 *
 * @param scores - one risk score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link AveragePrecisionOptions}
 * @returns AP in [0, 1]
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when one class is absent
 * @category Metrics
 * @example
 * averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.8333
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | AveragePrecisionOptions): number {
  const where = 'averagePrecision';
  const input = validateRankingInputs(where, scores, labels, resolveWeightsOrOptions(weightsOrOptions));
  requireRows(where, 'scores', scores.length, 2);
  const groups = rankGroups(rankOrder(scores, input.isHigherSafer), scores, labels, input.weights);
  requireBothClasses(where, groups.totalBad, groups.totalGood);
  let cumulativeBad = 0;
  let cumulativeGood = 0;
  let previousRecall = 0;
  let sum = 0;
  for (let g = 0; g < groups.groupCount; g++) {
    cumulativeBad += groups.bad[g];
    cumulativeGood += groups.good[g];
    const classified = cumulativeBad + cumulativeGood;
    if (classified === 0) continue; // a leading group whose rows all weigh 0 adds no step
    const recall = cumulativeBad / groups.totalBad;
    const precision = cumulativeBad / classified;
    sum += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return sum;
}
