import type { Column } from '../data/Dataset.js';
import type { Binning } from '../schema/artifacts/scorecard.js';
import { applyBinning } from './applyBinning.js';

/**
 * The WoE of every row of a {@link Dataset} column: {@link applyBinning}, then each bin's WoE
 * (higher = safer). Missing values, special values and unseen categories take the WoE of the bin
 * the binning maps them to, so the result is always finite. O(rows · log bins).
 *
 * @param binning - a fitted binning
 * @param column - a dataset column of the matching type
 * @returns one WoE per row
 * @throws {@link InvalidInputError} when the column type does not match the binning
 * @category Binning
 * @example
 * const b = fitCategoricalBinning(Int32Array.of(0, 0, 1, 1), ['a', 'b'], Uint8Array.of(1, 0, 0, 0), { minBinShare: 0, minBads: 0 });
 * applyWoe(b, { name: 'x', type: 'categorical', codes: Int32Array.of(1, 0), categories: ['a', 'b'] }); //=> Float64Array [1.2992829841302609, -0.7621400520468968]
 */
export function applyWoe(binning: Binning, column: Column): Float64Array {
  const bins = applyBinning(binning, column);
  const woe = Float64Array.from(binning.bins, (b) => b.woe);
  const out = new Float64Array(bins.length);
  for (let r = 0; r < bins.length; r++) out[r] = woe[bins[r]];
  return out;
}
