import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { InsufficientDataError, InvalidOptionsError } from '../../src/errors.js';
import { approvalTradeoffCurve, auc, bootstrapConfidenceInterval, delongTest, ksStatistic, scoreBandTable } from '../../src/metrics/index.js';

function creditSample(n: number, seed: number): { points: Float64Array; pd: Float64Array; labels: Uint8Array } {
  const random = createRandom(seed);
  const points = new Float64Array(n);
  const pd = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    points[i] = Math.round(600 + 45 * random.normal());
    pd[i] = 1 / (1 + Math.exp((points[i] - 540) / 28.85));
    labels[i] = random.next() < pd[i] ? 1 : 0;
  }
  return { points, pd, labels };
}

describe('scoreBandTable', () => {
  it("scoreBandTable(points, y, { scoreDirection: 'higherIsSafer' }) orders bands safest first with cumulative columns", () => {
    const { points, labels } = creditSample(2000, 1);
    const table = scoreBandTable(points, labels, { scoreDirection: 'higherIsSafer' });
    expect(table.length).toBeGreaterThanOrEqual(9);
    expect(table[0].upper).toBeNull();
    expect(table.at(-1)?.lower).toBeNull();
    expect(table.at(-1)?.cumulativeApprovalRate).toBeCloseTo(1, 14);
    const totalBads = labels.reduce((s, v) => s + v, 0);
    expect(table.at(-1)?.cumulativeBadRate).toBeCloseTo(totalBads / 2000, 14);
    for (let i = 1; i < table.length; i++) {
      expect(table[i].maxScore).toBeLessThan(table[i - 1].minScore);
      expect(table[i].cumulativeApprovalRate).toBeGreaterThan(table[i - 1].cumulativeApprovalRate);
    }
    expect(table.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 14);
    // bad rate rises from safest to riskiest band overall
    expect(table.at(-1)?.badRate).toBeGreaterThan(table[0].badRate);
  });

  it('scoreBandTable with PDs (higher = riskier) puts the lowest PDs first and weights the columns', () => {
    const t = scoreBandTable([0.01, 0.02, 0.2, 0.3], [0, 0, 1, 0], { bands: [0.1], weights: [1, 3, 2, 2] });
    expect(t.map((b) => [b.count, b.weight, b.share, b.bads, b.badRate, b.cumulativeApprovalRate, b.cumulativeBadRate])).toEqual([
      [2, 4, 0.5, 0, 0, 0.5, 0],
      [2, 4, 0.5, 2, 0.5, 1, 0.25],
    ]);
  });
});

describe('approvalTradeoffCurve', () => {
  it('approvalTradeoffCurve ends at approval 1 with the overall bad rate, and agrees with scoreBandTable at band edges', () => {
    const { points, labels } = creditSample(3000, 2);
    const curve = approvalTradeoffCurve(points, labels, { scoreDirection: 'higherIsSafer' });
    expect(curve.approvalRate.at(-1)).toBeCloseTo(1, 14);
    expect(curve.rejectedBadShare.at(-1)).toBeCloseTo(0, 14);
    for (let k = 1; k < curve.cutoffs.length; k++) {
      expect(curve.cutoffs[k]).toBeLessThan(curve.cutoffs[k - 1]);
      expect(curve.approvalRate[k]).toBeGreaterThan(curve.approvalRate[k - 1]);
    }
    const table = scoreBandTable(points, labels, { bands: [560, 600, 640], scoreDirection: 'higherIsSafer' });
    // approving everyone above 640 = the cut-off at the lowest score above 640
    let k = 0;
    while (k + 1 < curve.cutoffs.length && curve.cutoffs[k + 1] > 640) k++;
    expect(curve.approvalRate[k]).toBeCloseTo(table[0].cumulativeApprovalRate, 14);
    expect(curve.badRate[k]).toBeCloseTo(table[0].cumulativeBadRate, 14);
  });

  it('approvalTradeoffCurve skips scores whose rows weigh 0 and rejects empty input', () => {
    const c = approvalTradeoffCurve([0.1, 0.2, 0.3], [0, 1, 1], [1, 0, 1]);
    expect(Array.from(c.cutoffs)).toEqual([0.1, 0.3]);
    expect(() => approvalTradeoffCurve([], [])).toThrow(InsufficientDataError);
  });
});

