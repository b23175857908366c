import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCalibration } from '../../src/scorers/applyCalibration.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { fitCalibration } from '../../src/train/trees/fitCalibration.js';

interface Case {
  name: string;
  z: number[];
  y: number[];
  w: number[];
  platt: { a: number; b: number };
  platt_weighted: { a: number; b: number };
  isotonic: { x: number[]; y: number[] };
  isotonic_weighted: { x: number[]; y: number[] };
}
const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, 'golden/calibration.json'), 'utf8')) as { sklearn: string; cases: Case[] };

/** Gradient of the Platt objective (smoothed targets) at (a, b), divided by the total weight. */
function plattGradient(z: number[], y: number[], w: number[], a: number, b: number): [number, number] {
  let wb = 0;
  let wg = 0;
  z.forEach((_, i) => (y[i] === 1 ? (wb += w[i]) : (wg += w[i])));
  let ga = 0;
  let gb = 0;
  z.forEach((zi, i) => {
    const t = y[i] === 1 ? (wb + 1) / (wb + 2) : 1 / (wg + 2);
    const d = w[i] * (1 / (1 + Math.exp(-(a * zi + b))) - t);
    ga += d * zi;
    gb += d;
  });
  return [ga / (wb + wg), gb / (wb + wg)];
}

describe('fitCalibration', () => {
  for (const c of golden.cases) {
    it(`fitCalibration(z, y, 'platt') matches scikit-learn ${golden.sklearn} _sigmoid_calibration (${c.name}) and is the exact optimum`, () => {
      const fit = fitCalibration(c.z, c.y, 'platt');
      if (fit.method !== 'platt') throw new Error('expected platt');
      expect(fit.a).toBeCloseTo(c.platt.a, 4);
      expect(fit.b).toBeCloseTo(c.platt.b, 4);
      const [ga, gb] = plattGradient(c.z, c.y, c.z.map(() => 1), fit.a, fit.b);
      expect(Math.abs(ga) + Math.abs(gb)).toBeLessThan(1e-10);
    });

    it(`fitCalibration(z, y, 'platt', { weights }) matches scikit-learn with sample weights (${c.name})`, () => {
      const fit = fitCalibration(c.z, c.y, 'platt', { weights: c.w });
      if (fit.method !== 'platt') throw new Error('expected platt');
      expect(fit.a).toBeCloseTo(c.platt_weighted.a, 4);
      expect(fit.b).toBeCloseTo(c.platt_weighted.b, 4);
      const [ga, gb] = plattGradient(c.z, c.y, c.w, fit.a, fit.b);
      expect(Math.abs(ga) + Math.abs(gb)).toBeLessThan(1e-10);
    });

    it(`fitCalibration(z, y, 'isotonic') equals IsotonicRegression X_thresholds_/y_thresholds_ (${c.name}, with and without weights)`, () => {
      for (const [fit, want] of [
        [fitCalibration(c.z, c.y, 'isotonic'), c.isotonic],
        [fitCalibration(c.z, c.y, 'isotonic', { weights: c.w }), c.isotonic_weighted],
      ] as const) {
        if (fit.method !== 'isotonic') throw new Error('expected isotonic');
        expect(fit.x.length).toBe(want.x.length);
        fit.x.forEach((v, k) => expect(v).toBeCloseTo(want.x[k], 14));
        fit.y.forEach((v, k) => expect(v).toBeCloseTo(want.y[k], 12));
      }
    });
  }

  it("fitCalibration(z, y, 'isotonic') is non-decreasing and applyCalibration interpolates through it", () => {
    const c = golden.cases[1];
    const fit = fitCalibration(c.z, c.y, 'isotonic');
    if (fit.method !== 'isotonic') throw new Error('expected isotonic');
    for (let k = 1; k < fit.y.length; k++) expect(fit.y[k]).toBeGreaterThanOrEqual(fit.y[k - 1]);
    const mid = (fit.x[0] + fit.x[1]) / 2;
    const z = Math.log(mid / (1 - mid));
    expect(applyCalibration(fit, z)).toBeCloseTo((fit.y[0] + fit.y[1]) / 2, 6);
  });

  it('fitCalibration rejects bad input with paths, one class with InsufficientDataError, an unknown method with InvalidOptionsError', () => {
    expect(() => fitCalibration([0, Number.NaN], [0, 1], 'platt')).toThrowError(InvalidInputError);
    try {
      fitCalibration([0, 1, 2], [0, 2, 1], 'platt');
    } catch (e) {
      expect((e as InvalidInputError).issues[0].path).toEqual(['labels', 1]);
    }
    expect(() => fitCalibration([0, 1], [0, 1, 1], 'platt')).toThrowError(/labels/);
    expect(() => fitCalibration([0, 1], [1, 1], 'isotonic')).toThrowError(InsufficientDataError);
    expect(() => fitCalibration([0, 1], [0, 1], 'beta' as never)).toThrowError(InvalidOptionsError);
  });

  it('example: fitCalibration on a small sample', () => {
    expect(fitCalibration([-2, -1, 0, 1, 2, 3], [0, 0, 1, 0, 1, 1], 'platt')).toEqual({ method: 'platt', a: expect.closeTo(0.5355, 3), b: expect.closeTo(-0.2678, 3) });
    expect(fitCalibration([-2, -1, 0, 1], [0, 1, 0, 1], 'isotonic')).toEqual({
      method: 'isotonic',
      x: [expect.closeTo(0.1192, 4), expect.closeTo(0.2689, 4), 0.5, expect.closeTo(0.7311, 4)],
      y: [0, 0.5, 0.5, 1],
    });
  });
});
