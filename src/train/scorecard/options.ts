import { z } from 'zod';
import { BinningOptionsSchema } from '../../binning/binningOptionsSchema.js';
import { InvalidOptionsError, fromZodError } from '../../errors.js';
import { DEFAULT_SCALING, ScoreScalingSchema, type ScoreScaling } from '../../scaling/scaling.js';
import type { BinningOptions, TrendOption } from '../../binning/binningOptions.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/**
 * Binning options {@link trainScorecard} accepts (weights come from the dataset): every field of
 * {@link FitNumericBinningOptions} and {@link FitCategoricalBinningOptions}; each applies to the
 * columns it concerns.
 *
 * @category Training
 * @example
 * const o: ScorecardBinningOptions = { maxBins: 6, trend: 'auto', specialValues: [-1], rareCategoryShare: 0.03 };
 */
export type ScorecardBinningOptions = Omit<BinningOptions, 'weights'> & {
  trend?: TrendOption;
  specialValues?: readonly number[];
  rareCategoryShare?: number;
};

/**
 * Options of {@link trainScorecard}.
 *
 * @category Training
 * @example
 * const o: TrainScorecardOptions = { id: 'german-scorecard', minIv: 0.02, maxCorrelation: 0.7, pointsDecimals: 0, binning: { maxBins: 6 } };
 */
export interface TrainScorecardOptions {
  /** Artifact id. @defaultValue 'scorecard' */
  id?: string;
  /** Artifact description. @defaultValue none */
  description?: string;
  /** Recorded for reproducibility; the fit itself is deterministic and draws no random numbers. @defaultValue 0 */
  seed?: number;
  /** Score scaling (DESIGN.md §4). @defaultValue 600 points at 50:1, 20 points to double the odds */
  scaling?: ScoreScaling;
  /** Allow protected attributes as characteristics. @defaultValue false */
  allowProtected?: boolean;
  /** Candidate characteristics (column names). @defaultValue every column but the target, weight and date */
  include?: string[];
  /** Columns never used. @defaultValue [] */
  exclude?: string[];
  /** Binning options for every characteristic; see {@link fitNumericBinning}, {@link fitCategoricalBinning}. @defaultValue the binning defaults */
  binning?: ScorecardBinningOptions;
  /** Per-characteristic binning overrides, e.g. `{ monthsSinceDelinquency: { specialValues: [-1] } }`. @defaultValue {} */
  binningByFeature?: Record<string, ScorecardBinningOptions>;
  /**
   * Where a numeric characteristic's bad-rate trend comes from: `data` = `binning.trend` (by default
   * the better direction by IV); `riskDirection` = the feature metadata's expected direction when it
   * has one (`increasing` → ascending bad rate), else `binning.trend`.
   * @defaultValue 'data'
   */
  trendSource?: 'data' | 'riskDirection';
  /** Characteristics with a lower IV are dropped. @defaultValue 0.02 */
  minIv?: number;
  /** Of two characteristics whose WoE columns correlate above this (|r|), the lower-IV one is dropped. @defaultValue 0.7 */
  maxCorrelation?: number;
  /** Characteristics are dropped, highest VIF first, until every VIF is at most this. @defaultValue 10 */
  maxVif?: number;
  /** Optional forward stepwise selection by AIC or BIC after the filters. @defaultValue 'none' */
  stepwise?: 'none' | 'aic' | 'bic';
  /** Keep at most this many characteristics (highest IV first) after the filters. @defaultValue no limit */
  maxCharacteristics?: number;
  /**
   * L2 penalty of the logistic regression on WoE (scikit-learn C = 1 / l2). The default was chosen by
   * repeated cross-validation on training rows only (benchmarks/reference/scorecard/cv_defaults.json):
   * against 1 it gains 0.001–0.003 CV AUC on the small datasets and is negligible on large ones.
   * @defaultValue 5
   */
  l2?: number;
  /**
   * How a characteristic's missing bin is scored. `woe`: by its own WoE, like every other bin, so
   * characteristics that are missing together (no bureau file: every bureau characteristic) each add
   * their missing bin's WoE and such applicants are counted several times (fixture sample: training
   * no-hit applicants with bank data got a mean PD of 0.218 against a bad rate of 0.155).
   * `fitted`: the logistic fit gets one more parameter per missing group, estimated jointly with the
   * coefficients and shrunk towards 0 (the univariate WoE) by the same `l2`. A characteristic joins
   * the first group whose first member's missing rows overlap its own with a Jaccard index >= 0.9
   * (by weight), else starts one; the group's design column is the share of its members missing on
   * the row, and each member keeps an equal share of the parameter as `missingEffect` (its group in
   * `missingGroup`), so the missing bin scores `coefficient · WoE + missingEffect` and a group is
   * counted once (same applicants:
   * mean PD 0.171). The term never makes the missing bin score better than both the best observed
   * bin and its own WoE (withholding data must not beat the best record; the fitted value is logged
   * as `fittedMissingEffect` when the cap applies). Characteristics without a missing bin of their
   * own, or whose other bins all have one WoE, get no term. Anything else the binning scores in the missing bin (an unseen category
   * whose `unseenBin` is the missing bin, a special value unseen in training) gets the term too.
   * Cross-validated on training rows (benchmarks/reference/scorecard/cv_defaults.json `missingBins`)
   * it is neutral to slightly positive in AUC where whole data sources are missing (and calibrates
   * those applicants) and costs where many sparse columns are missing independently, so it is not
   * the default; the bundled default model uses it.
   * @defaultValue 'woe'
   */
  missingBins?: 'woe' | 'fitted';
  /** Decimals of the points (0 = integer points). @defaultValue 0 */
  pointsDecimals?: number;
  /** Default reason-code baseline of the scorer. @defaultValue 'max' */
  reasonBaseline?: 'max' | 'average' | 'cutoff';
  /** Cut-off for the `cutoff` baseline: training applicants scoring within `window` points of `score`. @defaultValue none */
  reasonCutoff?: { score: number; window?: number };
  /** Reason code listed as an extra reason whenever it is a factor (typically inquiries). @defaultValue none */
  inquiryReasonCode?: string;
  /** Outcome definition recorded in the artifact. @defaultValue none */
  target?: { name: string; horizonMonths?: number; bad?: string };
}

