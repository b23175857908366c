import { InvalidInputError } from '../errors.js';
import type { Column } from '../data/Dataset.js';
import type { Binning } from '../schema/artifacts/scorecard.js';
import { binIndexOf } from './binIndexOf.js';

/**
 * The bin of every row of a {@link Dataset} column. Numeric and date columns are binned by value
 * (`NaN` = missing). Categorical columns are matched by category **text**, so a column read from
 * another file (another dictionary order, new categories) bins correctly: code `-1` goes to the
 * missing bin, a category the binning never saw to `unseenBin`. O(rows · log bins).
 *
 * @param binning - a fitted binning
 * @param column - a dataset column of the matching type
 * @returns one bin index per row
 * @throws {@link InvalidInputError} when the column type does not match the binning
 * @category Binning
 * @example
 * const b = fitCategoricalBinning(Int32Array.of(0, 0, 1, 1), ['a', 'b'], Uint8Array.of(1, 0, 0, 0), { minBinShare: 0, minBads: 0 });
 * applyBinning(b, { name: 'x', type: 'categorical', codes: Int32Array.of(1, -1, 0), categories: ['b', 'z'] }); //=> Int32Array [1, 1, 0]
 */
export function applyBinning(binning: Binning, column: Column): Int32Array {
  const out = new Int32Array(column.type === 'categorical' ? column.codes.length : column.values.length);
  if (binning.type === 'categorical') {
    if (column.type !== 'categorical') {
      throw new InvalidInputError(`applyBinning: column ${column.name} is ${column.type}, the binning is categorical`, [
        { code: 'type_mismatch', path: [column.name], message: 'expected a categorical column' },
      ]);
    }
    const index = new Map(binning.categories.map((c, i) => [c, i]));
    const binOfCode = Int32Array.from(column.categories, (c) => {
      const i = index.get(c);
      return i === undefined ? binning.unseenBin : binning.categoryBins[i];
    });
    for (let r = 0; r < out.length; r++) {
      const code = column.codes[r];
      out[r] = code < 0 ? binning.missingBin : binOfCode[code];
    }
    return out;
  }
  if (column.type === 'categorical') {
    throw new InvalidInputError(`applyBinning: column ${column.name} is categorical, the binning is numeric`, [
      { code: 'type_mismatch', path: [column.name], message: 'expected a numeric column' },
    ]);
  }
  for (let r = 0; r < out.length; r++) out[r] = binIndexOf(binning, column.values[r]);
  return out;
}
