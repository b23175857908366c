import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { InsufficientDataError } from '../../src/errors.js';
import { aucFromGroups, ksFromGroups, rankGroups, rankOrder } from '../../src/metrics/_rankGroups.js';
import type { RankGroups } from '../../src/metrics/_rankGroups.js';
import { createGroupResampler } from '../../src/metrics/_resampleGroups.js';
import { bootstrapConfidenceIntervals } from '../../src/metrics/bootstrapConfidenceInterval.js';
import { auc, bootstrapConfidenceInterval, ksStatistic } from '../../src/metrics/index.js';
import type { BootstrapConfidenceInterval, BootstrapConfidenceIntervalOptions } from '../../src/metrics/index.js';

type Options = Required<Omit<BootstrapConfidenceIntervalOptions, 'weights'>> & { weights?: ArrayLike<number> };

function summarise(replicates: ArrayLike<number>, estimate: number, o: Options): BootstrapConfidenceInterval {
  const sorted = Float64Array.from(replicates).sort();
  const quantile = (q: number): number => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  };
  let mean = 0;
  for (let b = 0; b < replicates.length; b++) mean += replicates[b];
  mean /= replicates.length;
  let sumSquares = 0;
  for (let b = 0; b < replicates.length; b++) sumSquares += (replicates[b] - mean) ** 2;
  const alpha = (1 - o.level) / 2;
  return {
    metric: o.metric,
    estimate,
    lower: quantile(alpha),
    upper: quantile(1 - alpha),
    level: o.level,
    resamples: o.resamples,
    standardError: Math.sqrt(sumSquares / (replicates.length - 1)),
  };
}

/**
 * The textbook bootstrap: materialise each resample (the drawn rows, repeats included, in draw
 * order) and recompute the statistic with the public auc()/ksStatistic(), which sort it afresh.
 * Draw protocol: 'stratified' draws bads[random.int(#bads)] #bads times, then goods likewise
 * (bads, goods = row indices in row order); 'simple' draws random.int(n) n times; a resample
 * without positive weight in both classes is discarded.
 */
function naiveInterval(scores: ArrayLike<number>, labels: ArrayLike<number>, o: Options): BootstrapConfidenceInterval {
  const n = scores.length;
  const ranking = { scoreDirection: o.scoreDirection };
  const statistic = (s: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number> | undefined): number => {
    if (o.metric === 'ks') return ksStatistic(s, y, { ...ranking, weights: w }).ks;
    const a = auc(s, y, { ...ranking, weights: w });
    return o.metric === 'gini' ? 2 * a - 1 : a;
  };
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < n; i++) (labels[i] === 1 ? bads : goods).push(i);
  const random = createRandom(o.seed);
  const replicates: number[] = [];
  for (let attempt = 0; replicates.length < o.resamples; attempt++) {
    if (attempt > 100 * o.resamples) throw new InsufficientDataError('naive: too many one-class resamples');
    const drawn: number[] = [];
    if (o.resampling === 'stratified') {
      for (let j = 0; j < bads.length; j++) drawn.push(bads[random.int(bads.length)]);
      for (let j = 0; j < goods.length; j++) drawn.push(goods[random.int(goods.length)]);
    } else {
      for (let j = 0; j < n; j++) drawn.push(random.int(n));
    }
    const s = drawn.map((i) => scores[i]);
    const y = drawn.map((i) => labels[i]);
    const weights = o.weights;
    const w = weights === undefined ? undefined : drawn.map((i) => weights[i]);
    let badWeight = 0;
    let goodWeight = 0;
    for (let j = 0; j < drawn.length; j++) {
      if (y[j] === 1) badWeight += w === undefined ? 1 : w[j];
      else goodWeight += w === undefined ? 1 : w[j];
    }
    if (!(badWeight > 0 && goodWeight > 0)) continue; // one class without weight: redraw
    replicates.push(statistic(s, y, w));
  }
  return summarise(replicates, statistic(scores, labels, o.weights), o);
}

