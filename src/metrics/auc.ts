import { validatedAuc } from './_validatedAuc.js';
import type { RankingMetricOptions } from './types.js';

/**
 * Options of {@link auc}.
 *
 * @category Metrics
 * @example
 * const options: AucOptions = { weights: new Float64Array([1, 1, 2, 1]), scoreDirection: 'higherIsSafer' };
 */
export type AucOptions = RankingMetricOptions;

/**
 * Area under the ROC curve: the probability that a randomly drawn bad (label 1) has a riskier score
 * than a randomly drawn good (label 0), ties counting one half (Mann–Whitney U / (n₁·n₀)).
 *
 * With weights, AUC = Σ_{i bad} Σ_{j good} wᵢ·wⱼ·([sᵢ riskier than sⱼ] + ½·[sᵢ = sⱼ]) / (W₁·W₀),
 * computed without the double sum: rows are sorted once and grouped by equal score, and each group
 * g contributes W₀(g)·(W₁(riskier than g) + ½·W₁(g)), which is the midrank formula. Equals
 * scikit-learn's `roc_auc_score` (trapezoidal area under the ROC curve) exactly in exact arithmetic.
 * Runs in O(n log n) time and O(n) memory. https://en.wikipedia.org/wiki/Receiver_operating_characteristic#Area_under_the_curve
 *
 * Convention: a higher `scores` value means riskier (pass PDs, or negate a credit score, or set
 * `scoreDirection: 'higherIsSafer'`); labels are 1 = bad, 0 = good.
 *
 * @param scores - one risk score per row (PD, log-odds, risk points); finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link AucOptions}
 * @returns the AUC in [0, 1]; 0.5 = no discrimination
 * @throws {@link InvalidInputError} when lengths differ, a score is not finite, a label is not 0/1 or a weight is negative (issue path e.g. `['scores', 17]`)
 * @throws {@link InsufficientDataError} when there is no bad or no good with positive weight
 * @category Metrics
 * @example
 * auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.75
 * auc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]); //=> 0.875
 * auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], [1, 3, 1, 1]); //=> 0.625
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | AucOptions): number {
  return validatedAuc('auc', scores, labels, weightsOrOptions);
}
