/**
 * The parts every model artifact shares: the format tag and version, the feature specifications
 * (type, categories, reason code and wording, risk direction), score scaling, optional probability
 * calibration and training metadata. Each family adds its own `model` payload in
 * `schema/artifacts/<family>.ts`; `schema/artifact.ts` joins them in one discriminated union on `kind`.
 *
 * @module
 */
import { z } from 'zod';
import { ScoreScalingSchema } from '../scaling/scaling.js';

/**
 * The artifact format version this library writes.
 *
 * @category Artifacts
 * @example
 * ARTIFACT_SCHEMA_VERSION; //=> 1
 */
export const ARTIFACT_SCHEMA_VERSION = 1;
/**
 * Every artifact version this library can load.
 *
 * @category Artifacts
 * @example
 * SUPPORTED_ARTIFACT_VERSIONS.includes(1); //=> true
 */
export const SUPPORTED_ARTIFACT_VERSIONS: readonly number[] = [1];

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/**
 * How one input feature is read and explained.
 *
 * @category Artifacts
 * @example
 * FeatureSpecSchema.parse({ name: 'hardInquiries6m', type: 'numeric', description: 'Hard inquiries in the last 6 months',
 *   reasonCode: 'RC03', reasonText: 'Too many recent credit inquiries', riskDirection: 'increasing' });
 */
export const FeatureSpecSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['numeric', 'categorical']),
  /** Categorical features: the dictionary; a matrix holds the index, `-1` for an unseen category. */
  categories: z.array(z.string()).optional(),
  description: z.string(),
  /** Stable reason code; several features may share one. */
  reasonCode: z.string().min(1),
  /** Adverse-action wording of the reason. */
  reasonText: z.string().min(1),
  /**
   * Reason code cited instead of `reasonCode` when the applicant's value is missing (the data was
   * not provided), e.g. `RC11` "Limited or no credit file" for bureau features. Optional.
   */
  missingReasonCode: z.string().min(1).optional(),
  /** Wording of `missingReasonCode` (required with it). */
  missingReasonText: z.string().min(1).optional(),
  /** Expected direction of risk as the value grows. */
  riskDirection: z.enum(['increasing', 'decreasing', 'none']).default('none'),
  /** A protected attribute used only with explicit opt-in; reason codes never cite it. */
  isProtected: z.boolean().default(false),
});
/**
 * A validated feature specification.
 *
 * @category Artifacts
 * @example
 * const spec: FeatureSpec = FeatureSpecSchema.parse({ name: 'age', type: 'numeric', description: '', reasonCode: 'RC9', reasonText: 'Age' });
 */
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

/**
 * Optional probability calibration applied to the model's raw log-odds: Platt (`pd = σ(a·z + b)`)
 * or isotonic (piecewise-linear in raw PD through the fitted points).
 *
 * @category Artifacts
 * @example
 * CalibrationSchema.parse({ method: 'platt', a: 1.02, b: -0.05 });
 */
export const CalibrationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('platt'), a: finite, b: finite }),
  z.strictObject({ method: z.literal('isotonic'), x: z.array(finite).min(1), y: z.array(finite).min(1) }),
]);
/**
 * A validated calibration.
 *
 * @category Artifacts
 * @example
 * const c: Calibration = { method: 'platt', a: 1, b: 0 };
 */
export type Calibration = z.infer<typeof CalibrationSchema>;

/**
 * Fields shared by every artifact (the family adds `kind` and `model`).
 *
 * @category Artifacts
 */
export const ArtifactCommonShape = {
  format: z.literal('credit-scoring/model'),
  schemaVersion: z.literal(ARTIFACT_SCHEMA_VERSION),
  /** Human-chosen id, e.g. `"default"`, `"german-scorecard"`. */
  id: z.string().min(1).max(200),
  description: z.string().optional(),
  features: z.array(FeatureSpecSchema).min(1),
  scaling: ScoreScalingSchema,
  calibration: CalibrationSchema.optional(),
  /** Outcome definition, e.g. `{ horizonMonths: 12, bad: '90+ days past due' }`. */
  target: z.strictObject({ name: z.string(), horizonMonths: z.number().int().positive().optional(), bad: z.string().optional() }).optional(),
  /**
   * Reason code that adverse-action practice lists as an extra (fifth) reason whenever it is a
   * factor, even outside the top reasons (typically the inquiries reason).
   */
  inquiryReasonCode: z.string().optional(),
  /** Reproducibility and audit: options, seed, row counts, metrics, selection log. Plain JSON. */
  training: z.record(z.string(), z.json()).optional(),
};
