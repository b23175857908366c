import * as z from 'zod/mini';
import { ArtifactCommonShape } from '../artifactCommon.js';
import { ModelArtifactSchema, type ModelArtifact } from '../artifact.js';

const positive = z.number().check(z.refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a finite number > 0' }));

// The blend refers back to the whole artifact union (a member is any artifact), so its schema's type
// is written out: zod/mini's object types check their shape against zod's schema type, which
// TypeScript cannot do for a self-reference while it is still inferring the union.
type BlendMemberShape = { weight: typeof positive; readonly artifact: z.core.$ZodType<ModelArtifact> };
type BlendArtifactShape = typeof ArtifactCommonShape & {
  kind: z.ZodMiniLiteral<'blend'>;
  model: z.ZodMiniObject<{ members: z.ZodMiniArray<z.ZodMiniObject<BlendMemberShape, z.core.$strict>> }, z.core.$strict>;
};

/**
 * A blend of any scorers: log-odds = Σ weightₖ · logit(PDₖ) / Σ weightₖ, where PDₖ is member k's
 * (calibrated) probability of default; the blend's own `calibration`, if any, applies on top.
 * Members are complete artifacts of any kind (a blend may hold blends). The blend's `features` are
 * the union of its members' features, by name.
 *
 * @category Artifacts
 * @example
 * BlendArtifactSchema.safeParse(JSON.parse(readFileSync('blend.json', 'utf8'))).success; //=> true
 */
export const BlendArtifactSchema: z.ZodMiniObject<BlendArtifactShape, z.core.$strict> = z.strictObject({
  ...ArtifactCommonShape,
  kind: z.literal('blend'),
  model: z.strictObject({
    members: z
      .array(
        z.strictObject({
          weight: positive,
          get artifact(): z.core.$ZodType<ModelArtifact> {
            return ModelArtifactSchema;
          },
        }),
      )
      .check(z.minLength(1)),
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
