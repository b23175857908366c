/**
 * The point-in-time feature catalogue and extraction: raw applicant → {@link FeatureVector} /
 * {@link FeatureMatrix} / {@link Dataset}.
 *
 * @module
 */
export type { FeatureDefinition, FeatureSource } from './types.js';
export { FEATURE_CATALOGUE, FEATURE_NAMES } from './featureCatalogue.js';
export { FEATURE_REASON_CODES, INQUIRY_REASON_CODE } from './reasonCodes.js';
export type { FeatureReasonCode } from './reasonCodes.js';
export { extractFeatures } from './extractFeatures.js';
export type { ExtractFeaturesOptions } from './extractFeatures.js';
export { extractFeatureMatrix } from './extractFeatureMatrix.js';
export { featureRecordFromVector } from './featureRecordFromVector.js';
export { catalogueFeatureSpecs } from './catalogueFeatureSpecs.js';
export { applicantsToDataset } from './applicantsToDataset.js';
export type { ApplicantRow } from './applicantsToDataset.js';
export { THIN_FILE_MIN_TRADELINES, NEW_LOAN_ASSUMED_APR, REVOLVING_PAYMENT_SHARE } from './summarizeApplicant.js';
