import { z } from 'zod';
import { ArtifactCommonShape } from '../artifactCommon.js';
import { ModelArtifactSchema, type ModelArtifact } from '../artifact.js';

const positive = z.number().refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a finite number > 0' });

/**
 * A blend of any scorers: log-odds = Σ weightₖ · logit(PDₖ) / Σ weightₖ, where PDₖ is member k's
 * (calibrated) probability of default; the blend's own `calibration`, if any, applies on top.
 * Members are complete artifacts of any kind (a blend may hold blends). The blend's `features` are
 * the union of its members' features, by name.
 *
 * @category Artifacts
 * @example
 * BlendArtifactSchema.shape.kind.value; //=> 'blend'
 */
export const BlendArtifactSchema = z.strictObject({
  ...ArtifactCommonShape,
  kind: z.literal('blend'),
  model: z.strictObject({
    members: z
      .array(
        z.strictObject({
          weight: positive,
          get artifact(): z.ZodType<ModelArtifact> {
            return ModelArtifactSchema;
          },
        }),
      )
      .min(1),
  }),
});
/**
 * A validated `blend` artifact.
 *
 * @category Artifacts
 * @example
 * const a: BlendArtifact = blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: logistic }]);
 */
export type BlendArtifact = z.infer<typeof BlendArtifactSchema>;
