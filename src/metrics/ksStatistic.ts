import { ksFromGroups, rankGroups, rankOrder } from './_rankGroups.js';
import { requireBothClasses, requireRows, resolveWeightsOrOptions, validateRankingInputs } from './_inputs.js';
import type { RankingMetricOptions } from './types.js';

/**
 * Options of {@link ksStatistic}.
 *
 * @category Metrics
 * @example
 * const options: KsStatisticOptions = { scoreDirection: 'higherIsSafer' };
 */
export type KsStatisticOptions = RankingMetricOptions;

/**
 * Result of {@link ksStatistic}.
 *
 * @category Metrics
 * @example
 * const r: KsStatisticResult = { ks: 0.5, threshold: 0.8, cumulativeBadShare: 0.5, cumulativeGoodShare: 0 };
 */
export interface KsStatisticResult {
  /** max over cut-offs t of (share of bads at or riskier than t) − (share of goods at or riskier than t); in [0, 1]. */
  ks: number;
  /** The score t where the maximum is first reached, walking from the riskiest score down (always a score present in the data). */
  threshold: number;
  /** Weighted share of bads with a score at or riskier than `threshold` (the true-positive rate there). */
  cumulativeBadShare: number;
  /** Weighted share of goods with a score at or riskier than `threshold` (the false-positive rate there). */
  cumulativeGoodShare: number;
}

/**
 * Kolmogorov–Smirnov statistic of a risk score: the largest vertical gap between the cumulative
 * score distributions of bads and goods, `KS = maxₜ (TPR(t) − FPR(t))`, where TPR(t) and FPR(t) are the
 * weighted shares of bads and goods whose score is at or riskier than the cut-off t (t ranging over
 * the distinct scores; rows with equal scores are never split). Equals `max(tpr − fpr)` over
 * scikit-learn's `roc_curve`. `threshold` is the score where the maximum is first reached when
 * walking from the riskiest score down (sklearn's `argmax`), counting actual scores only: when KS = 0,
 * which sklearn reports at its artificial "nobody flagged" threshold, it is the first score where
 * TPR = FPR (at the latest the safest score, where both are 1).
 *
 * The gap is signed in the direction of the convention (higher score = riskier, or
 * `scoreDirection: 'higherIsSafer'`): a score that ranks the wrong way round gets KS near 0, not a
 * large value, so check `auc` > 0.5 before reading KS. Runs in O(n log n).
 * https://en.wikipedia.org/wiki/Kolmogorov%E2%80%93Smirnov_test#Two-sample_Kolmogorov%E2%80%93Smirnov_test
 *
 * @param scores - one risk score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link KsStatisticOptions}
 * @returns `{ ks, threshold, cumulativeBadShare, cumulativeGoodShare }`
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when one class is absent
 * @category Metrics
 * @example
 * ksStatistic([0.1, 0.4, 0.35, 0.8, 0.2], [0, 0, 1, 1, 0]);
 * //=> { ks: 0.6667, threshold: 0.35, cumulativeBadShare: 1, cumulativeGoodShare: 0.3333 }
 * ksStatistic([720, 610, 650, 580], [0, 0, 1, 1], { scoreDirection: 'higherIsSafer' }).threshold; //=> 580
 */
export function ksStatistic(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | KsStatisticOptions): KsStatisticResult {
  const where = 'ksStatistic';
  const input = validateRankingInputs(where, scores, labels, resolveWeightsOrOptions(weightsOrOptions));
  requireRows(where, 'scores', scores.length, 2);
  const groups = rankGroups(rankOrder(scores, input.isHigherSafer), scores, labels, input.weights);
  requireBothClasses(where, groups.totalBad, groups.totalGood);
  const best = ksFromGroups(groups);
  return { ks: best.ks, threshold: groups.score[best.group], cumulativeBadShare: best.truePositiveRate, cumulativeGoodShare: best.falsePositiveRate };
}
