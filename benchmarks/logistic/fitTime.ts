/**
 * Fit time of fitLogisticRegression (Newton/IRLS) against an L-BFGS fit of the same objective, on
 * seeded synthetic data of the foundation issue's shapes (8,000 × 20 and 100,000 × 40), to justify
 * the choice of solver. A measurement script, not a gate (the ratio-gated suites live in
 * benchmarks/suites). Optionally writes the data for benchmarks/logistic/sklearn_fit_time.py.
 *
 *   npx tsx benchmarks/logistic/fitTime.ts [--write-data DIR]
 *   /usr/bin/python3 benchmarks/logistic/sklearn_fit_time.py DIR      (after --write-data DIR)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../src/_lib/random.js';
import { fitLogisticRegression } from '../../src/train/fitLogisticRegression.js';
import type { FeatureMatrix } from '../../src/types.js';

interface Problem {
  name: string;
  X: FeatureMatrix;
  y: Uint8Array;
}

function makeProblem(rows: number, cols: number, seed: number): Problem {
  const rng = createRandom(seed);
  const beta = Float64Array.from({ length: cols }, (_, j) => (j % 3 === 0 ? 0 : rng.normal() * 0.5));
  const values = new Float64Array(rows * cols);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = -2;
    for (let j = 0; j < cols; j++) {
      const v = rng.normal();
      values[i * cols + j] = v;
      eta += beta[j] * v;
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { name: `${rows} x ${cols}`, X: { names: Array.from({ length: cols }, (_, j) => `x${j}`), rows, values }, y };
}

/**
 * Plain L-BFGS (memory 10, backtracking Armijo line search) on the same objective, stopping on the
 * same gradient test (max |g| / total weight <= tolerance). For comparison only.
 */
function fitLbfgs(X: FeatureMatrix, y: Uint8Array, l2: number, tolerance: number, maxIterations = 10_000): { theta: Float64Array; iterations: number; evaluations: number } {
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

function time<T>(fn: () => T, repeats: number): { result: T; ms: number } {
  let best = Infinity;
  let result: T | undefined;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { result: result as T, ms: best };
}

const args = process.argv.slice(2);
const writeDir = args[0] === '--write-data' ? args[1] : undefined;
const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

out(`node ${process.version}; best of 3 runs (1 for 100k x 40 L-BFGS at 1e-8); l2 = 1`);
for (const [rows, cols, seed] of [
  [8_000, 20, 1],
  [100_000, 40, 2],
] as const) {
  const problem = makeProblem(rows, cols, seed);
  if (writeDir !== undefined) {
    mkdirSync(writeDir, { recursive: true });
    writeFileSync(join(writeDir, `X_${rows}x${cols}.f64`), problem.X.values);
    writeFileSync(join(writeDir, `y_${rows}x${cols}.u8`), problem.y);
  }
  const newton = time(() => fitLogisticRegression(problem.X, problem.y, { l2: 1 }), 3);
  const lbfgs4 = time(() => fitLbfgs(problem.X, problem.y, 1, 1e-4), 3);
  const lbfgs8 = time(() => fitLbfgs(problem.X, problem.y, 1, 1e-8), rows > 10_000 ? 1 : 3);
  let diff4 = Math.abs(lbfgs4.result.theta[0] - newton.result.intercept);
  let diff8 = Math.abs(lbfgs8.result.theta[0] - newton.result.intercept);
  for (let j = 0; j < cols; j++) {
    diff4 = Math.max(diff4, Math.abs(lbfgs4.result.theta[1 + j] - newton.result.coefficients[j]));
    diff8 = Math.max(diff8, Math.abs(lbfgs8.result.theta[1 + j] - newton.result.coefficients[j]));
  }
  out(`${problem.name}:`);
  out(`  Newton/IRLS (tolerance 1e-8)  ${newton.ms.toFixed(1).padStart(8)} ms  ${newton.result.iterations} iterations`);
  out(`  L-BFGS      (tolerance 1e-4)  ${lbfgs4.ms.toFixed(1).padStart(8)} ms  ${lbfgs4.result.iterations} iterations, ${lbfgs4.result.evaluations} passes, max |coef diff| vs Newton ${diff4.toExponential(1)}`);
  out(`  L-BFGS      (tolerance 1e-8)  ${lbfgs8.ms.toFixed(1).padStart(8)} ms  ${lbfgs8.result.iterations} iterations, ${lbfgs8.result.evaluations} passes, max |coef diff| vs Newton ${diff8.toExponential(1)}`);
}
