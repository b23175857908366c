import { describe, expect, it } from 'vitest';
import { applyBinning } from '../../src/binning/applyBinning.js';
import { applyWoe } from '../../src/binning/applyWoe.js';
import { binIndexOf } from '../../src/binning/binIndexOf.js';
import { binningTable } from '../../src/binning/binningTable.js';
import { binningTableToCsv } from '../../src/binning/binningTableToCsv.js';
import { binningTableToMarkdown } from '../../src/binning/binningTableToMarkdown.js';
import { fitCategoricalBinning } from '../../src/binning/fitCategoricalBinning.js';
import { fitNumericBinning } from '../../src/binning/fitNumericBinning.js';
import { InvalidInputError } from '../../src/errors.js';
import { CategoricalBinningSchema } from '../../src/schema/artifacts/scorecard.js';

const woe = (g: number, b: number, G: number, B: number, s = 1): number => Math.log((g / G + s / (G + B)) / (b / B + s / (G + B)));

function expand(spec: [code: number, goods: number, bads: number][]): { codes: Int32Array; y: Uint8Array } {
  const codes: number[] = [];
  const y: number[] = [];
  for (const [c, g, b] of spec) {
    for (let i = 0; i < g; i++) (codes.push(c), y.push(0));
    for (let i = 0; i < b; i++) (codes.push(c), y.push(1));
  }
  return { codes: Int32Array.from(codes), y: Uint8Array.from(y) };
}

describe('fitCategoricalBinning', () => {
  it('fitCategoricalBinning(codes, categories, target) matches the documented example', () => {
    const b = fitCategoricalBinning(Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2, -1), ['rent', 'own', 'free'], Uint8Array.of(1, 1, 0, 0, 0, 0, 1, 0, 0, 1), { minBinShare: 0.2, minBads: 0 });
    expect(b.bins.map((x) => x.label)).toEqual(['own', 'free', 'rent', 'Missing']);
    expect(b.categoryBins).toEqual([2, 0, 1]);
  });

  it('fitCategoricalBinning groups categories by bad rate, not by dictionary order (hand-computed WoE)', () => {
    // a: 10% bad, b: 40%, c: 12%, d: 45%; 100 rows each. G = 293, B = 107.
    const { codes, y } = expand([
      [0, 90, 10],
      [1, 60, 40],
      [2, 88, 12],
      [3, 55, 45],
    ]);
    const b = fitCategoricalBinning(codes, ['a', 'b', 'c', 'd'], y, { maxBins: 2 });
    expect(b.bins.map((x) => x.label)).toEqual(['a, c', 'b, d']);
    expect(b.categoryBins).toEqual([0, 1, 0, 1]);
    expect(b.bins[0].woe).toBeCloseTo(woe(178, 22, 293, 107), 12);
    expect(b.bins[1].woe).toBeCloseTo(woe(115, 85, 293, 107), 12);
    expect(b.iv).toBeCloseTo((178 / 293 - 22 / 107) * woe(178, 22, 293, 107) + (115 / 293 - 85 / 107) * woe(115, 85, 293, 107), 12);
    expect(CategoricalBinningSchema.safeParse(b).success).toBe(true);
  });

  it('fitCategoricalBinning pools rare categories before grouping', () => {
    const { codes, y } = expand([
      [0, 450, 50],
      [1, 300, 190],
      [2, 2, 0],
      [3, 1, 7],
    ]);
    const b = fitCategoricalBinning(codes, ['a', 'b', 'rare1', 'rare2'], y, { rareCategoryShare: 0.02, minBinShare: 0.001, minBads: 0, minGoods: 0 });
    // rare1 (2 rows) and rare2 (8 rows) share one bin even though their bad rates differ.
    expect(b.categoryBins[2]).toBe(b.categoryBins[3]);
    expect(b.bins[b.categoryBins[2]].label).toContain('rare1, rare2');
  });

  it('fitCategoricalBinning maps unseen categories to the missing bin when it has data, else to the riskiest bin', () => {
    const { codes, y } = expand([
      [0, 80, 20],
      [1, 50, 50],
      [-1, 30, 10],
    ]);
    const withMissing = fitCategoricalBinning(codes, ['a', 'b', 'never'], y);
    const missing = withMissing.bins.findIndex((x) => x.kind === 'missing');
    expect(withMissing.unseenBin).toBe(missing);
    expect(withMissing.categoryBins[2]).toBe(missing); // in the dictionary, but no training rows
    expect(binIndexOf(withMissing, -1)).toBe(missing);
    expect(binIndexOf(withMissing, NaN)).toBe(missing);

    const noMissing = expand([
      [0, 80, 20],
      [1, 50, 50],
    ]);
    const b = fitCategoricalBinning(noMissing.codes, ['a', 'b'], noMissing.y);
    const riskiest = b.bins.findIndex((x) => x.label === 'b');
    expect(b.unseenBin).toBe(riskiest);
    expect(b.missingBin).toBe(riskiest);
    // By text: a category of another file's dictionary that the binning never saw.
    expect(applyBinning(b, { name: 'h', type: 'categorical', codes: Int32Array.of(0, 1, 2, -1), categories: ['b', 'a', 'new'] })).toEqual(Int32Array.of(riskiest, 1 - riskiest, riskiest, riskiest));
    expect(applyWoe(b, { name: 'h', type: 'categorical', codes: Int32Array.of(2), categories: ['b', 'a', 'zzz'] })[0]).toBe(b.bins[riskiest].woe);
  });

  it('fitCategoricalBinning caps the number of pre-groups at maxPrebins', () => {
    const spec: [number, number, number][] = Array.from({ length: 60 }, (_, c) => [c, 50, 5 + (c % 17)]);
    const { codes, y } = expand(spec);
    const b = fitCategoricalBinning(codes, spec.map(([c]) => `c${c}`), y, { maxPrebins: 10, maxBins: 50, minBinShare: 0, minBads: 0, minGoods: 0 });
    expect(b.bins.length).toBeLessThanOrEqual(10);
    expect(new Set(b.categoryBins).size).toBe(b.bins.length);
  });

  it('fitCategoricalBinning rejects codes outside the dictionary with their row', () => {
    try {
      fitCategoricalBinning(Int32Array.of(0, 3), ['a', 'b'], Uint8Array.of(0, 1));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0].path).toEqual(['codes', 1]);
    }
    const b = fitCategoricalBinning(Int32Array.of(0, 1), ['a', 'b'], Uint8Array.of(0, 1), { minBinShare: 0, minBads: 0, minGoods: 0 });
    expect(() => binIndexOf(b, 7)).toThrow(InvalidInputError);
    expect(() => binIndexOf(b, 0.5)).toThrow(InvalidInputError);
  });
});

