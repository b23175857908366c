import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { ConvergenceError, InsufficientDataError, InvalidInputError, InvalidOptionsError, type CreditScoreError } from '../../src/errors.js';
import {
  DEFAULT_TRAFFIC_LIGHT_THRESHOLDS,
  binomialTest,
  brierScore,
  calibrationSlopeIntercept,
  calibrationTable,
  hosmerLemeshow,
  jeffreysTest,
  logLoss,
  trafficLight,
} from '../../src/metrics/index.js';

function caught(fn: () => unknown): CreditScoreError {
  try {
    fn();
  } catch (e) {
    return e as CreditScoreError;
  }
  throw new Error('expected a throw');
}

/** PDs and outcomes drawn from true PDs = sigmoid(a + b·logit(pd)). */
function drawn(n: number, seed: number, a: number, b: number): { pd: Float64Array; y: Uint8Array } {
  const random = createRandom(seed);
  const pd = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const logit = -2 + random.normal();
    pd[i] = 1 / (1 + Math.exp(-logit));
    y[i] = random.next() < 1 / (1 + Math.exp(-(a + b * logit))) ? 1 : 0;
  }
  return { pd, y };
}

describe('brierScore', () => {
  it('brierScore(p, y, w) is the weighted mean squared error and works with one class', () => {
    expect(brierScore([0.2, 0.6], [0, 1], [3, 1])).toBeCloseTo((3 * 0.04 + 0.16) / 4, 15);
    expect(brierScore([0.1, 0.3], [0, 0])).toBeCloseTo(0.05, 15);
  });
  it('brierScore rejects probabilities outside [0, 1] with their paths', () => {
    const e = caught(() => brierScore([0.2, 1.2, -0.1, Number.NaN], [0, 1, 0, 1]));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.path)).toEqual([
      ['probabilities', 1],
      ['probabilities', 2],
      ['probabilities', 3],
    ]);
    expect(() => brierScore([], [])).toThrow(InsufficientDataError);
  });
});

describe('logLoss', () => {
  it('logLoss(p, y) uses epsilon 1e-15 by default and accepts another epsilon', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 12);
    expect(logLoss([0], [1], { epsilon: 1e-7 })).toBeCloseTo(-Math.log(1e-7), 12);
    expect(() => logLoss([0.5], [1], { epsilon: 0.7 })).toThrow(InvalidOptionsError);
  });
  it('logLoss of a constant 0.5 forecast is ln 2', () => {
    expect(logLoss([0.5, 0.5, 0.5], [0, 1, 1])).toBeCloseTo(Math.LN2, 15);
  });
});

describe('calibrationTable', () => {
  it('calibrationTable(p, y) makes deciles with equal PDs in one band and totals that add up', () => {
    const { pd, y } = drawn(1000, 1, 0, 1);
    const table = calibrationTable(pd, y);
    expect(table).toHaveLength(10);
    expect(table.reduce((s, b) => s + b.count, 0)).toBe(1000);
    for (const b of table) expect(b.count).toBe(100);
    for (let i = 1; i < table.length; i++) expect(table[i].minProbability).toBeGreaterThan(table[i - 1].maxProbability);
    const bads = table.reduce((s, b) => s + b.observedBads, 0);
    expect(bads).toBe(y.reduce((s, v) => s + v, 0));
    // heavy ties: 3 distinct values give at most 3 bands
    const tied = calibrationTable([0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3], [0, 0, 0, 1, 0, 1, 0, 1, 1, 0]);
    expect(tied.map((b) => [b.count, b.expectedBadRate])).toEqual([
      [4, 0.1],
      [2, 0.2],
      [4, 0.3],
    ]);
  });

  it('calibrationTable with explicit bands keeps the band index and drops empty bands', () => {
    const t = calibrationTable([0.01, 0.02, 0.3], [0, 0, 1], { bands: [0.015, 0.1, 0.2] });
    expect(t.map((b) => [b.band, b.lower, b.upper, b.count])).toEqual([
      [0, null, 0.015, 1],
      [1, 0.015, 0.1, 1],
      [3, 0.2, null, 1],
    ]);
    // right-closed: a PD equal to a cut point belongs to the band below
    expect(calibrationTable([0.1, 0.2], [0, 1], { bands: [0.1] }).map((b) => b.count)).toEqual([1, 1]);
  });

  it('calibrationTable validates bands', () => {
    expect(caught(() => calibrationTable([0.1], [0], { bands: 1 })).issues[0].path).toEqual(['bands']);
    expect(caught(() => calibrationTable([0.1], [0], { bands: [0.2, 0.1] })).issues[0].path).toEqual(['bands', 1]);
    expect(() => calibrationTable([0.1], [0], { bands: [] })).toThrow(InvalidOptionsError);
  });
});

