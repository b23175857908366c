import { z } from 'zod';
import { InvalidInputError, InvalidOptionsError, fromZodError } from '../errors.js';
import { checkTargetAndWeights } from './_lib/parseBinningOptions.js';
import { quantileCutpoints, sortedValues } from './_lib/sortedValues.js';

/**
 * Options of {@link fitQuantileBins}.
 *
 * @category Binning
 * @example
 * const o: FitQuantileBinsOptions = { maxBins: 20, specialValues: [-1] };
 */
export interface FitQuantileBinsOptions {
  /** Number of quantile bins asked for, 2–50; ties can make fewer. @defaultValue 20 */
  maxBins?: number;
  /** Row weights (finite, >= 0); a value of weight 0 is as if dropped (never a cut-point). @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** Values left out of the quantiles (they get bins of their own in a binning). @defaultValue [] */
  specialValues?: readonly number[];
}

const OptionsSchema = z.strictObject({
  maxBins: z.number().int().min(2).max(50).default(20),
  weights: z.custom<ArrayLike<number>>((v) => v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number').optional(),
  specialValues: z.array(z.number().refine(Number.isFinite, { message: 'must be a finite number' })).default([]),
});

/**
 * Fine classing: cut-points of (weighted) quantile bins of a numeric column, the pre-bins that
 * {@link fitNumericBinning} then merges optimally. Missing values (`NaN`) and special values are
 * left out. Cut-points are observed values and bins are left-closed (`[c_k, c_{k+1})`): for
 * q = 1…maxBins−1 the first distinct value whose cumulative weight reaches q/maxBins of the total
 * closes a bin and the next distinct value is the cut-point; duplicates are dropped, so a value
 * holding many rows (e.g. 60% zeros) gives one bin of its own and fewer bins overall. With at most
 * `maxBins` distinct values (flags, small counts, ordinal codes) every distinct value is a bin of its
 * own, so a rare value at either end (a 3% minority of a 0/1 flag) is not folded into its
 * neighbour before the optimal merge can weigh it. O(n log n).
 *
 * @param values - the column; `NaN` = missing
 * @param options - see {@link FitQuantileBinsOptions}
 * @returns strictly increasing cut-points (`maxBins − 1` at most; empty when fewer than 2 distinct values)
 * @throws {@link InvalidInputError} when a value is ±Infinity or the weights are invalid
 * @throws {@link InvalidOptionsError} when an option is out of range
 * @category Binning
 * @example
 * fitQuantileBins(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), { maxBins: 4 }); //=> [3, 5, 7]
 * fitQuantileBins(Float64Array.of(0, 0, 0, 0, 0, 0, 1, 2, 3, 4), { maxBins: 4 }); //=> [1, 3]
 * fitQuantileBins(Float64Array.of(0, 0, 0, 0, 0, 0, 1, 2), { maxBins: 4 }); //=> [1, 2]
 */
export function fitQuantileBins(values: ArrayLike<number>, options: FitQuantileBinsOptions = {}): number[] {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitQuantileBins', InvalidOptionsError);
  const o = parsed.data;
  checkTargetAndWeights('fitQuantileBins', values.length, new Uint8Array(values.length), o.weights);
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Number.POSITIVE_INFINITY || values[i] === Number.NEGATIVE_INFINITY) {
      throw new InvalidInputError(`fitQuantileBins: values[${i}] is not finite`, [{ code: 'not_finite', path: ['values', i], message: 'must be a finite number or NaN for missing' }]);
    }
  }
  const sorted = sortedValues(values, undefined, o.weights, o.specialValues);
  return quantileCutpoints(sorted.values, (k) => sorted.goods[k] + sorted.bads[k], o.maxBins);
}
