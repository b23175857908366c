import type { Applicant } from '../schema/applicant.js';
import { requireAsOf } from './_dates.js';
import { FEATURE_DOCS, type FeatureDoc } from './featureDocs.js';
import { FEATURE_NAMES, FEATURE_READERS, type FeatureName } from './featureReaders.js';
import { FEATURE_REASON_CODES, type FeatureReasonCode } from './reasonCodes.js';
import { summarizeApplicant } from './summarizeApplicant.js';
import type { FeatureDefinition } from './types.js';

export { FEATURE_NAMES } from './featureReaders.js';

/**
 * The reason cited when a feature is missing: the data it reads was not provided. Bureau features
 * are missing without a usable credit file (RC11); income features, and the application ratios that
 * need income, without income data (RC28); bill-payment features without bill history (RC22); other
 * behavioural features without bank or spending data (RC29). Application features are never missing.
 */
function missingReasonCodeOf(name: FeatureName, doc: FeatureDoc): FeatureReasonCode | undefined {
  if (doc.isProtected) return undefined;
  if (doc.source === 'bureau') return 'RC11';
  if (doc.source === 'income' || doc.reasonCode === 'RC25') return 'RC28';
  if (doc.reasonCode === 'RC21' || doc.reasonCode === 'RC22') return 'RC22';
  if (doc.source === 'behavior') return 'RC29';
  void name;
  return undefined;
}

function toDefinition(name: FeatureName): FeatureDefinition {
  const doc = FEATURE_DOCS[name];
  const read = FEATURE_READERS[name];
  const where = `${name}.compute`;
  const missing = missingReasonCodeOf(name, doc);
  return Object.freeze({
    name,
    ...doc,
    reasonText: FEATURE_REASON_CODES[doc.reasonCode],
    ...(missing === undefined ? {} : { missingReasonCode: missing, missingReasonText: FEATURE_REASON_CODES[missing] }),
    compute: (applicant: Applicant, asOf: string): number => read(summarizeApplicant(applicant, requireAsOf(asOf, where, 'input'))),
  });
}

/**
 * The point-in-time feature catalogue: every feature's name, description (window and when it is
 * missing), unit, source, expected risk direction, reason code with adverse-action wording, whether
 * it is protected, and a pure `compute(applicant, asOf)`. The order is the column order of
 * {@link extractFeatures} and {@link extractFeatureMatrix}.
 *
 * Conventions shared by every feature (each `description` states its own window and missing cases):
 * - Point in time (`schema/applicant.ts`): only events dated before `asOf`, monthly entries of
 *   months before `asOf`'s month, tradelines opened before `asOf` (open while `closedDate` is absent
 *   or on/after `asOf`), and tradeline snapshots reported before `asOf` count. An unusable snapshot
 *   is replaced by the latest usable history month's balance/status (each missing if that month
 *   lacks it). A tradeline without `reportedDate` is dated by its latest history month, or, with no
 *   history either, taken as the bureau pull made for this decision.
 * - Windows: a monthly entry is "k months ago" when `asOf`'s month minus its month is k, and "the
 *   last 12 months" are k = 1..12; a dated event is "within 6 months" when fewer than 6 calendar
 *   months have completed between it and `asOf` (`monthsSince*` features count completed months).
 * - Missing is `NaN`, never an accidental 0: bureau features are `NaN` without a bureau hit, income
 *   features without an income part, behavioural features when no entry falls in their window, and
 *   ratios over a zero denominator. A count is 0 only when the data to count from is present.
 *   Balance sums are `NaN` when any balance they need is unknown (never silently short).
 * - Thin file: no bureau hit, or fewer than {@link THIN_FILE_MIN_TRADELINES} (3) usable tradelines.
 * - Payments: the new loan's payment is a level annuity at {@link NEW_LOAN_ASSUMED_APR} (12%);
 *   revolving accounts without a scheduled payment count {@link REVOLVING_PAYMENT_SHARE} (5%) of
 *   the balance.
 * - Several features share a reason code; every inquiry feature uses {@link INQUIRY_REASON_CODE}.
 *   `applicantAgeYears` is protected (`isProtected: true`).
 *
 * @category Features
 * @example
 * FEATURE_CATALOGUE.length; //=> 49
 * FEATURE_CATALOGUE.find((d) => d.name === 'hardInquiries6m')?.reasonText; //=> 'Too many recent credit inquiries'
 */
export const FEATURE_CATALOGUE: readonly FeatureDefinition[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ (FEATURE_NAMES as readonly FeatureName[]).map(toDefinition),
);
