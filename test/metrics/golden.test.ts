/**
 * Every metric against independent reference values (scikit-learn 1.2 / scipy 1.10 / numpy, see
 * test/golden/metrics/make_golden.py), to 1e-9 (absolute below 1, relative above).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError } from '../../src/errors.js';
import {
  auc,
  averagePrecision,
  binomialTest,
  brierScore,
  calibrationSlopeIntercept,
  calibrationTable,
  characteristicStabilityIndex,
  delongTest,
  gini,
  hosmerLemeshow,
  jeffreysTest,
  ksStatistic,
  logLoss,
  populationStabilityIndex,
  rocCurve,
  type ScoreDirection,
} from '../../src/metrics/index.js';
import {
  chiSquareSurvival,
  logGamma,
  normalCdf,
  normalQuantile,
  normalTwoSidedPValue,
  regularizedBeta,
} from '../../src/metrics/_special.js';

interface CalibrationGolden {
  cutPoints: number[];
  bands: { band: number; count: number; weight: number; expectedBads: number; observedBads: number }[];
  hlStatistic?: number;
  hlDegreesOfFreedom?: number;
  hlPValue?: number;
  hlExpectError?: string;
}
interface VectorGolden {
  expectError?: string;
  auc: number;
  gini: number;
  ks: number;
  ksThreshold: number;
  ksCumulativeBadShare: number;
  ksCumulativeGoodShare: number;
  rocPoints: number;
  rocFalsePositiveRate?: number[];
  rocTruePositiveRate?: number[];
  rocThresholds?: number[];
  averagePrecision: number;
  brierScore?: number;
  logLoss?: number;
  calibration?: CalibrationGolden;
  calibrationSlope?: { slope: number; intercept: number; calibrationInTheLarge: number };
}
interface Vector {
  name: string;
  scores: number[];
  labels: number[];
  weights: number[] | null;
  higherIsSafer?: boolean;
  golden: VectorGolden;
}
interface PsiGolden {
  name: string;
  reference: number[];
  current: number[];
  referenceWeights?: number[];
  currentWeights?: number[];
  options: { bins?: number | number[] };
  cutPoints: number[];
  psi: number;
  isSmoothed: boolean;
  contributions: number[];
  referenceShares: number[];
  currentShares: number[];
}
interface Golden {
  generator: Record<string, string>;
  vectors: Vector[];
  logLossClipped: { probabilities: number[]; labels: number[]; logLoss: number };
  psi: PsiGolden[];
  csiCategorical: { reference: (string | null)[]; current: (string | null)[]; labels: string[]; csi: number; isSmoothed: boolean; contributions: number[] };
  csiNumeric: { reference: (number | null)[]; current: (number | null)[]; cutPoints: number[]; csi: number; isSmoothed: boolean; contributions: number[] };
  delong: { name: string; scoresA: number[]; scoresB: number[]; labels: number[]; higherIsSafer: boolean; aucA: number; aucB: number; difference: number; variance: number; standardErrorA: number; standardErrorB: number; z: number; pValue: number }[];
  gradeBacktests: { probabilityOfDefault: number; obligors: number; defaults: number; binomialPValue: number; jeffreysPValue: number }[];
  chiSquareSurvival: { x: number; df: number; value: number }[];
  regularizedBeta: { x: number; a: number; b: number; value: number }[];
  logGamma: { x: number; value: number }[];
  normal: { z: number; twoSided: number; cdf: number }[];
  normalQuantile: { p: number; value: number }[];
}

const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, '../golden/metrics/metrics.json'), 'utf8')) as Golden;

/** |actual − expected| ≤ 1e-9 · max(1, |expected|). */
function expectClose(actual: number, expected: number, label: string, tolerance = 1e-9): void {
  const bound = tolerance * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    expect.fail(`${label}: expected ${expected}, received ${actual} (|diff| ${Math.abs(actual - expected)} > ${bound})`);
  }
}

