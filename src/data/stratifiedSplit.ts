import { createRandom } from '../_lib/random.js';
import { InvalidInputError, InvalidOptionsError } from '../errors.js';
import type { Dataset } from './Dataset.js';
import { rowsByClass, shuffleInPlace } from './_lib/shuffle.js';

/**
 * Options of {@link stratifiedSplit}.
 *
 * @category Data
 * @example
 * const options: StratifiedSplitOptions = { testFraction: 0.3, seed: 7 };
 */
export interface StratifiedSplitOptions {
  /**
   * Share of rows put in the test part, in (0, 1).
   * @defaultValue 0.3
   */
  testFraction?: number;
  /**
   * Seed of the shuffle: the same seed gives the same split.
   * @defaultValue 42
   */
  seed?: number;
}

/**
 * Splits the rows in two at random, keeping the bad rate of each part as close as possible to the
 * whole: in each class, `round(testFraction x class size)` rows go to test. Seeded (through
 * `createRandom`), so the same dataset and seed give the same split. Cost: O(rows).
 *
 * @param dataset - a dataset with a target
 * @param options - see {@link StratifiedSplitOptions}
 * @returns ascending row indices of each part
 * @throws {@link InvalidInputError} when the dataset has no target
 * @throws {@link InvalidOptionsError} when `testFraction` is not in (0, 1) or `seed` is not finite
 * @category Data
 * @example
 * const dataset = { rows: 10, columns: [], target: Uint8Array.of(1, 0, 0, 1, 0, 0, 0, 1, 0, 0) };
 * const { train, test } = stratifiedSplit(dataset, { testFraction: 0.3, seed: 7 });
 * [train.length, test.length]; //=> [7, 3]
 * test.filter((i) => dataset.target[i] === 1).length; //=> 1
 */
export function stratifiedSplit(dataset: Dataset, options: StratifiedSplitOptions = {}): { train: Int32Array; test: Int32Array } {
  const testFraction = options.testFraction ?? 0.3;
  const seed = options.seed ?? 42;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new InvalidOptionsError('stratifiedSplit: testFraction must be in (0, 1)', [{ code: 'out_of_range', path: ['testFraction'], message: 'must be in (0, 1)' }]);
  }
  if (!Number.isFinite(seed)) throw new InvalidOptionsError('stratifiedSplit: seed must be a finite number', [{ code: 'invalid_type', path: ['seed'], message: 'must be a finite number' }]);
  if (dataset.target === undefined) {
    throw new InvalidInputError('stratifiedSplit: the dataset has no target to stratify on', [{ code: 'missing_target', path: ['target'], message: 'a target is required' }]);
  }
  const random = createRandom(seed);
  const testMask = new Uint8Array(dataset.rows);
  for (const group of rowsByClass(dataset.rows, dataset.target)) {
    shuffleInPlace(group, random);
    const take = Math.round(testFraction * group.length);
    for (let k = 0; k < take; k++) testMask[group[k]] = 1;
  }
  return masksToIndices(testMask);
}

/** Ascending indices of rows with mask 0 (train) and 1 (test). */
export function masksToIndices(testMask: Uint8Array): { train: Int32Array; test: Int32Array } {
  let nTest = 0;
  for (let i = 0; i < testMask.length; i++) nTest += testMask[i];
  const train = new Int32Array(testMask.length - nTest);
  const test = new Int32Array(nTest);
  let a = 0;
  let b = 0;
  for (let i = 0; i < testMask.length; i++) {
    if (testMask[i] === 1) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}
