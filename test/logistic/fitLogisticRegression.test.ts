import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { ConvergenceError, InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { fitLogisticRegression } from '../../src/train/fitLogisticRegression.js';
import type { FeatureMatrix } from '../../src/types.js';
import { catchError } from '../_catchError.js';

function matrix(names: string[], rows: number[][]): FeatureMatrix {
  return { names, rows: rows.length, values: Float64Array.from(rows.flat()) };
}

/** Rows of two mutually exclusive indicators: group "neither" 10 rows / 2 bad, A 10 / 5, B 8 / 6. */
function saturatedGroups(): { X: FeatureMatrix; y: number[] } {
  const rows: number[][] = [];
  const y: number[] = [];
  const add = (a: number, b: number, count: number, bads: number): void => {
    for (let k = 0; k < count; k++) {
      rows.push([a, b]);
      y.push(k < bads ? 1 : 0);
    }
  };
  add(0, 0, 10, 2);
  add(1, 0, 10, 5);
  add(0, 1, 8, 6);
  return { X: matrix(['a', 'b'], rows), y };
}

function randomProblem(n: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRandom(seed);
  const values = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = [rng.normal(), rng.normal() * 3, rng.next() < 0.3 ? 1 : 0];
    values.set(x, i * 3);
    const eta = -1 + 0.8 * x[0] - 0.2 * x[1] + 0.7 * x[2];
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { X: { names: ['a', 'b', 'c'], rows: n, values }, y };
}

describe('fitLogisticRegression', () => {
  //#region example:fitLogisticRegression
  it('fitLogisticRegression(X, y, { l2 }) fits the documented example', () => {
    const X = { names: ['x'], rows: 6, values: Float64Array.of(-2, -1, 0, 0, 1, 2) };
    const fit = fitLogisticRegression(X, [0, 0, 1, 0, 1, 1], { l2: 1 });
    expect(fit.coefficients[0]).toBeCloseTo(1.0065943148735454, 9);
    expect(fit.converged).toBe(true);
  });
  //#endregion

  it('fitLogisticRegression(X, y, { l2: 0 }) on a saturated 2-feature design gives the hand-computed log-odds', () => {
    // neither: logit(2/10) = ln(1/4); A: logit(5/10) = 0; B: logit(6/8) = ln 3.
    const { X, y } = saturatedGroups();
    const fit = fitLogisticRegression(X, y, { l2: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 4), 10);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(4), 10);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(12), 10);
    // objective = -log-likelihood: sum over groups of -(bads ln p + goods ln(1 - p))
    const nll = -(2 * Math.log(0.2) + 8 * Math.log(0.8)) - (5 * Math.log(0.5) + 5 * Math.log(0.5)) - (6 * Math.log(0.75) + 2 * Math.log(0.25));
    expect(fit.objective).toBeCloseTo(nll, 10);
    expect(fit.iterations).toBeLessThan(10);
  });

  it('fitLogisticRegression(X, y, { l2 }) satisfies the optimality condition Xᵀ(y − p) = l2·β, intercept column summing to 0', () => {
    const { X, y } = randomProblem(1500, 3);
    const l2 = 5;
    const fit = fitLogisticRegression(X, y, { l2 });
    const p = X.names.length;
    const residualDotX = new Float64Array(p);
    let residualSum = 0;
    for (let i = 0; i < X.rows; i++) {
      let eta = fit.intercept;
      for (let j = 0; j < p; j++) eta += fit.coefficients[j] * X.values[i * p + j];
      const r = y[i] - 1 / (1 + Math.exp(-eta));
      residualSum += r;
      for (let j = 0; j < p; j++) residualDotX[j] += r * X.values[i * p + j];
    }
    expect(Math.abs(residualSum)).toBeLessThan(1e-8);
    for (let j = 0; j < p; j++) expect(residualDotX[j]).toBeCloseTo(l2 * fit.coefficients[j], 8);
  });

  it('fitLogisticRegression(X, y, { weights }) with integer weights equals fitting the duplicated rows; weight 0 equals dropping the row', () => {
    const { X, y } = randomProblem(300, 11);
    const p = X.names.length;
    const weights = Float64Array.from({ length: X.rows }, (_, i) => i % 3);
    const rows: number[][] = [];
    const yDup: number[] = [];
    for (let i = 0; i < X.rows; i++) {
      for (let k = 0; k < weights[i]; k++) {
        rows.push(Array.from(X.values.subarray(i * p, (i + 1) * p)));
        yDup.push(y[i]);
      }
    }
    const weighted = fitLogisticRegression(X, y, { l2: 1, weights });
    const duplicated = fitLogisticRegression(matrix(X.names as string[], rows), yDup, { l2: 1 });
    expect(weighted.intercept).toBeCloseTo(duplicated.intercept, 10);
    for (let j = 0; j < p; j++) expect(weighted.coefficients[j]).toBeCloseTo(duplicated.coefficients[j], 10);
    expect(weighted.objective).toBeCloseTo(duplicated.objective, 8);
  });

  it('fitLogisticRegression(X, y, { fitIntercept: false }) fits through the origin', () => {
    const { X, y } = randomProblem(500, 5);
    const fit = fitLogisticRegression(X, y, { fitIntercept: false });
    expect(fit.intercept).toBe(0);
    expect(fit.coefficients.length).toBe(3);
  });

  it('fitLogisticRegression(X, y) does not mutate its inputs', () => {
    const { X, y } = randomProblem(200, 9);
    const before = Float64Array.from(X.values);
    const yBefore = Uint8Array.from(y);
    const weights = new Float64Array(200).fill(1.5);
    fitLogisticRegression(X, y, { weights });
    expect(X.values).toEqual(before);
    expect(y).toEqual(yBefore);
    expect(weights.every((w) => w === 1.5)).toBe(true);
  });

  it('fitLogisticRegression(X, y) is deterministic to the bit', () => {
    const { X, y } = randomProblem(800, 13);
    const a = fitLogisticRegression(X, y);
    const b = fitLogisticRegression(X, y);
    expect(Object.is(a.intercept, b.intercept)).toBe(true);
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
  });

  describe('perfect separation', () => {
    const X = matrix(['x'], [[-2], [-1], [-0.5], [0.5], [1], [2]]);
    const y = [0, 0, 0, 1, 1, 1];

    it('fitLogisticRegression(separable, { l2: 0 }) throws ConvergenceError naming separation, after a few iterations', () => {
      const e = catchError(() => fitLogisticRegression(X, y, { l2: 0 }));
      expect(e).toBeInstanceOf(ConvergenceError);
      expect(e.code).toBe('convergence_failed');
      expect(e.issues[0].code).toBe('perfect_separation');
      expect(e.message).toMatch(/separated/);
      expect(e.message).toMatch(/l2 > 0/);
    });

    it('fitLogisticRegression(quasi-separable, { l2: 0 }) throws ConvergenceError too (overlap at a single point)', () => {
      const Xq = matrix(['x'], [[-2], [-1], [0], [0], [1], [2]]);
      const e = catchError(() => fitLogisticRegression(Xq, [0, 0, 0, 1, 1, 1], { l2: 0 }));
      expect(e).toBeInstanceOf(ConvergenceError);
      expect(e.issues[0].code).toBe('perfect_separation');
    });

    it('fitLogisticRegression(separable, { l2: 1 }) converges to finite coefficients', () => {
      const fit = fitLogisticRegression(X, y, { l2: 1 });
      expect(fit.converged).toBe(true);
      expect(Number.isFinite(fit.coefficients[0])).toBe(true);
      expect(fit.coefficients[0]).toBeGreaterThan(0);
    });
  });

  it('fitLogisticRegression(X with duplicated column, y, { l2: 0 }) converges; the two coefficients share the single-column effect', () => {
    const { X, y } = randomProblem(400, 17);
    const single = fitLogisticRegression({ names: ['a'], rows: X.rows, values: Float64Array.from({ length: X.rows }, (_, i) => X.values[i * 3]) }, y, { l2: 0 });
    const doubled = fitLogisticRegression({ names: ['a', 'a2'], rows: X.rows, values: Float64Array.from({ length: X.rows * 2 }, (_, k) => X.values[Math.floor(k / 2) * 3]) }, y, { l2: 0 });
    expect(doubled.coefficients[0] + doubled.coefficients[1]).toBeCloseTo(single.coefficients[0], 6);
    expect(doubled.intercept).toBeCloseTo(single.intercept, 6);
  });

  it('fitLogisticRegression(one-class y) throws InsufficientDataError', () => {
    const X = matrix(['x'], [[1], [2], [3]]);
    const e = catchError(() => fitLogisticRegression(X, [0, 0, 0]));
    expect(e).toBeInstanceOf(InsufficientDataError);
    expect(e.issues[0]).toMatchObject({ code: 'one_class', path: ['y'] });
    // bads present but with weight 0: still one class
    const w = catchError(() => fitLogisticRegression(X, [0, 1, 0], { weights: [1, 0, 1] }));
    expect(w).toBeInstanceOf(InsufficientDataError);
  });

  it('fitLogisticRegression(no rows) throws InsufficientDataError', () => {
    expect(() => fitLogisticRegression({ names: ['x'], rows: 0, values: new Float64Array(0) }, [])).toThrow(InsufficientDataError);
  });

  it('fitLogisticRegression(X with NaN or Infinity) throws InvalidInputError with path [row, column]', () => {
    const X = matrix(['a', 'b'], [
      [1, 2],
      [3, Number.NaN],
      [Number.POSITIVE_INFINITY, 0],
    ]);
    const e = catchError(() => fitLogisticRegression(X, [0, 1, 0]));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.path)).toEqual([
      [1, 'b'],
      [2, 'a'],
    ]);
  });

  it('fitLogisticRegression(X, bad y or weights) throws InvalidInputError with paths', () => {
    const X = matrix(['a'], [[1], [2], [3]]);
    expect(catchError(() => fitLogisticRegression(X, [0, 2, 1])).issues[0].path).toEqual(['y', 1]);
    expect(catchError(() => fitLogisticRegression(X, [0, 1, 1], { weights: [1, -1, 1] })).issues[0].path).toEqual(['weights', 1]);
    expect(catchError(() => fitLogisticRegression(X, [0, 1])).issues[0]).toMatchObject({ code: 'length_mismatch', path: ['y'] });
    expect(catchError(() => fitLogisticRegression({ names: ['a', 'b'], rows: 2, values: new Float64Array(3) }, [0, 1])).issues[0].path).toEqual(['values']);
  });

  it('fitLogisticRegression(X, y, bad options) throws InvalidOptionsError with option paths', () => {
    const X = matrix(['a'], [[1], [2]]);
    const e = catchError(() => fitLogisticRegression(X, [0, 1], { l2: -1, maxIterations: 0 }));
    expect(e).toBeInstanceOf(InvalidOptionsError);
    expect(e.issues.map((i) => i.path)).toEqual([['l2'], ['maxIterations']]);
  });

  it('fitLogisticRegression(X, y, { maxIterations: 1 }) throws ConvergenceError when one Newton step is not enough', () => {
    const { X, y } = randomProblem(500, 21);
    const e = catchError(() => fitLogisticRegression(X, y, { maxIterations: 1 }));
    expect(e).toBeInstanceOf(ConvergenceError);
    expect(e.issues[0].code).toBe('max_iterations');
  });

  it('fitLogisticRegression(X with huge raw scales, y) converges (the line search keeps Newton safe)', () => {
    const rng = createRandom(4);
    const n = 600;
    const values = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      values[i * 2] = rng.normal() * 1e5;
      values[i * 2 + 1] = rng.next() < 0.01 ? 1e7 : rng.normal();
      y[i] = rng.next() < 1 / (1 + Math.exp(-(values[i * 2] / 1e5) + 1)) ? 1 : 0;
    }
    const fit = fitLogisticRegression({ names: ['big', 'outlier'], rows: n, values }, y, { l2: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0] * 1e5).toBeGreaterThan(0.5);
  });
});
