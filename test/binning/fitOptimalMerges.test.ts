import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitOptimalMerges, type FitOptimalMergesOptions } from '../../src/binning/fitOptimalMerges.js';
import { InvalidInputError, InvalidOptionsError } from '../../src/errors.js';

type Trend = NonNullable<FitOptimalMergesOptions['trend']>;

// Independent brute force: every partition of P pre-bins into contiguous groups (2^(P-1) of them).
function bruteForce(goods: number[], bads: number[], o: Required<Omit<FitOptimalMergesOptions, 'totalGoods' | 'totalBads'>> & { totalGoods: number; totalBads: number }): { iv: number; starts: number[] | null } {
  const P = goods.length;
  const N = o.totalGoods + o.totalBads;
  const woe = (g: number, b: number): number => Math.log((g / o.totalGoods + o.smoothing / N) / (b / o.totalBads + o.smoothing / N));
  let best = -Infinity;
  let bestStarts: number[] | null = null;
  for (let mask = 0; mask < 1 << (P - 1); mask++) {
    const starts = [0];
    for (let k = 1; k < P; k++) if (mask & (1 << (k - 1))) starts.push(k);
    if (starts.length > o.maxBins) continue;
    const groups = starts.map((s, i) => {
      const e = i + 1 < starts.length ? starts[i + 1] : P;
      let g = 0;
      let b = 0;
      for (let k = s; k < e; k++) {
        g += goods[k];
        b += bads[k];
      }
      return { g, b, w: woe(g, b) };
    });
    if (!groups.every((x) => x.g + x.b >= o.minCount && x.g >= o.minGoods && x.b >= o.minBads)) continue;
    const w = groups.map((x) => x.w);
    if (!shapeOk(w, o.trend)) continue;
    const iv = groups.reduce((s, x) => s + (x.g / o.totalGoods - x.b / o.totalBads) * x.w, 0);
    if (iv > best + 1e-12) {
      best = iv;
      bestStarts = starts;
    }
  }
  return { iv: best, starts: bestStarts };
}

function evaluate(goods: number[], bads: number[], starts: number[], o: Parameters<typeof bruteForce>[2]): { isFeasible: boolean; iv: number } {
  const N = o.totalGoods + o.totalBads;
  const groups = starts.map((s, i) => {
    const e = i + 1 < starts.length ? starts[i + 1] : goods.length;
    const g = goods.slice(s, e).reduce((a, b) => a + b, 0);
    const b = bads.slice(s, e).reduce((a, c) => a + c, 0);
    return { g, b, w: Math.log((g / o.totalGoods + o.smoothing / N) / (b / o.totalBads + o.smoothing / N)) };
  });
  const isFeasible =
    starts[0] === 0 &&
    starts.every((s, i) => i === 0 || s > starts[i - 1]) &&
    groups.length <= o.maxBins &&
    groups.every((x) => x.g + x.b >= o.minCount && x.g >= o.minGoods && x.b >= o.minBads) &&
    shapeOk(groups.map((x) => x.w), o.trend);
  return { isFeasible, iv: groups.reduce((s, x) => s + (x.g / o.totalGoods - x.b / o.totalBads) * x.w, 0) };
}

// Bad rate ascending <=> WoE strictly descending.
function shapeOk(w: number[], trend: Trend): boolean {
  const down = (i: number): boolean => w[i] < w[i - 1];
  const up = (i: number): boolean => w[i] > w[i - 1];
  if (trend === 'none') return true;
  if (trend === 'ascending') return w.every((_, i) => i === 0 || down(i));
  if (trend === 'descending') return w.every((_, i) => i === 0 || up(i));
  // peak (bad rate up then down = WoE down then up) / valley (mirror)
  const first = trend === 'peak' ? down : up;
  const second = trend === 'peak' ? up : down;
  let i = 1;
  while (i < w.length && first(i)) i++;
  while (i < w.length && second(i)) i++;
  return i === w.length;
}

