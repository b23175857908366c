import { z } from 'zod';
import type { Dataset } from '../../data/Dataset.js';
import type { FeatureSpec } from '../../schema/artifactCommon.js';
import { TreeArtifactSchema, type CompactTree, type TreeArtifact } from '../../schema/artifacts/trees.js';
import type { ScoreScaling } from '../../scaling/scaling.js';
import { binFeatures } from './binFeatures.js';
import { fitCalibration } from './fitCalibration.js';
import { createGrowBuffers, growTree } from './growTree.js';
import { leafOfEncodedRow, leftSetsOf, roundStored, toCompactTree } from './toCompactTree.js';
import { TreeTrainingCommonShape, badRate, commonOptionsRecord, count, envelope, finite, logit, parseOptions, prepareTreeTraining } from './_treeTraining.js';

/**
 * Options of {@link trainTree}.
 *
 * @category Training
 * @example
 * const o: TrainTreeOptions = { criterion: 'entropy', maxDepth: 4, minSamplesLeaf: 50, classWeight: 'balanced' };
 */
export interface TrainTreeOptions {
  /** Artifact id. @defaultValue 'tree' */
  id?: string;
  /** Artifact description. */
  description?: string;
  /** Seed (only the validation split is random). @defaultValue 1 */
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
  /** Validation rows (used for calibration only). */
  validation?: Dataset;
  /** Fraction of the training rows set aside (seeded, stratified) as validation rows. */
  validationFraction?: number;
  /** Fit a probability calibration on the validation rows. @defaultValue none */
  calibration?: 'platt' | 'isotonic';
  /** Outcome definition written to the artifact. */
  target?: { name: string; horizonMonths?: number; bad?: string };
  /** Reason code cited as an extra reason whenever it is a factor. */
  inquiryReasonCode?: string;
  /** Split criterion. @defaultValue 'gini' */
  criterion?: 'gini' | 'entropy';
  /** Maximum depth. @defaultValue 5 */
  maxDepth?: number;
  /** Maximum number of leaves (best-first growth); `null` = unlimited. @defaultValue null */
  maxLeaves?: number | null;
  /** Minimum rows in a leaf. @defaultValue 20 */
  minSamplesLeaf?: number;
  /** Minimum weighted impurity decrease of a split, as a fraction of the root weight (scikit-learn's `min_impurity_decrease`). @defaultValue 0 */
  minImpurityDecrease?: number;
  /**
   * Shrinkage of leaf probabilities toward the training bad rate π (m-estimate):
   * `p = (bad weight + m·π) / (weight + m)`, so no leaf says 0 or 1. `m = 0` = raw frequencies
   * (a pure leaf then gets `0.5/(weight+1)` away from 0 or 1 to keep the log-odds finite).
   * @defaultValue 1
   */
  leafSmoothing?: number;
}

const OptionsSchema = z.strictObject({
  ...TreeTrainingCommonShape,
  criterion: z.enum(['gini', 'entropy']).optional(),
  maxDepth: count(1).max(64).optional(),
  maxLeaves: count(2).nullable().optional(),
  minSamplesLeaf: count(1).optional(),
  minImpurityDecrease: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  leafSmoothing: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
});

/**
 * Trains a single CART classification tree (Breiman et al. 1984) on histogram-binned features:
 * Gini or entropy splits, maximum depth / leaves, minimum rows per leaf, minimum impurity
 * decrease, class and sample weights. Missing values go to the side learned at each split (the
 * default direction); categorical features split into two category sets found by sorting the
 * categories by bad rate (optimal for a binary target, Breiman's theorem), never by label order.
 * Leaves hold smoothed probabilities of default (see `leafSmoothing`). Deterministic.
 * O(n · p · depth + leaves · p · bins).
 *
 * @param dataset - training rows with a target (1 = bad)
 * @param options - see {@link TrainTreeOptions}
 * @returns a `tree` artifact
 * @throws {@link InvalidOptionsError} on invalid options
 * @throws {@link InvalidInputError} when the dataset lacks the target or a feature column
 * @throws {@link InsufficientDataError} when the target has one class only
 * @category Training
 * @example
 * const artifact = trainTree(dataset, { maxDepth: 5, minSamplesLeaf: 20 });
 * artifact.model.tree.feature.length; //=> 33
 */
