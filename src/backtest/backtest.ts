import type { Dataset } from '../data/Dataset.js';
import type { Scorer } from '../types.js';
import type { BacktestReport } from './BacktestReport.js';
import { type BacktestOptions, resolveBacktestOptions } from './BacktestOptions.js';
import { backtestPredictions } from './backtestPredictions.js';
import { PredictionCollector, prepareModels } from './_collector.js';
import { checkBatchSize, feed, withReference } from './_feed.js';

/**
 * A raw applicant with its observed outcome, as in the fixtures' JSON Lines
 * (`{ "applicant": {...}, "outcome": { "defaulted": false } }`). The applicant is validated here.
 *
 * @category Backtest
 * @example
 * const row: LabelledApplicant = { applicant: rawApplicantJson, outcome: { defaulted: false } };
 */
export interface LabelledApplicant {
  readonly applicant: unknown;
  readonly outcome: { readonly defaulted: boolean };
}

/**
 * What {@link backtest} evaluates:
 * - a labelled {@link Dataset} (tabular data in memory; `target` required, `weights` and `dateColumn` used when present);
 * - `{ applicants }`: raw applicants with outcomes, sync or async iterable; features are extracted
 *   per applicant at its own `asOf` (the date of each row);
 * - `{ batches }`: a stream of labelled Dataset batches (sync or async iterable), for data larger
 *   than memory: each batch is scored and dropped.
 *
 * @category Backtest
 * @example
 * const data: BacktestData = { applicants: [{ applicant, outcome: { defaulted: true } }] };
 */
export type BacktestData =
  | Dataset
  | { readonly applicants: Iterable<LabelledApplicant> | AsyncIterable<LabelledApplicant> }
  | { readonly batches: Iterable<Dataset> | AsyncIterable<Dataset> };

/**
 * Options of {@link backtest}: the report options plus where the rows come from.
 *
 * @category Backtest
 * @example
 * const options: BacktestRunOptions = { split: { kind: 'oot', cutoff: '2023-01' }, batchSize: 4096 };
 */
export interface BacktestRunOptions extends BacktestOptions {
  /**
   * Stability reference (e.g. the development sample), scored by the champion: PSI of the score
   * and CSI of its inputs against the evaluated rows. With a split and no reference, the split's
   * development part is the reference.
   */
  reference?: BacktestData;
  /** Date column of tabular data (out-of-time split, date range). @defaultValue the Dataset's `dateColumn`; `asOf` for applicants */
  dateColumn?: string;
  /** Applicants per batch. @defaultValue 4096 */
  batchSize?: number;
  /** Describes the data in the report. @defaultValue 'in-memory data' */
  source?: string;
  /**
   * Keep the champion's input values to measure CSI: 4 bytes per row per feature, values rounded to
   * single precision (7 significant digits; a value moves across a CSI bin edge only when within
   * 1e-7, relative, of it).
   * @defaultValue true when there is a split or a reference, else false
   */
  characteristics?: boolean;
  /** Called after each batch with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

/**
 * Backtests one or more models (champion first, then challengers) on labelled data and returns the
 * {@link BacktestReport}: exact metrics, bootstrap intervals, calibration, per-grade PD tests,
 * score bands, curves, stability and DeLong comparisons. Rows are scored in batches through
 * `scorer.predict` and only numbers are kept per row (8 bytes per model, 1 for the label, 8 for the
 * date when present), so a stream of a million rows fits in a few tens of megabytes.
 *
 * @param scorers - a scorer, or several on the same rows (the first is the champion)
 * @param data - a Dataset, raw applicants with outcomes, or a stream of Dataset batches ({@link BacktestData})
 * @param options - split, bootstrap, reference, ... ({@link BacktestRunOptions})
 * @returns the report
 * @throws {@link InvalidInputError} when the data has no target, misses a model feature, or holds one class only after the split
 * @throws {@link InvalidOptionsError} on invalid options
 * @category Backtest
 * @example
 * const report = await backtest(scorer, dataset, { split: { kind: 'stratified', testFraction: 0.3, seed: 7 } });
 * report.metrics.auc; //=> 0.7460
 */
export async function backtest(scorers: Scorer | readonly Scorer[], data: BacktestData, options: BacktestRunOptions = {}): Promise<BacktestReport> {
  const where = 'backtest';
  const { reference, dateColumn, batchSize = 4096, source, characteristics, onProgress, ...reportOptions } = options;
  const resolved = resolveBacktestOptions(reportOptions, where);
  checkBatchSize(batchSize, where);
  const models = prepareModels(Array.isArray(scorers) ? (scorers as readonly Scorer[]) : [scorers as Scorer], where);
  const hasSplit = resolved.split.kind !== 'none';
  const dateName = dateColumn ?? (resolved.split.kind === 'oot' ? resolved.split.dateColumn : undefined);
  const keepCharacteristics = characteristics ?? (hasSplit || reference !== undefined);
  const collector = new PredictionCollector(models, { characteristics: keepCharacteristics });
  await feed(collector, data, { dateColumn: dateName, batchSize, onProgress }, where);
  const input = collector.finish(source ?? 'in-memory data');
  return backtestPredictions(await withReference(input, reference, models[0], keepCharacteristics, { dateColumn: dateName, batchSize }, where), reportOptions);
}

