/**
 * The parts every model artifact shares: the format tag and version, the feature specifications
 * (type, categories, reason code and wording, risk direction), score scaling, optional probability
 * calibration and training metadata. Each family adds its own `model` payload in
 * `schema/artifacts/<family>.ts`; `schema/artifact.ts` joins them in one discriminated union on `kind`.
 *
 * @module
 */
import { z as classic } from 'zod';
import * as z from 'zod/mini';
import { ScoreScalingCheck } from '../scaling/scaling.js';

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

const finite = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }));

/**
 * How one input feature is read and explained.
 *
 * @category Artifacts
 * @example
 * FeatureSpecSchema.parse({ name: 'hardInquiries6m', type: 'numeric', description: 'Hard inquiries in the last 6 months',
 *   reasonCode: 'RC03', reasonText: 'Too many recent credit inquiries', riskDirection: 'increasing' });
 */
export const FeatureSpecSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  type: z.enum(['numeric', 'categorical']),
  /** Categorical features: the dictionary; a matrix holds the index, `-1` for an unseen category. */
  categories: z.optional(z.array(z.string())),
  description: z.string(),
  /** Stable reason code; several features may share one. */
  reasonCode: z.string().check(z.minLength(1)),
  /** Adverse-action wording of the reason. */
  reasonText: z.string().check(z.minLength(1)),
  /**
   * Reason code cited instead of `reasonCode` when the applicant's value is missing (the data was
   * not provided), e.g. `RC11` "Limited or no credit file" for bureau features. Optional.
   */
  missingReasonCode: z.optional(z.string().check(z.minLength(1))),
  /** Wording of `missingReasonCode` (required with it). */
  missingReasonText: z.optional(z.string().check(z.minLength(1))),
  /** Expected direction of risk as the value grows. */
  riskDirection: z._default(z.enum(['increasing', 'decreasing', 'none']), 'none'),
  /** A protected attribute used only with explicit opt-in; reason codes never cite it. */
  isProtected: z._default(z.boolean(), false),
});
/**
 * A validated feature specification.
 *
 * @category Artifacts
 * @example
 * const spec: FeatureSpec = FeatureSpecSchema.parse({ name: 'age', type: 'numeric', description: '', reasonCode: 'RC9', reasonText: 'Age' });
 */
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

const PLATT = z.strictObject({ method: z.literal('platt'), a: finite, b: finite });
const ISOTONIC = z.strictObject({ method: z.literal('isotonic'), x: z.array(finite).check(z.minLength(1)), y: z.array(finite).check(z.minLength(1)) });

/**
 * The calibration schema the runtime uses (inside every artifact): `zod/mini`, same members as
 * {@link CalibrationSchema}.
 */
export const CalibrationCheck = z.discriminatedUnion('method', [PLATT, ISOTONIC]);

/**
 * Optional probability calibration applied to the model's raw log-odds: Platt (`pd = σ(a·z + b)`)
 * or isotonic (piecewise-linear in raw PD through the fitted points).
 *
 * A classic zod schema (chainable: `CalibrationSchema.optional()` in options schemas) over the same
 * members as the runtime's `zod/mini` {@link CalibrationCheck}; nothing on the scoring path uses it.
 *
 * @category Artifacts
 * @example
 * CalibrationSchema.parse({ method: 'platt', a: 1.02, b: -0.05 });
 */
export const CalibrationSchema = /* @__PURE__ */ classic.discriminatedUnion('method', [PLATT, ISOTONIC]);
/**
 * A validated calibration.
 *
 * @category Artifacts
 * @example
 * const c: Calibration = { method: 'platt', a: 1, b: 0 };
 */
export type Calibration = z.infer<typeof CalibrationCheck>;

/**
 * Fields shared by every artifact (the family adds `kind` and `model`).
 *
 * @category Artifacts
 */
export const ArtifactCommonShape = {
  format: z.literal('credit-scoring/model'),
  schemaVersion: z.literal(ARTIFACT_SCHEMA_VERSION),
  /** Human-chosen id, e.g. `"default"`, `"german-scorecard"`. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.optional(z.string()),
  features: z.array(FeatureSpecSchema).check(z.minLength(1)),
  scaling: ScoreScalingCheck,
  calibration: z.optional(CalibrationCheck),
  /** Outcome definition, e.g. `{ horizonMonths: 12, bad: '90+ days past due' }`. */
  target: z.optional(z.strictObject({ name: z.string(), horizonMonths: z.optional(z.number().check(z.int(), z.gt(0))), bad: z.optional(z.string()) })),
  /**
   * Reason code that adverse-action practice lists as an extra (fifth) reason whenever it is a
   * factor, even outside the top reasons (typically the inquiries reason).
   */
  inquiryReasonCode: z.optional(z.string()),
  /** Reproducibility and audit: options, seed, row counts, metrics, selection log. Plain JSON. */
  training: z.optional(z.record(z.string(), z.json())),
};
