/**
 * The published shape of a backtest report: what `credit-scoring backtest --json` prints and what
 * CI scripts read. Keys are stable within a `schemaVersion`; a change that removes or renames a key
 * bumps the version. Every number is finite (JSON has no NaN); a value that cannot be computed for
 * the sample is `null` with the reason in `notes`.
 *
 * Conventions: `pd` / thresholds are probabilities of default (higher = riskier); `score` values are
 * scaled points of the champion's scaling (higher = safer); rates are fractions in [0, 1];
 * counts are weighted when the data has sample weights (`data.isWeighted`).
 *
 * @module
 */
import { z } from 'zod';

/**
 * The report format version this library writes.
 *
 * @category Backtest
 * @example
 * BACKTEST_REPORT_SCHEMA_VERSION; //=> 1
 */
export const BACKTEST_REPORT_SCHEMA_VERSION = 1 as const;

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const rate = finite.refine((v) => v >= 0 && v <= 1, { message: 'must be in [0, 1]' });
const count = finite.refine((v) => v >= 0, { message: 'must be >= 0' });
const interval = z.strictObject({ lower: finite, upper: finite });
const trafficLight = z.enum(['green', 'amber', 'red']);
const stabilityLevel = z.enum(['stable', 'moderate', 'significant']);

/**
 * The headline discrimination and accuracy metrics of one model on the evaluated sample. This exact
 * object is `report.metrics` (the champion's) and `report.comparison.models[i].metrics`.
 *
 * @category Backtest
 * @example
 * BacktestMetricsSchema.parse({ count: 4, bads: 2, badRate: 0.5, auc: 0.75, gini: 0.5, ks: 0.5, ksThreshold: 0.3,
 *   ksScore: 624.4, brier: 0.2, logLoss: 0.6, averagePrecision: 0.83 }).gini; //=> 0.5
 */
export const BacktestMetricsSchema = z.strictObject({
  /** Rows evaluated (unweighted). */
  count: z.number().int().min(0),
  /** Bads among them (weighted when weights are given). */
  bads: count,
  /** Bads / all (weighted when weights are given). */
  badRate: rate,
  /** Area under the ROC curve, ties counted half. */
  auc: rate,
  /** 2 · AUC − 1. */
  gini: finite,
  /** Kolmogorov–Smirnov statistic: max |F_bad − F_good| over PD thresholds. */
  ks: rate,
  /** The PD at which the KS statistic is reached. */
  ksThreshold: rate,
  /** The same cut-off as a score (champion's scaling), or `null` when the PD is 0 or 1. */
  ksScore: finite.nullable(),
  /** Mean squared error of the PD. */
  brier: rate,
  /** Mean negative log-likelihood of the outcomes under the PD (natural log). */
  logLoss: count,
  /** Average precision (area under the precision–recall curve, step-wise) for finding bads. */
  averagePrecision: rate,
});
/**
 * The headline metrics of one model, as validated by {@link BacktestMetricsSchema}.
 *
 * @category Backtest
 * @example
 * const gini: number = report.metrics.gini;
 */
export type BacktestMetrics = z.infer<typeof BacktestMetricsSchema>;

const FoldSchema = z.strictObject({
  trainRows: z.number().int().min(0),
  testRows: z.number().int().min(0),
  /** Each model trained on this fold's training rows, measured on its test rows (champion first). */
  models: z.array(z.strictObject({ modelId: z.string(), metrics: BacktestMetricsSchema })).min(1),
});

const SplitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('stratified'), testFraction: rate, seed: finite, trainRows: z.number().int().min(0), testRows: z.number().int().min(0) }),
  z.strictObject({
    kind: z.literal('oot'),
    dateColumn: z.string(),
    cutoff: z.string(),
    trainRows: z.number().int().min(0),
    testRows: z.number().int().min(0),
  }),
  /**
   * k-fold cross-validation (`backtestWithTraining`): the models were retrained on each fold's other
   * rows; the report's metrics pool every row's out-of-fold prediction, `folds` has each fold's own.
   */
  z.strictObject({ kind: z.literal('kfold'), k: z.number().int().min(2), seed: finite, folds: z.array(FoldSchema).min(2) }),
]);

const ConfidenceIntervalsSchema = z.strictObject({
  method: z.literal('bootstrap'),
  level: rate,
  resamples: z.number().int().min(1),
  seed: finite,
  auc: interval,
  gini: interval,
  ks: interval,
});

const CalibrationBinSchema = z.strictObject({
  lowerPd: rate,
  upperPd: rate,
  count: z.number().int().min(0),
  bads: count,
  expectedBadRate: rate,
  observedBadRate: rate,
});

const GradeSchema = z.strictObject({
  grade: z.string(),
  lowerPd: rate,
  upperPd: rate,
  count: z.number().int().min(0),
  defaults: z.number().int().min(0),
  /** Mean predicted PD of the grade: the PD under test. */
  meanPd: rate,
  observedDefaultRate: rate,
  /** One-sided exact binomial p-value of observing at least `defaults` under `meanPd`. */
  binomialPValue: rate,
  /** Jeffreys test p-value: P(Beta(D + ½, N − D + ½) ≤ meanPd). */
  jeffreysPValue: rate,
  status: trafficLight,
});

const ScoreBandSchema = z.strictObject({
  lowerScore: finite.nullable(),
  upperScore: finite.nullable(),
  count: z.number().int().min(0),
  share: rate,
  bads: count,
  badRate: rate,
  /** Share approved when every band from the top (safest) down to this one is approved. */
  cumulativeApprovalRate: rate,
  /** Bad rate among those approved at that cut-off. */
  cumulativeBadRate: rate,
});

