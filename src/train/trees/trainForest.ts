import { z } from 'zod';
import { createRandom } from '../../_lib/random.js';
import type { Dataset } from '../../data/Dataset.js';
import { auc } from '../../metrics/auc.js';
import type { FeatureSpec } from '../../schema/artifactCommon.js';
import { ForestArtifactSchema, type CompactTree, type ForestArtifact } from '../../schema/artifacts/trees.js';
import type { ScoreScaling } from '../../scaling/scaling.js';
import { binFeatures } from './binFeatures.js';
import { fitCalibration } from './fitCalibration.js';
import { createGrowBuffers, growTree, leafOfBinnedRow } from './growTree.js';
import { roundStored, toCompactTree } from './toCompactTree.js';
import { leafProbability } from './trainTree.js';
import { TreeTrainingCommonShape, badRate, commonOptionsRecord, count, envelope, finite, logit, parseOptions, prepareTreeTraining } from './_treeTraining.js';

/**
 * Options of {@link trainForest}.
 *
 * @category Training
 * @example
 * const o: TrainForestOptions = { trees: 300, featuresPerSplit: 'sqrt', minSamplesLeaf: 5, seed: 42 };
 */
export interface TrainForestOptions {
  /** Artifact id. @defaultValue 'forest' */
  id?: string;
  /** Artifact description. */
  description?: string;
  /** Seed of the bootstrap samples and the per-split feature draws. @defaultValue 1 */
  seed?: number;
  /** Score scaling written to the artifact. @defaultValue DEFAULT_SCALING */
  scaling?: ScoreScaling;
  /** Allow protected columns as features. @defaultValue false */
  allowProtected?: boolean;
  /** Use only these columns. */
  include?: string[];
  /** Never use these columns. */
  exclude?: string[];
  /** Explicit feature specifications (instead of deriving them from the dataset). */
  features?: FeatureSpec[];
  /** Value bins per feature (missing has a slot of its own on top). @defaultValue 255 */
  maxBins?: number;
  /** Weights of the classes (multiplied into sample weights); `'balanced'` = n / (2·n_class). @defaultValue none */
  classWeight?: 'balanced' | { good: number; bad: number };
  /** Fit a probability calibration on the out-of-bag log-odds (needs `bootstrap`). @defaultValue none */
  calibration?: 'platt' | 'isotonic';
  /** Outcome definition written to the artifact. */
  target?: { name: string; horizonMonths?: number; bad?: string };
  /** Reason code cited as an extra reason whenever it is a factor. */
  inquiryReasonCode?: string;
  /** Number of trees. @defaultValue 100 */
  trees?: number;
  /** Split criterion. @defaultValue 'gini' */
  criterion?: 'gini' | 'entropy';
  /** Features drawn at each split: `'sqrt'`, `'log2'`, or a count. @defaultValue 'sqrt' */
  featuresPerSplit?: 'sqrt' | 'log2' | number;
  /** Draw a bootstrap sample (with replacement) per tree; otherwise every tree sees every row. @defaultValue true */
  bootstrap?: boolean;
  /** Bootstrap sample size as a fraction of the rows. @defaultValue 1 */
  maxSamples?: number;
  /** Maximum depth; `null` = unlimited. @defaultValue null */
  maxDepth?: number | null;
  /** Maximum leaves per tree; `null` = unlimited. @defaultValue null */
  maxLeaves?: number | null;
  /** Minimum (distinct) rows in a leaf. @defaultValue 20 */
  minSamplesLeaf?: number;
  /** Minimum weighted impurity decrease of a split (fraction of the tree's root weight). @defaultValue 0 */
  minImpurityDecrease?: number;
  /** Shrinkage of leaf probabilities toward the tree's bad rate (m-estimate, see `TrainTreeOptions.leafSmoothing`). @defaultValue 1 */
  leafSmoothing?: number;
}

const { validation: _validation, validationFraction: _validationFraction, ...forestCommonShape } = TreeTrainingCommonShape;
const OptionsSchema = z.strictObject({
  ...forestCommonShape,
  trees: count(1).max(100_000).optional(),
  criterion: z.enum(['gini', 'entropy']).optional(),
  featuresPerSplit: z.union([z.enum(['sqrt', 'log2']), count(1)]).optional(),
  bootstrap: z.boolean().optional(),
  maxSamples: z.number().gt(0).max(1).optional(),
  maxDepth: count(1).max(256).nullable().optional(),
  maxLeaves: count(2).nullable().optional(),
  minSamplesLeaf: count(1).optional(),
  minImpurityDecrease: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  leafSmoothing: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
});

/**
 * Trains a random forest (Breiman 2001) of histogram CART trees: each tree on a bootstrap sample,
 * each split choosing among a fresh random subset of the features (per split, not per tree),
 * seeded. The forest's log-odds is the mean of the trees' leaf logits (so TreeSHAP is exact in
 * log-odds); the out-of-bag AUC (each row scored by the trees that did not see it) is recorded in
 * `training.outOfBag`. Deterministic under `seed`. O(trees · n · √p · depth).
 *
 * @param dataset - training rows with a target (1 = bad)
 * @param options - see {@link TrainForestOptions}
 * @returns a `forest` artifact
 * @throws {@link InvalidOptionsError} on invalid options
 * @throws {@link InvalidInputError} when the dataset lacks the target or a feature column
 * @throws {@link InsufficientDataError} when the target has one class only
 * @category Training
 * @example
 * const artifact = trainForest(dataset, { trees: 200, seed: 7 });
 * artifact.training?.outOfBag; //=> { rows: 700, auc: 0.7858 }
 */
