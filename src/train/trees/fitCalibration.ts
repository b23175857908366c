import { InsufficientDataError, InvalidInputError, InvalidOptionsError, type Issue } from '../../errors.js';
import type { Calibration } from '../../schema/artifactCommon.js';

/**
 * Options of {@link fitCalibration}.
 *
 * @category Training
 * @example
 * const o: FitCalibrationOptions = { weights: Float64Array.of(1, 2, 1, 1) };
 */
export interface FitCalibrationOptions {
  /** Sample weights (finite, >= 0). @defaultValue all 1 */
  weights?: ArrayLike<number>;
}

/**
 * Fits a probability calibration on held-out rows: the map from a model's raw log-odds of default
 * to a calibrated probability of default, in the artifact's {@link Calibration} shape (apply it
 * with `applyCalibration`).
 *
 * - `'platt'`: `pd = σ(a·z + b)`, fitted by Newton's method on the log-loss against Platt's
 *   smoothed targets `(N₊ + 1)/(N₊ + 2)` for bads and `1/(N₋ + 2)` for goods (Platt 1999;
 *   Lin, Lin & Weng 2007) — the same fit as scikit-learn's `CalibratedClassifierCV(method='sigmoid')`
 *   with `a = −A`, `b = −B`. O(n) per iteration, a few iterations.
 * - `'isotonic'`: the weighted least-squares non-decreasing fit of the label on the raw PD
 *   `σ(z)` (pool-adjacent-violators), stored as the knots `(x, y)` through which the PD is
 *   interpolated linearly and held flat beyond the ends — scikit-learn's
 *   `IsotonicRegression(out_of_bounds='clip')` `X_thresholds_` / `y_thresholds_`. O(n log n).
 *   A block with no bads gets PD 0 (the scorer keeps log-odds within ±35); prefer Platt on small
 *   validation sets.
 *
 * @param logOdds - the model's raw (uncalibrated) log-odds of default per row, finite
 * @param labels - 1 = bad, 0 = good
 * @param method - `'platt'` or `'isotonic'`
 * @param options - sample weights
 * @returns the calibration, ready for an artifact's `calibration` field
 * @throws {@link InvalidInputError} when lengths differ, a log-odds is not finite, a label is not 0/1 or a weight is invalid
 * @throws {@link InsufficientDataError} when the rows do not hold both classes
 * @category Training
 * @example
 * fitCalibration([-2, -1, 0, 1, 2, 3], [0, 0, 1, 0, 1, 1], 'platt'); //=> { method: 'platt', a: 0.5355..., b: -0.2677... }
 * fitCalibration([-2, -1, 0, 1], [0, 1, 0, 1], 'isotonic');
 * //=> { method: 'isotonic', x: [0.1192..., 0.2689..., 0.5, 0.7310...], y: [0, 0.5, 0.5, 1] }
 */
