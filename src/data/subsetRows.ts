import { InvalidOptionsError } from '../errors.js';
import type { Column, Dataset } from './Dataset.js';

/**
 * A new {@link Dataset} holding the given rows, in the order given (repeats allowed, e.g. for a
 * bootstrap). Columns, target, weights, date column and metadata are carried over; category
 * dictionaries are shared, not copied. The input is not modified. Cost: O(indices x columns).
 *
 * @param dataset - the table
 * @param indices - 0-based row indices
 * @returns the subset
 * @throws {@link InvalidOptionsError} when an index is not an integer in `[0, dataset.rows)`
 * (issue path `['indices', k]`)
 * @category Data
 * @example
 * const dataset = {
 *   rows: 3,
 *   columns: [{ name: 'income', type: 'numeric', values: Float64Array.of(10, 20, 30) }],
 *   target: Uint8Array.of(0, 1, 0),
 * } as const;
 * const subset = subsetRows(dataset, [2, 0]);
 * subset.rows; //=> 2
 * subset.target; //=> Uint8Array [0, 0]
 */
export function subsetRows(dataset: Dataset, indices: Int32Array | readonly number[]): Dataset {
  const n = indices.length;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= dataset.rows) {
      throw new InvalidOptionsError(`subsetRows: index ${k} is not a row of the dataset (0 to ${dataset.rows - 1})`, [
        { code: 'out_of_range', path: ['indices', k], message: `must be an integer in [0, ${dataset.rows})` },
      ]);
    }
  }
  const columns: Column[] = dataset.columns.map((c) => {
    if (c.type === 'categorical') {
      const codes = new Int32Array(n);
      for (let k = 0; k < n; k++) codes[k] = c.codes[indices[k]];
      return { name: c.name, type: 'categorical', codes, categories: c.categories };
    }
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = c.values[indices[k]];
    return { name: c.name, type: c.type, values };
  });
  const gather = <T extends Uint8Array | Float64Array>(source: T, make: (n: number) => T): T => {
    const out = make(n);
    for (let k = 0; k < n; k++) out[k] = source[indices[k]];
    return out;
  };
  return {
    rows: n,
    columns,
    ...(dataset.target !== undefined ? { target: gather(dataset.target, (m) => new Uint8Array(m)) } : {}),
    ...(dataset.weights !== undefined ? { weights: gather(dataset.weights, (m) => new Float64Array(m)) } : {}),
    ...(dataset.dateColumn !== undefined ? { dateColumn: dataset.dateColumn } : {}),
    ...(dataset.metadata !== undefined ? { metadata: dataset.metadata } : {}),
  };
}
