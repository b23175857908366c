import { createRandom } from '../_lib/random.js';
import { InvalidOptionsError } from '../errors.js';
import type { Dataset } from './Dataset.js';
import { rowsByClass, shuffleInPlace } from './_lib/shuffle.js';

/**
 * Options of {@link kFoldSplit}.
 *
 * @category Data
 * @example
 * const options: KFoldSplitOptions = { k: 5, seed: 7 };
 */
export interface KFoldSplitOptions {
  /**
   * Number of folds, an integer from 2 to the number of rows.
   * @defaultValue 5
   */
  k?: number;
  /**
   * Seed of the shuffle.
   * @defaultValue 42
   */
  seed?: number;
  /**
   * Deal each class out over the folds separately, so every fold has about the same bad rate.
   * @defaultValue `true` when the dataset has a target
   */
  isStratified?: boolean;
}

/**
 * Splits the rows into `k` folds for cross-validation: each row is in exactly one test part, and
 * fold sizes differ by at most one (per class when stratified). Rows are shuffled with a seeded
 * generator, then dealt out in turn. Cost: O(rows x k) for the index arrays.
 *
 * @param dataset - the table
 * @param options - see {@link KFoldSplitOptions}
 * @returns `k` pairs of ascending row indices; fold `f`'s test rows are the rows dealt to it
 * @throws {@link InvalidOptionsError} when `k` is not an integer in [2, rows], or the dataset has no
 * target but `isStratified` is true
 * @category Data
 * @example
 * const dataset = { rows: 6, columns: [], target: Uint8Array.of(1, 0, 0, 1, 0, 0) };
 * const folds = kFoldSplit(dataset, { k: 2, seed: 1 });
 * folds.map((f) => [f.train.length, f.test.length]); //=> [[3, 3], [3, 3]]
 */
export function kFoldSplit(dataset: Dataset, options: KFoldSplitOptions = {}): { train: Int32Array; test: Int32Array }[] {
  const k = options.k ?? 5;
  const seed = options.seed ?? 42;
  const isStratified = options.isStratified ?? dataset.target !== undefined;
  if (!Number.isInteger(k) || k < 2 || k > dataset.rows) {
    throw new InvalidOptionsError(`kFoldSplit: k must be an integer from 2 to the number of rows (${dataset.rows})`, [
      { code: 'out_of_range', path: ['k'], message: `must be an integer in [2, ${dataset.rows}]` },
    ]);
  }
  if (!Number.isFinite(seed)) throw new InvalidOptionsError('kFoldSplit: seed must be a finite number', [{ code: 'invalid_type', path: ['seed'], message: 'must be a finite number' }]);
  if (isStratified && dataset.target === undefined) {
    throw new InvalidOptionsError('kFoldSplit: isStratified needs a dataset with a target', [{ code: 'missing_target', path: ['isStratified'], message: 'the dataset has no target' }]);
  }
  const random = createRandom(seed);
  const fold = new Int32Array(dataset.rows);
  let next = 0;
  for (const group of rowsByClass(dataset.rows, isStratified ? dataset.target : undefined)) {
    shuffleInPlace(group, random);
    // Continue dealing where the previous class stopped, so fold sizes stay balanced overall.
    for (let i = 0; i < group.length; i++) {
      fold[group[i]] = next;
      next = (next + 1) % k;
    }
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < dataset.rows; i++) sizes[fold[i]]++;
  const folds: { train: Int32Array; test: Int32Array }[] = [];
  for (let f = 0; f < k; f++) {
    const train = new Int32Array(dataset.rows - sizes[f]);
    const test = new Int32Array(sizes[f]);
    let a = 0;
    let b = 0;
    for (let i = 0; i < dataset.rows; i++) {
      if (fold[i] === f) test[b++] = i;
      else train[a++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}
