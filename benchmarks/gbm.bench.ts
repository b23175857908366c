/**
 * Gradient boosting batch prediction: 200 trees of depth ≤ 6 over 40 features
 * (`trainGradientBoosting` with `trees: 200, maxDepth: 6, maxLeaves: null, learningRate: 0.1`,
 * trained once in setup on 10,000 seeded synthetic rows) predicting other rows of the same process,
 * against the bare dot product + sigmoid over the same matrix. 10k rows (quick and full) and 100k
 * (full mode: the size of the XGBoost comparison). A regression guard for the harness; the
 * acceptance figure against XGBoost's single-thread predict (same model shape, same data, both
 * sides recorded) is `npx tsx benchmarks/reference/trees/compare.ts`, which runs
 * benchmarks/trees.bench.ts and benchmarks/reference/trees/xgb_predict.py.
 */
import { dotProductSigmoid, mayMatch, type Suite, type SuiteFactory } from './harness.js';
import { syntheticCredit, syntheticDataset, syntheticMatrix } from './_data.js';
import { loadModel } from '../src/scorers/loadModel.js';
import { trainGradientBoosting } from '../src/train/trees/trainGradientBoosting.js';

export const FEATURES = 40;
export const GBM_TRAIN_ROWS = 10_000;
export const GBM_OPTIONS = { id: 'bench-gbm', trees: 200, maxDepth: 6, maxLeaves: null, learningRate: 0.1 } as const;

export const gbmSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'gbm-')) return [];
  const { quick } = options;
  const train = syntheticCredit(GBM_TRAIN_ROWS, FEATURES, 21);
  const artifact = trainGradientBoosting(syntheticDataset(train), { ...GBM_OPTIONS });
  const scorer = loadModel(artifact);
  const trees = artifact.model.trees;
  const leaves = trees.reduce((s, t) => s + t.feature.filter((f) => f === -1).length, 0);
  const sizes = quick ? [10_000] : [10_000, 100_000];
  const data = syntheticCredit(sizes[sizes.length - 1], FEATURES, 22);
  return sizes.map((rows): Suite => {
    const m = syntheticMatrix(data, rows);
    const out = new Float64Array(rows);
    return {
      name: `gbm-${rows / 1000}k`,
      reference: { name: 'dot product + sigmoid', rowsPerOp: rows, fn: () => dotProductSigmoid(m.values, rows, FEATURES, data.weights, out) },
      tasks: [{ name: 'gbm 200x6 predict', rowsPerOp: rows, hotPath: true, fn: () => scorer.predict(m) }],
      figures: () => ({ trees: trees.length, meanLeavesPerTree: leaves / trees.length }),
    };
  });
};
