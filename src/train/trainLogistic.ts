import { InsufficientDataError, InvalidInputError, InvalidOptionsError, fromZodError, type Issue } from '../errors.js';
import type { CategoricalColumn, Column, Dataset, NumericColumn } from '../data/Dataset.js';
import { DEFAULT_SCALING } from '../scaling/scaling.js';
import { ARTIFACT_SCHEMA_VERSION, type FeatureSpec } from '../schema/artifactCommon.js';
import { LogisticArtifactSchema, type LogisticArtifact, type LogisticTerm } from '../schema/artifacts/logistic.js';
import { featureSpecsFromDataset } from './featureSpecsFromDataset.js';
import { fitLogisticRegression } from './fitLogisticRegression.js';
import { TrainLogisticOptionsSchema, type TrainLogisticOptions } from './TrainLogisticOptions.js';

const WHERE = 'trainLogistic';

/** How one feature maps to columns of the design matrix (filled before the fit, read after). */
type TermPlan =
  | {
      type: 'numeric';
      spec: FeatureSpec;
      column: NumericColumn;
      lower: number;
      upper: number;
      center: number;
      scale: number;
      /** Design column of the standardised value, -1 when the present values are constant. */
      valueIndex: number;
      /** Design column of the missing indicator, -1 when training had no missing value. */
      missingIndex: number;
    }
  | {
      type: 'categorical';
      spec: FeatureSpec;
      column: CategoricalColumn;
      /** Per category of the dictionary: its level id (own level, or the pooled level for rare categories; -1 = none). */
      levelOfCategory: Int32Array;
      /** Per level: design column, or -1 for the reference level (l2 = 0) — coefficient 0. */
      levelIndex: number[];
      /** Level id of the pooled rare categories, -1 when there is none. */
      pooledLevel: number;
      /** Level id of "missing", -1 when training had no missing value. */
      missingLevel: number;
    };

/**
 * Trains a regularised logistic-regression scorer on a dataset and returns its artifact.
 *
 * Design matrix, one block per feature ({@link featureSpecsFromDataset} picks the features):
 * - numeric: values clipped to the training percentiles `clipPercentiles` (default 0.5 and 99.5,
 *   linear interpolation between order statistics, of the non-missing values), then standardised
 *   with the mean and population standard deviation of the clipped values; a missing value is 0 in
 *   that column (the mean) and 1 in a missing-indicator column, so missing gets its own learned
 *   coefficient (`missingCoefficient`) — never a silent zero. When training saw no missing value
 *   the term's `missingCoefficient` is set to its riskiest contribution over the training range, so
 *   withholding a value can never improve a score. Constant columns are dropped (recorded in
 *   `training.dropped`); when only the present values are constant, the term keeps its missing
 *   coefficient.
 * - categorical: one-hot over the categories seen in at least `minCategoryCount` rows (default 10),
 *   one pooled "other" level for the rarer ones (which also scores categories unseen in training),
 *   and a "missing" level when training had missing values. Without a pooled level, unseen
 *   categories get the riskiest learned level; without a missing level, missing does too. With
 *   `l2 > 0` every level has a coefficient (the penalty makes them identifiable, no arbitrary
 *   baseline); with `l2 = 0` the most frequent level is the reference (coefficient 0).
 * Then {@link fitLogisticRegression} (Newton, L2 `l2` on every coefficient, default 1 as
 * scikit-learn's `C = 1`, intercept unpenalised, sample weights from the dataset).
 *
 * Each term records `bestContribution`, the lowest-risk contribution it can make over the training
 * range and levels (missing included): the reference from which reason codes measure each
 * feature's cost. `training` records rows, weights, bad count and rate, the resolved options,
 * iterations, the objective and dropped features; no timestamp, so the same data and options give
 * a byte-identical artifact (`JSON.stringify`), with keys in schema order.
 * O(n·log n·features) to prepare, plus the fit's O(n·p²) per Newton iteration (p = design columns).
 *
 * @param dataset - training data with a binary `target` (1 = bad) and optional `weights`
 * @param options - see {@link TrainLogisticOptions}
 * @returns a validated {@link LogisticArtifact}, ready for `loadModel`
 * @throws {@link InvalidOptionsError} for invalid options or feature choices (unknown or protected columns)
 * @throws {@link InvalidInputError} when the dataset has no target, or a column or target has the wrong length or values
 * @throws {@link InsufficientDataError} when the target has one class, or every feature is constant
 * @throws {@link ConvergenceError} when the fit does not converge (only possible with `l2 = 0`)
 * @category Training
 * @example
 * const artifact = trainLogistic(dataset, { id: 'german-logistic' });
 * loadModel(artifact).score({ duration_in_month: 48, purpose: 'car (new)' }).reasonCodes[0].code;
 * //=> 'R_DURATION_IN_MONTH'
 */
