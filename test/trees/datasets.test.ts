/**
 * Quality acceptance on the real datasets' fixed splits (../shared/datasets): test AUC of each tree
 * family at least the matching reference.json figure minus 0.005 on taiwan-default and
 * give-me-some-credit (tree vs tree_depth5, forest vs random_forest_300, gbm vs the better of
 * hist_gbm_200 and xgboost_300_d4). The configurations are in benchmarks/reference/trees/_datasets.ts
 * (ACCEPTANCE); the forest runs 40 trees with 50-row leaves to keep this file well under 2 minutes.
 * The full figures (all five datasets, timings, sizes) come from benchmarks/reference/trees/quality.ts.
 */
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE, ASSERTED, hasDatasets, readSplit, referenceAuc, testAuc, type Split } from '../../benchmarks/reference/trees/_datasets.js';
import { trainForest } from '../../src/train/trees/trainForest.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { trainTree } from '../../src/train/trees/trainTree.js';

const trainers = {
  tree: (s: Split) => trainTree(s.train, { ...ACCEPTANCE.tree.options, allowProtected: true }),
  forest: (s: Split) => trainForest(s.train, { ...ACCEPTANCE.forest.options, allowProtected: true }),
  gbm: (s: Split) => trainGradientBoosting(s.train, { ...ACCEPTANCE.gbm.options, allowProtected: true }),
} as const;

describe.skipIf(!hasDatasets)('tree families on the real datasets (skipped: ../shared/datasets is absent)', () => {
  for (const name of ASSERTED) {
    describe(name, () => {
      let split: Split;
      it(`reads ${name} train.csv / test.csv`, async () => {
        split = await readSplit(name);
        expect(split.train.rows).toBeGreaterThan(10_000);
      });
      for (const family of ['tree', 'forest', 'gbm'] as const) {
        const floor = referenceAuc(name, ACCEPTANCE[family].reference) - 0.005;
        it(`${family}: test AUC >= ${ACCEPTANCE[family].reference.join(' / ')} − 0.005 = ${floor.toFixed(4)}`, () => {
          const artifact = trainers[family](split);
          expect(testAuc(artifact, split.test)).toBeGreaterThanOrEqual(floor);
        });
      }
    });
  }
});
