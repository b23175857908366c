import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { binFeatures, shortestDecimalIn } from '../../src/train/trees/binFeatures.js';

describe('binFeatures', () => {
  it('shortestDecimalIn(a, b) is in [a, b) and short', () => {
    expect(shortestDecimalIn(23, 24)).toBe(23);
    expect(shortestDecimalIn(0.30000000000000004, 0.4)).toBe(0.31);
    expect(shortestDecimalIn(-5.5, -5)).toBe(-5.5);
    expect(shortestDecimalIn(1234.5678, 1300)).toBe(1240);
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-12, max: 1e6, noNaN: true }), (a, gap) => {
        const b = a + gap;
        fc.pre(b > a);
        const t = shortestDecimalIn(a, b);
        expect(t >= a && t < b).toBe(true);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('binFeatures(numeric) uses at most maxBins quantile bins plus a missing slot, and x <= upper[t] ⇔ bin <= t on every training value', () => {
    const rng = createRandom(3);
    const n = 5000;
    const x = new Float64Array(n);
    for (let r = 0; r < n; r++) x[r] = r % 17 === 0 ? Number.NaN : r % 5 === 0 ? 0 : Math.round(Math.exp(rng.normal() * 2) * 100) / 100;
    const b = binFeatures({ rows: n, columns: [x], kinds: ['numeric'], categoryCounts: [0] }, { maxBins: 32 });
    const miss = b.missingBin[0];
    expect(miss).toBeLessThanOrEqual(32);
    const upper = b.upper[0] as Float64Array;
    expect(upper.length).toBe(miss - 1);
    const counts = new Array(miss + 1).fill(0);
    let mismatches = 0;
    for (let r = 0; r < n; r++) {
      const bin = b.slots[r] - b.offset[0];
      counts[bin]++;
      if (Number.isNaN(x[r])) mismatches += bin === miss ? 0 : 1;
      else for (let t = 0; t < upper.length; t++) mismatches += x[r] <= upper[t] === bin <= t ? 0 : 1;
    }
    expect(mismatches).toBe(0);
    // the heavy value 0 (20% of rows) sits alone in its bin; the other bins are roughly equal
    expect(Math.max(...counts.slice(0, miss))).toBeLessThan(n * 0.25);
    expect(counts[miss]).toBe(Math.ceil(n / 17));
  });

  it('binFeatures(categorical) gives each seen category a bin, pools the rarest beyond maxBins − 1, and missing/-1 share the missing slot', () => {
    const n = 3000;
    const k = 40;
    const x = new Float64Array(n);
    for (let r = 0; r < n; r++) x[r] = r % 50 === 0 ? Number.NaN : r % 3 === 0 ? r % k : r % 4;
    const b = binFeatures({ rows: n, columns: [x], kinds: ['categorical'], categoryCounts: [k + 2] }, { maxBins: 10 });
    const groups = b.binCategories[0] as number[][];
    expect(groups.length).toBe(10);
    expect(groups.slice(0, 9).every((g) => g.length === 1)).toBe(true);
    expect(groups[9].length).toBe(k - 9);
    expect(b.missingBin[0]).toBe(10);
    expect(b.slots[0] - b.offset[0]).toBe(10);
  });

  it('binFeatures lays slots out row-major with per-feature offsets', () => {
    const b = binFeatures({ rows: 3, columns: [Float64Array.of(1, NaN, 3), Float64Array.of(5, 5, 6)], kinds: ['numeric', 'numeric'], categoryCounts: [0, 0] });
    expect(Array.from(b.offset)).toEqual([0, 3]);
    expect(Array.from(b.slots)).toEqual([0, 3, 2, 3, 1, 4]);
    expect(b.upper[0]).toEqual(Float64Array.of(1));
    expect(b.upper[1]).toEqual(Float64Array.of(5));
  });
});
