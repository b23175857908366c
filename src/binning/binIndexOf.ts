import { countAtMost } from '../_lib/countAtMost.js';
import { InvalidInputError } from '../errors.js';
import type { Binning } from '../schema/artifacts/scorecard.js';

/**
 * The bin a value falls in, in the encoding of a {@link FeatureMatrix}: numeric value (`NaN` =
 * missing) or, for a categorical binning, the index into `binning.categories` (`-1` = unseen,
 * `NaN` = missing). Numeric: a special value goes to its bin, then the interval whose left-closed
 * range holds the value (binary search on the cut-points; ±Infinity go to the end intervals).
 * Unseen categories go to `unseenBin`. O(log bins + special values).
 *
 * @param binning - a fitted binning
 * @param value - the encoded value
 * @returns the bin index into `binning.bins`
 * @throws {@link InvalidInputError} when a categorical value is not an integer in [-1, categories.length)
 * @category Binning
 * @example
 * const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, NaN, NaN), Uint8Array.of(0, 0, 0, 0, 1, 0, 1, 1, 1, 0), { minBinShare: 0.2, maxPrebins: 4, minBads: 0, minGoods: 0 });
 * [binIndexOf(b, 4.5), binIndexOf(b, 5), binIndexOf(b, 100), binIndexOf(b, NaN)]; //=> [0, 1, 2, 3]
 */
export function binIndexOf(binning: Binning, value: number): number {
  if (Number.isNaN(value)) return binning.missingBin;
  if (binning.type === 'categorical') {
    if (value === -1) return binning.unseenBin;
    if (!(Number.isInteger(value) && value >= 0 && value < binning.categoryBins.length)) {
      throw new InvalidInputError('binIndexOf: not a category index of the binning', [
        { code: 'invalid_category_index', path: ['value'], message: `must be an integer in [-1, ${binning.categoryBins.length}) or NaN for missing` },
      ]);
    }
    return binning.categoryBins[value];
  }
  const specials = binning.specialValues;
  for (let s = 0; s < specials.length; s++) if (specials[s].value === value) return specials[s].bin;
  return countAtMost(binning.cutpoints, value);
}