/** ksFromGroups as of commit dbbd7c9: every group of weight 0 skipped by a test. */
function skippingKsFromGroups(groups: RankGroups): ReturnType<typeof ksFromGroups> {
  let cumulativeBad = 0;
  let cumulativeGood = 0;
  let best = Number.NEGATIVE_INFINITY;
  let bestGroup = 0;
  let bestTpr = 0;
  let bestFpr = 0;
  for (let g = 0; g < groups.groupCount; g++) {
    if (groups.bad[g] === 0 && groups.good[g] === 0) continue;
    cumulativeBad += groups.bad[g];
    cumulativeGood += groups.good[g];
    const tpr = cumulativeBad / groups.totalBad;
    const fpr = cumulativeGood / groups.totalGood;
    const d = tpr - fpr;
    if (d > best) {
      best = d;
      bestGroup = g;
      bestTpr = tpr;
      bestFpr = fpr;
    }
  }
  return { ks: best, group: bestGroup, truePositiveRate: bestTpr, falsePositiveRate: bestFpr };
}

/**
 * The implementation this fast path replaced (commit dbbd7c9), kept verbatim in substance: row
 * multiplicities in a Float64Array indexed by row, then a scatter of m·w into the tie groups and
 * the totals in row order. The fast path must reproduce it bit for bit.
 */
function rowByRowInterval(scores: ArrayLike<number>, labels: ArrayLike<number>, o: Options): BootstrapConfidenceInterval {
  const n = scores.length;
  const ranked = rankOrder(scores, o.scoreDirection === 'higherIsSafer');
  const full = rankGroups(ranked, scores, labels, o.weights);
  const statistic = (bad: Float64Array, good: Float64Array, totalBad: number, totalGood: number): number => {
    const groups = { score: full.score, bad, good, rows: full.rows, groupCount: full.groupCount, totalBad, totalGood };
    if (o.metric === 'ks') return skippingKsFromGroups(groups).ks;
    const a = aucFromGroups(groups);
    return o.metric === 'gini' ? 2 * a - 1 : a;
  };
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < n; i++) (labels[i] === 1 ? bads : goods).push(i);
  const random = createRandom(o.seed);
  const multiplicity = new Float64Array(n);
  const groupOf = new Uint32Array(n);
  for (let g = 0; g < ranked.groupCount; g++) for (let p = ranked.groupStart[g]; p < ranked.groupStart[g + 1]; p++) groupOf[ranked.order[p]] = g;
  const bad = new Float64Array(ranked.groupCount);
  const good = new Float64Array(ranked.groupCount);
  const replicates = new Float64Array(o.resamples);
  for (let b = 0; b < o.resamples; ) {
    multiplicity.fill(0);
    if (o.resampling === 'stratified') {
      for (let j = 0; j < bads.length; j++) multiplicity[bads[random.int(bads.length)]] += 1;
      for (let j = 0; j < goods.length; j++) multiplicity[goods[random.int(goods.length)]] += 1;
    } else {
      for (let j = 0; j < n; j++) multiplicity[random.int(n)] += 1;
    }
    bad.fill(0);
    good.fill(0);
    let totalBad = 0;
    let totalGood = 0;
    for (let i = 0; i < n; i++) {
      const m = multiplicity[i];
      if (m === 0) continue;
      const w = m * (o.weights === undefined ? 1 : o.weights[i]);
      if (labels[i] === 1) {
        bad[groupOf[i]] += w;
        totalBad += w;
      } else {
        good[groupOf[i]] += w;
        totalGood += w;
      }
    }
    if (!(totalBad > 0 && totalGood > 0)) continue;
    replicates[b++] = statistic(bad, good, totalBad, totalGood);
  }
  return summarise(replicates, statistic(full.bad, full.good, full.totalBad, full.totalGood), o);
}

/** Small samples with many ties or none; weights in eighths (so every sum is exact), +0 and −0 included. */
const smallCase = fc
  .record({
    rows: fc.array(fc.record({ score: fc.integer({ min: 0, max: 7 }), label: fc.integer({ min: 0, max: 1 }), eighths: fc.integer({ min: 0, max: 24 }) }), {
      minLength: 2,
      maxLength: 40,
    }),
    isWeighted: fc.boolean(),
    isTieFree: fc.boolean(),
    metric: fc.constantFrom('auc' as const, 'gini' as const, 'ks' as const),
    resampling: fc.constantFrom('stratified' as const, 'simple' as const),
    scoreDirection: fc.constantFrom('higherIsRiskier' as const, 'higherIsSafer' as const),
    level: fc.constantFrom(0.8, 0.9, 0.95),
    seed: fc.integer({ min: -1e9, max: 1e9 }),
  })
  .filter((c) => [0, 1].every((label) => c.rows.some((r) => r.label === label && (!c.isWeighted || r.eighths > 0))));