describe('binningTable', () => {
  const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Uint8Array.of(0, 0, 0, 1, 0, 1, 1, 1), { minBinShare: 0.25, maxPrebins: 4, minBads: 0, minGoods: 0 });

  it('binningTable(binning) lists count, share, goods, bads, bad rate, WoE and IV per bin with totals', () => {
    const t = binningTable(b);
    expect(t.rows.map((r) => [r.label, r.count, r.badRate])).toEqual([
      ['(-inf, 3)', 2, 0],
      ['[3, 7)', 4, 0.5],
      ['[7, inf)', 2, 1],
    ]);
    expect(t.rows.map((r) => r.share)).toEqual([0.25, 0.5, 0.25]);
    expect(t.total).toEqual({ count: 8, goods: 4, bads: 4, badRate: 0.5, iv: b.iv });
    expect(t.notes).toEqual(['Missing values: no training rows; scored as bin 2 ([7, inf))']);
  });

  it('binningTableToMarkdown(table) renders a GFM table with a total row and notes', () => {
    expect(binningTableToMarkdown(binningTable(b), { title: 'x' })).toBe(
      [
        '### x',
        '',
        '| Bin | Count | Share | Goods | Bads | Bad rate | WoE | IV |',
        '|:---|---:|---:|---:|---:|---:|---:|---:|',
        '| (-inf, 3) | 2 | 25.0% | 2 | 0 | 0.0% | 1.6094 | 0.8047 |',
        '| [3, 7) | 4 | 50.0% | 2 | 2 | 50.0% | 0.0000 | 0.0000 |',
        '| [7, inf) | 2 | 25.0% | 0 | 2 | 100.0% | -1.6094 | 0.8047 |',
        '| **Total** | 8 | 100.0% | 4 | 4 | 50.0% |  | 1.6094 |',
        '',
        '- Missing values: no training rows; scored as bin 2 ([7, inf))',
        '',
      ].join('\n'),
    );
  });

  it('binningTableToCsv(table) renders RFC 4180 CSV with full precision', () => {
    const csv = binningTableToCsv(binningTable(b));
    expect(csv.split('\n')[0]).toBe('bin,label,kind,count,share,goods,bads,bad_rate,woe,iv');
    expect(csv.split('\n')[1]).toBe(`0,"(-inf, 3)",interval,2,0.25,2,0,0,${b.bins[0].woe},${b.bins[0].iv}`);
    expect(csv.endsWith(`total,Total,total,8,1,4,4,0.5,,${b.iv}\n`)).toBe(true);
  });

  it('binningTableToCsv quotes labels with commas and quotes', () => {
    const c = fitCategoricalBinning(Int32Array.of(0, 1, 1, 0), ['a "x"', 'b'], Uint8Array.of(0, 0, 1, 1), { minBinShare: 0, minBads: 0, minGoods: 0, maxBins: 1 });
    expect(binningTableToCsv(binningTable(c)).split('\n')[1]).toContain('"a ""x"", b"');
  });
});
