/**
 * Runtime scoring: load a model artifact, score records and matrices, explain with reason codes.
 * No training code. Each model family adds its scorer's export line here.
 *
 * @module
 */
export { loadModel } from './loadModel.js';
export { LogisticScorer } from './LogisticScorer.js';
export { applyCalibration } from './applyCalibration.js';
export { modelIdOf } from './modelIdOf.js';
export { encodeFeatures } from './encodeFeatures.js';
export { rankReasons } from './rankReasons.js';
export type { RankReasonsOptions } from './rankReasons.js';
export { TreeEnsembleScorer } from './TreeEnsembleScorer.js';
export type { TreeEnsembleArtifact } from './TreeEnsembleScorer.js';
export { BlendScorer } from './BlendScorer.js';
export { ScorecardScorer } from './ScorecardScorer.js';
export type { ScorecardScoreOptions, PointsTableRow } from './ScorecardScorer.js';
