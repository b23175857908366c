import { describe, expect, it } from 'vitest';
import { InvalidArtifactError, InvalidInputError, InvalidOptionsError, InsufficientDataError } from '../../src/errors.js';
import { ModelArtifactSchema } from '../../src/schema/artifact.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { TreeEnsembleScorer } from '../../src/scorers/TreeEnsembleScorer.js';
import { trainForest } from '../../src/train/trees/trainForest.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { trainTree } from '../../src/train/trees/trainTree.js';
import { matrixOf, smallCreditDataset } from './_fixtures.js';

const data = smallCreditDataset(2500, 5);
const test = smallCreditDataset(1500, 6);
const trainers = {
  tree: () => trainTree(data, { maxDepth: 4 }),
  forest: () => trainForest(data, { trees: 10, minSamplesLeaf: 20, seed: 9, calibration: 'isotonic' }),
  gbm: () => trainGradientBoosting(data, { trees: 30, seed: 9, validationFraction: 0.2, calibration: 'platt' }),
} as const;

describe('tree artifacts', () => {
  for (const [kind, train] of Object.entries(trainers)) {
    it(`${kind}: the same seed trains a byte-identical artifact`, () => {
      expect(JSON.stringify(train())).toBe(JSON.stringify(train()));
    });

    it(`${kind}: JSON save → loadModel scores identically (score, PD, reasons, batch)`, () => {
      const artifact = train();
      expect(ModelArtifactSchema.safeParse(artifact).success).toBe(true);
      const direct = new TreeEnsembleScorer(artifact);
      const loaded = loadModel(JSON.stringify(artifact));
      expect(loaded.id).toBe(direct.id);
      const m = matrixOf(test, loaded.featureNames);
      expect(Array.from(loaded.predict(m))).toEqual(Array.from(direct.predict(m)));
      for (let r = 0; r < 50; r++) {
        const v = { names: m.names, values: m.values.slice(r * m.names.length, (r + 1) * m.names.length) };
        expect(loaded.score(v)).toEqual(direct.score(v));
      }
      expect(JSON.stringify(loaded.toArtifact())).toBe(JSON.stringify(artifact));
    });

    it(`${kind}: predict(matrix) equals score(record).probabilityOfDefault row by row`, () => {
      const scorer = loadModel(train());
      const m = matrixOf(test, scorer.featureNames);
      const pd = scorer.predict(m);
      for (let r = 0; r < 100; r++) {
        const v = { names: m.names, values: m.values.slice(r * m.names.length, (r + 1) * m.names.length) };
        expect(scorer.score(v).probabilityOfDefault).toBe(pd[r]);
      }
    });
  }

  it('tree leaves hold probabilities in (0, 1), forest aggregation is mean-log-odds, gbm a base log-odds', () => {
    const t = trainers.tree();
    t.model.tree.feature.forEach((f, i) => {
      if (f < 0) {
        expect(t.model.tree.value[i]).toBeGreaterThan(0);
        expect(t.model.tree.value[i]).toBeLessThan(1);
      }
    });
    const f = trainers.forest();
    expect(f.model.aggregation).toBe('mean-log-odds');
    expect(f.calibration?.method).toBe('isotonic');
    const g = trainers.gbm();
    expect(g.model.baseLogOdds).toBeCloseTo(Math.log(0.2 / 0.8), 0);
    expect(g.calibration?.method).toBe('platt');
  });

  it('a categorical split stores its left category set and missing/unseen follow defaultLeft', () => {
    const g = trainGradientBoosting(data, { trees: 20, maxDepth: 3, learningRate: 0.3, seed: 1 });
    const splits = g.model.trees.flatMap((t) => Object.entries(t.leftCategories ?? {}).map(([node, cats]) => ({ t, node: Number(node), cats })));
    expect(splits.length).toBeGreaterThan(0);
    const scorer = loadModel(g);
    const base = { utilization: 0.5, income: 3000, inquiries: 1, noise: 0 };
    // unseen category and missing take the same path (default direction) in every tree
    expect(scorer.score({ ...base, housing: 'houseboat' }).probabilityOfDefault).toBe(scorer.score({ ...base, housing: null }).probabilityOfDefault);
    // the order of categories in the dictionary is not an order the model uses: "own" (lowest risk) and "rent" (highest) are not neighbours there
    const pds = ['rent', 'own', 'mortgage', 'other', 'family'].map((h) => scorer.score({ ...base, housing: h }).probabilityOfDefault);
    expect(pds[0]).toBeGreaterThan(pds[1]);
  });

  it('thresholds are real feature values: x <= threshold goes left', () => {
    const t = trainTree(data, { maxDepth: 2, include: ['utilization'] });
    const thr = t.model.tree.threshold[0];
    const scorer = loadModel(t);
    const at = scorer.score({ utilization: thr }).probabilityOfDefault;
    const above = scorer.score({ utilization: thr + 1e-9 }).probabilityOfDefault;
    expect(at).not.toBe(above);
    expect(String(thr).length).toBeLessThanOrEqual(6);
  });

  it('a 200-tree depth-6 boosted model stays well under 2 MB of JSON, even with every tree complete (127 nodes)', () => {
    const big = smallCreditDataset(20_000, 8, { missing: true });
    const g = trainGradientBoosting(big, { trees: 200, maxDepth: 6, maxLeaves: null, minSamplesLeaf: 5, learningRate: 0.1, rowSubsample: 0.8, seed: 3 });
    const bytes = JSON.stringify(g).length;
    const nodes = g.model.trees.reduce((s, t) => s + t.feature.length, 0);
    // measured: 528,158 bytes for 19,538 nodes (27 bytes a node); the 200-tree depth-6 model of
    // benchmarks/trees.bench.ts (100k x 40, XGBoost's defaults): ~618 KB for ~21,600 nodes
    expect(nodes).toBeGreaterThan(200 * 40);
    expect(bytes).toBeLessThan(1_000_000);
    const bytesPerNode = bytes / nodes;
    expect(bytesPerNode).toBeLessThan(40);
    expect(200 * 127 * bytesPerNode).toBeLessThan(1_500_000);
  });

  it('tampered artifacts are rejected with paths', () => {
    const g = trainGradientBoosting(data, { trees: 2, seed: 1 });
    const bad1 = structuredClone(g);
    bad1.model.trees[1].left[0] = 0;
    expect(() => loadModel(bad1)).toThrowError(InvalidArtifactError);
    try {
      loadModel(bad1);
    } catch (e) {
      expect((e as InvalidArtifactError).issues.some((i) => i.path.join('.') === 'model.trees.1.left.0')).toBe(true);
    }
    const bad2 = structuredClone(g);
    bad2.model.trees[0].feature[0] = 99;
    expect(() => loadModel(bad2)).toThrowError(/features/);
    const bad3 = structuredClone(g);
    bad3.model.trees[0].value.pop();
    expect(() => loadModel(bad3)).toThrowError(/one entry per node/);
    const t = trainTree(data, { maxDepth: 2 });
    const leaf = t.model.tree.feature.indexOf(-1);
    t.model.tree.value[leaf] = 1.5;
    expect(() => loadModel(t)).toThrowError(/probability/);
  });

  it('bad options and data are typed errors naming the field', () => {
    expect(() => trainGradientBoosting(data, { learningRate: -1 })).toThrowError(InvalidOptionsError);
    expect(() => trainGradientBoosting(data, { learningRate: -1 })).toThrowError(/learningRate/);
    expect(() => trainGradientBoosting(data, { trees: 5, earlyStoppingRounds: 3 })).toThrowError(/validation/);
    expect(() => trainTree(data, { maxDepht: 3 } as never)).toThrowError(InvalidOptionsError);
    expect(() => trainForest({ ...data, target: new Uint8Array(data.rows) })).toThrowError(InsufficientDataError);
    expect(() => trainTree({ ...data, target: undefined })).toThrowError(InvalidInputError);
    expect(() => trainTree(data, { allowProtected: false, include: ['age'] })).toThrowError(/protected/);
    expect(() => loadModel(trainers.tree()).predict({ names: ['x'], rows: 0, values: new Float64Array(0) })).toThrowError(InvalidInputError);
  });

  it('protected features are left out unless allowed, and never cited when allowed', () => {
    expect(trainers.tree().features.map((f) => f.name)).not.toContain('age');
    const g = trainGradientBoosting(data, { trees: 20, allowProtected: true, seed: 2 });
    expect(g.features.find((f) => f.name === 'age')?.isProtected).toBe(true);
    const scorer = loadModel(g);
    for (let age = 18; age < 90; age += 3) {
      const r = scorer.score({ utilization: 0.9, income: 1500, inquiries: 5, age, noise: 1, housing: 'rent' }, { maxReasons: 6 });
      expect(r.reasonCodes.map((c) => c.feature)).not.toContain('age');
    }
  });
});
