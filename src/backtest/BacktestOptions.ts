import { z } from 'zod';
import { InvalidOptionsError, fromZodError } from '../errors.js';
import { IsoMonth } from '../schema/primitives.js';

/**
 * Which rows are evaluated: all of them (`'none'`), the test part of a seeded stratified random
 * split (the same rows the data layer's `stratifiedSplit` puts in `test` for that fraction and
 * seed), or the rows dated in or after the `cutoff` month (out of time: the earlier rows are the
 * development period and serve as the stability reference). The models are fixed here; to retrain
 * them on the training part, or for k-fold cross-validation, see `backtestWithTraining`.
 *
 * @category Backtest
 * @example
 * const split: BacktestSplit = { kind: 'oot', dateColumn: 'asOf', cutoff: '2023-01' };
 */
export type BacktestSplit =
  | 'none'
  | { kind: 'none' }
  | { kind: 'stratified'; testFraction: number; seed: number }
  | { kind: 'oot'; dateColumn?: string; cutoff: string };

/**
 * Options of {@link backtest}, {@link backtestFile} and {@link backtestPredictions}.
 *
 * @category Backtest
 * @example
 * const options: BacktestOptions = { split: { kind: 'stratified', testFraction: 0.3, seed: 7 }, bootstrap: { resamples: 500, seed: 1 } };
 */
export interface BacktestOptions {
  /** Rows to evaluate. @defaultValue 'none' (every row) */
  split?: BacktestSplit;
  /**
   * Bootstrap confidence intervals of AUC, Gini and KS (percentile, stratified by class, seeded),
   * or `false` to skip them.
   * @defaultValue `{ resamples: 1000 up to 50,000 rows, then max(200, 5·10⁷ / rows), seed: 1, level: 0.95 }`
   */
  bootstrap?: false | { resamples?: number; seed?: number; level?: number };
  /** Calibration bins: a number of PD quantile bins, or interior PD cut points. @defaultValue 10 */
  calibrationBins?: number | readonly number[];
  /**
   * Master scale for the per-grade PD tests: interior PD cut points, grades named A, B, C, ... from
   * the lowest PD (right-closed bins).
   * @defaultValue [0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32] (grades A to I)
   */
  masterScale?: readonly number[];
  /**
   * Score bands: a number of equal-count bands, or interior score cut points (right-closed).
   * @defaultValue round cut points every 10, 20, 25, 50... points, chosen so that about 8 bands span
   * the 2nd to 98th percentile of the scores
   */
  scoreBands?: number | readonly number[];
  /** Approximate number of histogram bins of the score distribution. @defaultValue 30 */
  histogramBins?: number;
  /** Quantile bins of the reference for PSI and CSI of numeric characteristics. @defaultValue 10 */
  stabilityBins?: number;
}

const CutPoints = z.array(z.number().refine(Number.isFinite, { message: 'must be a finite number' })).min(1);

/** The validated options with defaults applied (bootstrap resamples resolved later from the row count). */
export const BacktestOptionsSchema = z.strictObject({
  // 'none' is read as { kind: 'none' } so that a bad split is reported by its kind's own rules
  // (e.g. split.cutoff: must be a calendar month), not as a bare "invalid input" of a union.
  split: z
    .preprocess(
      (v) => (v === 'none' || v === undefined ? { kind: 'none' } : v),
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('none') }),
        z.strictObject({ kind: z.literal('stratified'), testFraction: z.number().gt(0).lt(1), seed: z.number().int() }),
        z.strictObject({ kind: z.literal('oot'), dateColumn: z.string().min(1).optional(), cutoff: IsoMonth }),
      ]),
    ),
  bootstrap: z
    .union([
      z.literal(false),
      z.strictObject({
        resamples: z.number().int().min(10).max(100_000).optional(),
        seed: z.number().int().default(1),
        level: z.number().gt(0).lt(1).default(0.95),
      }),
    ])
    .default({ seed: 1, level: 0.95 }),
  calibrationBins: z.union([z.number().int().min(2).max(1000), CutPoints]).default(10),
  masterScale: CutPoints.max(25).default([0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32]),
  scoreBands: z.union([z.number().int().min(2).max(1000), CutPoints]).optional(),
  histogramBins: z.number().int().min(5).max(200).default(30),
  stabilityBins: z.number().int().min(2).max(100).default(10),
});

/** Options after validation and defaults. */
export type ResolvedBacktestOptions = z.infer<typeof BacktestOptionsSchema>;

/** Validates options; `where` names the calling function in the error. */
export function resolveBacktestOptions(options: BacktestOptions | undefined, where: string): ResolvedBacktestOptions {
  const parsed = BacktestOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: options`, InvalidOptionsError);
  return parsed.data;
}
