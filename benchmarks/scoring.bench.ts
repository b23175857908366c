/**
 * Batch scoring: `predict(FeatureMatrix)` of a logistic model and of a scorecard over 40 features
 * against the bare dot product + sigmoid over the same matrix (harness.dotProductSigmoid).
 * Target (issue 7): each at least 50% of the reference's rows/s, i.e. ratio ≤ 2.
 *
 * Models are trained once in setup on 5,000 seeded synthetic rows (benchmarks/_data.ts: every
 * one of the 40 columns informative, so the scorecard keeps all 40 characteristics); the scored
 * matrices are other rows of the same process, no missing values. Quick mode (the CI gate) scores
 * 1,000 rows per call; full mode adds 10k, 100k and 1M rows.
 */
import { dotProductSigmoid, type Suite, mayMatch, type SuiteFactory } from './harness.js';
import { syntheticCredit, syntheticDataset, syntheticMatrix } from './_data.js';
import { loadModel } from '../src/scorers/loadModel.js';
import { trainLogistic } from '../src/train/trainLogistic.js';
import { trainScorecard } from '../src/train/trainScorecard.js';

const FEATURES = 40;
const TRAIN_ROWS = 5_000;

export const scoringSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'scoring-')) return [];
  const { quick } = options;
  const train = syntheticCredit(TRAIN_ROWS, FEATURES, 11);
  const dataset = syntheticDataset(train);
  const logistic = loadModel(trainLogistic(dataset, { id: 'bench-logistic' }));
  const scorecardArtifact = trainScorecard(dataset, { id: 'bench-scorecard', minIv: 0 });
  const scorecard = loadModel(scorecardArtifact);
  const characteristics = scorecardArtifact.model.characteristics.length;
  const sizes = quick ? [1_000] : [1_000, 10_000, 100_000, 1_000_000];
  const data = syntheticCredit(sizes[sizes.length - 1], FEATURES, 12);
  // the reference's weights: any 40 finite numbers (the truth's, here); the work is the same
  const w = data.weights;
  return sizes.map((rows): Suite => {
    const m = syntheticMatrix(data, rows);
    const out = new Float64Array(rows);
    const label = rows >= 1_000_000 ? `${rows / 1_000_000}m` : `${rows / 1_000}k`;
    return {
      name: `scoring-${label}`,
      reference: { name: 'dot product + sigmoid', rowsPerOp: rows, fn: () => dotProductSigmoid(m.values, rows, FEATURES, w, out) },
      tasks: [
        { name: 'logistic predict', rowsPerOp: rows, hotPath: true, fn: () => logistic.predict(m) },
        { name: 'scorecard predict', rowsPerOp: rows, hotPath: true, fn: () => scorecard.predict(m) },
      ],
      figures: (results) => ({
        features: FEATURES,
        scorecardCharacteristics: characteristics,
        'logistic rows/s / reference rows/s (median of pairs)': 1 / results[1].ratioMedian,
        'scorecard rows/s / reference rows/s (median of pairs)': 1 / results[2].ratioMedian,
        'target/logistic >= 50% of reference rows/s (median of pairs)': results[1].ratioMedian <= 2,
        'target/scorecard >= 50% of reference rows/s (median of pairs)': results[2].ratioMedian <= 2,
      }),
    };
  });
};
