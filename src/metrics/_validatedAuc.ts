/** Private: AUC with input checks, with errors naming the public function that was called. */
import { aucFromGroups, rankGroups, rankOrder } from './_rankGroups.js';
import { requireBothClasses, requireRows, resolveWeightsOrOptions, validateRankingInputs } from './_inputs.js';
import type { RankingMetricOptions } from './types.js';

export function validatedAuc(where: string, scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions: ArrayLike<number> | RankingMetricOptions | undefined): number {
  const input = validateRankingInputs(where, scores, labels, resolveWeightsOrOptions(weightsOrOptions));
  requireRows(where, 'scores', scores.length, 2);
  const groups = rankGroups(rankOrder(scores, input.isHigherSafer), scores, labels, input.weights);
  requireBothClasses(where, groups.totalBad, groups.totalGood);
  return aucFromGroups(groups);
}
