import { ConvergenceError, InsufficientDataError } from '../errors.js';
import { checkLabels, checkNumberOption, checkProbabilities, checkSameLength, checkWeights, requireArrayLike, requireBothClasses, requireRows } from './_inputs.js';

/**
 * Options of {@link calibrationSlopeIntercept}.
 *
 * @category Metrics
 * @example
 * const options: CalibrationSlopeInterceptOptions = { maxIterations: 50, tolerance: 1e-12 };
 */
export interface CalibrationSlopeInterceptOptions {
  /** Non-negative sample weights, one per row. @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** Newton iterations allowed before {@link ConvergenceError}. @defaultValue 100 */
  maxIterations?: number;
  /** Stop when every Newton step is below tolerance · (1 + |parameter|). @defaultValue 1e-12 */
  tolerance?: number;
}

/**
 * Result of {@link calibrationSlopeIntercept}.
 *
 * @category Metrics
 * @example
 * const r: CalibrationSlopeInterceptResult = { slope: 1, intercept: 0, calibrationInTheLarge: 0, iterations: 4 };
 */
export interface CalibrationSlopeInterceptResult {
  /** β in logit P(bad) = α + β · logit(p): 1 = well spread, < 1 = PDs too extreme (overfit), > 1 = too timid. */
  slope: number;
  /** α of the same fit: 0 together with slope 1 = perfectly calibrated. */
  intercept: number;
  /** α₀ in logit P(bad) = α₀ + logit(p) (slope fixed at 1): > 0 = PDs too low on average, < 0 = too high. */
  calibrationInTheLarge: number;
  /** Newton iterations used by the two-parameter fit. */
  iterations: number;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Calibration slope and intercept (Cox 1958; Steyerberg's "weak calibration"): the maximum-likelihood
 * logistic regression `logit P(yᵢ = 1) = α + β · logit(pᵢ)` of the outcome on the logit of the
 * predicted PD, fitted here by a two-parameter Newton–Raphson with step halving, maximising
 * Σ wᵢ [yᵢ ηᵢ − ln(1 + e^ηᵢ)], ηᵢ = α + β xᵢ, xᵢ = ln(pᵢ / (1 − pᵢ)), from (α, β) = (0, 1).
 * Each iteration solves the 2×2 system [Σwμ(1−μ), Σwμ(1−μ)x; ·, Σwμ(1−μ)x²] · step = [Σw(y−μ), Σw(y−μ)x].
 * Also returns calibration-in-the-large, the intercept α₀ of `logit P(yᵢ = 1) = α₀ + logit(pᵢ)` (slope
 * fixed at 1, a one-parameter Newton fit). Runs in O(n) per iteration, typically 4–8 iterations.
 * https://en.wikipedia.org/wiki/Calibration_(statistics)
 *
 * @param probabilities - predicted PD per row, strictly inside (0, 1) (their logit must be finite)
 * @param labels - 1 = bad, 0 = good
 * @param options - weights and Newton settings, see {@link CalibrationSlopeInterceptOptions}
 * @returns `{ slope, intercept, calibrationInTheLarge, iterations }`
 * @throws {@link InvalidInputError} on length mismatch, a probability not in (0, 1), labels other than 0/1, negative weights
 * @throws {@link InsufficientDataError} when one class is absent or all predicted PDs are equal
 * @throws {@link ConvergenceError} when Newton does not converge (e.g. the PDs separate bads from goods perfectly)
 * @category Metrics
 * @example
 * const r = calibrationSlopeIntercept([0.1, 0.2, 0.3, 0.4, 0.6, 0.7], [0, 0, 1, 0, 1, 1]);
 * [r.slope, r.intercept, r.calibrationInTheLarge]; //=> [2.3463, 1.3914, 0.5916]
 */
export function calibrationSlopeIntercept(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: CalibrationSlopeInterceptOptions = {},
): CalibrationSlopeInterceptResult {
  const where = 'calibrationSlopeIntercept';
  const { weights } = options;
  const maxIterations = options.maxIterations === undefined ? 100 : checkNumberOption(where, 'maxIterations', options.maxIterations, { min: 1, isInteger: true });
  const tolerance = options.tolerance === undefined ? 1e-12 : checkNumberOption(where, 'tolerance', options.tolerance, { min: 0, isExclusive: true });
  const n = requireArrayLike(where, 'probabilities', probabilities);
  checkSameLength(where, 'probabilities', n, 'labels', labels);
  if (weights !== undefined) checkSameLength(where, 'probabilities', n, 'weights', weights);
  checkProbabilities(where, 'probabilities', probabilities, true);
  checkLabels(where, 'labels', labels);
  if (weights !== undefined) checkWeights(where, 'weights', weights);
  requireRows(where, 'probabilities', n, 2);

  const x = new Float64Array(n);
  let badWeight = 0;
  let goodWeight = 0;
  let firstX = Number.NaN;
  let isConstant = true;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    x[i] = Math.log(p) - Math.log1p(-p);
    const w = weights === undefined ? 1 : weights[i];
    if (labels[i] === 1) badWeight += w;
    else goodWeight += w;
    if (w > 0) {
      if (Number.isNaN(firstX)) firstX = x[i];
      else if (x[i] !== firstX) isConstant = false;
    }
  }
  requireBothClasses(where, badWeight, goodWeight);
  if (isConstant) {
    throw new InsufficientDataError(`${where}: needs at least two distinct predicted PDs with positive weight to fit a slope`, [
      { code: 'constant_predictions', path: ['probabilities'], message: 'all predicted PDs are equal' },
    ]);
  }

  const logLikelihood = (a: number, b: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      if (w === 0) continue;
      const eta = a + b * x[i];
      s += w * (labels[i] * eta - softplus(eta));
    }
    return s;
  };

