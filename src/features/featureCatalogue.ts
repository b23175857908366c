import type { Applicant } from '../schema/applicant.js';
import { requireAsOf } from './_dates.js';
import { CATALOGUE_ENTRIES, type CatalogueEntry } from './catalogueEntries.js';
import { FEATURE_REASON_CODES } from './reasonCodes.js';
import { summarizeApplicant } from './summarizeApplicant.js';
import type { FeatureDefinition } from './types.js';

function toDefinition(entry: CatalogueEntry): FeatureDefinition {
  const { fromSummary, ...doc } = entry;
  const where = `${entry.name}.compute`;
  return Object.freeze({
    ...doc,
    reasonText: FEATURE_REASON_CODES[entry.reasonCode],
    compute: (applicant: Applicant, asOf: string): number => fromSummary(summarizeApplicant(applicant, requireAsOf(asOf, where, 'input'))),
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
export const FEATURE_CATALOGUE: readonly FeatureDefinition[] = /* @__PURE__ */ Object.freeze(CATALOGUE_ENTRIES.map(toDefinition));

/**
 * The catalogue's feature names in column order.
 *
 * @category Features
 * @example
 * FEATURE_NAMES[0]; //=> 'hasBureauHit'
 */
export const FEATURE_NAMES: readonly string[] = /* @__PURE__ */ Object.freeze(CATALOGUE_ENTRIES.map((e) => e.name));
