/**
 * Edge cases of binning and selection found in review (each test fails on the code before its fix):
 * rows of weight 0 act as dropped rows, a NaN weight is reported as a weight error, forward stepwise
 * that adds nothing is a typed error, the VIF limit holds with two characteristics left, and ties in
 * IV do not depend on the locale.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { fitNumericBinning } from '../../src/binning/fitNumericBinning.js';
import { fitQuantileBins } from '../../src/binning/fitQuantileBins.js';
import type { Dataset, NumericColumn } from '../../src/data/Dataset.js';
import { InsufficientDataError, InvalidInputError } from '../../src/errors.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import { catchError } from '../_catchError.js';
import { syntheticDataset } from './synthetic.js';

type SelectionEntry = { feature: string; status: string; reason?: string; iv: number };
const selectionOf = (a: ReturnType<typeof trainScorecard>): SelectionEntry[] => (a.training as { selection: SelectionEntry[] }).selection;

describe('rows of weight 0', () => {
  const v = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
  const t = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1];
  const o = { minBinShare: 0.2, minBads: 0, minGoods: 0 };

  it('fitNumericBinning: a weight-0 row at a new value moves no cut-point (hand case: the cut stays at 4)', () => {
    const without = fitNumericBinning(Float64Array.from(v), Uint8Array.from(t), o);
    const withRow = fitNumericBinning(Float64Array.from([...v, 3.5]), Uint8Array.from([...t, 0]), { ...o, weights: Float64Array.from([...v.map(() => 1), 0]) });
    expect(without.cutpoints).toEqual([4]);
    expect(withRow.cutpoints).toEqual(without.cutpoints);
    expect(withRow.bins.map((b) => [b.label, b.count, b.goods, b.bads])).toEqual(without.bins.map((b) => [b.label, b.count, b.goods, b.bads]));
  });

  it('fitQuantileBins: weight-0 values are not candidate cut-points', () => {
    const values = Float64Array.of(1, 1, 2, 2, 2.5, 3, 3, 3.5, 4, 4);
    const weights = Float64Array.of(1, 1, 1, 1, 0, 1, 1, 0, 1, 1);
    expect(fitQuantileBins(Float64Array.of(1, 1, 2, 2, 3, 3, 4, 4), { maxBins: 4 })).toEqual([2, 3, 4]);
    expect(fitQuantileBins(values, { maxBins: 4, weights })).toEqual([2, 3, 4]);
  });

  it('trainScorecard: weights 0 / 1 / 2 give the same bins, coefficients and points as dropping / keeping / repeating the rows', () => {
    const base = syntheticDataset(1500, 5);
    const rng = createRandom(11);
    const w = Float64Array.from({ length: base.rows }, () => rng.int(3));
    const repeated: number[] = [];
    for (let i = 0; i < base.rows; i++) for (let k = 0; k < w[i]; k++) repeated.push(i);
    const take = (c: Dataset['columns'][number]): Dataset['columns'][number] =>
      c.type === 'categorical' ? { ...c, codes: Int32Array.from(repeated, (i) => c.codes[i]) } : { ...c, values: Float64Array.from(repeated, (i) => (c as NumericColumn).values[i]) };
    const expanded: Dataset = { ...base, rows: repeated.length, columns: base.columns.map(take), target: Uint8Array.from(repeated, (i) => (base.target as Uint8Array)[i]) };
    const weighted = trainScorecard({ ...base, weights: w }, { id: 'w' });
    const copies = trainScorecard(expanded, { id: 'w' });
    const shape = (a: ReturnType<typeof trainScorecard>) => a.model.characteristics.map((c) => ({ binning: c.binning, points: c.points }));
    expect(shape(weighted)).toEqual(shape(copies));
    // the fits agree up to summation order
    weighted.model.characteristics.forEach((c, j) => expect(c.coefficient).toBeCloseTo(copies.model.characteristics[j].coefficient, 12));
  });
});

describe('trainScorecard selection edge cases', () => {
  it('a NaN weight is an InvalidInputError at [weights, i], not "needs both classes"', () => {
    const d = syntheticDataset(200, 2);
    const weights = new Float64Array(d.rows).fill(1);
    weights[5] = NaN;
    const e = catchError(() => trainScorecard({ ...d, weights }));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.path)).toEqual([['weights', 5]]);
  });

  it('forward stepwise that adds no characteristic throws InsufficientDataError (no_characteristic at stepwise)', () => {
    const n = 400;
    const rng = createRandom(3);
    const values = Float64Array.from({ length: n }, () => rng.normal());
    const target = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
    const e = catchError(() => trainScorecard({ rows: n, columns: [{ name: 'noise', type: 'numeric', values }], target }, { minIv: 0, stepwise: 'bic' }));
    expect(e).toBeInstanceOf(InsufficientDataError);
    expect(e.issues).toEqual([{ code: 'no_characteristic', path: ['stepwise'], message: 'no characteristic survives selection' }]);
  });

  it('maxVif holds with two characteristics left: of a near-copy pair (VIF 18) the lower-IV one is dropped', () => {
    const a = trainScorecard(syntheticDataset(3000, 1), { include: ['utilization', 'utilizationCopy'], maxCorrelation: 1, maxVif: 2 });
    const log = selectionOf(a);
    const byName = Object.fromEntries(log.map((e) => [e.feature, e]));
    const [lower, higher] = [byName.utilization, byName.utilizationCopy].sort((x, y) => x.iv - y.iv);
    expect([lower.status, lower.reason, higher.status]).toEqual(['dropped', 'vif', 'selected']);
  });

  it('an exact tie in IV is broken by name in code-unit order, whatever the locale (two copies of one column)', () => {
    const d = syntheticDataset(1500, 4);
    const u = d.columns.find((c) => c.name === 'utilization') as NumericColumn;
    const others = d.columns.filter((c) => c.name !== 'utilization' && c.name !== 'utilizationCopy');
    // localeCompare puts 'ärende' before 'zeta' in most locales; code units put 'zeta' (U+007A) first
    const a = trainScorecard({ ...d, columns: [{ ...u, name: 'ärende' }, { ...u, name: 'zeta' }, ...others] });
    const copies = selectionOf(a).filter((e) => e.feature === 'zeta' || e.feature === 'ärende');
    expect(copies.map((e) => [e.feature, e.status])).toEqual([['ärende', 'dropped'], ['zeta', 'selected']]);
  });
});
