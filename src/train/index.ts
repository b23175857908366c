/**
 * credit-scoring/train: fitting every model family. Each family's owner adds its export lines here.
 *
 * @module
 */
export { fitLogisticRegression } from './fitLogisticRegression.js';
export type { FitLogisticRegressionOptions, LogisticRegressionFit } from './fitLogisticRegression.js';
