import { z } from 'zod';
import type { Dataset } from '../data/Dataset.js';
import { datasetToFeatureMatrix, kFoldSplit, subsetRows } from '../data/index.js';
import { InvalidInputError, InvalidOptionsError, fromZodError, withPathPrefix } from '../errors.js';
import { IsoMonth } from '../schema/primitives.js';
import type { Scorer } from '../types.js';
import type { BacktestReport } from './BacktestReport.js';
import { type BacktestOptions, resolveBacktestOptions } from './BacktestOptions.js';
import { backtest } from './backtest.js';
import type { BacktestModel } from './backtestFile.js';
import { backtestPredictions, modelMetrics } from './backtestPredictions.js';
import { type PreparedModel, prepareModels } from './_collector.js';
import { resolveSplit } from './_split.js';
import { toScorer } from './_toScorer.js';

/**
 * How {@link backtestWithTraining} separates training from testing rows:
 * - `stratified`: a seeded stratified random split (the rows `stratifiedSplit` puts in `test`);
 * - `oot`: out of time, train on rows dated before the `cutoff` month (vintages up to T), test on
 *   the rows from it on;
 * - `kfold`: k-fold cross-validation, stratified by class: each row is tested once, by models
 *   trained on the other folds.
 *
 * @category Backtest
 * @example
 * const split: BacktestTrainingSplit = { kind: 'kfold', k: 5, seed: 7 };
 */
export type BacktestTrainingSplit =
  | { kind: 'stratified'; testFraction: number; seed: number }
  | { kind: 'oot'; dateColumn?: string; cutoff: string }
  | { kind: 'kfold'; k: number; seed: number };

/**
 * The training step {@link backtestWithTraining} calls on each training part: returns the champion
 * (and any challengers, champion first) trained on `train`, as scorers or model artifacts. It must
 * return the same models (the same ids before the `@hash`) for every fold.
 *
 * @category Backtest
 * @example
 * const trainModels: TrainModels = (train) => [trainScorecard(train, { id: 'card' }), trainLogistic(train, { id: 'lr' })];
 */
export type TrainModels = (
  train: Dataset,
  context: { readonly fold: number; readonly folds: number },
) => BacktestModel | readonly BacktestModel[] | Promise<BacktestModel | readonly BacktestModel[]>;

/**
 * Options of {@link backtestWithTraining}: the split (required) and the report options.
 *
 * @category Backtest
 * @example
 * const options: BacktestWithTrainingOptions = { split: { kind: 'oot', cutoff: '2023-07' }, bootstrap: { resamples: 500 } };
 */
export interface BacktestWithTrainingOptions extends Omit<BacktestOptions, 'split'> {
  /** Training and test rows. */
  split: BacktestTrainingSplit;
  /** Date column for `oot` and the report's date range. @defaultValue the split's `dateColumn`, else the Dataset's `dateColumn` */
  dateColumn?: string;
  /** Describes the data in the report. @defaultValue 'in-memory data' */
  source?: string;
}

const KFoldSchema = z.strictObject({ kind: z.literal('kfold'), k: z.number().int().min(2).max(100), seed: z.number().int() });
const TrainingSplitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stratified'), testFraction: z.number().gt(0).lt(1), seed: z.number().int() }),
  z.strictObject({ kind: z.literal('oot'), dateColumn: z.string().min(1).optional(), cutoff: IsoMonth }),
  KFoldSchema,
]);

/**
 * Backtests the whole modelling step, not a fixed model: trains the champion (and challengers) with
 * `train` on the training rows of the split and evaluates them on rows they never saw. With
 * `stratified` or `oot`, `train` runs once and the report is {@link backtest}'s on the test rows
 * (stability measured against the training rows). With `kfold`, `train` runs k times; every row
 * gets the prediction of the models that did not see it, the report's metrics, curves, calibration
 * and DeLong tests pool those out-of-fold predictions, and `data.split.folds` holds each fold's
 * metrics (so their spread shows how much a model's quality depends on its training sample).
 * Deterministic when `train` is: the folds and bootstrap are seeded. Cost: k trainings plus
 * O(rows · models) scoring.
 *
 * @param train - trains the models on a training part ({@link TrainModels})
 * @param dataset - labelled rows (`target` required; `weights` and a date column used when present)
 * @param options - the split and report options ({@link BacktestWithTrainingOptions})
 * @returns the report; with `kfold`, model ids are the trained ids without their content hash plus `(k-fold)`
 * @throws {@link InvalidOptionsError} on an invalid split or options (issue paths under `split`)
 * @throws {@link InvalidInputError} when the dataset has no target, or `train` returns no model or different models across folds
 * @throws {@link InsufficientDataError} when a test part holds one class only
 * @category Backtest
 * @example
 * const report = await backtestWithTraining((train) => trainLogistic(train, { id: 'lr' }), dataset, { split: { kind: 'kfold', k: 5, seed: 7 } });
 * report.data.split.kind; //=> 'kfold'
 * report.modelId; //=> 'lr (5-fold)'
 */
