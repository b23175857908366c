/**
 * IV of every German-credit characteristic against an independent pandas computation with the same
 * bins (benchmarks/reference/scorecard/german_iv.py; how it was made is in its header).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitCategoricalBinning } from '../../src/binning/fitCategoricalBinning.js';
import { fitNumericBinning } from '../../src/binning/fitNumericBinning.js';
import { readTable } from '../../src/data/readTable.js';

const root = resolve(import.meta.dirname, '../..');
const source = resolve(root, '../shared/datasets/german-credit/train.csv');
const hasData = existsSync(source);
const reference = JSON.parse(readFileSync(resolve(root, 'benchmarks/reference/scorecard/german_iv.json'), 'utf8')) as {
  goods: number;
  bads: number;
  characteristics: Record<string, { goods: number[]; bads: number[]; woe: number[]; iv: number }>;
};
const exported = JSON.parse(readFileSync(resolve(root, 'benchmarks/reference/scorecard/german_bins.json'), 'utf8')) as {
  characteristics: { name: string; type: string; cutpoints?: number[]; groups?: Record<string, number> }[];
};

describe.skipIf(!hasData)('German credit IV vs the pandas reference (skipped: ../shared/datasets/german-credit is absent)', () => {
  it('fitNumericBinning / fitCategoricalBinning on German credit: bins as exported, IV per characteristic equal to the pandas reference (1e-9)', async () => {
    const { dataset } = await readTable(source, { target: 'creditability', bad: 'bad' });
    const target = dataset.target as Uint8Array;
    expect(dataset.rows).toBe(reference.goods + reference.bads);
    expect(dataset.columns.map((c) => c.name).sort()).toEqual(Object.keys(reference.characteristics).sort());
    for (const column of dataset.columns) {
      const ref = reference.characteristics[column.name];
      const spec = exported.characteristics.find((c) => c.name === column.name)!;
      const b = column.type === 'categorical' ? fitCategoricalBinning(column.codes, column.categories, target) : fitNumericBinning(column.values, target);
      // Same bins as the reference was computed with.
      if (b.type === 'numeric') expect(b.cutpoints).toEqual(spec.cutpoints);
      else expect(Object.fromEntries(b.categories.map((c, i) => [c, b.categoryBins[i]]))).toEqual(spec.groups);
      const present = b.bins.filter((x) => x.count > 0);
      expect(present.map((x) => x.goods)).toEqual(ref.goods);
      expect(present.map((x) => x.bads)).toEqual(ref.bads);
      present.forEach((x, k) => expect(x.woe).toBeCloseTo(ref.woe[k], 9));
      expect(b.iv).toBeCloseTo(ref.iv, 9);
    }
  });
});
