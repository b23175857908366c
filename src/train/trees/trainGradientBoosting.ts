import { z } from 'zod';
import { createRandom, type Random } from '../../_lib/random.js';
import type { Dataset } from '../../data/Dataset.js';
import { InvalidOptionsError } from '../../errors.js';
import type { FeatureSpec } from '../../schema/artifactCommon.js';
import { GradientBoostingArtifactSchema, type CompactTree, type GradientBoostingArtifact } from '../../schema/artifacts/trees.js';
import type { ScoreScaling } from '../../scaling/scaling.js';
import { binFeatures } from './binFeatures.js';
import { fitCalibration } from './fitCalibration.js';
import { createGrowBuffers, growTree, leafOfBinnedRow, type GrowTreeParams } from './growTree.js';
import { toCompactTree, leafOfEncodedRow, leftSetsOf, roundStored } from './toCompactTree.js';
import {
  TreeTrainingCommonShape, badRate, commonOptionsRecord, count, envelope, finite, logit, parseOptions, positive, prepareTreeTraining,
  type RowSet,
} from './_treeTraining.js';

/**
 * Options of {@link trainGradientBoosting}.
 *
 * @category Training
 * @example
 * const o: TrainGradientBoostingOptions = { trees: 300, learningRate: 0.05, maxDepth: 4, rowSubsample: 0.8, columnSubsample: 0.8, monotone: 'catalogue', seed: 7 };
 */
export interface TrainGradientBoostingOptions {
  /** Artifact id. @defaultValue 'gbm' */
  id?: string;
  /** Artifact description. */
  description?: string;
  /** Seed of every random choice (row and column subsampling, the validation split). @defaultValue 1 */
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
  /** Validation rows (early stopping, calibration). */
  validation?: Dataset;
  /** Fraction of the training rows set aside (seeded, stratified) as validation rows. */
  validationFraction?: number;
  /** Fit a probability calibration on the validation rows. @defaultValue none */
  calibration?: 'platt' | 'isotonic';
  /** Outcome definition written to the artifact. */
  target?: { name: string; horizonMonths?: number; bad?: string };
  /** Reason code cited as an extra reason whenever it is a factor. */
  inquiryReasonCode?: string;
  /** Boosting rounds (trees) at most. @defaultValue 300 */
  trees?: number;
  /** Shrinkage applied to every tree's leaf values. @defaultValue 0.05 */
  learningRate?: number;
  /** Maximum depth of a tree. @defaultValue 4 */
  maxDepth?: number;
  /** Maximum leaves of a tree (best-first growth); `null` = only `maxDepth` limits. @defaultValue null */
  maxLeaves?: number | null;
  /** Minimum rows in a leaf. @defaultValue 20 */
  minSamplesLeaf?: number;
  /** Minimum sum of hessians `w·p·(1 − p)` in a leaf (XGBoost `min_child_weight`). @defaultValue 0.001 */
  minChildWeight?: number;
  /** L2 regularisation λ of leaf weights `−G/(H + λ)`. @defaultValue 1 */
  lambda?: number;
  /** Minimum gain γ of a split. @defaultValue 0 */
  minGain?: number;
  /** Fraction of rows drawn (without replacement, per tree). @defaultValue 0.8 */
  rowSubsample?: number;
  /** Fraction of features drawn per tree. @defaultValue 0.8 */
  columnSubsample?: number;
  /** Smoothing of the categorical split order G/(H + catSmooth). @defaultValue 10 */
  catSmooth?: number;
  /**
   * Monotone constraints on numeric features: risk (log-odds of default) non-decreasing
   * (`'increasing'`) or non-increasing (`'decreasing'`) in the feature. `'catalogue'` takes each
   * feature's `riskDirection`. Enforced exactly (XGBoost-style bounds). @defaultValue none
   */
  monotone?: 'catalogue' | Record<string, 'increasing' | 'decreasing' | 'none'>;
  /** Stop when the validation log-loss has not improved for this many rounds (needs validation rows); 0 = off. @defaultValue 0 */
  earlyStoppingRounds?: number;
}

