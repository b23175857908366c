/**
 * How each catalogue feature is read from the per-applicant summary (the runtime half of the
 * catalogue; the documentation half is `featureDocs.ts`, kept apart so that scoring bundles do
 * not carry the descriptions). Key order is the column order of every feature vector and matrix.
 *
 * Missing-value policy (every reader): a feature is `NaN` when the data it needs is absent —
 * bureau features when there is no bureau hit (`no_hit`, `unavailable`, or no bureau part),
 * income features without an income part, behavioural features when no usable entry falls in
 * their window — and when it is undefined (a ratio over a zero denominator). A count is a real 0
 * only when the data to count from is present (0 hard inquiries on a bureau hit is 0; on a no-hit
 * it is `NaN`).
 *
 * @module
 */
import { BANK_WINDOW_MONTHS, THIN_FILE_MIN_TRADELINES, type ApplicantSummary } from './summarizeApplicant.js';

type Reader = (s: ApplicantSummary) => number;

const NaN_ = Number.NaN;

function onHit(s: ApplicantSummary, value: number): number {
  return s.bureau === 'hit' ? value : NaN_;
}

function finiteOrNaN(value: number): number {
  return Number.isFinite(value) ? value : NaN_;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : NaN_;
}

/** Annual income used for ratios: the verified figure when there is one, else the stated one. */
function annualIncome(s: ApplicantSummary): number {
  if (!s.hasIncome) return NaN_;
  return Number.isNaN(s.verifiedAnnualIncome) ? s.statedAnnualIncome : s.verifiedAnnualIncome;
}

function delinquencyCount(s: ApplicantSummary, observed: number, count: number): number {
  return s.bureau === 'hit' && observed > 0 ? count : NaN_;
}

function bankMonthsPresent(s: ApplicantSummary): number {
  let n = 0;
  for (let k = 0; k < BANK_WINDOW_MONTHS; k++) n += s.bankPresent[k];
  return n;
}

function bankSum(s: ApplicantSummary, values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < BANK_WINDOW_MONTHS; k++) total += values[k];
  return total;
}

function bankMean(s: ApplicantSummary, values: Float64Array): number {
  const n = bankMonthsPresent(s);
  return n > 0 ? bankSum(s, values) / n : NaN_;
}

/** Coefficient of variation needs at least this many months of bank data. */
export const MIN_MONTHS_FOR_VOLATILITY = 3;

function inflowVolatility(s: ApplicantSummary): number {
  const n = bankMonthsPresent(s);
  if (n < MIN_MONTHS_FOR_VOLATILITY) return NaN_;
  const mean = bankSum(s, s.bankInflow) / n;
  if (!(mean > 0)) return NaN_;
  let squares = 0;
  for (let k = 0; k < BANK_WINDOW_MONTHS; k++) {
    if (s.bankPresent[k] === 1) {
      const d = s.bankInflow[k] - mean;
      squares += d * d;
    }
  }
  return Math.sqrt(squares / n) / mean;
}

function negativeBalanceMonths(s: ApplicantSummary): number {
  let n = 0;
  let present = 0;
  for (let k = 0; k < BANK_WINDOW_MONTHS; k++) {
    if (s.bankPresent[k] === 1) {
      present++;
      if (s.bankEndBalance[k] < 0) n++;
    }
  }
  return present > 0 ? n : NaN_;
}

