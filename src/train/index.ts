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
