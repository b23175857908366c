/**
 * credit-scoring: the runtime API. Validate a raw applicant, extract point-in-time features, load a
 * model artifact and score: score, probability of default and reason codes. Needs only zod.
 *
 * @module
 */
export * from './errors.js';
export type * from './types.js';
export { parseApplicant, safeParseApplicant, ApplicantSchema } from './schema/index.js';
export type { Applicant, ApplicantInput, ModelArtifact, ModelKind, FeatureSpec, Calibration } from './schema/index.js';
export { ModelArtifactSchema, ARTIFACT_SCHEMA_VERSION, SUPPORTED_ARTIFACT_VERSIONS } from './schema/index.js';
export * from './scaling/index.js';
export { FEATURE_CATALOGUE, FEATURE_NAMES, INQUIRY_REASON_CODE, extractFeatures, extractFeatureMatrix, featureRecordFromVector, catalogueFeatureSpecs, applicantsToDataset } from './features/index.js';
export type { FeatureDefinition, FeatureSource, ExtractFeaturesOptions, ApplicantRow } from './features/index.js';
export { loadModel, LogisticScorer, applyCalibration, modelIdOf } from './scorers/index.js';
export { ScorecardScorer } from './scorers/index.js';
export type { ScorecardScoreOptions, PointsTableRow } from './scorers/index.js';
export type { ScorecardArtifact, ScorecardCharacteristic, Binning, NumericBinning, CategoricalBinning, Bin, BinTrend, ReasonBaseline } from './schema/artifacts/scorecard.js';
export { TreeEnsembleScorer, BlendScorer } from './scorers/index.js';
export type { TreeEnsembleArtifact } from './scorers/index.js';
export type { TreeArtifact, ForestArtifact, GradientBoostingArtifact, CompactTree, BlendArtifact } from './schema/index.js';
export type { LogisticArtifact, LogisticTerm } from './schema/index.js';
export { scoreApplicant, scoreApplicants, defaultModel } from './scoreApplicant.js';
export type { ScoreApplicantOptions, ApplicantScoreResult } from './scoreApplicant.js';