const RocPointSchema = z.strictObject({ falsePositiveRate: rate, truePositiveRate: rate });
const KsPointSchema = z.strictObject({ score: finite, cumulativeBadShare: rate, cumulativeGoodShare: rate });
const ApprovalPointSchema = z.strictObject({ score: finite, approvalRate: rate, badRate: rate });

const PsiBinSchema = z.strictObject({
  lowerScore: finite.nullable(),
  upperScore: finite.nullable(),
  referenceShare: rate,
  currentShare: rate,
  contribution: finite,
});

const StabilitySchema = z.strictObject({
  reference: z.strictObject({ source: z.enum(['split-train', 'reference-data']), rows: z.number().int().min(0) }),
  psi: z.strictObject({ value: finite, level: stabilityLevel, bins: z.array(PsiBinSchema) }),
  csi: z.array(z.strictObject({ characteristic: z.string(), value: finite, level: stabilityLevel })),
});

const ModelEntrySchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  role: z.enum(['champion', 'challenger']),
  featureCount: z.number().int().min(0),
});

const ComparisonSchema = z.strictObject({
  models: z.array(
    z.strictObject({
      modelId: z.string(),
      role: z.enum(['champion', 'challenger']),
      metrics: BacktestMetricsSchema,
      aucInterval: interval.nullable(),
      roc: z.array(RocPointSchema),
    }),
  ),
  tests: z.array(
    z.strictObject({
      championId: z.string(),
      challengerId: z.string(),
      aucChampion: rate,
      aucChallenger: rate,
      /** Challenger AUC − champion AUC. */
      aucDifference: finite,
      standardError: count,
      /** `aucDifference / standardError` (positive: the challenger ranks better); `null` when the standard error is 0. */
      z: finite.nullable(),
      /** Two-sided DeLong p-value for equal AUCs. */
      pValue: rate,
    }),
  ),
});

/**
 * Zod schema of a {@link BacktestReport}. Parse a report read from disk or from
 * `credit-scoring backtest --json` with it before trusting its fields.
 *
 * @category Backtest
 * @example
 * const report = BacktestReportSchema.parse(JSON.parse(jsonText));
 * report.metrics.auc; //=> 0.7905
 */
export const BacktestReportSchema = z.strictObject({
  format: z.literal('credit-scoring/backtest-report'),
  schemaVersion: z.literal(BACKTEST_REPORT_SCHEMA_VERSION),
  /** The champion's model id (`id@hash`). */
  modelId: z.string(),
  /** Every model evaluated, champion first. */
  models: z.array(ModelEntrySchema).min(1),
  data: z.strictObject({
    /** Where the rows came from (file path or a short description). */
    source: z.string(),
    /** Rows read (all splits), excluding skipped rows. */
    rows: z.number().int().min(0),
    /** Rows skipped because they could not be read (bad target, bad values). */
    skippedRows: z.number().int().min(0),
    /** Rows evaluated (the test part when split). */
    evaluatedRows: z.number().int().min(0),
    bads: count,
    goods: count,
    badRate: rate,
    isWeighted: z.boolean(),
    /** First and last date of the evaluated rows, when the data has a date. */
    dateRange: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
    split: SplitSchema,
  }),
  metrics: BacktestMetricsSchema,
  confidenceIntervals: ConfidenceIntervalsSchema.nullable(),
  calibration: z.strictObject({
    bins: z.array(CalibrationBinSchema),
    hosmerLemeshow: z.strictObject({ statistic: count, degreesOfFreedom: z.number().int().min(0), pValue: rate }).nullable(),
    slope: finite.nullable(),
    intercept: finite.nullable(),
  }),
  /** Per-grade PD back-tests on the master scale, lowest PD first; empty grades left out. */
  grades: z.array(GradeSchema),
  /** Score bands, safest (highest scores) first, as a strategy table reads; empty bands left out. */
  scoreBands: z.array(ScoreBandSchema),
  curves: z.strictObject({
    /** ROC curve (false / true positive rate for bads), ≤ 200 points, from (0, 0) to (1, 1). */
    roc: z.array(RocPointSchema),
    /** Cumulative share of bads and goods at or below each score, ≤ 200 points. */
    ks: z.array(KsPointSchema),
    /**
     * Approval-rate / bad-rate trade-off (strategy curve): approving every row scoring at or above
     * `score` approves `approvalRate` of the rows at a bad rate of `badRate` among them; from the
     * strictest cut-off to approving everyone, ≤ 200 points. Absent from reports written before it
     * was added (same schemaVersion: an added key).
     */
    approval: z.array(ApprovalPointSchema).optional(),
  }),
  /** Histogram of scores of goods and of bads on common bins. */
  scoreDistribution: z.strictObject({ binEdges: z.array(finite), goods: z.array(count), bads: z.array(count) }),
  stability: StabilitySchema.nullable(),
  comparison: ComparisonSchema.nullable(),
  /** Caveats: metrics that could not be computed and why, clipped values, skipped rows. */
  notes: z.array(z.string()),
});

/**
 * A backtest report: plain JSON, validated by {@link BacktestReportSchema}.
 *
 * @category Backtest
 * @example
 * const auc: number = report.metrics.auc;
 */
export type BacktestReport = z.infer<typeof BacktestReportSchema>;
