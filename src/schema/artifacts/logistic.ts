import * as z from 'zod/mini';
import { ArtifactCommonShape } from '../artifactCommon.js';

const finite = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }));

/**
 * One term of a logistic model. Numeric: the value is clipped to `[lower, upper]` (training
 * percentiles), standardised `(x − center) / scale` and multiplied by `coefficient`; a missing value
 * contributes `missingCoefficient` instead. Categorical: `coefficients[code]`; missing →
 * `missingCoefficient`, unseen → `unseenCoefficient`. `bestContribution` is the lowest-risk
 * contribution the term can make, the reference for reason codes.
 *
 * @category Artifacts
 * @example
 * LogisticTermSchema.parse({ type: 'numeric', center: 20, scale: 12, lower: 4, upper: 60,
 *   coefficient: 0.31, missingCoefficient: 0.05, bestContribution: -0.41 }).type; //=> 'numeric'
 */
export const LogisticTermSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('numeric'),
    center: finite,
    scale: finite.check(z.refine((v) => v > 0, { message: 'must be > 0' })),
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
/**
 * One validated term of a logistic model.
 *
 * @category Artifacts
 * @example
 * const term: LogisticTerm = { type: 'categorical', coefficients: [0.2, -0.4], missingCoefficient: 0.2,
 *   unseenCoefficient: 0.2, bestContribution: -0.4 };
 */
export type LogisticTerm = z.infer<typeof LogisticTermSchema>;

/**
 * A regularised logistic-regression model (terms aligned with `features`): log-odds of default =
 * `intercept` + the sum of the terms' contributions. Written by `trainLogistic`, run by `LogisticScorer`.
 *
 * @category Artifacts
 * @example
 * LogisticArtifactSchema.safeParse(JSON.parse(readFileSync('logistic.json', 'utf8'))).success; //=> true
 */
export const LogisticArtifactSchema = z.strictObject({
  ...ArtifactCommonShape,
  kind: z.literal('logistic'),
  model: z.strictObject({
    intercept: finite,
    terms: z.array(LogisticTermSchema),
  }),
});
/**
 * A validated logistic model artifact.
 *
 * @category Artifacts
 * @example
 * const artifact: LogisticArtifact = trainLogistic(dataset);
 * artifact.kind; //=> 'logistic'
 */
export type LogisticArtifact = z.infer<typeof LogisticArtifactSchema>;
