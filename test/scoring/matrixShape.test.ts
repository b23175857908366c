/**
 * Every family's `predict` rejects a matrix whose `rows` is not a non-negative integer. The shape
 * check `rows × width === values.length` alone let a ragged matrix through (rows 1.5 with an even
 * width): the logistic scorer then reported an invalid cell in a row that does not exist and the
 * scorecard threw "invalid cell" without details (found in review).
 */
import { describe, expect, it } from 'vitest';
import { datasetToFeatureMatrix } from '../../src/data/index.js';
import { InvalidInputError } from '../../src/errors.js';
import { catchError } from '../_catchError.js';
import { everyFamily, everyFamilyData } from './_everyFamily.js';

const data = everyFamilyData;
const scorers = everyFamily();

describe('predict: rows must be a non-negative integer', () => {
  for (const [family, scorer] of scorers) {
    it(`${family}`, () => {
      const m = datasetToFeatureMatrix(data, scorer.toArtifact().features);
      const width = m.names.length;
      const good = { ...m, rows: 4, values: m.values.subarray(0, 4 * width) };
      expect(scorer.predict(good)).toHaveLength(4);
      // twice: the scorecard remembers the last column mapping, and the cached path must check too
      for (let k = 0; k < 2; k++) {
        for (const rows of [1.5, -1, Number.NaN]) {
          const values = m.values.subarray(0, Math.max(0, Math.round(rows * width)) || 0);
          const error = catchError(() => scorer.predict({ ...m, rows, values: width % 2 === 0 || rows !== 1.5 ? values : m.values.subarray(0, 3 * width) }));
          expect(error, `${family} rows ${rows}`).toBeInstanceOf(InvalidInputError);
          expect(error.issues[0], `${family} rows ${rows}`).toMatchObject({ code: 'invalid_rows', path: ['rows'] });
        }
      }
    });
  }
});

describe('a name repeated in a feature vector or matrix: the first occurrence counts, in score() and predict alike', () => {
  for (const [family, scorer] of scorers.filter(([f]) => f === 'logistic' || f === 'scorecard')) {
    it(`${family}`, () => {
      const m = datasetToFeatureMatrix(data, scorer.toArtifact().features);
      const width = m.names.length;
      const names = [...m.names, m.names[0]];
      const values = new Float64Array(5 * (width + 1));
      for (let r = 0; r < 5; r++) {
        for (let j = 0; j < width; j++) values[r * (width + 1) + j] = m.values[r * width + j];
        values[r * (width + 1) + width] = m.values[((r + 1) % 5) * width]; // a different value under the repeated name
      }
      const pd = scorer.predict({ names, rows: 5, values });
      const plain = scorer.predict({ ...m, rows: 5, values: m.values.subarray(0, 5 * width) });
      for (let r = 0; r < 5; r++) {
        const one = scorer.score({ names, values: values.subarray(r * (width + 1), (r + 1) * (width + 1)) });
        expect(one.probabilityOfDefault, `${family} row ${r}`).toBe(pd[r]);
        expect(pd[r]).toBe(plain[r]);
      }
    });
  }
});