type SmallCase = typeof smallCase extends fc.Arbitrary<infer T> ? T : never;

function toInput(c: SmallCase): { scores: number[]; labels: number[]; options: Options } {
  return {
    // tie-free: a small row offset breaks every tie (the flat no-ties pass), else many ties
    scores: c.rows.map((r, i) => r.score / 4 - 0.75 + (c.isTieFree ? i / 1024 : 0)),
    labels: c.rows.map((r) => r.label),
    options: {
      metric: c.metric,
      resampling: c.resampling,
      scoreDirection: c.scoreDirection,
      level: c.level,
      seed: c.seed,
      resamples: 20,
      weights: c.isWeighted ? c.rows.map((r, i) => (r.eighths === 0 && i % 2 === 1 ? -0 : r.eighths / 8)) : undefined,
    },
  };
}

function creditSample(n: number, seed: number): { points: Float64Array; pd: Float64Array; labels: Uint8Array; weights: Float64Array } {
  const random = createRandom(seed);
  const points = new Float64Array(n);
  const pd = new Float64Array(n);
  const labels = new Uint8Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    points[i] = Math.round(600 + 45 * random.normal()); // ~250 distinct values: many ties
    pd[i] = 1 / (1 + Math.exp((600 + 45 * random.normal() - 540) / 28.85)); // continuous
    labels[i] = random.next() < 1 / (1 + Math.exp((points[i] - 540) / 28.85)) ? 1 : 0;
    weights[i] = i % 17 === 0 ? 0 : 0.05 + 3 * random.next();
  }
  return { points, pd, labels, weights };
}

