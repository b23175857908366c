import type { Applicant } from '../schema/applicant.js';
import type { FeatureVector } from '../types.js';
import { requireAsOf } from './_dates.js';
import { writeFeatureRow } from './_writeFeatureRow.js';
import { FEATURE_NAMES } from './featureReaders.js';
import { createApplicantSummary, type ApplicantSummary } from './summarizeApplicant.js';

/**
 * Options of {@link extractFeatures} and {@link extractFeatureMatrix}.
 *
 * @category Features
 * @example
 * const o: ExtractFeaturesOptions = { asOf: '2024-06-15' };
 */
export interface ExtractFeaturesOptions {
  /**
   * Decision date `YYYY-MM-DD` overriding each applicant's own `asOf` (e.g. to rebuild features at
   * an earlier date from a full history).
   * @defaultValue the applicant's `asOf`
   */
  asOf?: string;
}

let scratch: ApplicantSummary | undefined;

/**
 * Every catalogue feature of one applicant as of its decision date: a {@link FeatureVector} whose
 * `names` are {@link FEATURE_NAMES} and whose `values` hold `NaN` for missing.
 *
 * The applicant is summarised in a single pass over each of its lists (tradelines with their
 * histories, inquiries, public records, bank months, bills, spending) and every feature reads that
 * summary, so the cost is O(total list lengths + features), not one pass per feature. Values equal
 * each definition's `compute(applicant, asOf)`.
 *
 * @param applicant - a validated applicant (see `parseApplicant`)
 * @param options - `asOf` overrides the applicant's decision date
 * @returns names (shared, frozen) and a fresh `Float64Array` of values
 * @throws {@link InvalidOptionsError} when `options.asOf` is not a real calendar date (path `asOf`)
 * @category Features
 * @example
 * const v = extractFeatures(parseApplicant({
 *   asOf: '2024-06-15',
 *   application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
 *   bureau: { status: 'hit', inquiries: [{ date: '2024-04-02', type: 'hard' }] },
 * }));
 * v.values[v.names.indexOf('hardInquiries6m')]; //=> 1
 * v.values[v.names.indexOf('monthlyIncome')]; //=> NaN
 */
export function extractFeatures(applicant: Applicant, options: ExtractFeaturesOptions = {}): FeatureVector {
  const asOf = options.asOf === undefined ? applicant.asOf : requireAsOf(options.asOf, 'extractFeatures', 'options');
  const values = new Float64Array(FEATURE_NAMES.length);
  scratch ??= createApplicantSummary();
  writeFeatureRow(applicant, asOf, scratch, values, 0);
  return { names: FEATURE_NAMES, values };
}
