import { hashCanonicalJson } from '../_lib/hashCanonicalJson.js';
import type { ModelArtifact } from '../schema/artifact.js';

/**
 * The identifier a scorer reports in every {@link ScoreResult}: the artifact's `id`, `@`, and the
 * first 8 hex digits of the SHA-256 of its canonical JSON (keys sorted, no whitespace). Any change
 * to the artifact's content (a coefficient, a reason text, the scaling) changes the suffix; key
 * order and formatting do not. Pure JavaScript (no `node:crypto`), O(artifact size).
 *
 * @param artifact - a model artifact (plain JSON data)
 * @returns `"<id>@<8 hex digits>"`
 * @category Scoring
 * @example
 * // artifact: the bundled default model (models/default.json)
 * modelIdOf(artifact); //=> 'default@b81b27b3'
 */
export function modelIdOf(artifact: ModelArtifact): string {
  return `${artifact.id}@${hashCanonicalJson(artifact).slice(0, 8)}`;
}