describe('bootstrapConfidenceInterval: multiplicities over the rows ranked once', () => {
  it('bootstrapConfidenceInterval(s, y, o) equals resample-sort-recompute with auc()/ksStatistic() exactly (ties, eighth weights, both schemes, random seeds)', () => {
    fc.assert(
      fc.property(smallCase, (c) => {
        const { scores, labels, options } = toInput(c);
        const fast = bootstrapConfidenceInterval(scores, labels, options);
        expect(fast).toEqual(naiveInterval(scores, labels, options));
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });

  it('bootstrapConfidenceInterval(s, y, o) with arbitrary float weights is within 1e-12 of resample-sort-recompute (only the summation order differs)', () => {
    const { points, pd, labels, weights } = creditSample(400, 8);
    let maxDifference = 0;
    for (const seed of [1, 2, 3, 42, 20240611]) {
      for (const metric of ['auc', 'ks'] as const) {
        for (const resampling of ['stratified', 'simple'] as const) {
          const scores = seed % 2 === 0 ? points : pd;
          const options: Options = { metric, resampling, seed, level: 0.95, resamples: 40, scoreDirection: 'higherIsRiskier', weights };
          const fast = bootstrapConfidenceInterval(scores, labels, options);
          const naive = naiveInterval(scores, labels, options);
          for (const key of ['estimate', 'lower', 'upper', 'standardError'] as const) maxDifference = Math.max(maxDifference, Math.abs(fast[key] - naive[key]));
        }
      }
    }
    expect(maxDifference).toBeLessThan(1e-12);
  });

  it('bootstrapConfidenceInterval(s, y, o) is bit-for-bit the previous row-by-row implementation (float weights, zero weights, ties, several seeds)', () => {
    const { points, pd, labels, weights } = creditSample(3000, 5);
    expect(rankOrder(pd, false).groupCount).toBe(3000); // no ties: the flat pass
    expect(rankOrder(points, true).groupCount).toBeLessThan(400); // many ties: the grouped pass
    for (const seed of [1, 7, 123456789]) {
      for (const metric of ['auc', 'gini', 'ks'] as const) {
        for (const resampling of ['stratified', 'simple'] as const) {
          for (const w of [undefined, weights]) {
            const options: Options = { metric, resampling, seed, level: 0.9, resamples: 25, scoreDirection: 'higherIsSafer', weights: w };
            expect(bootstrapConfidenceInterval(points, labels, options)).toEqual(rowByRowInterval(points, labels, options));
            const risky: Options = { ...options, scoreDirection: 'higherIsRiskier' };
            expect(bootstrapConfidenceInterval(pd, labels, risky)).toEqual(rowByRowInterval(pd, labels, risky));
          }
        }
      }
    }
  });
});

describe('ksFromGroups (private)', () => {
  it('ksFromGroups(groups) equals the version that tests every group for weight 0 (runs of empty groups anywhere, +0 and -0, float sums)', () => {
    const weight = fc.oneof(fc.constant(0), fc.constant(-0), fc.integer({ min: 1, max: 40 }).map((k) => k / 8), fc.double({ min: 0.01, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(weight, weight), { minLength: 1, maxLength: 60 }), (cells) => {
        const bad = Float64Array.from(cells, (c) => c[0]);
        const good = Float64Array.from(cells, (c) => c[1]);
        let totalBad = 0;
        let totalGood = 0;
        for (let g = 0; g < cells.length; g++) {
          totalBad += bad[g];
          totalGood += good[g];
        }
        fc.pre(totalBad > 0 && totalGood > 0);
        const groups: RankGroups = { score: new Float64Array(cells.length), bad, good, rows: new Float64Array(cells.length), groupCount: cells.length, totalBad, totalGood };
        expect(ksFromGroups(groups)).toEqual(skippingKsFromGroups(groups));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('createGroupResampler (private)', () => {
  it('createGroupResampler(..., cap) gives the same groups whether counts stay in bytes or spill into the map', () => {
    const { points, pd, labels, weights } = creditSample(300, 2);
    for (const ranked of [rankOrder(points, true), rankOrder(pd, false)]) {
      for (const resampling of ['stratified', 'simple'] as const) {
        for (const w of [undefined, weights]) {
          const reference = createGroupResampler(ranked, labels, w, resampling, createRandom(9));
          const spilling = createGroupResampler(ranked, labels, w, resampling, createRandom(9), 1);
          const tight = createGroupResampler(ranked, labels, w, resampling, createRandom(9), 2);
          for (let b = 0; b < 5; b++) {
            reference.next();
            spilling.next();
            tight.next();
            expect(spilling.groups).toEqual(reference.groups);
            expect(tight.groups).toEqual(reference.groups);
          }
        }
      }
    }
  });

  it('createGroupResampler keeps the class sizes when stratified and draws n rows when simple', () => {
    const { points, labels } = creditSample(500, 4);
    const bads = labels.reduce((s, y) => s + y, 0);
    const ranked = rankOrder(points, true);
    const stratified = createGroupResampler(ranked, labels, undefined, 'stratified', createRandom(3));
    const simple = createGroupResampler(ranked, labels, undefined, 'simple', createRandom(3));
    for (let b = 0; b < 3; b++) {
      stratified.next();
      simple.next();
      expect(stratified.groups.totalBad).toBe(bads);
      expect(stratified.groups.totalGood).toBe(500 - bads);
      expect(simple.groups.totalBad + simple.groups.totalGood).toBe(500);
      expect(simple.groups.bad.reduce((s, v) => s + v, 0)).toBe(simple.groups.totalBad);
    }
  });
});

describe('bootstrapConfidenceIntervals (several statistics over the same resamples)', () => {
  it('equals separate bootstrapConfidenceInterval calls with the same seed, bit for bit (ties, weights, both schemes)', () => {
    const { points, labels } = creditSample(800, 6);
    const rounded = Array.from(points, (p) => Math.round(p / 10) * 10); // many ties
    const weights = Array.from(points, (_, i) => 0.5 + (i % 4) * 0.75);
    for (const resampling of ['stratified', 'simple'] as const) {
      for (const w of [undefined, weights]) {
        const options = { resamples: 60, seed: 11, level: 0.9, resampling, weights: w, scoreDirection: 'higherIsSafer' } as const;
        const together = bootstrapConfidenceIntervals(rounded, labels, ['auc', 'ks', 'gini'], options);
        expect(together).toEqual((['auc', 'ks', 'gini'] as const).map((metric) => bootstrapConfidenceInterval(rounded, labels, { ...options, metric })));
      }
    }
  });

  it('rejects an unknown metric among several', () => {
    const { points, labels } = creditSample(100, 2);
    expect(() => bootstrapConfidenceIntervals(points, labels, ['auc', 'brier' as 'auc'])).toThrow(/metric must be/);
  });
});