export function fitCalibration(logOdds: ArrayLike<number>, labels: ArrayLike<number>, method: 'platt' | 'isotonic', options: FitCalibrationOptions = {}): Calibration {
  const where = 'fitCalibration';
  if (method !== 'platt' && method !== 'isotonic') {
    throw new InvalidOptionsError(`${where}: method must be 'platt' or 'isotonic', received ${String(method)}`, [{ code: 'invalid_value', path: ['method'], message: "must be 'platt' or 'isotonic'" }]);
  }
  const n = logOdds.length;
  const issues: Issue[] = [];
  if (labels.length !== n) issues.push({ code: 'length_mismatch', path: ['labels'], message: `must have one label per log-odds (${n})` });
  const w = new Float64Array(n);
  if (options.weights !== undefined && options.weights.length !== n) issues.push({ code: 'length_mismatch', path: ['weights'], message: `must have one weight per row (${n})` });
  if (issues.length === 0) {
    for (let i = 0; i < n && issues.length < 10; i++) {
      if (!Number.isFinite(logOdds[i])) issues.push({ code: 'not_finite', path: ['logOdds', i], message: 'must be a finite number' });
      if (labels[i] !== 0 && labels[i] !== 1) issues.push({ code: 'invalid_label', path: ['labels', i], message: 'must be 0 (good) or 1 (bad)' });
      const wi = options.weights === undefined ? 1 : options.weights[i];
      if (!(wi >= 0 && Number.isFinite(wi))) issues.push({ code: 'invalid_weight', path: ['weights', i], message: 'must be finite and >= 0' });
      w[i] = wi;
    }
  }
  if (issues.length > 0) throw new InvalidInputError(`${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);
  let wBad = 0;
  let wGood = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) wBad += w[i];
    else wGood += w[i];
  }
  if (!(wBad > 0 && wGood > 0)) {
    throw new InsufficientDataError(`${where}: needs bad and good rows with positive weight (bad weight ${wBad}, good weight ${wGood})`, [
      { code: 'one_class', path: ['labels'], message: 'needs both classes' },
    ]);
  }
  return method === 'platt' ? fitPlatt(logOdds, labels, w, wBad, wGood) : fitIsotonic(logOdds, labels, w);
}

function fitPlatt(z: ArrayLike<number>, y: ArrayLike<number>, w: Float64Array, wBad: number, wGood: number): Calibration {
  const n = z.length;
  const tBad = (wBad + 1) / (wBad + 2);
  const tGood = 1 / (wGood + 2);
  const loss = (a: number, b: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const u = a * z[i] + b;
      const t = y[i] === 1 ? tBad : tGood;
      // −t·log σ(u) − (1 − t)·log(1 − σ(u)) = log(1 + e^u) − t·u, computed stably
      const softplus = u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
      s += w[i] * (softplus - t * u);
    }
    return s;
  };
  // Newton's method from the identity slope and the prior intercept; the loss is convex, so a
  // backtracking line search makes every step a descent step
  let a = 1;
  let b = Math.log((wBad + 1) / (wGood + 1));
  let current = loss(a, b);
  const total = wBad + wGood;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const u = a * z[i] + b;
      const p = u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
      const t = y[i] === 1 ? tBad : tGood;
      const d = w[i] * (p - t);
      const s = w[i] * p * (1 - p);
      ga += d * z[i];
      gb += d;
      haa += s * z[i] * z[i];
      hab += s * z[i];
      hbb += s;
    }
    if ((Math.abs(ga) + Math.abs(gb)) / total < 1e-14) break;
    haa += 1e-12 * total;
    hbb += 1e-12 * total;
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a + da, b + db);
    // near the optimum the change is below rounding: accept the full Newton step then
    const slack = 1e-13 * Math.abs(current);
    while (next > current + slack && step > 1e-10) {
      step /= 2;
      next = loss(a + step * da, b + step * db);
    }
    if (next > current + slack) break;
    a += step * da;
    b += step * db;
    current = next;
    if (Math.abs(step * da) <= 1e-15 * (1 + Math.abs(a)) && Math.abs(step * db) <= 1e-15 * (1 + Math.abs(b))) break;
  }
  return { method: 'platt', a, b };
}

function fitIsotonic(z: ArrayLike<number>, y: ArrayLike<number>, w: Float64Array): Calibration {
  const n = z.length;
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => w[i] > 0);
  order.sort((i, j) => z[i] - z[j] || i - j);
  // unique raw PDs with weighted mean labels
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const i of order) {
    const x = sigmoid(z[i]);
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x) {
      ys[last] += w[i] * y[i];
      ws[last] += w[i];
    } else {
      xs.push(x);
      ys.push(w[i] * y[i]);
      ws.push(w[i]);
    }
  }
  for (let k = 0; k < xs.length; k++) ys[k] /= ws[k];
  // pool adjacent violators: blocks of (mean, weight, first index, last index)
  const mean: number[] = [];
  const weight: number[] = [];
  const first: number[] = [];
  const lastIdx: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    mean.push(ys[k]);
    weight.push(ws[k]);
    first.push(k);
    lastIdx.push(k);
    while (mean.length > 1 && mean[mean.length - 2] >= mean[mean.length - 1]) {
      const m2 = mean.pop() as number;
      const w2 = weight.pop() as number;
      const l2 = lastIdx.pop() as number;
      first.pop();
      const t = mean.length - 1;
      mean[t] = (mean[t] * weight[t] + m2 * w2) / (weight[t] + w2);
      weight[t] += w2;
      lastIdx[t] = l2;
    }
  }
  const fitted = new Float64Array(xs.length);
  for (let b = 0; b < mean.length; b++) for (let k = first[b]; k <= lastIdx[b]; k++) fitted[k] = mean[b];
  // keep the first and last point and every point whose value differs from a neighbour
  const x: number[] = [];
  const yOut: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    const keep = k === 0 || k === xs.length - 1 || fitted[k] !== fitted[k - 1] || fitted[k] !== fitted[k + 1];
    if (keep) {
      x.push(xs[k]);
      yOut.push(fitted[k]);
    }
  }
  return { method: 'isotonic', x, y: yOut };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
