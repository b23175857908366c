import type { Applicant } from '../schema/applicant.js';
import type { FeatureMatrix } from '../types.js';
import { requireAsOf } from './_dates.js';
import { writeFeatureRow } from './_writeFeatureRow.js';
import type { ExtractFeaturesOptions } from './extractFeatures.js';
import { FEATURE_NAMES } from './featureReaders.js';
import { createApplicantSummary } from './summarizeApplicant.js';

/**
 * Every catalogue feature of many applicants as one row-major {@link FeatureMatrix}
 * (`values[i * names.length + j]`, `NaN` = missing): row `i` equals
 * `extractFeatures(applicants[i], options).values`.
 *
 * One `Float64Array` of `rows × features` is allocated up front and one summary is reused across
 * rows, so there is no allocation per row. O(total list lengths + rows × features).
 *
 * @param applicants - validated applicants
 * @param options - `asOf` overrides every applicant's decision date
 * @throws {@link InvalidOptionsError} when `options.asOf` is not a real calendar date (path `asOf`)
 * @category Features
 * @example
 * const m = extractFeatureMatrix([applicantA, applicantB]);
 * [m.rows, m.names.length, m.values.length]; //=> [2, 49, 98]
 */
export function extractFeatureMatrix(applicants: readonly Applicant[], options: ExtractFeaturesOptions = {}): FeatureMatrix {
  const override = options.asOf === undefined ? undefined : requireAsOf(options.asOf, 'extractFeatureMatrix', 'options');
  const width = FEATURE_NAMES.length;
  const values = new Float64Array(applicants.length * width);
  const summary = createApplicantSummary();
  for (let i = 0; i < applicants.length; i++) {
    const a = applicants[i];
    writeFeatureRow(a, override ?? a.asOf, summary, values, i * width);
  }
  return { names: FEATURE_NAMES, rows: applicants.length, values };
}
