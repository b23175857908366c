import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import type { CategoricalColumn, NumericColumn } from '../../src/data/Dataset.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError, type CreditScoreError } from '../../src/errors.js';
import { STABILITY_THRESHOLDS, characteristicStabilityIndex, populationStabilityIndex, stabilityLevel } from '../../src/metrics/index.js';

function caught(fn: () => unknown): CreditScoreError {
  try {
    fn();
  } catch (e) {
    return e as CreditScoreError;
  }
  throw new Error('expected a throw');
}

function normals(n: number, seed: number, mean = 0): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => mean + random.normal());
}

describe('populationStabilityIndex', () => {
  it('populationStabilityIndex(x, x) is 0 and stable; a shifted sample is not', () => {
    const reference = normals(5000, 1);
    const same = populationStabilityIndex(reference, reference);
    expect(same.psi).toBe(0);
    expect(same.level).toBe('stable');
    expect(same.bins).toHaveLength(10);
    for (const b of same.bins) expect(b.referenceShare).toBeCloseTo(0.1, 12);
    const shifted = populationStabilityIndex(reference, normals(5000, 2, 0.6));
    expect(shifted.psi).toBeGreaterThan(0.25);
    expect(shifted.level).toBe('significant');
  });

  it('populationStabilityIndex is the sum of its bin contributions, each (c − r) ln(c / r) ≥ 0', () => {
    const r = populationStabilityIndex(normals(3000, 3), normals(2000, 4, 0.2));
    const total = r.bins.reduce((s, b) => s + b.contribution, 0);
    expect(r.psi).toBeCloseTo(total, 14);
    for (const b of r.bins) {
      expect(b.contribution).toBeGreaterThanOrEqual(0);
      expect(b.contribution).toBeCloseTo((b.currentShare - b.referenceShare) * Math.log(b.currentShare / b.referenceShare), 15);
    }
    expect(r.bins[0].lower).toBeNull();
    expect(r.bins.at(-1)?.upper).toBeNull();
    expect(r.bins[1].label).toBe(`(${r.bins[0].upper}, ${r.bins[1].upper}]`);
  });

  it('populationStabilityIndex smooths an empty bin by adding 0.5 to every bin of both samples', () => {
    const reference = [1, 2, 3, 4];
    const current = [1, 1, 2, 2];
    const r = populationStabilityIndex(reference, current, { bins: 4 });
    expect(r.isSmoothed).toBe(true);
    expect(r.bins.map((b) => b.currentCount)).toEqual([2, 2, 0, 0]);
    // shares (count + 0.5) / (4 + 2)
    expect(r.bins.map((b) => b.currentShare)).toEqual([2.5 / 6, 2.5 / 6, 0.5 / 6, 0.5 / 6]);
    const expected = 2 * (2.5 / 6 - 1.5 / 6) * Math.log(2.5 / 1.5) + 2 * (0.5 / 6 - 1.5 / 6) * Math.log(0.5 / 1.5);
    expect(r.psi).toBeCloseTo(expected, 14);
    const other = populationStabilityIndex(reference, current, { bins: 4, pseudoCount: 1 });
    expect(other.bins[2].currentShare).toBeCloseTo(1 / 8, 15);
  });

  it('populationStabilityIndex with explicit bins keeps bins that hold either sample and drops bins empty in both', () => {
    const r = populationStabilityIndex([1, 2, 3], [2, 3, 9], { bins: [1.5, 5, 8] });
    expect(r.bins.map((b) => b.label)).toEqual(['(-Infinity, 1.5]', '(1.5, 5]', '(8, Infinity)']);
    expect(r.isSmoothed).toBe(true);
  });

  it('populationStabilityIndex with all-one weights equals the unweighted index', () => {
    const reference = normals(1000, 5);
    const current = normals(800, 6, 0.1);
    const a = populationStabilityIndex(reference, current);
    const b = populationStabilityIndex(reference, current, { referenceWeights: new Float64Array(1000).fill(1), currentWeights: new Float64Array(800).fill(1) });
    expect(b.psi).toBe(a.psi);
  });

  it('populationStabilityIndex rejects NaN, empty samples and bad options', () => {
    const e = caught(() => populationStabilityIndex([1, 2, 3], [1, Number.NaN]));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues[0].path).toEqual(['current', 1]);
    expect(() => populationStabilityIndex([], [1])).toThrow(InsufficientDataError);
    expect(() => populationStabilityIndex([1, 2], [1], { pseudoCount: 0 })).toThrow(InvalidOptionsError);
    expect(caught(() => populationStabilityIndex([1, 2], [1], { referenceWeights: [1, -1] })).issues[0].path).toEqual(['referenceWeights', 1]);
    expect(() => populationStabilityIndex([1, 2], [1], { thresholds: { moderate: 0.3, significant: 0.1 } })).toThrow(InvalidOptionsError);
  });
});

