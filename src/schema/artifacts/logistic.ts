import { z } from 'zod';
import { ArtifactCommonShape } from '../artifactCommon.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/**
 * One term of a logistic model. Numeric: the value is clipped to `[lower, upper]` (training
 * percentiles), standardised `(x − center) / scale` and multiplied by `coefficient`; a missing value
 * contributes `missingCoefficient` instead. Categorical: `coefficients[code]`; missing →
 * `missingCoefficient`, unseen → `unseenCoefficient`. `bestContribution` is the lowest-risk
 * contribution the term can make, the reference for reason codes.
 *
 * @category Artifacts
 */
export const LogisticTermSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('numeric'),
    center: finite,
    scale: finite.refine((v) => v > 0, { message: 'must be > 0' }),
    lower: finite,
    upper: finite,
    coefficient: finite,
    missingCoefficient: finite,
    bestContribution: finite,
  }),
  z.strictObject({
    type: z.literal('categorical'),
    coefficients: z.array(finite),
    missingCoefficient: finite,
    unseenCoefficient: finite,
    bestContribution: finite,
  }),
]);
/** @category Artifacts */
export type LogisticTerm = z.infer<typeof LogisticTermSchema>;

/**
 * A regularised logistic-regression model (terms aligned with `features`).
 *
 * @category Artifacts
 */
export const LogisticArtifactSchema = z.strictObject({
  ...ArtifactCommonShape,
  kind: z.literal('logistic'),
  model: z.strictObject({
    intercept: finite,
    terms: z.array(LogisticTermSchema),
  }),
});
/** @category Artifacts */
export type LogisticArtifact = z.infer<typeof LogisticArtifactSchema>;
