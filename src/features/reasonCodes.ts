/**
 * Reason codes of the feature catalogue and their adverse-action wording. Codes are stable ids:
 * a model artifact stores them, so a code is never renumbered or reused for another meaning.
 * Several features share one code (every inquiry feature maps to {@link INQUIRY_REASON_CODE}).
 *
 * @module
 */

/**
 * Every reason code of the catalogue with its adverse-action wording.
 *
 * @category Features
 * @example
 * FEATURE_REASON_CODES.RC05; //=> 'Too many recent credit inquiries'
 */
export const FEATURE_REASON_CODES = {
  RC01: 'Proportion of balances to credit limits on revolving accounts is too high',
  RC02: 'Amount owed on accounts is too high',
  RC03: 'Delinquency on accounts',
  RC04: 'Time since most recent delinquency is too short',
  RC05: 'Too many recent credit inquiries',
  RC06: 'Charged-off or collection accounts',
  RC07: 'Derogatory public record',
  RC08: 'Length of credit history is too short',
  RC09: 'Too many accounts opened recently',
  RC10: 'Number of open accounts',
  RC11: 'Limited or no credit file',
  RC12: 'Debt obligations are too high relative to income',
  RC13: 'Income insufficient for amount of credit requested',
  RC14: 'Unable to verify income',
  RC15: 'Length of employment is too short',
  RC16: 'Bank account inflows are low or irregular',
  RC17: 'Bank account outflows are high relative to inflows',
  RC18: 'Overdrafts or returned payments on bank account',
  RC19: 'Low bank account balances',
  RC20: 'Length of bank account history is too short',
  RC21: 'Late utility or telecom payments',
  RC22: 'Limited utility or telecom payment history',
  RC23: 'High share of spending on gambling',
  RC24: 'Amount of credit requested is too high',
  RC25: 'Amount of credit requested is too high relative to income',
  RC26: 'Requested loan term is too long',
  RC27: 'Housing status',
  RC28: 'Income or employment information not provided',
  RC29: 'Bank account or spending information not provided',
  RC90: 'Applicant age (protected attribute, never cited as a reason)',
} as const;

/**
 * A reason code of the catalogue.
 *
 * @category Features
 * @example
 * const code: FeatureReasonCode = 'RC05';
 */
export type FeatureReasonCode = keyof typeof FEATURE_REASON_CODES;

/**
 * The reason code shared by every credit-inquiry feature ("Too many recent credit inquiries"):
 * pass it as an artifact's `inquiryReasonCode` so that adverse-action notices list it as an extra
 * reason whenever inquiries were a factor.
 *
 * @category Features
 * @example
 * INQUIRY_REASON_CODE; //=> 'RC05'
 */
export const INQUIRY_REASON_CODE = 'RC05';