const OptionsSchema = z.strictObject({
  ...TreeTrainingCommonShape,
  trees: count(1).max(100_000).optional(),
  learningRate: positive.optional(),
  maxDepth: count(1).max(64).optional(),
  maxLeaves: count(2).nullable().optional(),
  minSamplesLeaf: count(1).optional(),
  minChildWeight: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  lambda: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  minGain: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  rowSubsample: z.number().gt(0).max(1).optional(),
  columnSubsample: z.number().gt(0).max(1).optional(),
  catSmooth: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).optional(),
  monotone: z.union([z.literal('catalogue'), z.record(z.string(), z.enum(['increasing', 'decreasing', 'none']))]).optional(),
  earlyStoppingRounds: count(0).optional(),
});

/**
 * Trains gradient-boosted decision trees for binary log-loss (the bad = 1 log-odds), histogram
 * based: features pre-binned into at most 255 quantile bins plus a missing slot; each tree grown
 * best-first on gradient/hessian histograms with histogram subtraction; missing values routed by
 * a learned default direction; categorical features split into two category sets (no label
 * order); shrinkage, row and column subsampling, L2 leaf regularisation, minimum child weight,
 * exact monotone constraints, and early stopping on validation rows. Deterministic: the same data,
 * options and seed give a byte-identical artifact.
 *
 * Cost: O(trees · (n · p · depth_eff + leaves · p · bins)), where histogram subtraction halves the
 * rows scanned below the root.
 *
 * @param dataset - training rows with a target (1 = bad)
 * @param options - see {@link TrainGradientBoostingOptions}
 * @returns a `gbm` artifact (score it with `loadModel`)
 * @throws {@link InvalidOptionsError} on invalid options (path names the option)
 * @throws {@link InvalidInputError} when the dataset lacks the target or a feature column
 * @throws {@link InsufficientDataError} when the target has one class only
 * @category Training
 * @example
 * const artifact = trainGradientBoosting(dataset, { trees: 200, maxDepth: 4, monotone: { duration_in_month: 'increasing' }, seed: 1 });
 * artifact.model.trees.length; //=> 200
 * Array.from(loadModel(artifact).predict(matrix).subarray(0, 2)); //=> [0.3750, 0.1066]
 */
