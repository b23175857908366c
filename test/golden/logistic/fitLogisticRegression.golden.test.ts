/**
 * fitLogisticRegression against scikit-learn 1.2.1 (Debian python3-sklearn): golden values made by
 * test/golden/logistic/make_golden.py (see its header for how, and why newton-cg is the tight
 * reference and lbfgs the loose one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from '../../../src/train/fitLogisticRegression.js';
import type { FeatureMatrix } from '../../../src/types.js';

interface Reference {
  intercept: number;
  coefficients: number[];
  objective: number;
}
interface GoldenCase {
  name: string;
  l2: number;
  fitIntercept: boolean;
  input:
    | { kind: 'inline'; names: string[]; rows: number[][]; y: number[]; weights?: number[] }
    | { kind: 'german-credit'; file: string; columns: string[]; target: { column: string; bad: string }; rows: number };
  expected: Reference;
  lbfgs: Reference & { maxAbsDifferenceFromExpected: number };
}

const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, 'golden.json'), 'utf8')) as { cases: GoldenCase[] };
const datasets = resolve(import.meta.dirname, '../../../../shared/datasets');

function germanInput(spec: Extract<GoldenCase['input'], { kind: 'german-credit' }>): { X: FeatureMatrix; y: Float64Array } {
  const records = parse(readFileSync(resolve(datasets, spec.file)), { columns: true }) as Record<string, string>[];
  const n = records.length;
  const p = spec.columns.length;
  const values = new Float64Array(n * p);
  spec.columns.forEach((column, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Number(records[i][column]);
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (Number(records[i][column]) - mean) ** 2;
    const sd = Math.sqrt(variance / n);
    for (let i = 0; i < n; i++) values[i * p + j] = (Number(records[i][column]) - mean) / sd;
  });
  const y = Float64Array.from(records, (r) => (r[spec.target.column] === spec.target.bad ? 1 : 0));
  return { X: { names: spec.columns, rows: n, values }, y };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

describe('fitLogisticRegression vs scikit-learn golden values', () => {
  it('golden.json holds the cases the script writes', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of golden.cases) {
    const needsData = c.input.kind === 'german-credit';
    const skip = needsData && !existsSync(datasets);
    (skip ? it.skip : it)(`fitLogisticRegression(X, y, { l2: ${c.l2} }) matches sklearn: ${c.name}${skip ? ' (skipped: ../shared/datasets absent)' : ''}`, () => {
      let X: FeatureMatrix;
      let y: ArrayLike<number>;
      let weights: ArrayLike<number> | undefined;
      if (c.input.kind === 'inline') {
        const p = c.input.names.length;
        X = { names: c.input.names, rows: c.input.rows.length, values: Float64Array.from(c.input.rows.flat()) };
        expect(X.values.length).toBe(X.rows * p);
        y = c.input.y;
        weights = c.input.weights;
      } else {
        ({ X, y } = germanInput(c.input));
        expect(X.rows).toBe(c.input.rows);
      }
      const fit = fitLogisticRegression(X, y, { l2: c.l2, weights, fitIntercept: c.fitIntercept });
      expect(fit.converged).toBe(true);
      // Tight reference (newton-cg, gradient < 1e-10): 1e-6 relative (in practice ~1e-9).
      expect(relativeDifference(fit.intercept, c.expected.intercept)).toBeLessThan(1e-6);
      c.expected.coefficients.forEach((b, j) => expect(relativeDifference(fit.coefficients[j], b), `coefficient ${j}`).toBeLessThan(1e-6));
      expect(relativeDifference(fit.objective, c.expected.objective)).toBeLessThan(1e-10);
      // Loose reference (lbfgs stops at gradient ~1e-6): within its own distance from the optimum, x2.
      const looseness = 2 * c.lbfgs.maxAbsDifferenceFromExpected + 1e-9;
      expect(Math.abs(fit.intercept - c.lbfgs.intercept)).toBeLessThan(looseness);
      c.lbfgs.coefficients.forEach((b, j) => expect(Math.abs(fit.coefficients[j] - b)).toBeLessThan(looseness));
      // Our optimum is at least as good as either sklearn answer.
      expect(fit.objective).toBeLessThanOrEqual(c.lbfgs.objective + 1e-9);
    });
  }
});