describe('hosmerLemeshow', () => {
  it('hosmerLemeshow rarely rejects PDs that are true and always rejects PDs that are far off', () => {
    const good = drawn(5000, 2, 0, 1);
    expect(hosmerLemeshow(good.pd, good.y).pValue).toBeGreaterThan(0.01);
    const off = drawn(5000, 3, 0.8, 1);
    const r = hosmerLemeshow(off.pd, off.y);
    expect(r.pValue).toBeLessThan(1e-6);
    expect(r.degreesOfFreedom).toBe(8);
    expect(r.groups).toHaveLength(10);
  });

  it('hosmerLemeshow with degreesOfFreedom = G (validation sample) uses it', () => {
    const { pd, y } = drawn(2000, 4, 0, 1);
    const a = hosmerLemeshow(pd, y);
    const b = hosmerLemeshow(pd, y, { degreesOfFreedom: 10 });
    expect(b.statistic).toBe(a.statistic);
    expect(b.degreesOfFreedom).toBe(10);
    expect(b.pValue).toBeGreaterThan(a.pValue);
  });

  it('hosmerLemeshow needs 3 groups and non-degenerate PDs', () => {
    expect(() => hosmerLemeshow([0.2, 0.2, 0.3, 0.3], [0, 1, 0, 1])).toThrow(InsufficientDataError);
    expect(() => hosmerLemeshow([0, 0, 0.3, 0.5, 0.7], [0, 0, 1, 0, 1], { groups: [0.1, 0.4, 0.6] })).toThrow(/group 0 has predicted PDs all 0 or all 1/);
  });
});