/** Every feature's reader, keyed by feature name, in column order. */
export const FEATURE_READERS = {
  // ------------------------------------------------------------------------------------ bureau
  hasBureauHit: (s) => (s.bureau === 'hit' ? 1 : s.bureau === 'no_hit' ? 0 : NaN_),
  isThinFile: (s) => (s.bureau !== 'hit' || s.usableTradeCount < THIN_FILE_MIN_TRADELINES ? 1 : 0),
  openTradeCount: (s) => onHit(s, s.openTradeCount),
  tradesOpened12m: (s) => onHit(s, s.tradesOpened12m),
  revolvingUtilization: (s) => onHit(s, ratio(s.utilizationBalance, s.utilizationLimit)),
  totalBalance: (s) => onHit(s, s.totalBalance),
  revolvingBalance: (s) => onHit(s, s.revolvingBalance),
  monthsSinceMostRecentDelinquency: (s) => onHit(s, finiteOrNaN(s.monthsSinceDelinquency)),
  count30dpd12m: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd30Months12),
  count60dpd12m: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd60Months12),
  count90dpd12m: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd90Months12),
  count30dpd24m: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd30Months24),
  count60dpd24m: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd60Months24),
  count90dpd24m: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd90Months24),
  worstStatus24m: (s) => onHit(s, s.worstStatus24m >= 0 ? s.worstStatus24m : NaN_),
  chargedOffCount: (s) => onHit(s, s.chargedOffTrades),
  collectionCount: (s) => onHit(s, s.collectionTrades),
  derogatoryTradeCount: (s) => onHit(s, s.derogatoryTrades),
  hardInquiries6m: (s) => onHit(s, s.hardInquiries6m),
  hardInquiries12m: (s) => onHit(s, s.hardInquiries12m),
  monthsSinceMostRecentInquiry: (s) => onHit(s, finiteOrNaN(s.monthsSinceHardInquiry)),
  monthsOldestTrade: (s) => onHit(s, s.oldestTradeMonths >= 0 ? s.oldestTradeMonths : NaN_),
  averageTradeAgeMonths: (s) => onHit(s, s.tradeCount > 0 ? s.sumTradeAgeMonths / s.tradeCount : NaN_),
  publicRecordCount: (s) => onHit(s, s.publicRecords),
  monthsSinceMostRecentPublicRecord: (s) => onHit(s, finiteOrNaN(s.monthsSincePublicRecord)),
  unsatisfiedPublicRecordCount: (s) => onHit(s, s.unsatisfiedPublicRecords),
  // ------------------------------------------------------------------------------------ income
  monthlyIncome: (s) => annualIncome(s) / 12,
  debtToIncome: (s) => onHit(s, ratio(s.monthlyDebtPayments + s.newLoanMonthlyPayment, annualIncome(s) / 12)),
  paymentToIncome: (s) => ratio(s.newLoanMonthlyPayment, annualIncome(s) / 12),
  verifiedToStatedIncome: (s) => ratio(s.verifiedAnnualIncome, s.statedAnnualIncome),
  isIncomeVerified: (s) => (s.hasIncome ? (Number.isNaN(s.verifiedAnnualIncome) ? 0 : 1) : NaN_),
  employmentMonths: (s) => s.employmentMonths,
  // ------------------------------------------------------------------------------------ behaviour
  averageMonthlyInflow6m: (s) => bankMean(s, s.bankInflow),
  inflowVolatility6m: inflowVolatility,
  outflowToInflow6m: (s) => ratio(bankSum(s, s.bankOutflow), bankSum(s, s.bankInflow)),
  overdrafts6m: (s) => (bankMonthsPresent(s) > 0 ? bankSum(s, s.bankOverdrafts) : NaN_),
  nsfCount6m: (s) => (bankMonthsPresent(s) > 0 ? bankSum(s, s.bankNsf) : NaN_),
  averageEndBalance6m: (s) => bankMean(s, s.bankEndBalance),
  negativeBalanceMonths6m: negativeBalanceMonths,
  monthsOfBankHistory: (s) => (s.bankHistoryMonths > 0 ? s.bankHistoryMonths : NaN_),
  billOnTimeRatio12m: (s) => ratio(s.billsOnTime12m, s.bills12m),
  lateBillCount12m: (s) => (s.bills12m > 0 ? s.bills12m - s.billsOnTime12m : NaN_),
  monthsOfBillHistory: (s) => (s.billHistoryMonths > 0 ? s.billHistoryMonths : NaN_),
  gamblingShareOfSpending6m: (s) => (s.hasSpending ? ratio(s.gamblingSpending6m, s.spending6m) : NaN_),
  // ------------------------------------------------------------------------------------ application
  requestedAmount: (s) => s.requestedAmount,
  termMonths: (s) => s.termMonths,
  loanToIncome: (s) => ratio(s.requestedAmount, annualIncome(s)),
  isHomeowner: (s) => s.isHomeowner,
  applicantAgeYears: (s) => s.ageYears,
} as const satisfies Record<string, Reader>;

/** A catalogue feature name. */
export type FeatureName = keyof typeof FEATURE_READERS;

/**
 * The catalogue's feature names in column order.
 *
 * @category Features
 * @example
 * FEATURE_NAMES[0]; //=> 'hasBureauHit'
 */
export const FEATURE_NAMES: readonly string[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(FEATURE_READERS));

/** The readers as a list aligned with {@link FEATURE_NAMES}. */
export const READER_LIST: readonly Reader[] = /* @__PURE__ */ Object.values(FEATURE_READERS);