export function trainTree(dataset: Dataset, options: TrainTreeOptions = {}): TreeArtifact {
  const where = 'trainTree';
  const o = parseOptions(OptionsSchema, options, where);
  const prep = prepareTreeTraining(dataset, o, where, o.calibration !== undefined);
  const { specs, train, validation } = prep;
  const binned = binFeatures(train.columns, { maxBins: o.maxBins });
  const n = train.columns.rows;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const buffers = createGrowBuffers(n, specs.length);
  let rowsIn = 0;
  let totalWeight = 0;
  for (let r = 0; r < n; r++) {
    if (train.w[r] <= 0) continue;
    g[r] = train.w[r] * train.y[r];
    h[r] = train.w[r];
    totalWeight += train.w[r];
    buffers.rows[rowsIn++] = r;
  }
  const criterion = o.criterion ?? 'gini';
  const tree = growTree(binned, g, h, rowsIn, buffers, {
    criterion,
    maxDepth: o.maxDepth ?? 5,
    maxLeaves: o.maxLeaves === undefined || o.maxLeaves === null ? Number.POSITIVE_INFINITY : o.maxLeaves,
    minSamplesLeaf: o.minSamplesLeaf ?? 20,
    minChildWeight: 0,
    lambda: 0,
    minGain: o.minImpurityDecrease ?? 0,
    totalWeight,
    activeFeatures: Int32Array.from(specs.keys()),
    featuresPerSplit: specs.length,
    monotone: null,
    catSmooth: 0,
    rng: null,
  });
  const prior = badRate(train);
  const m = o.leafSmoothing ?? 1;
  const compact = toCompactTree(tree, binned, buffers.rows, (i) => leafProbability(tree.sumG[i], tree.sumH[i], prior, m), train.sampleWeight);
  let calibration;
  if (o.calibration !== undefined && validation !== null) {
    calibration = fitCalibration(treeLogOdds(compact, validation.columns.columns, validation.columns.rows), validation.y, o.calibration, { weights: validation.sampleWeight });
  }
  const leaves = compact.feature.filter((f) => f < 0).length;
  const training = {
    trainer: where,
    seed: prep.seed,
    rows: n,
    badRate: roundStored(prior),
    features: specs.length,
    options: {
      ...commonOptionsRecord(o),
      criterion,
      maxDepth: o.maxDepth ?? 5,
      maxLeaves: o.maxLeaves ?? null,
      minSamplesLeaf: o.minSamplesLeaf ?? 20,
      minImpurityDecrease: o.minImpurityDecrease ?? 0,
      leafSmoothing: m,
    },
    leaves,
    ...(validation !== null ? { validation: { rows: validation.columns.rows } } : {}),
  };
  // parsing puts every key in schema order (save → load → save is byte-identical) and checks the result
  return TreeArtifactSchema.parse({ ...envelope(o, specs, 'tree', calibration, training), kind: 'tree', model: { tree: compact } });
}

/** m-estimate of a leaf's bad probability, kept strictly inside (0, 1) and rounded for storage. */
export function leafProbability(bad: number, weight: number, prior: number, m: number): number {
  let p = (bad + m * prior) / (weight + m);
  if (!(p > 0 && p < 1)) p = (bad + 0.5) / (weight + 1);
  const stored = roundStored(p);
  return stored > 0 && stored < 1 ? stored : p;
}

function treeLogOdds(tree: CompactTree, columns: readonly Float64Array[], rows: number): Float64Array {
  const sets = leftSetsOf(tree);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = logit(tree.value[leafOfEncodedRow(tree, sets, columns, r)]);
  return out;
}
