import type { FeatureMatrix } from '../../src/types.js';

/**
 * Plain L-BFGS (memory 10, backtracking Armijo line search) on the same objective, stopping on the
 * same gradient test (max |g| / total weight <= tolerance). For comparison only.
 */
export function fitLbfgs(X: FeatureMatrix, y: ArrayLike<number>, l2: number, tolerance: number, maxIterations = 10_000): { theta: Float64Array; iterations: number; evaluations: number } {
  const n = X.rows;
  const p = X.names.length;
  const d = p + 1;
  const xv = X.values;
  const theta = new Float64Array(d);
  let bad = 0;
  for (let i = 0; i < n; i++) bad += y[i];
  theta[0] = Math.log(bad / (n - bad));
  let evaluations = 0;
  const evaluate = (t: Float64Array, g: Float64Array): number => {
    evaluations++;
    g.fill(0);
    let f = 0;
    for (let i = 0; i < n; i++) {
      const base = i * p;
      let e = t[0];
      for (let j = 0; j < p; j++) e += t[1 + j] * xv[base + j];
      const softplus = e >= 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      f += softplus - y[i] * e;
      const r = 1 / (1 + Math.exp(-e)) - y[i];
      g[0] += r;
      for (let j = 0; j < p; j++) g[1 + j] += r * xv[base + j];
    }
    for (let j = 1; j < d; j++) {
      f += 0.5 * l2 * t[j] * t[j];
      g[j] += l2 * t[j];
    }
    return f;
  };
  const m = 10;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const g = new Float64Array(d);
  const gNew = new Float64Array(d);
  const dir = new Float64Array(d);
  const trial = new Float64Array(d);
  let f = evaluate(theta, g);
  let iterations = 0;
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < d; j++) s += a[j] * b[j];
    return s;
  };
  while (iterations < maxIterations) {
    let gMax = 0;
    for (let j = 0; j < d; j++) gMax = Math.max(gMax, Math.abs(g[j]));
    if (gMax <= tolerance * n) break;
    // two-loop recursion
    for (let j = 0; j < d; j++) dir[j] = -g[j];
    const alpha: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      const a = dot(S[k], dir) / dot(Y[k], S[k]);
      alpha[k] = a;
      for (let j = 0; j < d; j++) dir[j] -= a * Y[k][j];
    }
    const gamma = S.length > 0 ? dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1]) : 1 / Math.max(1, gMax);
    for (let j = 0; j < d; j++) dir[j] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const b = dot(Y[k], dir) / dot(Y[k], S[k]);
      for (let j = 0; j < d; j++) dir[j] += S[k][j] * (alpha[k] - b);
    }
    const slope = dot(g, dir);
    let t = 1;
    let fNew = 0;
    for (let h = 0; h < 50; h++) {
      for (let j = 0; j < d; j++) trial[j] = theta[j] + t * dir[j];
      fNew = evaluate(trial, gNew);
      if (fNew <= f + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    const s = new Float64Array(d);
    const yy = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      s[j] = trial[j] - theta[j];
      yy[j] = gNew[j] - g[j];
    }
    if (dot(s, yy) > 1e-12) {
      S.push(s);
      Y.push(yy);
      if (S.length > m) {
        S.shift();
        Y.shift();
      }
    }
    theta.set(trial);
    g.set(gNew);
    if (Math.abs(f - fNew) <= 1e-16 * Math.abs(f)) {
      f = fNew;
      break; // no progress possible in floating point
    }
    f = fNew;
    iterations++;
  }
  return { theta, iterations, evaluations };
}

