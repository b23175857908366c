/**
 * credit-scoring/train: fitting every model family. Each family's owner adds its export lines here.
 *
 * @module
 */
export { fitLogisticRegression } from './fitLogisticRegression.js';
export type { FitLogisticRegressionOptions, LogisticRegressionFit } from './fitLogisticRegression.js';
export { featureSpecsFromDataset } from './featureSpecsFromDataset.js';
export type { FeatureSpecsFromDatasetOptions } from './featureSpecsFromDataset.js';
export { trainLogistic } from './trainLogistic.js';
export { TrainLogisticOptionsSchema } from './TrainLogisticOptions.js';
export type { TrainLogisticOptions } from './TrainLogisticOptions.js';
export { trainTree } from './trees/trainTree.js';
export type { TrainTreeOptions } from './trees/trainTree.js';
export { trainForest } from './trees/trainForest.js';
export type { TrainForestOptions } from './trees/trainForest.js';
export { trainGradientBoosting } from './trees/trainGradientBoosting.js';
export type { TrainGradientBoostingOptions } from './trees/trainGradientBoosting.js';
export { fitCalibration } from './trees/fitCalibration.js';
export type { FitCalibrationOptions } from './trees/fitCalibration.js';
export { blendArtifacts } from './trees/blendArtifacts.js';
export type { BlendArtifactsOptions, BlendMember } from './trees/blendArtifacts.js';
export { trainScorecard } from './trainScorecard.js';
export type { TrainScorecardOptions, ScorecardBinningOptions } from './scorecard/options.js';
export * from '../binning/index.js';