describe('stabilityLevel', () => {
  it('stabilityLevel uses stable < 0.10 <= moderate < 0.25 <= significant', () => {
    expect(STABILITY_THRESHOLDS).toEqual({ moderate: 0.1, significant: 0.25 });
    expect(stabilityLevel(0.0999)).toBe('stable');
    expect(stabilityLevel(0.1)).toBe('moderate');
    expect(stabilityLevel(0.2499)).toBe('moderate');
    expect(stabilityLevel(0.25)).toBe('significant');
    expect(stabilityLevel(0.06, { moderate: 0.05, significant: 0.2 })).toBe('moderate');
  });
});

describe('characteristicStabilityIndex', () => {
  it('characteristicStabilityIndex(numeric) gives NaN values their own missing bin', () => {
    const reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN, Number.NaN];
    const current = [1, 2, 3, 4, 5, 6, 7, 8, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    const r = characteristicStabilityIndex(reference, current, { bins: 5 });
    expect(r.type).toBe('numeric');
    expect(r.bins.map((b) => b.label)).toEqual(['(-Infinity, 2]', '(2, 4]', '(4, 6]', '(6, 8]', '(8, Infinity)', 'missing']);
    expect(r.bins.at(-1)).toMatchObject({ isMissing: true, referenceCount: 2, currentCount: 4 });
    // null in a plain array is missing too
    const withNull = characteristicStabilityIndex([1, 2, null, 4], [1, null, null, 4]);
    expect(withNull.bins.at(-1)?.currentCount).toBe(2);
  });

  it('characteristicStabilityIndex(Dataset columns) maps categorical codes through each dictionary', () => {
    const reference: CategoricalColumn = { name: 'housing', type: 'categorical', codes: Int32Array.of(0, 0, 1, 2, -1), categories: ['rent', 'own', 'mortgage'] };
    const current: CategoricalColumn = { name: 'housing', type: 'categorical', codes: Int32Array.of(1, 1, 0, 2, -1), categories: ['own', 'rent', 'mortgage'] };
    const r = characteristicStabilityIndex(reference, current);
    expect(r.type).toBe('categorical');
    expect(r.bins.map((b) => [b.label, b.referenceCount, b.currentCount])).toEqual([
      ['mortgage', 1, 1],
      ['own', 1, 1],
      ['rent', 2, 2],
      ['missing', 1, 1],
    ]);
    expect(r.csi).toBe(0);
    const numeric: NumericColumn = { name: 'income', type: 'numeric', values: Float64Array.of(1, 2, Number.NaN) };
    expect(characteristicStabilityIndex(numeric, numeric).type).toBe('numeric');
  });

  it('characteristicStabilityIndex orders categories numbers first then strings, and is order independent', () => {
    const a = characteristicStabilityIndex(['b', 2, 'a', 1, 'b'], [1, 'a', 'b', 'b', 2]);
    expect(a.bins.map((b) => b.label)).toEqual(['1', '2', 'a', 'b']);
    const b = characteristicStabilityIndex(['b', 'b', 'a', 2, 1], [2, 'b', 1, 'a', 'b']);
    expect(b.csi).toBe(a.csi);
  });

  it('characteristicStabilityIndex rejects unknown types and infinite numbers', () => {
    expect(() => characteristicStabilityIndex([1], [1], { type: 'text' as never })).toThrow(InvalidOptionsError);
    expect(caught(() => characteristicStabilityIndex([1, Infinity], [1])).issues[0].path).toEqual(['reference', 1]);
    expect(caught(() => characteristicStabilityIndex(['a', {} as never], ['a'])).issues[0].path).toEqual(['reference', 1]);
  });
});