describe('bootstrapConfidenceInterval', () => {
  const { pd, labels } = creditSample(1500, 3);

  it('bootstrapConfidenceInterval is reproducible for a seed and differs across seeds', () => {
    const a = bootstrapConfidenceInterval(pd, labels, { seed: 11, resamples: 300 });
    const b = bootstrapConfidenceInterval(pd, labels, { seed: 11, resamples: 300 });
    const c = bootstrapConfidenceInterval(pd, labels, { seed: 12, resamples: 300 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
    expect(a.estimate).toBe(auc(pd, labels));
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
  });

  it('bootstrapConfidenceInterval for the AUC has about the DeLong standard error', () => {
    const ci = bootstrapConfidenceInterval(pd, labels, { seed: 5, resamples: 1000 });
    const noise = createRandom(77);
    const other = Float64Array.from(pd, (p) => p + 0.3 * noise.normal());
    const delongSe = delongTest(pd, other, labels).standardErrorA;
    expect(ci.standardError / delongSe).toBeGreaterThan(0.85);
    expect(ci.standardError / delongSe).toBeLessThan(1.15);
    expect(ci.upper - ci.lower).toBeGreaterThan(2 * 1.5 * ci.standardError);
    expect(ci.upper - ci.lower).toBeLessThan(2 * 2.5 * ci.standardError);
  });

  it("bootstrapConfidenceInterval for 'ks' and 'gini', simple resampling, higher = safer", () => {
    const { points } = creditSample(1500, 3);
    const ks = bootstrapConfidenceInterval(points, labels, { metric: 'ks', seed: 1, resamples: 200, scoreDirection: 'higherIsSafer' });
    expect(ks.estimate).toBe(ksStatistic(points, labels, { scoreDirection: 'higherIsSafer' }).ks);
    expect(ks.lower).toBeLessThanOrEqual(ks.estimate);
    const g = bootstrapConfidenceInterval(pd, labels, { metric: 'gini', seed: 1, resamples: 200, resampling: 'simple', level: 0.9 });
    expect(g.estimate).toBeCloseTo(2 * auc(pd, labels) - 1, 14);
    expect(g.level).toBe(0.9);
  });

  it('bootstrapConfidenceInterval(stratified) keeps the class counts: a tiny sample with 1 bad still works', () => {
    const ci = bootstrapConfidenceInterval([0.1, 0.2, 0.9, 0.3], [0, 0, 1, 0], { seed: 3, resamples: 50 });
    expect(ci.lower).toBe(1);
    expect(ci.upper).toBe(1);
  });

  it('bootstrapConfidenceInterval validates options', () => {
    expect(() => bootstrapConfidenceInterval(pd, labels, { metric: 'brier' as never })).toThrow(InvalidOptionsError);
    expect(() => bootstrapConfidenceInterval(pd, labels, { resamples: 5 })).toThrow(InvalidOptionsError);
    expect(() => bootstrapConfidenceInterval(pd, labels, { level: 1 })).toThrow(InvalidOptionsError);
    expect(() => bootstrapConfidenceInterval(pd, labels, { resampling: 'block' as never })).toThrow(InvalidOptionsError);
    expect(() => bootstrapConfidenceInterval([0.1, 0.2], [1, 1])).toThrow(/^bootstrapConfidenceInterval: needs at least one bad/);
  });
});

describe('delongTest', () => {
  it('delongTest(a, a, y) gives difference 0, z 0 and p-value 1', () => {
    const { pd, labels } = creditSample(500, 4);
    const r = delongTest(pd, pd, labels);
    expect(r).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    expect(r.aucA).toBeCloseTo(auc(pd, labels), 14);
  });

  it('delongTest is antisymmetric in its two models and agrees with auc', () => {
    const { pd, labels } = creditSample(800, 5);
    const random = createRandom(9);
    const other = Float64Array.from(pd, (p) => p + 0.2 * random.normal());
    const ab = delongTest(pd, other, labels);
    const ba = delongTest(other, pd, labels);
    expect(ba.difference).toBeCloseTo(-ab.difference, 15);
    expect(ba.z).toBeCloseTo(-ab.z, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
    expect(ab.aucB).toBeCloseTo(auc(other, labels), 14);
    expect(ab.confidenceInterval[0]).toBeCloseTo(ab.difference - 1.959963984540054 * ab.standardError, 12);
  });

  it("delongTest with scoreDirection 'higherIsSafer' equals the test on negated scores", () => {
    const { points, labels } = creditSample(600, 6);
    const random = createRandom(10);
    const other = Float64Array.from(points, (p) => p + 30 * random.normal());
    const a = delongTest(points, other, labels, { scoreDirection: 'higherIsSafer' });
    const b = delongTest(
      Array.from(points, (p) => -p),
      Array.from(other, (p) => -p),
      labels,
    );
    expect(a.z).toBeCloseTo(b.z, 12);
    expect(a.aucA).toBeGreaterThan(0.7);
  });

  it('delongTest needs two bads and two goods and refuses a zero-variance difference', () => {
    expect(() => delongTest([0.1, 0.2, 0.3], [0.1, 0.2, 0.3], [0, 1, 0])).toThrow(/needs at least 2 bads \(label 1\) and 2 goods/);
    expect(() => delongTest([0.1, 0.2, 0.8, 0.9], [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toThrow(InsufficientDataError);
    expect(() => delongTest([0.1, 0.2], [0.1], [0, 1])).toThrow(/scoresB/);
  });
});
