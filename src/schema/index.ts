export * from './applicant.js';
export { parseApplicant, safeParseApplicant } from './parseApplicant.js';
export { IsoDate, IsoMonth, dayNumber, monthNumber, isCalendarDate } from './primitives.js';
export * from './artifactCommon.js';
export { ModelArtifactSchema } from './artifact.js';
export type { ModelArtifact, ModelKind } from './artifact.js';
export * from './artifacts/logistic.js';
export * from './artifacts/trees.js';
export * from './artifacts/blend.js';
