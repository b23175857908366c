import { z } from 'zod';
import { ScoreScalingSchema } from '../scaling/scaling.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/**
 * Options of {@link trainLogistic} as a zod schema (unknown keys are rejected). Every field is
 * optional; defaults are listed on {@link TrainLogisticOptions}.
 *
 * @category Training
 * @example
 * TrainLogisticOptionsSchema.parse({ l2: 1, clipPercentiles: [1, 99] });
 */
export const TrainLogisticOptionsSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  description: z.string().optional(),
  seed: z.number().int().optional(),
  scaling: ScoreScalingSchema.optional(),
  allowProtected: z.boolean().optional(),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  l2: finite.check(z.gte(0)).optional(),
  clipPercentiles: z
    .tuple([finite, finite])
    .refine(([lo, hi]) => lo >= 0 && hi <= 100 && lo < hi, { message: 'must be [lower, upper] with 0 <= lower < upper <= 100' })
    .optional(),
  minCategoryCount: z.number().int().min(1).optional(),
  maxIterations: z.number().int().min(1).optional(),
  tolerance: finite.check(z.gt(0)).optional(),
  target: z.strictObject({ name: z.string(), horizonMonths: z.number().int().positive().optional(), bad: z.string().optional() }).optional(),
  inquiryReasonCode: z.string().min(1).optional(),
});

/**
 * Options of {@link trainLogistic}.
 *
 * @category Training
 * @example
 * const o: TrainLogisticOptions = { id: 'german-logistic', l2: 1, exclude: ['telephone'] };
 */
export interface TrainLogisticOptions {
  /** Artifact id. @defaultValue 'logistic' */
  id?: string;
  /** Artifact description. @defaultValue none */
  description?: string;
  /** Recorded in the artifact for the common trainer interface; logistic training uses no randomness. @defaultValue none */
  seed?: number;
  /** Score scaling stored in the artifact. @defaultValue DEFAULT_SCALING (600 at 50:1, 20 points to double the odds) */
  scaling?: z.infer<typeof ScoreScalingSchema>;
  /** Use protected columns (see featureSpecsFromDataset). @defaultValue false */
  allowProtected?: boolean;
  /** Columns to use. @defaultValue every numeric and categorical column but the date column */
  include?: string[];
  /** Columns never to use. @defaultValue [] */
  exclude?: string[];
  /**
   * L2 penalty on the coefficients of the standardised design (intercept unpenalised), in the
   * units of `Σ wᵢ·loglossᵢ`: scikit-learn's default `C = 1`. Mild for a few thousand rows,
   * negligible for large data, enough to keep one-hot levels and separated data finite.
   * @defaultValue 1
   */
  l2?: number;
  /** Numeric values are clipped to these training percentiles (of non-missing values) before standardising. @defaultValue [0.5, 99.5] */
  clipPercentiles?: [number, number];
  /** Categories seen in fewer training rows are pooled into one learned "other" level, which also scores unseen categories. @defaultValue 10 */
  minCategoryCount?: number;
  /** Newton iteration budget. @defaultValue 100 */
  maxIterations?: number;
  /** Convergence tolerance of fitLogisticRegression. @defaultValue 1e-8 */
  tolerance?: number;
  /** Outcome definition stored in the artifact, e.g. `{ name: 'default', horizonMonths: 12, bad: '90+ days past due' }`. @defaultValue none */
  target?: { name: string; horizonMonths?: number; bad?: string };
  /** Reason code listed as an extra (fifth) reason whenever it is a factor (e.g. the catalogue's inquiry code). @defaultValue none */
  inquiryReasonCode?: string;
}