/** Relative agreement for small probabilities (p-values far in the tail). */
function expectRelativeClose(actual: number, expected: number, label: string, tolerance = 1e-9): void {
  const bound = tolerance * Math.abs(expected) + 1e-300;
  if (!(Math.abs(actual - expected) <= bound)) expect.fail(`${label}: expected ${expected}, received ${actual} (relative ${Math.abs(actual - expected) / Math.abs(expected)})`);
}

function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], label: string): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], `${label}[${i}]`);
}

const usable = golden.vectors.filter((v) => v.golden.expectError === undefined);

describe('metrics golden values (sklearn / scipy / numpy)', () => {
  it('covers at least 6 vectors including ties, weights, n = 2000, all-tied, tiny and single-class', () => {
    expect(golden.vectors.map((v) => v.name)).toEqual(['tiny', 'ties', 'weights', 'large', 'largeTiesWeighted', 'allTied', 'creditScores', 'singleClass']);
    expect(golden.vectors.find((v) => v.name === 'large')?.scores.length).toBe(2000);
  });

  describe.each(usable.map((v) => [v.name, v] as const))('vector %s', (_name, v) => {
    const g = v.golden;
    const direction: ScoreDirection = v.higherIsSafer ? 'higherIsSafer' : 'higherIsRiskier';
    const weights = v.weights === null ? undefined : Float64Array.from(v.weights);
    const scores = Float64Array.from(v.scores);
    const labels = Uint8Array.from(v.labels);
    const options = { weights, scoreDirection: direction };

    it('auc and gini match roc_auc_score', () => {
      expectClose(auc(scores, labels, options), g.auc, 'auc');
      expectClose(gini(scores, labels, options), g.gini, 'gini');
    });

    it('ksStatistic matches max(tpr - fpr) of roc_curve, with its threshold and rates', () => {
      const ks = ksStatistic(scores, labels, options);
      expectClose(ks.ks, g.ks, 'ks');
      expect(ks.threshold).toBe(g.ksThreshold);
      expectClose(ks.cumulativeBadShare, g.ksCumulativeBadShare, 'tpr');
      expectClose(ks.cumulativeGoodShare, g.ksCumulativeGoodShare, 'fpr');
    });

    it('rocCurve matches roc_curve(drop_intermediate=False) point for point', () => {
      const roc = rocCurve(scores, labels, options);
      expect(roc.thresholds.length).toBe(g.rocPoints);
      if (g.rocFalsePositiveRate !== undefined && g.rocTruePositiveRate !== undefined && g.rocThresholds !== undefined) {
        expectAllClose(roc.falsePositiveRate, g.rocFalsePositiveRate, 'fpr');
        expectAllClose(roc.truePositiveRate, g.rocTruePositiveRate, 'tpr');
        expect(Array.from(roc.thresholds.subarray(1))).toEqual(g.rocThresholds);
      }
    });

    it('averagePrecision matches average_precision_score', () => {
      expectClose(averagePrecision(scores, labels, options), g.averagePrecision, 'ap');
    });

    it.runIf(g.brierScore !== undefined)('brierScore and logLoss match brier_score_loss and log_loss(eps=1e-15)', () => {
      expectClose(brierScore(scores, labels, weights), g.brierScore as number, 'brier');
      expectClose(logLoss(scores, labels, weights), g.logLoss as number, 'logLoss');
    });

    it.runIf(g.calibration !== undefined)('calibrationTable deciles and hosmerLemeshow match the numpy/scipy computation', () => {
      const cal = g.calibration as CalibrationGolden;
      const table = calibrationTable(scores, labels, { weights });
      expect(table.map((b) => b.band)).toEqual(cal.bands.map((b) => b.band));
      table.forEach((b, i) => {
        const e = cal.bands[i];
        expect(b.count).toBe(e.count);
        expectClose(b.weight, e.weight, `weight[${i}]`);
        expectClose(b.expectedBads, e.expectedBads, `expected[${i}]`);
        expectClose(b.observedBads, e.observedBads, `observed[${i}]`);
        expect(b.upper).toBe(i === table.length - 1 && b.band === cal.cutPoints.length ? null : cal.cutPoints[b.band]);
      });
      if (cal.hlExpectError !== undefined) {
        expect(() => hosmerLemeshow(scores, labels, { weights })).toThrow(InsufficientDataError);
      } else {
        const hl = hosmerLemeshow(scores, labels, { weights });
        expectClose(hl.statistic, cal.hlStatistic as number, 'hl statistic');
        expect(hl.degreesOfFreedom).toBe(cal.hlDegreesOfFreedom);
        expectClose(hl.pValue, cal.hlPValue as number, 'hl p-value');
      }
    });

    it.runIf(g.calibrationSlope !== undefined)('calibrationSlopeIntercept matches the scipy logistic fit', () => {
      const e = g.calibrationSlope as { slope: number; intercept: number; calibrationInTheLarge: number };
      const r = calibrationSlopeIntercept(scores, labels, { weights });
      expectClose(r.slope, e.slope, 'slope');
      expectClose(r.intercept, e.intercept, 'intercept');
      expectClose(r.calibrationInTheLarge, e.calibrationInTheLarge, 'calibration-in-the-large');
    });
  });

  it('the single-class vector makes every ranking metric throw InsufficientDataError naming the function', () => {
    const v = golden.vectors.find((x) => x.name === 'singleClass') as Vector;
    expect(v.golden.expectError).toBe('InsufficientDataError');
    const fns = { auc, gini, ksStatistic, averagePrecision, rocCurve } as const;
    for (const [name, fn] of Object.entries(fns)) {
      let caught: unknown;
      try {
        fn(v.scores, v.labels);
      } catch (e) {
        caught = e;
      }
      expect(caught, name).toBeInstanceOf(InsufficientDataError);
      expect((caught as Error).message).toMatch(new RegExp(`^${name}: needs at least one bad \\(label 1\\) and one good \\(label 0\\)`));
    }
    expect(() => calibrationSlopeIntercept(v.scores, v.labels)).toThrow(InsufficientDataError);
  });

  it('logLoss clips 0 and 1 at 1e-15 like log_loss(eps=1e-15)', () => {
    const c = golden.logLossClipped;
    expectClose(logLoss(c.probabilities, c.labels), c.logLoss, 'clipped log loss');
  });

  describe.each(golden.psi.map((p) => [p.name, p] as const))('populationStabilityIndex %s', (_name, p) => {
    it('matches the numpy PSI (cut points, shares, contributions, smoothing)', () => {
      const r = populationStabilityIndex(p.reference, p.current, {
        bins: p.options.bins,
        referenceWeights: p.referenceWeights,
        currentWeights: p.currentWeights,
      });
      expectClose(r.psi, p.psi, 'psi');
      expect(r.isSmoothed).toBe(p.isSmoothed);
      expect(r.bins.slice(0, -1).map((b) => b.upper)).toEqual(p.cutPoints.slice(0, r.bins.length - 1));
      expectAllClose(
        r.bins.map((b) => b.contribution),
        p.contributions,
        'contribution',
      );
      expectAllClose(
        r.bins.map((b) => b.referenceShare),
        p.referenceShares,
        'reference share',
      );
      expectAllClose(
        r.bins.map((b) => b.currentShare),
        p.currentShares,
        'current share',
      );
    });
  });

  it('characteristicStabilityIndex matches numpy for a categorical characteristic with a new category and missing values', () => {
    const c = golden.csiCategorical;
    const r = characteristicStabilityIndex(c.reference, c.current);
    expect(r.type).toBe('categorical');
    expect(r.bins.map((b) => b.label)).toEqual(c.labels);
    expect(r.isSmoothed).toBe(c.isSmoothed);
    expectClose(r.csi, c.csi, 'csi');
    expectAllClose(
      r.bins.map((b) => b.contribution),
      c.contributions,
      'contribution',
    );
  });

  it('characteristicStabilityIndex matches numpy for a numeric characteristic with missing values', () => {
    const c = golden.csiNumeric;
    const r = characteristicStabilityIndex(c.reference, c.current);
    expect(r.type).toBe('numeric');
    expect(r.bins.at(-1)?.isMissing).toBe(true);
    expect(r.bins.filter((b) => !b.isMissing && b.upper !== null).map((b) => b.upper)).toEqual(c.cutPoints);
    expect(r.isSmoothed).toBe(c.isSmoothed);
    expectClose(r.csi, c.csi, 'csi');
    expectAllClose(
      r.bins.map((b) => b.contribution),
      c.contributions,
      'contribution',
    );
  });

  describe.each(golden.delong.map((d) => [d.name, d] as const))('delongTest on %s', (_name, d) => {
    it('matches the O(m·n) DeLong computation in numpy', () => {
      const r = delongTest(d.scoresA, d.scoresB, d.labels, { scoreDirection: d.higherIsSafer ? 'higherIsSafer' : 'higherIsRiskier' });
      expectClose(r.aucA, d.aucA, 'aucA');
      expectClose(r.aucB, d.aucB, 'aucB');
      expectClose(r.difference, d.difference, 'difference');
      expectClose(r.variance, d.variance, 'variance', 1e-12);
      expectRelativeClose(r.variance, d.variance, 'variance (relative)', 1e-8);
      expectClose(r.standardErrorA, d.standardErrorA, 'standard error A');
      expectClose(r.standardErrorB, d.standardErrorB, 'standard error B');
      expectClose(r.z, d.z, 'z');
      expectClose(r.pValue, d.pValue, 'p-value');
      if (d.pValue < 1e-6) expectRelativeClose(r.pValue, d.pValue, 'p-value (relative)', 1e-6);
    });
  });

  it('binomialTest and jeffreysTest match scipy binom.sf and beta.cdf for every grade', () => {
    const grades = golden.gradeBacktests;
    const b = binomialTest(grades);
    const j = jeffreysTest(grades);
    grades.forEach((g, i) => {
      expectClose(b[i].pValue, g.binomialPValue, `binomial[${i}]`);
      expectClose(j[i].pValue, g.jeffreysPValue, `jeffreys[${i}]`);
      if (g.binomialPValue > 1e-200) expectRelativeClose(b[i].pValue, g.binomialPValue, `binomial relative[${i}]`, 1e-9);
      if (g.jeffreysPValue > 1e-200) expectRelativeClose(j[i].pValue, g.jeffreysPValue, `jeffreys relative[${i}]`, 1e-9);
    });
  });

  it('special functions match scipy: chi2.sf, betainc, gammaln, norm.sf/cdf, norm.ppf', () => {
    for (const c of golden.chiSquareSurvival) {
      expectClose(chiSquareSurvival(c.x, c.df), c.value, `chi2.sf(${c.x}, ${c.df})`);
      if (c.value > 1e-280) expectRelativeClose(chiSquareSurvival(c.x, c.df), c.value, `chi2.sf relative(${c.x}, ${c.df})`, 1e-9);
    }
    for (const c of golden.regularizedBeta) {
      expectClose(regularizedBeta(c.x, c.a, c.b), c.value, `betainc(${c.a}, ${c.b}, ${c.x})`);
      if (c.value > 1e-280) expectRelativeClose(regularizedBeta(c.x, c.a, c.b), c.value, `betainc relative(${c.a}, ${c.b}, ${c.x})`, 1e-9);
    }
    for (const c of golden.logGamma) expectClose(logGamma(c.x), c.value, `gammaln(${c.x})`, 1e-12);
    for (const c of golden.normal) {
      expectRelativeClose(normalTwoSidedPValue(c.z), c.twoSided, `2 norm.sf(|${c.z}|)`, 1e-9);
      expectClose(normalCdf(c.z), c.cdf, `norm.cdf(${c.z})`, 1e-12);
    }
    for (const c of golden.normalQuantile) expectClose(normalQuantile(c.p), c.value, `norm.ppf(${c.p})`, 1e-12);
  });
});
