import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../errors.js';
import type { Dataset } from './Dataset.js';
import { parseDateText } from './_lib/cells.js';
import { masksToIndices } from './stratifiedSplit.js';

/**
 * Options of {@link outOfTimeSplit}.
 *
 * @category Data
 * @example
 * const options: OutOfTimeSplitOptions = { cutoff: '2024-01' };
 */
export interface OutOfTimeSplitOptions {
  /** First month of the test period, `YYYY-MM`: rows dated before it train, rows from it on test. */
  cutoff: string;
  /**
   * The date column (day numbers).
   * @defaultValue `dataset.dateColumn`
   */
  column?: string;
}

/**
 * Splits rows by date: rows dated before the first day of the `cutoff` month go to train, the others
 * to test (the out-of-time sample of a backtest). Cost: O(rows).
 *
 * @param dataset - a dataset with a date column (see `readTable`'s `date` option)
 * @param options - see {@link OutOfTimeSplitOptions}
 * @returns ascending row indices of each part
 * @throws {@link InvalidOptionsError} when `cutoff` is not `YYYY-MM` or there is no such date column
 * @throws {@link InvalidInputError} when some rows have no date (the message gives the count)
 * @throws {@link InsufficientDataError} when either part would be empty
 * @category Data
 * @example
 * const dataset = {
 *   rows: 4,
 *   columns: [{ name: 'opened', type: 'date', values: Float64Array.of(19_000, 19_400, 19_800, 19_100) }],
 *   dateColumn: 'opened',
 * } as const;
 * outOfTimeSplit(dataset, { cutoff: '2023-01' });
 * //=> { train: Int32Array [0, 3], test: Int32Array [1, 2] }
 */
export function outOfTimeSplit(dataset: Dataset, options: OutOfTimeSplitOptions): { train: Int32Array; test: Int32Array } {
  const cutoff = typeof options?.cutoff === 'string' && /^\d{4}-\d{2}$/.test(options.cutoff) ? parseDateText(`${options.cutoff}-01`) : Number.NaN;
  if (cutoff !== cutoff) {
    throw new InvalidOptionsError('outOfTimeSplit: cutoff must be a month as YYYY-MM', [{ code: 'invalid_month', path: ['cutoff'], message: 'must be a calendar month as YYYY-MM' }]);
  }
  const name = options.column ?? dataset.dateColumn;
  const column = name === undefined ? undefined : dataset.columns.find((c) => c.name === name);
  if (column === undefined || column.type === 'categorical') {
    throw new InvalidOptionsError(`outOfTimeSplit: ${name === undefined ? 'the dataset has no date column' : `no date column '${name}'`}`, [
      { code: 'missing_date_column', path: ['column'], message: 'a numeric or date column of day numbers is required' },
    ]);
  }
  const testMask = new Uint8Array(dataset.rows);
  let undated = 0;
  for (let i = 0; i < dataset.rows; i++) {
    const d = column.values[i];
    if (d !== d) undated++;
    else if (d >= cutoff) testMask[i] = 1;
  }
  if (undated > 0) {
    throw new InvalidInputError(`outOfTimeSplit: ${undated} row${undated === 1 ? '' : 's'} without a date in column '${column.name}'`, [
      { code: 'missing_date', path: [column.name], message: `${undated} rows have no date` },
    ]);
  }
  const split = masksToIndices(testMask);
  if (split.train.length === 0 || split.test.length === 0) {
    throw new InsufficientDataError(`outOfTimeSplit: no rows ${split.train.length === 0 ? 'before' : 'from'} the cutoff month`, [
      { code: 'empty_split', path: ['cutoff'], message: `the ${split.train.length === 0 ? 'train' : 'test'} part would be empty` },
    ]);
  }
  return split;
}
