/**
 * Model artifacts: validated, versioned plain JSON that any back end (this library, SQL, another
 * runtime) can compile. One discriminated union on `kind`; each family's payload lives in
 * `schema/artifacts/<family>.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { LogisticArtifactSchema } from './artifacts/logistic.js';
import { ScorecardArtifactSchema } from './artifacts/scorecard.js';
import { TreeArtifactSchema, ForestArtifactSchema, GradientBoostingArtifactSchema } from './artifacts/trees.js';
import { BlendArtifactSchema } from './artifacts/blend.js';

/**
 * Any model artifact this library can load.
 *
 * @category Artifacts
 * @example
 * ModelArtifactSchema.safeParse(JSON.parse(readFileSync('models/default.json', 'utf8'))).success; //=> true
 */
export const ModelArtifactSchema = z.discriminatedUnion('kind', [
  LogisticArtifactSchema,
  ScorecardArtifactSchema,
  TreeArtifactSchema,
  ForestArtifactSchema,
  GradientBoostingArtifactSchema,
  z.lazy(() => BlendArtifactSchema),
]);

/**
 * A validated model artifact.
 *
 * @category Artifacts
 * @example
 * const artifact: ModelArtifact = loadModel(text).toArtifact();
 */
export type ModelArtifact = z.infer<typeof ModelArtifactSchema>;
/**
 * The model families.
 *
 * @category Artifacts
 * @example
 * const kind: ModelKind = 'logistic';
 */
export type ModelKind = ModelArtifact['kind'];