describe('calibrationSlopeIntercept', () => {
  it('calibrationSlopeIntercept recovers the slope and intercept used to draw the outcomes', () => {
    const { pd, y } = drawn(40_000, 5, 0.3, 0.7);
    const r = calibrationSlopeIntercept(pd, y);
    expect(r.slope).toBeGreaterThan(0.6);
    expect(r.slope).toBeLessThan(0.8);
    expect(r.intercept).toBeGreaterThan(0.05);
    expect(r.intercept).toBeLessThan(0.55);
    expect(r.iterations).toBeLessThan(15);
  });

  it('calibrationSlopeIntercept at its optimum sets the score equations to zero', () => {
    const { pd, y } = drawn(3000, 6, -0.2, 1.3);
    const w = Float64Array.from(pd, (_, i) => 1 + (i % 3));
    const r = calibrationSlopeIntercept(pd, y, { weights: w });
    let g0 = 0;
    let g1 = 0;
    let gLarge = 0;
    pd.forEach((p, i) => {
      const x = Math.log(p / (1 - p));
      const mu = 1 / (1 + Math.exp(-(r.intercept + r.slope * x)));
      g0 += w[i] * (y[i] - mu);
      g1 += w[i] * (y[i] - mu) * x;
      gLarge += w[i] * (y[i] - 1 / (1 + Math.exp(-(r.calibrationInTheLarge + x))));
    });
    expect(Math.abs(g0)).toBeLessThan(1e-8);
    expect(Math.abs(g1)).toBeLessThan(1e-8);
    expect(Math.abs(gLarge)).toBeLessThan(1e-8);
  });

  it('calibrationSlopeIntercept refuses PDs of 0 or 1, constant PDs, one class and separation', () => {
    expect(caught(() => calibrationSlopeIntercept([0, 0.5], [0, 1])).issues[0]).toMatchObject({ path: ['probabilities', 0], code: 'not_probability' });
    expect(() => calibrationSlopeIntercept([0.2, 0.2, 0.2], [0, 1, 0])).toThrow(/two distinct predicted PDs/);
    expect(() => calibrationSlopeIntercept([0.2, 0.3], [1, 1])).toThrow(InsufficientDataError);
    expect(() => calibrationSlopeIntercept([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toThrow(ConvergenceError);
  });
});

describe('binomialTest and jeffreysTest', () => {
  const grades = [
    { grade: 'A', probabilityOfDefault: 0.01, obligors: 1000, defaults: 8 },
    { grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 },
    { grade: 'C', probabilityOfDefault: 0.05, obligors: 500, defaults: 45 },
    { probabilityOfDefault: 0.1, obligors: 20, defaults: 0 },
  ];

  it('binomialTest(grades) gives P(X >= D) and green / amber / red by the default thresholds', () => {
    const r = binomialTest(grades);
    expect(r.map((g) => g.trafficLight)).toEqual(['green', 'amber', 'red', 'green']);
    expect(r[3]).toMatchObject({ grade: 3, pValue: 1, observedDefaultRate: 0 });
    // hand check: P(X >= 1 | N = 3, PD = 0.5) = 7/8
    expect(binomialTest([{ probabilityOfDefault: 0.5, obligors: 3, defaults: 1 }])[0].pValue).toBeCloseTo(0.875, 14);
    // exact sum for a small case
    let tail = 0;
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    for (let k = 4; k <= 30; k++) tail += choose(30, k) * 0.05 ** k * 0.95 ** (30 - k);
    expect(binomialTest([{ probabilityOfDefault: 0.05, obligors: 30, defaults: 4 }])[0].pValue).toBeCloseTo(tail, 14);
  });

  it('jeffreysTest(grades) is the Beta(D + 1/2, N - D + 1/2) CDF at the PD', () => {
    // N = 1, D = 0: Beta(1/2, 3/2), whose CDF is (2/π)·(asin √x + √(x(1 − x)))
    const r = jeffreysTest([{ probabilityOfDefault: 0.3, obligors: 1, defaults: 0 }]);
    expect(r[0].pValue).toBeCloseTo((2 / Math.PI) * (Math.asin(Math.sqrt(0.3)) + Math.sqrt(0.3 * 0.7)), 14);
    expect(jeffreysTest(grades).map((g) => g.trafficLight)).toEqual(['green', 'amber', 'red', 'green']);
    // non-integer (weighted) counts are allowed for Jeffreys, not for the binomial test
    expect(jeffreysTest([{ probabilityOfDefault: 0.02, obligors: 100.5, defaults: 2.5 }])[0].pValue).toBeGreaterThan(0);
    expect(caught(() => binomialTest([{ probabilityOfDefault: 0.02, obligors: 100.5, defaults: 2 }])).issues[0].path).toEqual(['grades', 0, 'obligors']);
  });

  it('binomialTest validates every grade and reports paths', () => {
    const e = caught(() =>
      binomialTest([
        { probabilityOfDefault: 1.5, obligors: 10, defaults: 1 },
        { probabilityOfDefault: 0.1, obligors: 0, defaults: 0 },
        { probabilityOfDefault: 0.1, obligors: 10, defaults: 11 },
      ]),
    );
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.path)).toEqual([
      ['grades', 0, 'probabilityOfDefault'],
      ['grades', 1, 'obligors'],
      ['grades', 2, 'defaults'],
    ]);
  });

  it('thresholds are options', () => {
    const strict = { amberBelow: 0.5, redBelow: 0.2 };
    expect(binomialTest(grades.slice(1, 2))[0].trafficLight).toBe('amber');
    expect(binomialTest(grades.slice(1, 2), { thresholds: strict })[0].trafficLight).toBe('red');
    expect(() => binomialTest(grades, { thresholds: { amberBelow: 0.01, redBelow: 0.05 } })).toThrow(InvalidOptionsError);
  });
});

describe('trafficLight', () => {
  it('trafficLight(p) is green at the amber threshold and red just below the red one', () => {
    expect(trafficLight(DEFAULT_TRAFFIC_LIGHT_THRESHOLDS.amberBelow)).toBe('green');
    expect(trafficLight(0.0499)).toBe('amber');
    expect(trafficLight(0.01)).toBe('amber');
    expect(trafficLight(0.0099)).toBe('red');
  });
});
