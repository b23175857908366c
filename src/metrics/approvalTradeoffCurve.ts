import { rankGroups, rankOrder } from './_rankGroups.js';
import { requireRows, resolveWeightsOrOptions, validateRankingInputs } from './_inputs.js';
import type { RankingMetricOptions } from './types.js';

/**
 * Options of {@link approvalTradeoffCurve}.
 *
 * @category Metrics
 * @example
 * const options: ApprovalTradeoffCurveOptions = { scoreDirection: 'higherIsSafer' };
 */
export type ApprovalTradeoffCurveOptions = RankingMetricOptions;

/**
 * Result of {@link approvalTradeoffCurve}: columns of equal length (one point per distinct score),
 * from the strictest cut-off (approve only the safest score) to approving everyone; scores whose rows
 * all weigh 0 are not cut-offs.
 *
 * @category Metrics
 * @example
 * const c: ApprovalTradeoffCurve = { cutoffs: Float64Array.of(0.1), approvalRate: Float64Array.of(1), badRate: Float64Array.of(0.2), rejectedBadShare: Float64Array.of(0) };
 */
export interface ApprovalTradeoffCurve {
  /** Approve every row whose score is this one or safer. */
  cutoffs: Float64Array;
  /** Weighted share of rows approved. Increasing to 1. */
  approvalRate: Float64Array;
  /** Weighted bad rate among the approved. */
  badRate: Float64Array;
  /** Weighted share of all bads that the cut-off declines (1 − approved bads / all bads); 0 when there are no bads. */
  rejectedBadShare: Float64Array;
}

/**
 * Approval-rate / bad-rate trade-off curve (strategy curve): for every cut-off t among the distinct
 * scores, approving all rows whose score is t or safer gives approval rate A(t) = W(safer or = t) / W
 * and bad rate B(t) = W₁(safer or = t) / W(safer or = t), with W₁ the weight of bads. Rows with equal
 * scores are approved or declined together. Read it as "to approve 70 % of applicants we must accept
 * a bad rate of B". Works with one class only. Runs in O(n log n).
 *
 * Convention: higher `scores` = riskier (safest = lowest score), or `scoreDirection: 'higherIsSafer'`.
 *
 * @param scores - one score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link ApprovalTradeoffCurveOptions}
 * @returns `{ cutoffs, approvalRate, badRate, rejectedBadShare }` as Float64Arrays
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} on empty input
 * @category Metrics
 * @example
 * const curve = approvalTradeoffCurve([0.1, 0.2, 0.2, 0.6], [0, 0, 1, 1]);
 * Array.from(curve.approvalRate); //=> [0.25, 0.75, 1]
 * Array.from(curve.badRate); //=> [0, 0.3333, 0.5]
 */
export function approvalTradeoffCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | ApprovalTradeoffCurveOptions): ApprovalTradeoffCurve {
  const where = 'approvalTradeoffCurve';
  const input = validateRankingInputs(where, scores, labels, resolveWeightsOrOptions(weightsOrOptions));
  requireRows(where, 'scores', scores.length);
  // Safest first = riskiest first under the opposite direction.
  const groups = rankGroups(rankOrder(scores, !input.isHigherSafer), scores, labels, input.weights);
  const total = groups.totalBad + groups.totalGood;
  const m = groups.groupCount;
  const cutoffs = new Float64Array(m);
  const approvalRate = new Float64Array(m);
  const badRate = new Float64Array(m);
  const rejectedBadShare = new Float64Array(m);
  let approved = 0;
  let approvedBad = 0;
  let written = 0;
  for (let g = 0; g < m; g++) {
    if (groups.bad[g] === 0 && groups.good[g] === 0) continue; // rows of weight 0 are not cut-offs
    approved += groups.bad[g] + groups.good[g];
    approvedBad += groups.bad[g];
    cutoffs[written] = groups.score[g];
    approvalRate[written] = approved / total;
    badRate[written] = approvedBad / approved;
    rejectedBadShare[written] = groups.totalBad > 0 ? 1 - approvedBad / groups.totalBad : 0;
    written++;
  }
  return {
    cutoffs: cutoffs.slice(0, written),
    approvalRate: approvalRate.slice(0, written),
    badRate: badRate.slice(0, written),
    rejectedBadShare: rejectedBadShare.slice(0, written),
  };
}
