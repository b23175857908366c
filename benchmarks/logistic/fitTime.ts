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
import { fitLbfgs } from './_lbfgs.js';
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
 * Best of `repeats` runs, in CPU time of this process (user + system): on a shared machine wall
 * time mostly measures the other processes; CPU time of a single-threaded fit does not.
 */
function time<T>(fn: () => T, repeats: number): { result: T; ms: number } {
  let best = Infinity;
  let result: T | undefined;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.cpuUsage();
    result = fn();
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { result: result as T, ms: best };
}

const args = process.argv.slice(2);
const writeDir = args[0] === '--write-data' ? args[1] : undefined;
const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

out(`node ${process.version}; CPU ms, best of 3 runs (1 for 100k x 40 L-BFGS at 1e-8); l2 = 1`);
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
