import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompactTree } from '../../src/schema/artifacts/trees.js';
import { TreeEnsembleScorer } from '../../src/scorers/TreeEnsembleScorer.js';
import { logOddsOfRow } from '../../src/scorers/trees/compileTrees.js';
import { trainForest } from '../../src/train/trees/trainForest.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { trainTree } from '../../src/train/trees/trainTree.js';
import { smallCreditDataset } from './_fixtures.js';

// numeric features only (a categorical split sends prediction through the generic path)
const data = smallCreditDataset(3000, 41);
const numeric = { exclude: ['housing'] };
const gbm = trainGradientBoosting(data, { ...numeric, trees: 40, maxDepth: 6, maxLeaves: null, minSamplesLeaf: 5, learningRate: 0.2, seed: 4 });
const models = {
  'gbm depth 6': gbm,
  'gbm best-first 7 leaves': trainGradientBoosting(data, { ...numeric, trees: 30, maxDepth: 5, maxLeaves: 7, seed: 5 }),
  'forest depth 5': trainForest(data, { ...numeric, trees: 12, maxDepth: 5, minSamplesLeaf: 5, seed: 6 }),
  'tree depth 4': trainTree(data, { ...numeric, maxDepth: 4 }),
} as const;

/** The artifact's own rule, walked on the JSON trees: x <= threshold goes left, NaN the default way. */
function artifactLeaf(tree: CompactTree, row: ArrayLike<number>): number {
  let i = 0;
  while (tree.feature[i] >= 0) {
    const x = row[tree.feature[i]];
    i = Number.isNaN(x) ? (tree.defaultLeft[i] === 1 ? tree.left[i] : tree.right[i]) : x <= tree.threshold[i] ? tree.left[i] : tree.right[i];
  }
  return tree.value[i];
}

/** Values that stress the coding of a row: each model threshold, its neighbours, ±0, ±∞, NaN, far values. */
function valuesFor(trees: readonly CompactTree[], feature: number): fc.Arbitrary<number> {
  const thresholds = [...new Set(trees.flatMap((t) => t.threshold.filter((_, i) => t.feature[i] === feature)))];
  const near = thresholds.flatMap((u) => [u, u - Math.abs(u) * 1e-15 - 1e-300, u + Math.abs(u) * 1e-15 + 1e-300]);
  const special = [0, -0, Number.NaN, Infinity, -Infinity, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE];
  return fc.oneof(fc.constantFrom(...(near.length > 0 ? near : [0]), ...special), fc.double({ min: -1e6, max: 1e6 }), fc.double());
}

describe('batch prediction layouts', () => {
  it('shallow numeric ensembles compile to the complete-tree layout; deep or categorical ones do not', () => {
    for (const artifact of Object.values(models)) expect(new TreeEnsembleScorer(artifact).compiled.complete).not.toBeNull();
    const deep = trainTree(data, { ...numeric, maxDepth: 14, minSamplesLeaf: 1 });
    const deepDepth = new TreeEnsembleScorer(deep).compiled.maxDepth;
    expect(deepDepth).toBeGreaterThan(10);
    expect(new TreeEnsembleScorer(deep).compiled.complete).toBeNull();
    const categorical = trainGradientBoosting(data, { trees: 20, maxDepth: 3, learningRate: 0.3, seed: 1 });
    expect(categorical.model.trees.some((t) => t.leftCategories !== undefined)).toBe(true);
    expect(new TreeEnsembleScorer(categorical).compiled.complete).toBeNull();
  });

  for (const [name, artifact] of Object.entries(models)) {
    it(`${name}: predictLogOdds(matrix) equals logOddsOfRow row by row, to the bit, on thresholds, ±0, ±∞, NaN and random values (fast-check)`, () => {
      const scorer = new TreeEnsembleScorer(artifact);
      const trees: readonly CompactTree[] = artifact.kind === 'tree' ? [artifact.model.tree] : artifact.model.trees;
      const p = artifact.features.length;
      const row = fc.tuple(...Array.from({ length: p }, (_, f) => valuesFor(trees, f)));
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 203 }), (rows) => {
          const values = Float64Array.from(rows.flat());
          const z = scorer.predictLogOdds({ names: scorer.featureNames, rows: rows.length, values });
          rows.forEach((r, i) => {
            expect(z[i]).toBe(logOddsOfRow(scorer.compiled, Float64Array.from(r)));
            if (artifact.kind === 'gbm') {
              // the same sum as the artifact's own trees, added in tree order
              let s = artifact.model.baseLogOdds;
              for (const t of trees) s += artifactLeaf(t, r);
              expect(z[i]).toBe(s);
            }
          });
        }),
        { seed: 20261123, numRuns: 60 },
      );
    });
  }

  it('a 203-row batch (not a multiple of the 8-row lockstep or the 64-row block) equals row-by-row scoring', () => {
    const scorer = new TreeEnsembleScorer(gbm);
    const test = smallCreditDataset(203, 42);
    const cols = scorer.featureNames.map((n) => test.columns.find((c) => c.name === n));
    const values = new Float64Array(203 * cols.length);
    for (let r = 0; r < 203; r++) cols.forEach((c, j) => (values[r * cols.length + j] = c?.type === 'numeric' ? c.values[r] : Number.NaN));
    const pd = scorer.predict({ names: scorer.featureNames, rows: 203, values });
    for (let r = 0; r < 203; r++) {
      expect(pd[r]).toBe(scorer.score({ names: scorer.featureNames, values: values.slice(r * cols.length, (r + 1) * cols.length) }).probabilityOfDefault);
    }
  });
});
