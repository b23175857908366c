import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { sortedOrder } from '../../src/metrics/_sort.js';

function reference(keys: ArrayLike<number>): number[] {
  return Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
}

describe('sortedOrder (private radix sort)', () => {
  it('sortedOrder(keys) equals a stable comparator sort on negatives, ties, ±0, extremes and subnormals', () => {
    const random = createRandom(1);
    const special = [0, -0, 1e-310, -1e-310, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -1, 1, 0.5, -0.5];
    const keys = Float64Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? special[i % special.length] : Math.round(random.normal() * 50) / 10));
    expect(Array.from(sortedOrder(keys))).toEqual(reference(keys));
    const small = [3, -1, 3, 0, -0, 2];
    expect(Array.from(sortedOrder(small))).toEqual(reference(small));
    expect(Array.from(sortedOrder([]))).toEqual([]);
  });

  it('sortedOrder(keys) handles keys that share high bits (a constant digit pass is skipped)', () => {
    const keys = Float64Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % 1000) * 2 ** -40);
    expect(Array.from(sortedOrder(keys))).toEqual(reference(keys));
    const constant = new Float64Array(600).fill(4.25);
    expect(Array.from(sortedOrder(constant))).toEqual(reference(constant));
  });
});