export function trainGradientBoosting(dataset: Dataset, options: TrainGradientBoostingOptions = {}): GradientBoostingArtifact {
  const where = 'trainGradientBoosting';
  const o = parseOptions(OptionsSchema, options, where);
  const earlyStoppingRounds = o.earlyStoppingRounds ?? 0;
  const prep = prepareTreeTraining(dataset, o, where, o.calibration !== undefined || earlyStoppingRounds > 0);
  const { specs, train, validation } = prep;
  const monotone = monotoneDirections(specs, o.monotone, where);
  const nTrees = o.trees ?? 300;
  const learningRate = o.learningRate ?? 0.05;
  const lambda = o.lambda ?? 1;
  const rowSubsample = o.rowSubsample ?? 0.8;
  const columnSubsample = o.columnSubsample ?? 0.8;
  const maxLeaves = o.maxLeaves === undefined || o.maxLeaves === null ? Number.POSITIVE_INFINITY : o.maxLeaves;
  const binned = binFeatures(train.columns, { maxBins: o.maxBins });
  const n = train.columns.rows;
  const p = specs.length;
  const rng = createRandom(prep.seed);
  const base = roundStored(logit(badRate(train)));
  const raw = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const buffers = createGrowBuffers(n, p);
  buffers.sameRows = rowSubsample >= 1;
  const inSample = new Uint8Array(n);
  let fixedRows: Int32Array | null = null;
  // covers are row counts when every sample weight is 1 (the same numbers as summing the weights)
  const coverWeight = train.sampleWeight.every((v) => v === 1) ? null : train.sampleWeight;
  const allFeatures = Int32Array.from({ length: p }, (_, j) => j);
  const params: GrowTreeParams = {
    criterion: 'gradient',
    maxDepth: o.maxDepth ?? 4,
    maxLeaves,
    minSamplesLeaf: o.minSamplesLeaf ?? 20,
    minChildWeight: o.minChildWeight ?? 1e-3,
    lambda,
    minGain: o.minGain ?? 0,
    totalWeight: 1,
    activeFeatures: allFeatures,
    featuresPerSplit: p,
    monotone: monotone.some((d) => d !== 0) ? monotone : null,
    catSmooth: o.catSmooth ?? 10,
    rng: null,
  };
  const trees: CompactTree[] = [];
  const validRaw = validation === null ? null : new Float64Array(validation.columns.rows).fill(base);
  const validLoss: number[] = [];
  let bestLoss = validation === null ? 0 : logLoss(validRaw as Float64Array, validation);
  let bestCount = 0;
  const { w, y } = train;
  for (let m = 0; m < nTrees; m++) {
    for (let r = 0; r < n; r++) {
      const pr = sigmoid(raw[r]);
      g[r] = w[r] * (pr - y[r]);
      const hr = w[r] * pr * (1 - pr);
      h[r] = hr > 1e-16 ? hr : 1e-16;
    }
    // rows of this tree
    let rowsIn = 0;
    const rows = buffers.rows;
    if (rowSubsample < 1) {
      for (let r = 0; r < n; r++) {
        const take = rng.next() < rowSubsample && w[r] > 0;
        inSample[r] = take ? 1 : 0;
        if (take) rows[rowsIn++] = r;
      }
    } else {
      // every row with a positive weight, the same each round (growTree reorders `rows`)
      if (fixedRows === null) {
        for (let r = 0; r < n; r++) {
          if (w[r] > 0) rows[rowsIn++] = r;
          inSample[r] = w[r] > 0 ? 1 : 0;
        }
        fixedRows = rows.slice(0, rowsIn);
      } else {
        rows.set(fixedRows);
        rowsIn = fixedRows.length;
      }
    }
    params.activeFeatures = columnSubsample < 1 ? sampleColumns(p, columnSubsample, rng) : allFeatures;
    const tree = growTree(binned, g, h, rowsIn, buffers, params);
    const leafValues = new Float64Array(tree.nodeCount);
    for (let i = 0; i < tree.nodeCount; i++) {
      if (tree.feature[i] >= 0) continue;
      let v = -tree.sumG[i] / (tree.sumH[i] + lambda);
      v = v < tree.lower[i] ? tree.lower[i] : v > tree.upper[i] ? tree.upper[i] : v;
      leafValues[i] = roundStored(v * learningRate);
      for (let k = tree.start[i]; k < tree.end[i]; k++) raw[rows[k]] += leafValues[i];
    }
    if (rowsIn < n) {
      for (let r = 0; r < n; r++) if (inSample[r] === 0) raw[r] += leafValues[leafOfBinnedRow(tree, binned, r)];
    }
    const compact = toCompactTree(tree, binned, rows, (i) => leafValues[i], coverWeight);
    trees.push(compact);
    if (validation !== null && validRaw !== null) {
      const sets = leftSetsOf(compact);
      const cols = validation.columns.columns;
      for (let r = 0; r < validRaw.length; r++) validRaw[r] += compact.value[leafOfEncodedRow(compact, sets, cols, r)];
      const loss = logLoss(validRaw, validation);
      validLoss.push(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestCount = m + 1;
      } else if (earlyStoppingRounds > 0 && m + 1 - bestCount >= earlyStoppingRounds) break;
    }
  }
  const kept = earlyStoppingRounds > 0 ? trees.slice(0, bestCount) : trees;
  let calibration;
  if (o.calibration !== undefined && validation !== null) {
    const z = validationLogOdds(kept, base, validation);
    calibration = fitCalibration(z, validation.y, o.calibration, { weights: validation.sampleWeight });
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
      learningRate,
      maxDepth: params.maxDepth,
      maxLeaves: Number.isFinite(maxLeaves) ? maxLeaves : null,
      minSamplesLeaf: params.minSamplesLeaf,
      minChildWeight: params.minChildWeight,
      lambda,
      minGain: params.minGain,
      rowSubsample,
      columnSubsample,
      catSmooth: params.catSmooth,
      earlyStoppingRounds,
    },
    monotone: Object.fromEntries(specs.flatMap((s, j) => (monotone[j] === 0 ? [] : [[s.name, monotone[j] > 0 ? 'increasing' : 'decreasing']]))),
    treesTrained: trees.length,
    treesKept: kept.length,
    ...(validation !== null
      ? { validation: { rows: validation.columns.rows, bestIteration: bestCount, bestLogLoss: roundStored(bestLoss), logLoss: validLoss.map((v) => Number(v.toPrecision(6))) } }
      : {}),
  };
  // parsing puts every key in schema order (save → load → save is byte-identical) and checks the result
  return GradientBoostingArtifactSchema.parse({
    ...envelope(o, specs, 'gbm', calibration, training),
    kind: 'gbm',
    model: { baseLogOdds: base, trees: kept },
  });
}

