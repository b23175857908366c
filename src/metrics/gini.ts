import { validatedAuc } from './_validatedAuc.js';
import type { AucOptions } from './auc.js';

/**
 * Options of {@link gini}.
 *
 * @category Metrics
 * @example
 * const options: GiniOptions = { scoreDirection: 'higherIsSafer' };
 */
export type GiniOptions = AucOptions;

/**
 * Gini coefficient (accuracy ratio, Somers' D of score on default): `2 · AUC − 1`, so 0 = random,
 * 1 = perfect ranking, negative = the score ranks the wrong way round. Ties count one half, as in
 * {@link auc}. Runs in O(n log n).
 * https://en.wikipedia.org/wiki/Gini_coefficient#Machine_learning
 *
 * Convention: higher `scores` = riskier (pass PDs or set `scoreDirection: 'higherIsSafer'`); labels 1 = bad.
 *
 * @param scores - one risk score per row; finite numbers
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link GiniOptions}
 * @returns Gini in [−1, 1]
 * @throws {@link InvalidInputError} on length mismatch, non-finite scores, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when one class is absent
 * @category Metrics
 * @example
 * gini([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.5
 */
export function gini(scores: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | GiniOptions): number {
  return 2 * validatedAuc('gini', scores, labels, weightsOrOptions) - 1;
}
