import { InvalidInputError } from '../errors.js';
import type { FeatureVector } from '../types.js';

/**
 * A {@link FeatureVector} as a plain record, feature name to value, with `null` for missing
 * (`NaN`): the form a {@link FeatureRecord} uses and JSON can carry. O(features).
 *
 * @param v - names and values of equal length
 * @returns a fresh object, keys in `v.names` order
 * @throws {@link InvalidInputError} when `names` and `values` differ in length (path `values`)
 * @category Features
 * @example
 * featureRecordFromVector({ names: ['revolvingUtilization', 'monthsSinceMostRecentDelinquency'], values: Float64Array.of(0.42, NaN) });
 * //=> { revolvingUtilization: 0.42, monthsSinceMostRecentDelinquency: null }
 */
export function featureRecordFromVector(v: FeatureVector): Record<string, number | null> {
  if (v.names.length !== v.values.length) {
    throw new InvalidInputError(`featureRecordFromVector: ${v.names.length} names but ${v.values.length} values`, [
      { code: 'length_mismatch', path: ['values'], message: 'names and values must have the same length' },
    ]);
  }
  const record: Record<string, number | null> = {};
  for (let j = 0; j < v.names.length; j++) {
    const x = v.values[j];
    record[v.names[j]] = Number.isNaN(x) ? null : x;
  }
  return record;
}