/** Per-feature monotone direction (+1 increasing risk, −1 decreasing, 0 none). */
export function monotoneDirections(specs: readonly FeatureSpec[], option: 'catalogue' | Record<string, 'increasing' | 'decreasing' | 'none'> | undefined, where: string): Int8Array {
  const out = new Int8Array(specs.length);
  if (option === undefined) return out;
  if (option !== 'catalogue') {
    const names = new Set(specs.map((s) => s.name));
    const unknown = Object.keys(option).filter((k) => !names.has(k));
    if (unknown.length > 0) {
      throw new InvalidOptionsError(`${where}: monotone names features the model does not use: ${unknown.join(', ')}`, unknown.map((k) => ({ code: 'unknown_feature', path: ['monotone', k], message: 'not a feature of the model' })));
    }
  }
  specs.forEach((s, j) => {
    const d = option === 'catalogue' ? s.riskDirection : (option[s.name] ?? 'none');
    if (d === 'none') return;
    if (s.type === 'categorical') {
      if (option !== 'catalogue') {
        throw new InvalidOptionsError(`${where}: a monotone constraint needs a numeric feature: ${s.name}`, [{ code: 'invalid_value', path: ['monotone', s.name], message: 'categorical features have no order' }]);
      }
      return;
    }
    out[j] = d === 'increasing' ? 1 : -1;
  });
  return out;
}

function sampleColumns(p: number, fraction: number, rng: Random): Int32Array {
  const k = Math.max(1, Math.round(p * fraction));
  const idx = Array.from({ length: p }, (_, j) => j);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(p - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return Int32Array.from(idx.slice(0, k)).sort();
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function logLoss(raw: Float64Array, rows: RowSet): number {
  let s = 0;
  let wt = 0;
  for (let r = 0; r < raw.length; r++) {
    const z = raw[r];
    const wr = rows.sampleWeight[r];
    // log(1 + e^z) − y·z
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    s += wr * (softplus - rows.y[r] * z);
    wt += wr;
  }
  return s / wt;
}

function validationLogOdds(trees: readonly CompactTree[], base: number, rows: RowSet): Float64Array {
  const out = new Float64Array(rows.columns.rows).fill(base);
  for (const t of trees) {
    const sets = leftSetsOf(t);
    for (let r = 0; r < out.length; r++) out[r] += t.value[leafOfEncodedRow(t, sets, rows.columns.columns, r)];
  }
  return out;
}