describe('fitOptimalMerges', () => {
  it('fitOptimalMerges(goods, bads, options) equals brute-force enumeration of all contiguous partitions (seeded property)', () => {
    const trends: Trend[] = ['none', 'ascending', 'descending', 'peak', 'valley'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((P) =>
          fc.record({
            goods: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: P, maxLength: P }),
            bads: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: P, maxLength: P }),
            trend: fc.constantFrom(...trends),
            maxBins: fc.integer({ min: 1, max: 9 }),
            minCount: fc.integer({ min: 0, max: 40 }),
            minGoods: fc.integer({ min: 0, max: 5 }),
            minBads: fc.integer({ min: 0, max: 5 }),
            smoothing: fc.constantFrom(0.5, 1, 2),
            extraGoods: fc.integer({ min: 1, max: 20 }),
            extraBads: fc.integer({ min: 1, max: 20 }),
          }),
        ),
        (c) => {
          // Totals include rows outside the pre-bins (a missing bin), as in a real binning.
          const totalGoods = c.goods.reduce((a, b) => a + b, 0) + c.extraGoods;
          const totalBads = c.bads.reduce((a, b) => a + b, 0) + c.extraBads;
          const o = { trend: c.trend, maxBins: c.maxBins, minCount: c.minCount, minGoods: c.minGoods, minBads: c.minBads, smoothing: c.smoothing, totalGoods, totalBads };
          const dp = fitOptimalMerges(c.goods, c.bads, o);
          const brute = bruteForce(c.goods, c.bads, o);
          if (brute.starts === null) {
            expect(dp.isFeasible).toBe(false);
            expect(dp.starts).toEqual([0]);
          } else {
            expect(dp.isFeasible).toBe(true);
            expect(dp.iv).toBeCloseTo(brute.iv, 10);
            // The DP's own partition must be feasible and worth what it claims.
            const own = evaluate(c.goods, c.bads, dp.starts, o);
            expect(own.isFeasible).toBe(true);
            expect(own.iv).toBeCloseTo(dp.iv, 10);
          }
        },
      ),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('fitOptimalMerges returns a partition that meets every constraint (seeded property, up to 30 pre-bins)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })), { minLength: 2, maxLength: 30 }),
        fc.constantFrom<Trend>('ascending', 'descending', 'peak', 'valley'),
        fc.integer({ min: 2, max: 10 }),
        (pairs, trend, maxBins) => {
          const goods = pairs.map((p) => p[0]);
          const bads = pairs.map((p) => p[1]);
          const r = fitOptimalMerges(goods, bads, { trend, maxBins, minCount: 30, minGoods: 2, minBads: 2 });
          if (!r.isFeasible) return;
          const G = goods.reduce((a, b) => a + b, 0);
          const B = bads.reduce((a, b) => a + b, 0);
          const groups = r.starts.map((s, i) => {
            const e = i + 1 < r.starts.length ? r.starts[i + 1] : goods.length;
            const g = goods.slice(s, e).reduce((a, b) => a + b, 0);
            const b = bads.slice(s, e).reduce((a, c) => a + c, 0);
            return { g, b, w: Math.log((g / G + 1 / (G + B)) / (b / B + 1 / (G + B))) };
          });
          expect(groups.length).toBeLessThanOrEqual(maxBins);
          for (const x of groups) {
            expect(x.g + x.b).toBeGreaterThanOrEqual(30);
            expect(x.g).toBeGreaterThanOrEqual(2);
            expect(x.b).toBeGreaterThanOrEqual(2);
          }
          expect(shapeOk(groups.map((x) => x.w), trend)).toBe(true);
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('fitOptimalMerges(goods, bads, { trend: "ascending", maxBins: 2 }) returns the documented split', () => {
    const r = fitOptimalMerges([40, 30, 20, 10], [5, 10, 15, 20], { trend: 'ascending', maxBins: 2 });
    expect(r.starts).toEqual([0, 2]);
    // Hand computation: groups (70 goods, 15 bads) and (30, 35); G = 100, B = 50, N = 150, s = 1.
    const woe = (g: number, b: number): number => Math.log((g / 100 + 1 / 150) / (b / 50 + 1 / 150));
    const iv = (0.7 - 0.3) * woe(70, 15) + (0.3 - 0.7) * woe(30, 35);
    expect(r.iv).toBeCloseTo(iv, 12);
    expect(r.isFeasible).toBe(true);
  });

  it('fitOptimalMerges with a monotone trend never increases the bad rate the wrong way', () => {
    // Bad rates 0.1, 0.3, 0.2, 0.5: descending WoE needs the 0.3/0.2 pair merged.
    const r = fitOptimalMerges([90, 70, 80, 50], [10, 30, 20, 50], { trend: 'ascending' });
    expect(r.starts).toEqual([0, 1, 3]);
  });

  it('fitOptimalMerges reports infeasible constraints and returns one group', () => {
    const r = fitOptimalMerges([5, 5], [0, 1], { minBads: 5 });
    expect(r).toEqual({ starts: [0], iv: expect.any(Number), isFeasible: false });
  });

  it('fitOptimalMerges rejects bad input with paths', () => {
    expect(() => fitOptimalMerges([], [])).toThrow(InvalidInputError);
    try {
      fitOptimalMerges([1, -2], [1, 1]);
    } catch (e) {
      expect((e as InvalidInputError).issues[0].path).toEqual(['goods', 1]);
    }
    expect(() => fitOptimalMerges([1], [1, 2])).toThrow(InvalidInputError);
    try {
      fitOptimalMerges([1], [1], { maxBins: 0 });
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect((e as InvalidOptionsError).issues[0].path).toEqual(['maxBins']);
    }
  });

  it('fitOptimalMerges does not mutate its inputs', () => {
    const goods = Object.freeze([40, 30, 20, 10]);
    const bads = Object.freeze([5, 10, 15, 20]);
    expect(() => fitOptimalMerges(goods, bads, { trend: 'ascending' })).not.toThrow();
  });
});