export function trainLogistic(dataset: Dataset, options: TrainLogisticOptions = {}): LogisticArtifact {
  const parsed = TrainLogisticOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, WHERE, InvalidOptionsError);
  const l2 = options.l2 ?? 1;
  const [lowPercentile, highPercentile] = options.clipPercentiles ?? [0.5, 99.5];
  const minCategoryCount = options.minCategoryCount ?? 10;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;

  const { target, weights } = validateDataset(dataset);
  const n = dataset.rows;
  const specs = featureSpecsFromDataset(dataset, { include: options.include, exclude: options.exclude, allowProtected: options.allowProtected });
  const byName = new Map<string, Column>(dataset.columns.map((c) => [c.name, c]));

  // 1. Plan the design columns.
  const plans: TermPlan[] = [];
  const dropped: { feature: string; reason: string }[] = [];
  const designNames: string[] = [];
  for (const spec of specs) {
    const column = byName.get(spec.name) as Column;
    if (column.type === 'categorical') {
      const plan = planCategorical(spec, column, minCategoryCount, l2, designNames);
      if (plan === undefined) dropped.push({ feature: spec.name, reason: 'constant: a single category (and no missing value) in training' });
      else plans.push(plan);
    } else {
      const plan = planNumeric(spec, column, lowPercentile, highPercentile, designNames);
      if (typeof plan === 'string') dropped.push({ feature: spec.name, reason: plan });
      else plans.push(plan);
    }
  }
  if (plans.length === 0) {
    throw new InsufficientDataError(`${WHERE}: every candidate feature is constant or empty in training (${dropped.map((d) => d.feature).join(', ')})`, [
      { code: 'no_usable_feature', path: ['columns'], message: 'every candidate feature is constant or empty' },
    ]);
  }

  // 2. Fill the design matrix.
  const p = designNames.length;
  const values = new Float64Array(n * p);
  for (const plan of plans) fillDesign(plan, values, n, p);

  // 3. Fit.
  const fit = fitLogisticRegression({ names: designNames, rows: n, values }, target, { l2, weights, maxIterations, tolerance });

  // 4. Terms.
  const terms = plans.map((plan) => termOf(plan, fit.coefficients));
  let totalWeight = 0;
  let badWeight = 0;
  let bads = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    totalWeight += w;
    if (target[i] === 1) {
      badWeight += w;
      bads++;
    }
  }
  const training: NonNullable<LogisticArtifact['training']> = {
    algorithm: 'l2-logistic-regression (Newton/IRLS)',
    rows: n,
    bads,
    badRate: badWeight / totalWeight,
    ...(weights === undefined ? {} : { weightSum: totalWeight }),
    seed: options.seed ?? null,
    options: {
      l2,
      clipPercentiles: [lowPercentile, highPercentile],
      minCategoryCount,
      maxIterations,
      tolerance,
      allowProtected: options.allowProtected ?? false,
      include: options.include === undefined ? null : [...options.include],
      exclude: options.exclude === undefined ? null : [...options.exclude],
    },
    designColumns: p,
    iterations: fit.iterations,
    converged: fit.converged,
    objective: fit.objective,
    dropped,
  };
  const kept = new Set(plans.map((plan) => plan.spec.name));
  const artifact = {
    format: 'credit-scoring/model',
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    id: options.id ?? 'logistic',
    ...(options.description === undefined ? {} : { description: options.description }),
    features: specs.filter((s) => kept.has(s.name)),
    scaling: { ...(options.scaling ?? DEFAULT_SCALING) },
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.inquiryReasonCode === undefined ? {} : { inquiryReasonCode: options.inquiryReasonCode }),
    training,
    kind: 'logistic',
    model: { intercept: fit.intercept, terms },
  };
  // Parsing fixes the key order (schema order) and proves the artifact valid.
  return LogisticArtifactSchema.parse(artifact);
}