export async function backtestWithTraining(train: TrainModels, dataset: Dataset, options: BacktestWithTrainingOptions): Promise<BacktestReport> {
  const where = 'backtestWithTraining';
  if (typeof train !== 'function') throw new InvalidInputError(`${where}: train must be a function`, [{ code: 'invalid_type', path: ['train'], message: 'expected a function' }]);
  const { split: rawSplit, dateColumn, source, ...reportOptions } = options ?? ({} as BacktestWithTrainingOptions);
  const parsed = TrainingSplitSchema.safeParse(rawSplit);
  if (!parsed.success) throw withPathPrefix(fromZodError(parsed.error, `${where}: options.split`, InvalidOptionsError), ['split']);
  const split = parsed.data;
  const target = dataset?.target;
  if (target === undefined) {
    throw new InvalidInputError(`${where}: the data has no target (1 = bad, 0 = good) to backtest against`, [{ code: 'missing_target', path: ['target'], message: 'labelled data required' }]);
  }
  const dateName = (split.kind === 'oot' ? split.dateColumn : undefined) ?? dateColumn ?? dataset.dateColumn;
  const dates = datesOf(dataset, dateName, split.kind === 'oot', where);

  if (split.kind !== 'kfold') {
    resolveBacktestOptions({ ...reportOptions, split }, where);
    const parts = resolveSplit(split, dataset.rows, target, dates, dateName ?? 'date', where);
    const scorers = await trainedScorers(train, subsetRows(dataset, parts.train as Int32Array), 0, 1, where);
    return backtest(scorers, dataset, { ...reportOptions, split, ...(dateName !== undefined ? { dateColumn: dateName } : {}), ...(source !== undefined ? { source } : {}) });
  }

  const resolved = resolveBacktestOptions({ ...reportOptions, split: 'none' }, where);
  const folds = kFoldSplit(dataset, { k: split.k, seed: split.seed, isStratified: true });
  const n = dataset.rows;
  let first: PreparedModel[] | undefined;
  let predictions: Float64Array[] = [];
  const foldReports: Extract<BacktestReport['data']['split'], { kind: 'kfold' }>['folds'] = [];
  for (let f = 0; f < folds.length; f++) {
    const models = prepareModels(await trainedScorers(train, subsetRows(dataset, folds[f].train), f, folds.length, where), where);
    if (first === undefined) {
      first = models;
      predictions = models.map(() => new Float64Array(n));
    } else if (models.length !== first.length || models.some((m, j) => baseId(m.id) !== baseId((first as PreparedModel[])[j].id))) {
      throw new InvalidInputError(`${where}: train returned different models for fold ${f + 1} (${models.map((m) => baseId(m.id)).join(', ')}) than for fold 1 (${first.map((m) => baseId(m.id)).join(', ')})`, [
        { code: 'inconsistent_models', path: ['train', f], message: 'every fold must return the same models in the same order' },
      ]);
    }
    const testRows = folds[f].test;
    const test = subsetRows(dataset, testRows);
    const testLabels = test.target as Uint8Array;
    foldReports.push({
      trainRows: folds[f].train.length,
      testRows: testRows.length,
      models: models.map((m, j) => {
        const pd = m.scorer.predict(datasetToFeatureMatrix(test, m.specs));
        for (let i = 0; i < testRows.length; i++) predictions[j][testRows[i]] = pd[i];
        return { modelId: m.id, metrics: modelMetrics(pd, testLabels, test.weights, m.scaling) };
      }),
    });
  }
  const models = first as PreparedModel[];
  const ids = models.map((m) => `${baseId(m.id)} (${split.k}-fold)`);
  if (new Set(ids).size !== ids.length) {
    throw new InvalidInputError(`${where}: the models' ids must differ before their @hash (${ids.join(', ')})`, [{ code: 'duplicate_model', path: ['train'], message: 'model ids must be distinct' }]);
  }
  const report = backtestPredictions(
    {
      models: models.map((m, j) => ({ id: ids[j], kind: m.kind, featureCount: m.specs.length, scaling: m.scaling, predictions: predictions[j] })),
      labels: target,
      weights: dataset.weights,
      dates,
      dateColumn: dateName,
      source: source ?? 'in-memory data',
      notes: [`k-fold cross-validation: every row is scored by the models trained on the other ${split.k - 1} folds; the metrics pool these out-of-fold predictions`],
    },
    { ...reportOptions, split: 'none', bootstrap: resolved.bootstrap },
  );
  return { ...report, data: { ...report.data, split: { kind: 'kfold', k: split.k, seed: split.seed, folds: foldReports } } };
}

async function trainedScorers(train: TrainModels, part: Dataset, fold: number, folds: number, where: string): Promise<Scorer[]> {
  const result = await train(part, { fold, folds });
  const list = Array.isArray(result) ? (result as readonly BacktestModel[]) : [result as BacktestModel];
  if (list.length === 0) throw new InvalidInputError(`${where}: train returned no model`, [{ code: 'too_small', path: ['train'], message: 'return at least one model' }]);
  return list.map((m) => toScorer(m));
}

/** The model id without its `@hash` suffix. */
function baseId(id: string): string {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : id;
}

/** Day numbers of the date column, when there is one (required for an out-of-time split). */
function datesOf(dataset: Dataset, name: string | undefined, isRequired: boolean, where: string): Float64Array | undefined {
  const column = name === undefined ? undefined : dataset.columns.find((c) => c.name === name);
  if (column !== undefined && column.type !== 'categorical') return column.values;
  if (!isRequired) return undefined;
  throw new InvalidOptionsError(`${where}: an out-of-time split needs a date column${name === undefined ? ' (the data names none)' : ` (no date column ${name})`}`, [
    { code: 'missing_date_column', path: ['split', 'dateColumn'], message: 'a date column of day numbers is required' },
  ]);
}
