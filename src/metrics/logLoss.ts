import { checkNumberOption, checkProbabilities, checkLabels, checkSameLength, checkWeights, requireArrayLike, requireRows, resolveWeightsOrOptions } from './_inputs.js';

/**
 * Options of {@link logLoss}.
 *
 * @category Metrics
 * @example
 * const options: LogLossOptions = { weights: [1, 2, 1], epsilon: 1e-15 };
 */
export interface LogLossOptions {
  /** Non-negative sample weights, one per row. @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** Probabilities are clipped to [epsilon, 1 − epsilon] so a confident miss costs −ln(epsilon) instead of Infinity. Must be in (0, 0.5). @defaultValue 1e-15 */
  epsilon?: number;
}

/**
 * Log loss (cross-entropy, negative mean log-likelihood) of predicted probabilities of default,
 * `LL = −Σᵢ wᵢ [yᵢ ln p̃ᵢ + (1 − yᵢ) ln(1 − p̃ᵢ)] / Σᵢ wᵢ` with `p̃ᵢ = min(max(pᵢ, ε), 1 − ε)`,
 * ε = 1e-15 by default as in scikit-learn's `log_loss(..., eps=1e-15)` (sklearn ≤ 1.2's default),
 * so a prediction of exactly 0 or 1 that is wrong costs ln(1e15) ≈ 34.54 instead of Infinity.
 * Lower is better; ln 2 ≈ 0.693 for a constant 0.5 forecast. Works with one class only. Runs in O(n).
 * https://en.wikipedia.org/wiki/Cross-entropy#Cross-entropy_loss_function_and_logistic_regression
 *
 * @param probabilities - predicted PD per row, in [0, 1]
 * @param labels - 1 = bad, 0 = good
 * @param weightsOrOptions - non-negative sample weights, or {@link LogLossOptions}
 * @returns the log loss in nats
 * @throws {@link InvalidInputError} on length mismatch, a probability outside [0, 1] or NaN, labels other than 0/1, negative weights
 * @throws {@link InvalidOptionsError} when epsilon is not in (0, 0.5)
 * @throws {@link InsufficientDataError} on empty input
 * @category Metrics
 * @example
 * logLoss([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); //=> 0.1976
 * logLoss([0, 1], [1, 1]); //=> 17.2694
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weightsOrOptions?: ArrayLike<number> | LogLossOptions): number {
  const where = 'logLoss';
  const options = resolveWeightsOrOptions<LogLossOptions>(weightsOrOptions);
  const { weights } = options;
  const epsilon = options.epsilon === undefined ? 1e-15 : checkNumberOption(where, 'epsilon', options.epsilon, { min: 0, max: 0.5, isExclusive: true });
  const n = requireArrayLike(where, 'probabilities', probabilities);
  checkSameLength(where, 'probabilities', n, 'labels', labels);
  if (weights !== undefined) checkSameLength(where, 'probabilities', n, 'weights', weights);
  checkProbabilities(where, 'probabilities', probabilities);
  checkLabels(where, 'labels', labels);
  if (weights !== undefined) checkWeights(where, 'weights', weights);
  requireRows(where, 'probabilities', n);
  const upper = 1 - epsilon;
  let sum = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    const p = Math.min(Math.max(probabilities[i], epsilon), upper);
    const loss = labels[i] === 1 ? -Math.log(p) : -Math.log1p(-p);
    sum += w * loss;
    totalWeight += w;
  }
  return sum / totalWeight;
}