export function trainForest(dataset: Dataset, options: TrainForestOptions = {}): ForestArtifact {
  const where = 'trainForest';
  const o = parseOptions(OptionsSchema, { ...options }, where);
  const bootstrap = o.bootstrap ?? true;
  const prep = prepareTreeTraining(dataset, o, where, false);
  const { specs, train } = prep;
  const binned = binFeatures(train.columns, { maxBins: o.maxBins });
  const n = train.columns.rows;
  const p = specs.length;
  const nTrees = o.trees ?? 100;
  const fps = o.featuresPerSplit ?? 'sqrt';
  const featuresPerSplit = Math.min(p, fps === 'sqrt' ? Math.max(1, Math.floor(Math.sqrt(p))) : fps === 'log2' ? Math.max(1, Math.floor(Math.log2(p))) : fps);
  const sampleSize = Math.max(1, Math.round(n * (o.maxSamples ?? 1)));
  const m = o.leafSmoothing ?? 1;
  const rng = createRandom(prep.seed);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const coverWeight = new Float64Array(n);
  const multiplicity = new Int32Array(n);
  const buffers = createGrowBuffers(n, p);
  const oobSum = new Float64Array(n);
  const oobCount = new Int32Array(n);
  const trees: CompactTree[] = [];
  const allFeatures = Int32Array.from({ length: p }, (_, j) => j);
  for (let t = 0; t < nTrees; t++) {
    const treeRng = rng.fork();
    multiplicity.fill(0);
    if (bootstrap) for (let i = 0; i < sampleSize; i++) multiplicity[treeRng.int(n)]++;
    else multiplicity.fill(1);
    let rowsIn = 0;
    let totalWeight = 0;
    let totalBad = 0;
    for (let r = 0; r < n; r++) {
      const k = multiplicity[r];
      if (k === 0 || train.w[r] <= 0) continue;
      h[r] = k * train.w[r];
      g[r] = train.y[r] === 1 ? h[r] : 0;
      coverWeight[r] = k * train.sampleWeight[r];
      totalWeight += h[r];
      totalBad += g[r];
      buffers.rows[rowsIn++] = r;
    }
    const tree = growTree(binned, g, h, rowsIn, buffers, {
      criterion: o.criterion ?? 'gini',
      maxDepth: o.maxDepth ?? Number.POSITIVE_INFINITY,
      maxLeaves: o.maxLeaves ?? Number.POSITIVE_INFINITY,
      minSamplesLeaf: o.minSamplesLeaf ?? 20,
      minChildWeight: 0,
      lambda: 0,
      minGain: o.minImpurityDecrease ?? 0,
      totalWeight,
      activeFeatures: allFeatures,
      featuresPerSplit,
      monotone: null,
      catSmooth: 0,
      rng: treeRng,
    });
    const prior = totalWeight > 0 ? totalBad / totalWeight : 0.5;
    const values = new Float64Array(tree.nodeCount);
    for (let i = 0; i < tree.nodeCount; i++) if (tree.feature[i] < 0) values[i] = leafProbability(tree.sumG[i], tree.sumH[i], prior > 0 && prior < 1 ? prior : 0.5, m);
    trees.push(toCompactTree(tree, binned, buffers.rows, (i) => values[i], coverWeight));
    if (bootstrap) {
      for (let r = 0; r < n; r++) {
        if (multiplicity[r] !== 0) continue;
        oobSum[r] += logit(values[leafOfBinnedRow(tree, binned, r)]);
        oobCount[r]++;
      }
    }
  }
  // out-of-bag evaluation
  let outOfBag: { rows: number; auc: number | null } | null = null;
  let calibration;
  if (bootstrap) {
    const idx: number[] = [];
    for (let r = 0; r < n; r++) if (oobCount[r] > 0 && train.sampleWeight[r] > 0) idx.push(r);
    const z = Float64Array.from(idx, (r) => oobSum[r] / oobCount[r]);
    const y = Uint8Array.from(idx, (r) => train.y[r]);
    const w = Float64Array.from(idx, (r) => train.sampleWeight[r]);
    let bad = 0;
    for (const v of y) bad += v;
    const hasBoth = bad > 0 && bad < y.length;
    outOfBag = { rows: idx.length, auc: hasBoth ? roundStored(auc(z, y, w)) : null };
    if (o.calibration !== undefined && hasBoth) calibration = fitCalibration(z, y, o.calibration, { weights: w });
  }
  const training = {
    trainer: where,
    seed: prep.seed,
    rows: n,
    badRate: roundStored(badRate(train)),
    features: p,
    options: {
      ...commonOptionsRecord(o),
      trees: nTrees,
      criterion: o.criterion ?? 'gini',
      featuresPerSplit,
      bootstrap,
      maxSamples: o.maxSamples ?? 1,
      maxDepth: o.maxDepth ?? null,
      maxLeaves: o.maxLeaves ?? null,
      minSamplesLeaf: o.minSamplesLeaf ?? 20,
      minImpurityDecrease: o.minImpurityDecrease ?? 0,
      leafSmoothing: m,
    },
    ...(outOfBag !== null ? { outOfBag } : {}),
  };
  // parsing puts every key in schema order (save → load → save is byte-identical) and checks the result
  return ForestArtifactSchema.parse({ ...envelope(o, specs, 'forest', calibration, training), kind: 'forest', model: { aggregation: 'mean-log-odds', trees } });
}
