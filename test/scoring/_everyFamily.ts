/**
 * One scorer of every model family, trained on the same small synthetic credit data: for tests that
 * hold every family to one contract (matrix shape, maxReasons).
 */
import { loadModel } from '../../src/scorers/index.js';
import { blendArtifacts, trainGradientBoosting, trainLogistic, trainScorecard, trainTree } from '../../src/train/index.js';
import type { Scorer } from '../../src/types.js';
import { smallCreditDataset } from '../trees/_fixtures.js';

export const everyFamilyData = smallCreditDataset(600, 3);

/** `[family, scorer]` for logistic, scorecard, tree, gbm and blend (logistic + tree). */
export function everyFamily(): [string, Scorer][] {
  const data = everyFamilyData;
  const logistic = trainLogistic(data, { id: 'lr' });
  return [
    ['logistic', loadModel(logistic)],
    ['scorecard', loadModel(trainScorecard(data, { id: 'sc' }))],
    ['tree', loadModel(trainTree(data, { id: 'tree', seed: 1 }))],
    ['gbm', loadModel(trainGradientBoosting(data, { id: 'gbm', trees: 20, seed: 1 }))],
    ['blend', loadModel(blendArtifacts([{ artifact: logistic }, { artifact: trainTree(data, { id: 'tree2', seed: 2 }) }], { id: 'blend' }))],
  ];
}