  // Two-parameter fit.
  let a = 0;
  let b = 1;
  let current = logLikelihood(a, b);
  let iterations = 0;
  let isConverged = false;
  while (iterations < maxIterations) {
    iterations++;
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      if (w === 0) continue;
      const mu = sigmoid(a + b * x[i]);
      const r = w * (labels[i] - mu);
      const v = w * mu * (1 - mu);
      g0 += r;
      g1 += r * x[i];
      h00 += v;
      h01 += v * x[i];
      h11 += v * x[i] * x[i];
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0) || !Number.isFinite(det)) break;
    let step0 = (h11 * g0 - h01 * g1) / det;
    let step1 = (h00 * g1 - h01 * g0) / det;
    let candidate = logLikelihood(a + step0, b + step1);
    let halvings = 0;
    while (!(candidate >= current - 1e-12 * Math.abs(current)) && halvings < 50) {
      step0 /= 2;
      step1 /= 2;
      candidate = logLikelihood(a + step0, b + step1);
      halvings++;
    }
    a += step0;
    b += step1;
    current = candidate;
    if (Math.abs(step0) <= tolerance * (1 + Math.abs(a)) && Math.abs(step1) <= tolerance * (1 + Math.abs(b))) {
      isConverged = true;
      break;
    }
  }
  if (!isConverged || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new ConvergenceError(`${where}: Newton did not converge in ${maxIterations} iterations (do the PDs separate bads from goods perfectly?)`, [
      { code: 'convergence_failed', path: ['probabilities'], message: 'logistic recalibration fit did not converge' },
    ]);
  }

  // Calibration-in-the-large: slope fixed at 1 (offset), one-parameter Newton.
  let a0 = 0;
  let isLargeConverged = false;
  for (let k = 0; k < maxIterations; k++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      if (w === 0) continue;
      const mu = sigmoid(a0 + x[i]);
      g += w * (labels[i] - mu);
      h += w * mu * (1 - mu);
    }
    if (!(h > 0)) break;
    let step = g / h;
    const before = logLikelihood(a0, 1);
    let halvings = 0;
    while (!(logLikelihood(a0 + step, 1) >= before - 1e-12 * Math.abs(before)) && halvings < 50) {
      step /= 2;
      halvings++;
    }
    a0 += step;
    if (Math.abs(step) <= tolerance * (1 + Math.abs(a0))) {
      isLargeConverged = true;
      break;
    }
  }
  if (!isLargeConverged || !Number.isFinite(a0)) {
    throw new ConvergenceError(`${where}: calibration-in-the-large did not converge in ${maxIterations} iterations`, [
      { code: 'convergence_failed', path: ['probabilities'], message: 'calibration-in-the-large fit did not converge' },
    ]);
  }
  return { slope: b, intercept: a, calibrationInTheLarge: a0, iterations };
}
