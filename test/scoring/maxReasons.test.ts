/**
 * Every family's `score()` checks `maxReasons` the same way (found in review): a non-negative
 * integer, or `Infinity` for no cap. Before, the tree and blend scorers took NaN or -1 silently and
 * returned no reasons, and the logistic scorer refused `Infinity`, which the scorecard accepts.
 */
import { describe, expect, it } from 'vitest';
import { datasetToFeatureMatrix } from '../../src/data/index.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { loadModel } from '../../src/scorers/index.js';
import { blendArtifacts, trainGradientBoosting, trainLogistic, trainScorecard, trainTree } from '../../src/train/index.js';
import type { Scorer } from '../../src/types.js';
import { smallCreditDataset } from '../trees/_fixtures.js';
import { catchError } from '../_catchError.js';

const data = smallCreditDataset(600, 3);
const logistic = trainLogistic(data, { id: 'lr' });
const scorers: [string, Scorer][] = [
  ['logistic', loadModel(logistic)],
  ['scorecard', loadModel(trainScorecard(data, { id: 'sc' }))],
  ['tree', loadModel(trainTree(data, { id: 'tree', seed: 1 }))],
  ['gbm', loadModel(trainGradientBoosting(data, { id: 'gbm', trees: 20, seed: 1 }))],
  ['blend', loadModel(blendArtifacts([{ artifact: logistic }, { artifact: trainTree(data, { id: 'tree2', seed: 2 }) }], { id: 'blend' }))],
];

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
