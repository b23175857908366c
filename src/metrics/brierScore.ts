import { checkProbabilities, checkLabels, checkSameLength, checkWeights, requireArrayLike, requireRows, resolveWeightsOrOptions } from './_inputs.js';

/**
 * Options of {@link brierScore}.
 *
 * @category Metrics
 * @example
 * const options: BrierScoreOptions = { weights: [1, 2, 1] };
 */
export interface BrierScoreOptions {
  /** Non-negative sample weights, one per row. @defaultValue all 1 */
  weights?: ArrayLike<number>;
}

/**
 * Brier score: the weighted mean squared error of predicted probabilities of default,
 * `BS = Σᵢ wᵢ (pᵢ − yᵢ)² / Σᵢ wᵢ`, in [0, 1], lower is better (0.25 for a constant 0.5 forecast).
 * Equals scikit-learn's `brier_score_loss`. Works with one class only. Runs in O(n).
 * https://en.wikipedia.org/wiki/Brier_score
 *
 * @param probabilities - predicted PD per row, in [0, 1]
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link BrierScoreOptions}
 * @returns the Brier score
 * @throws {@link InvalidInputError} on length mismatch, a probability outside [0, 1] or NaN, labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} on empty input
 * @category Metrics
 * @example
 * brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); //=> 0.0375
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | BrierScoreOptions): number {
  const where = 'brierScore';
  const { weights } = resolveWeightsOrOptions<BrierScoreOptions>(weightsOrOptions);
  const n = requireArrayLike(where, 'probabilities', probabilities);
  checkSameLength(where, 'probabilities', n, 'labels', labels);
  if (weights !== undefined) checkSameLength(where, 'probabilities', n, 'weights', weights);
  checkProbabilities(where, 'probabilities', probabilities);
  checkLabels(where, 'labels', labels);
  if (weights !== undefined) checkWeights(where, 'weights', weights);
  requireRows(where, 'probabilities', n);
  let sum = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    const d = probabilities[i] - labels[i];
    sum += w * d * d;
    totalWeight += w;
  }
  return sum / totalWeight;
}