const BinningSchema = BinningOptionsSchema;

export const TrainScorecardOptionsSchema = z
  .strictObject({
    id: z.string().min(1).max(200).default('scorecard'),
    description: z.string().optional(),
    seed: z.number().int().default(0),
    scaling: ScoreScalingSchema.default({ ...DEFAULT_SCALING }),
    allowProtected: z.boolean().default(false),
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    binning: BinningSchema.default({}),
    binningByFeature: z.record(z.string(), BinningSchema).default({}),
    trendSource: z.enum(['data', 'riskDirection']).default('data'),
    minIv: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).default(0.02),
    maxCorrelation: finite.refine((v) => v > 0 && v <= 1, { message: 'must be in (0, 1]' }).default(0.7),
    maxVif: finite.refine((v) => v >= 1, { message: 'must be >= 1' }).default(10),
    stepwise: z.enum(['none', 'aic', 'bic']).default('none'),
    maxCharacteristics: z.number().int().min(1).optional(),
    l2: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).default(5),
    missingBins: z.enum(['woe', 'fitted']).default('woe'),
    pointsDecimals: z.number().int().min(0).max(6).default(0),
    reasonBaseline: z.enum(['max', 'average', 'cutoff']).default('max'),
    reasonCutoff: z.strictObject({ score: finite, window: finite.refine((v) => v >= 0, { message: 'must be >= 0' }).default(20) }).optional(),
    inquiryReasonCode: z.string().min(1).optional(),
    target: z.strictObject({ name: z.string(), horizonMonths: z.number().int().positive().optional(), bad: z.string().optional() }).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.reasonBaseline === 'cutoff' && o.reasonCutoff === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reasonCutoff'], message: "required when reasonBaseline is 'cutoff'", params: { rule: 'required' } });
    }
  });

export type ParsedTrainScorecardOptions = z.output<typeof TrainScorecardOptionsSchema>;

export function parseTrainScorecardOptions(options: TrainScorecardOptions | undefined): ParsedTrainScorecardOptions {
  const r = TrainScorecardOptionsSchema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, 'trainScorecard', InvalidOptionsError);
  return r.data;
}
