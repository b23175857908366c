import type { Applicant } from '../schema/applicant.js';
import { READER_LIST } from './featureReaders.js';
import { summarizeApplicant, type ApplicantSummary } from './summarizeApplicant.js';

/**
 * Writes every catalogue value of `applicant` as of `asOf` (validated) into `out` from `offset`:
 * one summary pass, then one read per feature. Reuses `summary`; allocates nothing.
 */
export function writeFeatureRow(applicant: Applicant, asOf: string, summary: ApplicantSummary, out: Float64Array, offset: number): void {
  summarizeApplicant(applicant, asOf, summary);
  for (let j = 0; j < READER_LIST.length; j++) out[offset + j] = READER_LIST[j](summary);
}
