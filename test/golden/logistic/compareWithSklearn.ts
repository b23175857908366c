/**
 * Prints how far fitLogisticRegression is from the scikit-learn golden values (both references),
 * with iterations and fit time per case. Not a test (the test is fitLogisticRegression.golden.test.ts).
 *
 *   npx tsx test/golden/logistic/compareWithSklearn.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fitLogisticRegression } from '../../../src/train/fitLogisticRegression.js';
import type { FeatureMatrix } from '../../../src/types.js';

interface Reference { intercept: number; coefficients: number[]; objective: number }
interface GoldenCase {
  name: string;
  l2: number;
  fitIntercept: boolean;
  input: { kind: 'inline'; names: string[]; rows: number[][]; y: number[]; weights?: number[] } | { kind: 'german-credit'; file: string; columns: string[] };
  expected: Reference;
  lbfgs: Reference;
}

const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, 'golden.json'), 'utf8')) as { cases: GoldenCase[] };
const datasets = resolve(import.meta.dirname, '../../../../shared/datasets');
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

for (const c of golden.cases) {
  let X: FeatureMatrix;
  let y: ArrayLike<number>;
  let weights: ArrayLike<number> | undefined;
  if (c.input.kind === 'inline') {
    X = { names: c.input.names, rows: c.input.rows.length, values: Float64Array.from(c.input.rows.flat()) };
    y = c.input.y;
    weights = c.input.weights;
  } else {
    const file = resolve(datasets, c.input.file);
    if (!existsSync(file)) {
      process.stdout.write(`${c.name}: skipped (${file} absent)\n`);
      continue;
    }
    const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    const n = records.length;
    const p = c.input.columns.length;
    const values = new Float64Array(n * p);
    c.input.columns.forEach((column, j) => {
      let mean = 0;
      for (const r of records) mean += Number(r[column]);
      mean /= n;
      let variance = 0;
      for (const r of records) variance += (Number(r[column]) - mean) ** 2;
      const sd = Math.sqrt(variance / n);
      records.forEach((r, i) => (values[i * p + j] = (Number(r[column]) - mean) / sd));
    });
    X = { names: c.input.columns, rows: n, values };
    y = records.map((r) => (r.creditability === 'bad' ? 1 : 0));
  }
  const t0 = performance.now();
  const fit = fitLogisticRegression(X, y, { l2: c.l2, weights, fitIntercept: c.fitIntercept });
  const ms = performance.now() - t0;
  let tight = c.fitIntercept ? rel(fit.intercept, c.expected.intercept) : 0;
  let loose = c.fitIntercept ? rel(fit.intercept, c.lbfgs.intercept) : 0;
  c.expected.coefficients.forEach((b, j) => {
    tight = Math.max(tight, rel(fit.coefficients[j], b));
    loose = Math.max(loose, rel(fit.coefficients[j], c.lbfgs.coefficients[j]));
  });
  process.stdout.write(
    `${c.name.padEnd(64)} iterations ${fit.iterations}  max rel. diff vs newton-cg ${tight.toExponential(1)}  vs lbfgs ${loose.toExponential(1)}  objective diff ${(fit.objective - c.expected.objective).toExponential(1)}  ${ms.toFixed(1)} ms\n`,
  );
}