function validateDataset(dataset: Dataset): { target: Uint8Array; weights: Float64Array | undefined } {
  const issues: Issue[] = [];
  const n = dataset.rows;
  if (!Number.isInteger(n) || n < 0) issues.push({ code: 'invalid_rows', path: ['rows'], message: 'must be a non-negative integer' });
  if (dataset.target === undefined) issues.push({ code: 'missing_target', path: ['target'], message: 'training needs a target (1 = bad, 0 = good)' });
  else if (dataset.target.length !== n) issues.push({ code: 'length_mismatch', path: ['target'], message: `expected ${n} values, got ${dataset.target.length}` });
  if (dataset.weights !== undefined && dataset.weights.length !== n) issues.push({ code: 'length_mismatch', path: ['weights'], message: `expected ${n} values, got ${dataset.weights.length}` });
  for (const c of dataset.columns) {
    const length = c.type === 'categorical' ? c.codes.length : c.values.length;
    if (length !== n) issues.push({ code: 'length_mismatch', path: ['columns', c.name], message: `expected ${n} values, got ${length}` });
    if (c.type === 'categorical') {
      for (let i = 0; i < c.codes.length; i++) {
        if (c.codes[i] < -1 || c.codes[i] >= c.categories.length) {
          issues.push({ code: 'invalid_category_code', path: ['columns', c.name, i], message: `code must be -1 (missing) or an index into ${c.categories.length} categories` });
          break;
        }
      }
    } else {
      for (let i = 0; i < c.values.length; i++) {
        if (c.values[i] === Infinity || c.values[i] === -Infinity) {
          issues.push({ code: 'not_finite', path: ['columns', c.name, i], message: 'must be finite or NaN (missing)' });
          break;
        }
      }
    }
  }
  if (dataset.target !== undefined) {
    for (let i = 0; i < dataset.target.length; i++) {
      if (dataset.target[i] > 1) {
        issues.push({ code: 'invalid_target', path: ['target', i], message: 'must be 0 (good) or 1 (bad)' });
        break;
      }
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(`${WHERE}: ${issues.length} issue${issues.length === 1 ? '' : 's'} with the dataset (${issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`, issues);
  }
  return { target: dataset.target as Uint8Array, weights: dataset.weights };
}

/** Percentile (0..100) of sorted values by linear interpolation between order statistics (type 7, numpy's default). */
function percentile(sorted: Float64Array, q: number): number {
  const h = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function planNumeric(spec: FeatureSpec, column: NumericColumn, lowPercentile: number, highPercentile: number, designNames: string[]): TermPlan | string {
  const v = column.values;
  let present = 0;
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) present++;
  if (present === 0) return 'empty: every value is missing in training';
  const sorted = new Float64Array(present);
  for (let i = 0, k = 0; i < v.length; i++) if (!Number.isNaN(v[i])) sorted[k++] = v[i];
  sorted.sort();
  const lower = percentile(sorted, lowPercentile);
  const upper = percentile(sorted, highPercentile);
  let sum = 0;
  for (let k = 0; k < present; k++) sum += Math.min(upper, Math.max(lower, sorted[k]));
  const center = sum / present;
  let squares = 0;
  for (let k = 0; k < present; k++) squares += (Math.min(upper, Math.max(lower, sorted[k])) - center) ** 2;
  const sd = Math.sqrt(squares / present);
  const isConstant = !(sd > 1e-12 * Math.max(1, Math.abs(center)));
  const hasMissing = present < v.length;
  if (isConstant && !hasMissing) return 'constant: a single value (and no missing value) in training';
  let valueIndex = -1;
  let missingIndex = -1;
  if (!isConstant) {
    valueIndex = designNames.length;
    designNames.push(spec.name);
  }
  if (hasMissing) {
    missingIndex = designNames.length;
    designNames.push(`${spec.name}:missing`);
  }
  return { type: 'numeric', spec, column, lower, upper, center, scale: isConstant ? 1 : sd, valueIndex, missingIndex };
}

function planCategorical(spec: FeatureSpec, column: CategoricalColumn, minCategoryCount: number, l2: number, designNames: string[]): TermPlan | undefined {
  const k = column.categories.length;
  const counts = new Float64Array(k);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  // Levels: frequent categories in dictionary order, then the pooled rare ones, then missing.
  const levelOfCategory = new Int32Array(k).fill(-1);
  const levelCounts: number[] = [];
  const levelNames: string[] = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] >= minCategoryCount) {
      levelOfCategory[c] = levelCounts.length;
      levelCounts.push(counts[c]);
      levelNames.push(`${spec.name}=${column.categories[c]}`);
    }
  }
  let pooledCount = 0;
  for (let c = 0; c < k; c++) if (counts[c] < minCategoryCount) pooledCount += counts[c];
  let pooledLevel = -1;
  if (pooledCount > 0) {
    pooledLevel = levelCounts.length;
    for (let c = 0; c < k; c++) if (counts[c] < minCategoryCount) levelOfCategory[c] = pooledLevel;
    levelCounts.push(pooledCount);
    levelNames.push(`${spec.name}:other`);
  }
  let missingLevel = -1;
  if (missing > 0) {
    missingLevel = levelCounts.length;
    levelCounts.push(missing);
    levelNames.push(`${spec.name}:missing`);
  }
  if (levelCounts.length < 2) return undefined;
  // Unpenalised: the most frequent level (first on ties) is the reference, else full one-hot.
  let reference = -1;
  if (l2 === 0) {
    reference = 0;
    for (let l = 1; l < levelCounts.length; l++) if (levelCounts[l] > levelCounts[reference]) reference = l;
  }
  const levelIndex = levelNames.map((name, l) => {
    if (l === reference) return -1;
    designNames.push(name);
    return designNames.length - 1;
  });
  return { type: 'categorical', spec, column, levelOfCategory, levelIndex, pooledLevel, missingLevel };
}

