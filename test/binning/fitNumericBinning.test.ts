import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { applyBinning } from '../../src/binning/applyBinning.js';
import { binIndexOf } from '../../src/binning/binIndexOf.js';
import { fitNumericBinning } from '../../src/binning/fitNumericBinning.js';
import { fitQuantileBins } from '../../src/binning/fitQuantileBins.js';
import { informationValue } from '../../src/binning/informationValue.js';
import { weightOfEvidence } from '../../src/binning/weightOfEvidence.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { NumericBinningSchema } from '../../src/schema/artifacts/scorecard.js';

// Hand formula, written out independently of the library: WoE = ln((g/G + s/N) / (b/B + s/N)).
const woe = (g: number, b: number, G: number, B: number, s = 1): number => Math.log((g / G + s / (G + B)) / (b / B + s / (G + B)));
const iv = (g: number, b: number, G: number, B: number, s = 1): number => (g / G - b / B) * woe(g, b, G, B, s);

describe('weightOfEvidence / informationValue', () => {
  it('weightOfEvidence(goods, bads, G, B, s) matches the hand formula', () => {
    expect(weightOfEvidence(40, 10, 80, 20, 0)).toBe(0);
    expect(weightOfEvidence(30, 0, 80, 20, 1)).toBeCloseTo(Math.log((30 / 80 + 0.01) / 0.01), 12);
    expect(weightOfEvidence(30, 0, 80, 20, 1)).toBe(3.6506582412937387);
    expect(weightOfEvidence(0, 0, 80, 20, 1)).toBe(0);
    expect(weightOfEvidence(5, 5, 80, 20)).toBeCloseTo(Math.log((5 / 80 + 0.01) / (5 / 20 + 0.01)), 12);
  });

  it('informationValue(goods, bads, G, B, s) is (g/G - b/B) * WoE and never negative', () => {
    expect(informationValue(30, 10, 60, 40, 0)).toBe(0.17328679513998632);
    expect(informationValue(30, 10, 60, 40, 0)).toBeCloseTo(0.25 * Math.log(2), 15);
    expect(informationValue(0, 0, 60, 40, 1)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (g, b, eg, eb) => {
        expect(informationValue(g, b, g + eg, b + eb, 1)).toBeGreaterThanOrEqual(0);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('weightOfEvidence rejects an empty class without smoothing and bad totals, naming the parameter', () => {
    expect(() => weightOfEvidence(3, 0, 10, 10, 0)).toThrow(InvalidInputError);
    try {
      weightOfEvidence(3, 1, 0, 10);
    } catch (e) {
      expect((e as InvalidInputError).issues.map((i) => i.path)).toEqual([['totalGoods']]);
    }
  });
});

describe('fitQuantileBins', () => {
  it('fitQuantileBins(values, { maxBins }) returns observed values as left-closed cut-points', () => {
    expect(fitQuantileBins(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), { maxBins: 4 })).toEqual([3, 5, 7]);
    // Heavy ties with more distinct values than bins: the 0s fill the first three quarters.
    expect(fitQuantileBins(Float64Array.of(0, 0, 0, 0, 0, 0, 1, 2, 3, 4), { maxBins: 4 })).toEqual([1, 3]);
  });

  it('fitQuantileBins makes every distinct value a bin when there are at most maxBins of them (a rare value is not folded into its neighbour)', () => {
    expect(fitQuantileBins(Float64Array.of(0, 0, 0, 0, 0, 0, 1, 2), { maxBins: 4 })).toEqual([1, 2]);
    // A 3% minority of a 0/1 flag: quantiles of 20 pre-bins (5% each) would never cut it off.
    const flag = Float64Array.from({ length: 100 }, (_, i) => (i < 3 ? 0 : 1));
    expect(fitQuantileBins(flag, { maxBins: 20 })).toEqual([1]);
    // A value with weight 0 is as if dropped (no cut-point on it): the cuts of (1, 3, 4).
    expect(fitQuantileBins(Float64Array.of(1, 2, 3, 4), { maxBins: 4, weights: Float64Array.of(1, 0, 1, 1) })).toEqual([3, 4]);
    expect(fitQuantileBins(Float64Array.of(1, 3, 4), { maxBins: 4 })).toEqual([3, 4]);
  });

  it('fitQuantileBins ignores missing and special values, and uses weights', () => {
    expect(fitQuantileBins(Float64Array.of(NaN, -1, -1, 1, 2, 3, 4), { maxBins: 2, specialValues: [-1] })).toEqual([3]);
    expect(fitQuantileBins(Float64Array.of(1, 2, 3, 4), { maxBins: 2, weights: Float64Array.of(3, 1, 1, 1) })).toEqual([2]);
    expect(fitQuantileBins(Float64Array.of(5, 5, NaN))).toEqual([]);
  });

  it('fitQuantileBins gives about equal-count pre-bins on continuous data', () => {
    const rng = createRandom(1);
    const x = Float64Array.from({ length: 10_000 }, () => rng.normal());
    const cuts = fitQuantileBins(x, { maxBins: 20 });
    expect(cuts).toHaveLength(19);
    const counts = new Array(20).fill(0);
    for (const v of x) counts[cuts.filter((c) => c <= v).length]++;
    for (const c of counts) expect(Math.abs(c - 500)).toBeLessThanOrEqual(1);
  });

  it('fitQuantileBins rejects infinite values and out-of-range options', () => {
    expect(() => fitQuantileBins(Float64Array.of(1, Infinity))).toThrow(InvalidInputError);
    expect(() => fitQuantileBins(Float64Array.of(1, 2), { maxBins: 51 })).toThrow(InvalidOptionsError);
  });
});

describe('fitNumericBinning', () => {
  it('fitNumericBinning(values, target) computes counts, WoE and IV exactly (hand-computed case)', () => {
    // 8 regular rows (1..8), 2 missing. Pre-bins of 2 rows; min share 20% (2 rows); no count minimums.
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, NaN, NaN);
    const y = Uint8Array.of(0, 0, 0, 0, 1, 0, 1, 1, 1, 0);
    const b = fitNumericBinning(x, y, { minBinShare: 0.2, maxPrebins: 4, minBads: 0, minGoods: 0 });
    // G = 6, B = 4. Bins: [1..4] 4g/0b, [5,6] 1g/1b, [7,8] 0g/2b, missing 1g/1b.
    expect(b.cutpoints).toEqual([5, 7]);
    expect(b.trend).toBe('ascending');
    expect(b.bins.map((x) => [x.label, x.kind, x.count, x.goods, x.bads])).toEqual([
      ['(-inf, 5)', 'interval', 4, 4, 0],
      ['[5, 7)', 'interval', 2, 1, 1],
      ['[7, inf)', 'interval', 2, 0, 2],
      ['Missing', 'missing', 2, 1, 1],
    ]);
    const expectedWoe = [woe(4, 0, 6, 4), woe(1, 1, 6, 4), woe(0, 2, 6, 4), woe(1, 1, 6, 4)];
    const expectedIv = [iv(4, 0, 6, 4), iv(1, 1, 6, 4), iv(0, 2, 6, 4), iv(1, 1, 6, 4)];
    b.bins.forEach((bin, k) => {
      expect(bin.woe).toBeCloseTo(expectedWoe[k], 12);
      expect(bin.iv).toBeCloseTo(expectedIv[k], 12);
    });
    expect(b.iv).toBeCloseTo(expectedIv.reduce((s, v) => s + v, 0), 12);
    // Numbers written out: WoE(4g, 0b) = ln((4/6 + 0.1) / (0 + 0.1)) = ln(7.6667)
    expect(b.bins[0].woe).toBeCloseTo(2.0368819272610, 12);
    expect(b.missingBin).toBe(3);
    expect(NumericBinningSchema.safeParse(b).success).toBe(true);
  });

  it('fitNumericBinning gives the missing bin and each special value its own bin and WoE', () => {
    const x = Float64Array.of(-1, -1, -1, -1, 10, 20, 30, 40, 50, 60, NaN, NaN, NaN);
    const y = Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1);
    const b = fitNumericBinning(x, y, { specialValues: [-1, -2], minBinShare: 0.1, minBads: 0, minGoods: 0, maxPrebins: 3 });
    const kinds = b.bins.map((bin) => bin.kind);
    expect(kinds.filter((k) => k === 'special')).toHaveLength(1);
    const special = b.bins.findIndex((bin) => bin.kind === 'special');
    expect(b.bins[special]).toMatchObject({ label: 'Special -1', count: 4, goods: 1, bads: 3 });
    expect(b.bins[special].woe).toBeCloseTo(woe(1, 3, 7, 6), 12);
    const missing = b.bins.findIndex((bin) => bin.kind === 'missing');
    expect(b.bins[missing]).toMatchObject({ count: 3, goods: 2, bads: 1 });
    expect(b.missingBin).toBe(missing);
    // -2 never appeared: it is scored as the missing bin (which has data).
    expect(b.specialValues).toEqual([
      { value: -1, bin: special },
      { value: -2, bin: missing },
    ]);
    expect(binIndexOf(b, -1)).toBe(special);
    expect(binIndexOf(b, -2)).toBe(missing);
    expect(binIndexOf(b, NaN)).toBe(missing);
    // Special values never enter the intervals.
    const intervalRows = b.bins.filter((bin) => bin.kind === 'interval').reduce((s, bin) => s + bin.count, 0);
    expect(intervalRows).toBe(6);
  });

  it('fitNumericBinning without missing values in training scores missing as the riskiest bin', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i % 10 < (i < 50 ? 1 : 4) ? 1 : 0));
    const b = fitNumericBinning(x, y);
    expect(b.bins.some((bin) => bin.kind === 'missing')).toBe(false);
    const riskiest = b.bins.reduce((best, bin, k) => (bin.woe < b.bins[best].woe ? k : best), 0);
    expect(b.missingBin).toBe(riskiest);
    expect(binIndexOf(b, NaN)).toBe(riskiest);
    expect(b.trend).toBe('ascending');
  });

  it('fitNumericBinning honours the constraints and the monotone trend on random data (seeded property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('auto', 'ascending', 'descending', 'peak', 'valley', 'auto-unimodal') , fc.integer({ min: 2, max: 10 }), (seed, trend, maxBins) => {
        const rng = createRandom(seed);
        const n = 400 + rng.int(600);
        const x = new Float64Array(n);
        const y = new Uint8Array(n);
        const shape = rng.int(3);
        for (let i = 0; i < n; i++) {
          const r = rng.next();
          x[i] = r < 0.05 ? NaN : Math.round(rng.normal() * 20) / 2;
          const z = Number.isNaN(x[i]) ? 0 : shape === 0 ? x[i] / 10 : shape === 1 ? -x[i] / 10 : (x[i] * x[i]) / 200 - 1;
          y[i] = rng.next() < 1 / (1 + Math.exp(-(z - 1))) ? 1 : 0;
        }
        const minBinShare = 0.05;
        const b = fitNumericBinning(x, y, { trend: trend as 'auto', maxBins, minBinShare, minBads: 3, minGoods: 3 });
        const intervals = b.bins.filter((bin) => bin.kind === 'interval');
        expect(intervals.length).toBe(b.cutpoints.length + 1);
        expect(intervals.length).toBeLessThanOrEqual(maxBins);
        if (intervals.length > 1) {
          for (const bin of intervals) {
            expect(bin.count).toBeGreaterThanOrEqual(minBinShare * n - 1e-9);
            expect(bin.bads).toBeGreaterThanOrEqual(3);
            expect(bin.goods).toBeGreaterThanOrEqual(3);
          }
          const w = intervals.map((bin) => bin.woe);
          const ups = w.map((v, i) => (i === 0 ? 0 : Math.sign(v - w[i - 1]))).slice(1);
          expect(ups.includes(0)).toBe(false);
          const changes = ups.filter((s, i) => i > 0 && s !== ups[i - 1]).length;
          if (b.trend === 'ascending') expect(ups.every((s) => s < 0)).toBe(true);
          if (b.trend === 'descending') expect(ups.every((s) => s > 0)).toBe(true);
          expect(changes).toBeLessThanOrEqual(b.trend === 'peak' || b.trend === 'valley' ? 1 : 0);
        }
        // Bins partition the values: every row lands in exactly one bin and counts add up.
        const bins = applyBinning(b, { name: 'x', type: 'numeric', values: x });
        const counts = new Array(b.bins.length).fill(0);
        for (const k of bins) counts[k]++;
        expect(counts).toEqual(b.bins.map((bin) => bin.count));
        expect(NumericBinningSchema.safeParse(b).success).toBe(true);
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('fitNumericBinning with trend "auto" picks the direction with the higher IV', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const y = Uint8Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 100 < 40 - i / 40 ? 1 : 0));
    const auto = fitNumericBinning(x, y);
    const asc = fitNumericBinning(x, y, { trend: 'ascending' });
    const desc = fitNumericBinning(x, y, { trend: 'descending' });
    expect(auto.trend).toBe('descending');
    expect(auto.iv).toBe(Math.max(asc.iv, desc.iv));
    expect(desc.iv).toBeGreaterThan(asc.iv);
  });

  it('fitNumericBinning uses weights as row counts', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const y = Uint8Array.of(0, 0, 1, 0, 1, 1);
    const weighted = fitNumericBinning(x, y, { weights: Float64Array.of(2, 1, 1, 1, 1, 3), minBinShare: 0, minBads: 0, minGoods: 0 });
    const expanded = fitNumericBinning(Float64Array.of(1, 1, 2, 3, 4, 5, 6, 6, 6), Uint8Array.of(0, 0, 0, 1, 0, 1, 1, 1, 1), { minBinShare: 0, minBads: 0, minGoods: 0 });
    expect(weighted.bins.map((b) => [b.goods, b.bads])).toEqual(expanded.bins.map((b) => [b.goods, b.bads]));
    expect(weighted.iv).toBeCloseTo(expanded.iv, 12);
  });

  it('fitNumericBinning is deterministic and does not mutate its inputs', () => {
    const rng = createRandom(5);
    const x = Float64Array.from({ length: 2000 }, () => rng.normal());
    const y = Uint8Array.from(x, (v) => (rng.next() < 1 / (1 + Math.exp(-v)) ? 1 : 0));
    const xCopy = x.slice();
    const a = fitNumericBinning(x, y);
    const b = fitNumericBinning(x, y);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(x).toEqual(xCopy);
  });

  it('fitNumericBinning with every value missing gives an empty interval bin (WoE 0) and the missing bin', () => {
    const b = fitNumericBinning(Float64Array.of(NaN, NaN, NaN), Uint8Array.of(0, 1, 0));
    expect(b.bins.map((bin) => [bin.kind, bin.count, bin.woe])).toEqual([
      ['interval', 0, 0],
      ['missing', 3, 0],
    ]);
  });

  it('fitNumericBinning rejects bad input with paths', () => {
    const x = Float64Array.of(1, 2, 3);
    expect(() => fitNumericBinning(x, Uint8Array.of(0, 0, 0))).toThrow(InsufficientDataError);
    try {
      fitNumericBinning(x, Uint8Array.of(0, 2, 1));
    } catch (e) {
      expect((e as InvalidInputError).issues[0].path).toEqual(['target', 1]);
    }
    try {
      fitNumericBinning(Float64Array.of(1, -Infinity), Uint8Array.of(0, 1));
    } catch (e) {
      expect((e as InvalidInputError).issues[0].path).toEqual(['values', 1]);
    }
    try {
      fitNumericBinning(x, Uint8Array.of(0, 1, 1), { minBinShare: 0.9 });
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect((e as InvalidOptionsError).issues[0].path).toEqual(['minBinShare']);
    }
    expect(() => fitNumericBinning(x, Uint8Array.of(0, 1))).toThrow(InvalidInputError);
  });
});
