import { InsufficientDataError, InvalidInputError, InvalidOptionsError, fromZodError, type Issue } from '../errors.js';
import type { Dataset } from '../data/Dataset.js';
import { DEFAULT_SCALING } from '../scaling/scaling.js';
import { ARTIFACT_SCHEMA_VERSION } from '../schema/artifactCommon.js';
import { LogisticArtifactSchema, type LogisticArtifact } from '../schema/artifacts/logistic.js';
import { buildLogisticDesign, logisticTermOf } from './_logisticDesign.js';
import { featureSpecsFromDataset } from './featureSpecsFromDataset.js';
import { fitLogisticRegression } from './fitLogisticRegression.js';
import { TrainLogisticOptionsSchema, type TrainLogisticOptions } from './TrainLogisticOptions.js';

const WHERE = 'trainLogistic';

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
 * //=> 'R_CREDIT_AMOUNT'
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
  const { matrix, plans, dropped } = buildLogisticDesign(dataset, specs, { l2, lowPercentile, highPercentile, minCategoryCount });
  if (plans.length === 0) {
    throw new InsufficientDataError(`${WHERE}: every candidate feature is constant or empty in training (${dropped.map((d) => d.feature).join(', ')})`, [
      { code: 'no_usable_feature', path: ['columns'], message: 'every candidate feature is constant or empty' },
    ]);
  }
  const p = matrix.names.length;

  // Fit, then turn coefficients into terms.
  const fit = fitLogisticRegression(matrix, target, { l2, weights, maxIterations, tolerance });

  const terms = plans.map((plan) => logisticTermOf(plan, fit.coefficients));
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