function fillDesign(plan: TermPlan, values: Float64Array, n: number, p: number): void {
  if (plan.type === 'numeric') {
    const v = plan.column.values;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (Number.isNaN(x)) {
        if (plan.missingIndex >= 0) values[i * p + plan.missingIndex] = 1;
      } else if (plan.valueIndex >= 0) {
        values[i * p + plan.valueIndex] = (Math.min(plan.upper, Math.max(plan.lower, x)) - plan.center) / plan.scale;
      }
    }
  } else {
    const codes = plan.column.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const level = c < 0 ? plan.missingLevel : plan.levelOfCategory[c];
      const index = plan.levelIndex[level];
      if (index >= 0) values[i * p + index] = 1;
    }
  }
}

function termOf(plan: TermPlan, coefficients: Float64Array): LogisticTerm {
  if (plan.type === 'numeric') {
    const coefficient = plan.valueIndex >= 0 ? coefficients[plan.valueIndex] : 0;
    // Same expression as the scorer's, so a value at the best end has an impact of exactly 0.
    const atLower = (coefficient * (plan.lower - plan.center)) / plan.scale;
    const atUpper = (coefficient * (plan.upper - plan.center)) / plan.scale;
    const missingCoefficient = plan.missingIndex >= 0 ? coefficients[plan.missingIndex] : Math.max(atLower, atUpper);
    return {
      type: 'numeric',
      center: plan.center,
      scale: plan.scale,
      lower: plan.lower,
      upper: plan.upper,
      coefficient,
      missingCoefficient,
      bestContribution: Math.min(atLower, atUpper, missingCoefficient),
    };
  }
  const levelCoefficient = plan.levelIndex.map((index) => (index >= 0 ? coefficients[index] : 0));
  const riskiestLearned = Math.max(...levelCoefficient);
  const unseenCoefficient = plan.pooledLevel >= 0 ? levelCoefficient[plan.pooledLevel] : riskiestLearned;
  const missingCoefficient = plan.missingLevel >= 0 ? levelCoefficient[plan.missingLevel] : riskiestLearned;
  const categoryCoefficients = Array.from(plan.levelOfCategory, (level) => (level >= 0 ? levelCoefficient[level] : unseenCoefficient));
  return {
    type: 'categorical',
    coefficients: categoryCoefficients,
    missingCoefficient,
    unseenCoefficient,
    bestContribution: Math.min(...categoryCoefficients, missingCoefficient, unseenCoefficient),
  };
}
