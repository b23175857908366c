/** Private: a {@link BacktestModel} (scorer, artifact object or artifact JSON text) as a Scorer. */
import { loadModel } from '../scorers/index.js';
import type { Scorer } from '../types.js';

/** The scorer itself, or the artifact loaded with `loadModel` (which validates it). */
export function toScorer(model: Scorer | object | string): Scorer {
  if (typeof model === 'object' && model !== null && typeof (model as Scorer).predict === 'function' && typeof (model as Scorer).toArtifact === 'function') return model as Scorer;
  return loadModel(model);
}
