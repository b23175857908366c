import type { Applicant } from '../schema/applicant.js';
import { requireAsOf } from './_dates.js';
import { FEATURE_DOCS } from './featureDocs.js';
import { FEATURE_NAMES, FEATURE_READERS, type FeatureName } from './featureReaders.js';
import { FEATURE_REASON_CODES } from './reasonCodes.js';
import { summarizeApplicant } from './summarizeApplicant.js';
import type { FeatureDefinition } from './types.js';

export { FEATURE_NAMES } from './featureReaders.js';

function toDefinition(name: FeatureName): FeatureDefinition {
  const doc = FEATURE_DOCS[name];
  const read = FEATURE_READERS[name];
  const where = `${name}.compute`;
  return Object.freeze({
    name,
    ...doc,
    reasonText: FEATURE_REASON_CODES[doc.reasonCode],
    compute: (applicant: Applicant, asOf: string): number => read(summarizeApplicant(applicant, requireAsOf(asOf, where, 'input'))),
  });
}

/**
 * The point-in-time feature catalogue: every feature's name, description (window and when it is
 * missing), unit, source, expected risk direction, reason code with adverse-action wording, whether
 * it is protected, and a pure `compute(applicant, asOf)`. The order is the column order of
 * {@link extractFeatures} and {@link extractFeatureMatrix}.
 *
 * Point in time: a feature reads only events dated before `asOf`, monthly entries of months before
 * `asOf`'s month, tradelines opened before `asOf`, and tradeline snapshots reported before `asOf`
 * (else the latest usable history month); see `schema/applicant.ts`. Missing inputs give `NaN`.
 *
 * @category Features
 * @example
 * FEATURE_CATALOGUE.length; //=> 48
 * FEATURE_CATALOGUE.find((d) => d.name === 'hardInquiries6m')?.reasonText; //=> 'Too many recent credit inquiries'
 */
export const FEATURE_CATALOGUE: readonly FeatureDefinition[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ (FEATURE_NAMES as readonly FeatureName[]).map(toDefinition),
);
