/**
 * Every family's `score()` checks `maxReasons` the same way (found in review): a non-negative
 * integer, or `Infinity` for no cap. Before, the tree and blend scorers took NaN or -1 silently and
 * returned no reasons, and the logistic scorer refused `Infinity`, which the scorecard accepts.
 */
import { describe, expect, it } from 'vitest';
import { datasetToFeatureMatrix } from '../../src/data/index.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { catchError } from '../_catchError.js';
import { everyFamily, everyFamilyData } from './_everyFamily.js';

const data = everyFamilyData;
const scorers = everyFamily();

describe('score(x, { maxReasons })', () => {
  for (const [family, scorer] of scorers) {
    it(`${family}: NaN, -1 and 1.5 are InvalidOptionsError at maxReasons; Infinity returns every reason; 0 none`, () => {
      const m = datasetToFeatureMatrix(data, scorer.toArtifact().features);
      const x = { names: m.names, values: m.values.subarray(0, m.names.length) };
      for (const maxReasons of [NaN, -1, 1.5]) {
        const e = catchError(() => scorer.score(x, { maxReasons }));
        expect(e).toBeInstanceOf(InvalidOptionsError);
        expect(e.issues.map((i) => i.path)).toEqual([['maxReasons']]);
      }
      const all = scorer.score(x, { maxReasons: Infinity }).reasonCodes;
      expect(all.length).toBeGreaterThanOrEqual(scorer.score(x, { maxReasons: 4 }).reasonCodes.length);
      expect(all.slice(0, 4)).toEqual(scorer.score(x, { maxReasons: 4 }).reasonCodes.slice(0, 4));
      expect(scorer.score(x, { maxReasons: 0 }).reasonCodes).toEqual([]);
    });
  }
});
