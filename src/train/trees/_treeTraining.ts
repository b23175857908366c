/**
 * What the three tree trainers share (private): common options, reading the dataset into encoded
 * columns, class and sample weights, the validation rows, and the artifact envelope.
 */
import { z } from 'zod';
import type { Dataset } from '../../data/Dataset.js';
import { stratifiedSplit } from '../../data/stratifiedSplit.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError, fromZodError } from '../../errors.js';
import { ARTIFACT_SCHEMA_VERSION, FeatureSpecSchema, type Calibration, type FeatureSpec } from '../../schema/artifactCommon.js';
import { DEFAULT_SCALING, ScoreScalingSchema, type ScoreScaling } from '../../scaling/scaling.js';
import { featureSpecsFromDataset } from './_featureSpecs.js';
import { trainingColumns, type TrainingColumns } from './trainingColumns.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const positive = z.number().refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a finite number > 0' });
const count = (min: number) => z.number().int().min(min);

/**
 * Options every tree trainer accepts (the `TrainTreeOptions`, `TrainForestOptions` and
 * `TrainGradientBoostingOptions` interfaces document each field).
 */
export const TreeTrainingCommonShape = {
  id: z.string().min(1).max(200).optional(),
  description: z.string().optional(),
  seed: finite.optional(),
  scaling: ScoreScalingSchema.optional(),
  allowProtected: z.boolean().optional(),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  features: z.array(FeatureSpecSchema).min(1).optional(),
  maxBins: z.number().int().min(2).max(255).optional(),
  classWeight: z.union([z.literal('balanced'), z.strictObject({ good: positive, bad: positive })]).optional(),
  validation: z.custom<Dataset>((v) => typeof v === 'object' && v !== null && 'columns' in v && 'rows' in v, { message: 'expected a Dataset' }).optional(),
  validationFraction: z.number().gt(0).lt(1).optional(),
  calibration: z.enum(['platt', 'isotonic']).optional(),
  target: z.strictObject({ name: z.string(), horizonMonths: z.number().int().positive().optional(), bad: z.string().optional() }).optional(),
  inquiryReasonCode: z.string().optional(),
};

export { count, positive, finite };

/** The parsed common options. */
export type TreeTrainingCommon = z.infer<z.ZodObject<typeof TreeTrainingCommonShape>>;

/** Parses options with a strict schema, turning zod issues into {@link InvalidOptionsError}. */
export function parseOptions<T>(schema: z.ZodType<T>, options: unknown, where: string): T {
  const r = schema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return r.data;
}

/** Rows of one side of the training data. */
export interface RowSet {
  readonly columns: TrainingColumns;
  /** 1 = bad. */
  readonly y: Uint8Array;
  /** Sample weight × class weight. */
  readonly w: Float64Array;
  /** Sample weight only (the population weight used for covers and metrics). */
  readonly sampleWeight: Float64Array;
}

/** Everything a tree trainer needs from the dataset. */
export interface PreparedTraining {
  readonly specs: FeatureSpec[];
  readonly train: RowSet;
  readonly validation: RowSet | null;
  readonly classWeight: { good: number; bad: number };
  readonly seed: number;
}

/**
 * Reads specs and columns, checks the target, applies class weights and sets validation rows aside
 * (a given `validation` dataset, or a seeded stratified `validationFraction` of the training rows).
 */
export function prepareTreeTraining(dataset: Dataset, o: TreeTrainingCommon, where: string, needsValidation: boolean): PreparedTraining {
  if (dataset.target === undefined) {
    throw new InvalidInputError(`${where}: the dataset has no target`, [{ code: 'missing_target', path: ['target'], message: 'training needs a target column (1 = bad, 0 = good)' }]);
  }
  if (o.validation !== undefined && o.validationFraction !== undefined) {
    throw new InvalidOptionsError(`${where}: give either validation or validationFraction, not both`, [
      { code: 'conflicting_options', path: ['validationFraction'], message: 'conflicts with validation' },
    ]);
  }
  if (needsValidation && o.validation === undefined && o.validationFraction === undefined) {
    throw new InvalidOptionsError(`${where}: calibration and early stopping need validation rows (validation or validationFraction)`, [
      { code: 'missing_validation', path: ['validationFraction'], message: 'required by calibration / earlyStoppingRounds' },
    ]);
  }
  const specs = o.features ?? featureSpecsFromDataset(dataset, { include: o.include, exclude: o.exclude, allowProtected: o.allowProtected });
  if (specs.length === 0) throw new InsufficientDataError(`${where}: no feature columns to train on`);
  if (o.features !== undefined && o.allowProtected !== true) {
    const prot = specs.filter((s) => s.isProtected).map((s) => s.name);
    if (prot.length > 0) {
      throw new InvalidOptionsError(`${where}: protected features need allowProtected: ${prot.join(', ')}`, prot.map((name) => ({ code: 'protected_feature', path: ['features', name], message: 'protected attribute used without allowProtected' })));
    }
  }
  const seed = o.seed ?? 1;
  const all = readRows(dataset, specs, where);
  let train = all;
  let validation: RowSet | null = null;
  if (o.validation !== undefined) {
    validation = readRows(o.validation, specs, `${where} (validation)`);
  } else if (o.validationFraction !== undefined) {
    const split = stratifiedSplit(dataset, { testFraction: o.validationFraction, seed });
    train = subsetRows(all, split.train);
    validation = subsetRows(all, split.test);
  }
  const classWeight = resolveClassWeight(o.classWeight, train);
  applyClassWeight(train, classWeight);
  if (validation !== null) applyClassWeight(validation, classWeight);
  requireBothClasses(train, where);
  return { specs, train, validation, classWeight, seed };
}

