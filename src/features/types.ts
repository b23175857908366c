import type { Applicant } from '../schema/applicant.js';

/**
 * Where a feature's information comes from: the credit bureau file, the applicant's income and
 * employment, behavioural data (bank-account flows, bill payments, spending) or the application.
 *
 * @category Features
 * @example
 * const source: FeatureSource = 'bureau';
 */
export type FeatureSource = 'bureau' | 'income' | 'behavior' | 'application';

/**
 * One documented, point-in-time feature of the catalogue.
 *
 * `compute(applicant, asOf)` is pure: it reads only events dated before `asOf` (monthly entries of
 * months before `asOf`'s month) and returns `NaN` when its inputs are missing (see each
 * feature's `description` for exactly when). For many applicants or all features at once use
 * {@link extractFeatures} / {@link extractFeatureMatrix}, which summarise each applicant in one
 * pass instead of one pass per feature.
 *
 * @category Features
 * @example
 * const def: FeatureDefinition = FEATURE_CATALOGUE.find((d) => d.name === 'termMonths')!;
 * def.compute(applicant, '2024-06-15'); //=> 36
 */
export interface FeatureDefinition {
  /** Stable camelCase name, the column name in a {@link FeatureMatrix} and in a `Dataset`. */
  readonly name: string;
  /** What the feature measures, its window and when it is missing (`NaN`). */
  readonly description: string;
  /** Unit of the value, e.g. `'count'`, `'months'`, `'ratio'`, `'currency'`, `'flag (0/1)'`. */
  readonly unit: string;
  /** The part of the applicant it reads. */
  readonly source: FeatureSource;
  /** Expected monotone direction of risk as the value grows (`'none'`: not monotone or not claimed). */
  readonly riskDirection: 'increasing' | 'decreasing' | 'none';
  /** Stable reason code; several features share one (e.g. every inquiry count shares the inquiry code). */
  readonly reasonCode: string;
  /** Adverse-action wording of the reason code. */
  readonly reasonText: string;
  /** A protected attribute (e.g. age): training refuses it unless the caller opts in; reason codes never cite it. */
  readonly isProtected: boolean;
  /**
   * Reason code cited when the feature's value is MISSING and costs points (e.g. every bureau
   * feature → `RC11` "Limited or no credit file"), so an applicant without a credit file is never
   * told "Delinquency on accounts". Absent: a missing value is cited with {@link reasonCode}.
   */
  readonly missingReasonCode?: string;
  /** Wording of {@link missingReasonCode}. */
  readonly missingReasonText?: string;
  /** The feature's value for `applicant` as of the decision date `asOf` (`YYYY-MM-DD`); `NaN` = missing. */
  readonly compute: (applicant: Applicant, asOf: string) => number;
}
