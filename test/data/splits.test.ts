import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { kFoldSplit, outOfTimeSplit, stratifiedSplit, subsetRows, type Dataset } from '../../src/data/index.js';

function makeDataset(rows: number, badEvery = 4): Dataset {
  return Object.freeze<Dataset>({
    rows,
    columns: [
      { name: 'x', type: 'numeric', values: Float64Array.from({ length: rows }, (_, i) => i) },
      { name: 'c', type: 'categorical', codes: Int32Array.from({ length: rows }, (_, i) => (i % 3) - 1), categories: ['a', 'b'] },
    ],
    target: Uint8Array.from({ length: rows }, (_, i) => (i % badEvery === 0 ? 1 : 0)),
    weights: Float64Array.from({ length: rows }, (_, i) => 1 + i),
  });
}
const badCount = (d: Dataset, idx: Int32Array) => idx.reduce((s, i) => s + (d.target as Uint8Array)[i], 0);

describe('subsetRows', () => {
  it('subsetRows(dataset, indices) gathers columns, target and weights in the order given, sharing dictionaries', () => {
    const d = makeDataset(5);
    const s = subsetRows(d, [4, 0, 0]);
    expect(s.rows).toBe(3);
    expect(s.columns[0].type !== 'categorical' && Array.from(s.columns[0].values)).toEqual([4, 0, 0]);
    const c = s.columns[1];
    expect(c.type === 'categorical' && Array.from(c.codes)).toEqual([0, -1, -1]);
    expect(c.type === 'categorical' && c.categories).toBe((d.columns[1] as { categories: readonly string[] }).categories);
    expect(Array.from(s.target ?? [])).toEqual([1, 1, 1]);
    expect(Array.from(s.weights ?? [])).toEqual([5, 1, 1]);
  });

  it('subsetRows(dataset, badIndices) throws InvalidOptionsError with the index position', () => {
    const d = makeDataset(3);
    expect(() => subsetRows(d, [0, 3])).toThrow(InvalidOptionsError);
    expect(() => subsetRows(d, [0, 1.5])).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ['indices', 1] })] }));
    expect(subsetRows(d, []).rows).toBe(0);
  });
});

describe('stratifiedSplit', () => {
  it('stratifiedSplit(dataset, { testFraction, seed }) partitions the rows and keeps the bad rate in each part', () => {
    const d = makeDataset(1000);
    const { train, test } = stratifiedSplit(d, { testFraction: 0.3, seed: 11 });
    expect(train.length + test.length).toBe(1000);
    expect(new Set([...train, ...test]).size).toBe(1000);
    expect(test.length).toBe(300);
    expect(badCount(d, test)).toBe(75);
    expect(badCount(d, train)).toBe(175);
    expect(Array.from(train)).toEqual([...train].sort((a, b) => a - b));
  });

  it('stratifiedSplit is deterministic per seed and differs across seeds', () => {
    const d = makeDataset(200);
    expect(stratifiedSplit(d, { seed: 3 })).toEqual(stratifiedSplit(d, { seed: 3 }));
    expect(stratifiedSplit(d, { seed: 3 }).test).not.toEqual(stratifiedSplit(d, { seed: 4 }).test);
  });

  it('stratifiedSplit rejects bad options and a dataset without target', () => {
    const d = makeDataset(10);
    expect(() => stratifiedSplit(d, { testFraction: 1 })).toThrow(InvalidOptionsError);
    expect(() => stratifiedSplit(d, { testFraction: 0 })).toThrow(InvalidOptionsError);
    expect(() => stratifiedSplit({ rows: 2, columns: [] })).toThrow(InvalidInputError);
  });
});

describe('kFoldSplit', () => {
  it('kFoldSplit(dataset, { k }) puts every row in exactly one test fold, balanced per class', () => {
    const d = makeDataset(103);
    const folds = kFoldSplit(d, { k: 5, seed: 2 });
    expect(folds).toHaveLength(5);
    const seen = new Int32Array(103);
    for (const f of folds) {
      for (const i of f.test) seen[i]++;
      expect(f.train.length + f.test.length).toBe(103);
      expect(new Set([...f.train, ...f.test]).size).toBe(103);
      expect([20, 21]).toContain(f.test.length);
      expect([5, 6]).toContain(badCount(d, f.test));
    }
    expect(Array.from(seen).every((n) => n === 1)).toBe(true);
    expect(kFoldSplit(d, { k: 5, seed: 2 })).toEqual(folds);
  });

  it('kFoldSplit works without a target and rejects bad k', () => {
    const d: Dataset = { rows: 7, columns: [] };
    expect(kFoldSplit(d, { k: 3 }).map((f) => f.test.length).sort()).toEqual([2, 2, 3]);
    expect(() => kFoldSplit(d, { k: 1 })).toThrow(InvalidOptionsError);
    expect(() => kFoldSplit(d, { k: 8 })).toThrow(InvalidOptionsError);
    expect(() => kFoldSplit(d, { isStratified: true })).toThrow(InvalidOptionsError);
  });
});

describe('outOfTimeSplit', () => {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 864e5;
  const dated = (dates: number[]): Dataset => ({ rows: dates.length, columns: [{ name: 'opened', type: 'date', values: Float64Array.from(dates) }], dateColumn: 'opened' });

  it('outOfTimeSplit(dataset, { cutoff }) trains on rows before the cutoff month and tests on the rest', () => {
    const d = dated([day('2023-12-31'), day('2024-01-01'), day('2023-06-15'), day('2024-03-01')]);
    const { train, test } = outOfTimeSplit(d, { cutoff: '2024-01' });
    expect(Array.from(train)).toEqual([0, 2]);
    expect(Array.from(test)).toEqual([1, 3]);
  });

  it('outOfTimeSplit rejects a bad cutoff, a missing date column, undated rows and an empty side', () => {
    const d = dated([day('2023-12-31'), day('2024-01-01')]);
    expect(() => outOfTimeSplit(d, { cutoff: '2024-13' })).toThrow(InvalidOptionsError);
    expect(() => outOfTimeSplit(d, { cutoff: '2024-01-01' })).toThrow(InvalidOptionsError);
    expect(() => outOfTimeSplit({ rows: 0, columns: [] }, { cutoff: '2024-01' })).toThrow(InvalidOptionsError);
    expect(() => outOfTimeSplit(dated([day('2023-12-31'), NaN]), { cutoff: '2024-01' })).toThrow(InvalidInputError);
    expect(() => outOfTimeSplit(d, { cutoff: '2025-01' })).toThrow(InsufficientDataError);
  });
});