function readRows(dataset: Dataset, specs: readonly FeatureSpec[], where: string): RowSet {
  if (dataset.target === undefined) {
    throw new InvalidInputError(`${where}: the dataset has no target`, [{ code: 'missing_target', path: ['target'], message: 'needs a target column' }]);
  }
  const columns = trainingColumns(dataset, specs, where);
  const n = dataset.rows;
  const sampleWeight = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const v = dataset.weights === undefined ? 1 : dataset.weights[r];
    if (!(v >= 0 && Number.isFinite(v))) {
      throw new InvalidInputError(`${where}: weights must be finite and >= 0`, [{ code: 'invalid_weight', path: ['weights', r], message: 'must be finite and >= 0' }]);
    }
    sampleWeight[r] = v;
  }
  return { columns, y: dataset.target, w: new Float64Array(sampleWeight), sampleWeight };
}

function subsetRows(rows: RowSet, idx: Int32Array): RowSet {
  const pick = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const out = make(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = a[idx[i]];
    return out;
  };
  const columns = rows.columns.columns.map((c) => pick(c, (n) => new Float64Array(n)));
  return {
    columns: { ...rows.columns, rows: idx.length, columns },
    y: pick(rows.y, (n) => new Uint8Array(n)),
    w: pick(rows.w, (n) => new Float64Array(n)),
    sampleWeight: pick(rows.sampleWeight, (n) => new Float64Array(n)),
  };
}

function resolveClassWeight(cw: TreeTrainingCommon['classWeight'], rows: RowSet): { good: number; bad: number } {
  if (cw === undefined) return { good: 1, bad: 1 };
  if (cw !== 'balanced') return cw;
  let wb = 0;
  let wt = 0;
  for (let r = 0; r < rows.y.length; r++) {
    wt += rows.w[r];
    if (rows.y[r] === 1) wb += rows.w[r];
  }
  if (wb <= 0 || wb >= wt) return { good: 1, bad: 1 };
  // scikit-learn's 'balanced': n / (2 · n_class)
  return { good: wt / (2 * (wt - wb)), bad: wt / (2 * wb) };
}

function applyClassWeight(rows: RowSet, cw: { good: number; bad: number }): void {
  if (cw.good === 1 && cw.bad === 1) return;
  for (let r = 0; r < rows.y.length; r++) rows.w[r] *= rows.y[r] === 1 ? cw.bad : cw.good;
}

function requireBothClasses(rows: RowSet, where: string): void {
  let bad = 0;
  let good = 0;
  for (let r = 0; r < rows.y.length; r++) {
    if (rows.w[r] <= 0) continue;
    if (rows.y[r] === 1) bad++;
    else if (rows.y[r] === 0) good++;
    else throw new InvalidInputError(`${where}: target values must be 0 or 1`, [{ code: 'invalid_target', path: ['target', r], message: 'must be 0 (good) or 1 (bad)' }]);
  }
  if (bad === 0 || good === 0) {
    throw new InsufficientDataError(`${where}: the target has one class only (${bad} bad, ${good} good rows with positive weight)`, [
      { code: 'one_class', path: ['target'], message: 'needs both bad and good rows' },
    ]);
  }
}

/** The artifact envelope fields shared by the tree families. */
export function envelope(
  o: TreeTrainingCommon,
  specs: FeatureSpec[],
  defaultId: string,
  calibration: Calibration | undefined,
  training: Record<string, z.core.util.JSONType>,
): {
  format: 'credit-scoring/model';
  schemaVersion: typeof ARTIFACT_SCHEMA_VERSION;
  id: string;
  description?: string;
  features: FeatureSpec[];
  scaling: ScoreScaling;
  calibration?: Calibration;
  target?: { name: string; horizonMonths?: number; bad?: string };
  inquiryReasonCode?: string;
  training: Record<string, z.core.util.JSONType>;
} {
  return {
    format: 'credit-scoring/model',
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    id: o.id ?? defaultId,
    ...(o.description !== undefined ? { description: o.description } : {}),
    features: specs.map((s) => ({ ...s, ...(s.categories !== undefined ? { categories: [...s.categories] } : {}) })),
    scaling: o.scaling ?? { ...DEFAULT_SCALING },
    ...(calibration !== undefined ? { calibration } : {}),
    ...(o.target !== undefined ? { target: o.target } : {}),
    ...(o.inquiryReasonCode !== undefined ? { inquiryReasonCode: o.inquiryReasonCode } : {}),
    training,
  };
}

/** The common options as they go into the artifact's training record (no datasets). */
export function commonOptionsRecord(o: TreeTrainingCommon): Record<string, z.core.util.JSONType> {
  const out: Record<string, z.core.util.JSONType> = {};
  if (o.include !== undefined) out.include = o.include;
  if (o.exclude !== undefined) out.exclude = o.exclude;
  if (o.maxBins !== undefined) out.maxBins = o.maxBins;
  if (o.classWeight !== undefined) out.classWeight = o.classWeight;
  if (o.validationFraction !== undefined) out.validationFraction = o.validationFraction;
  if (o.validation !== undefined) out.validation = 'given';
  if (o.calibration !== undefined) out.calibration = o.calibration;
  return out;
}

/** Weighted bad rate. */
export function badRate(rows: RowSet): number {
  let wb = 0;
  let wt = 0;
  for (let r = 0; r < rows.y.length; r++) {
    wt += rows.w[r];
    if (rows.y[r] === 1) wb += rows.w[r];
  }
  return wb / wt;
}

/** log(p / (1 − p)). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
