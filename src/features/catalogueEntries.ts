/**
 * The feature catalogue's definitions (private form): documentation plus a reader of the
 * per-applicant summary. `featureCatalogue.ts` turns them into the public
 * {@link FeatureDefinition}s, whose `compute` summarises the applicant and then reads.
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
import type { FeatureReasonCode } from './reasonCodes.js';
import { BANK_WINDOW_MONTHS, THIN_FILE_MIN_TRADELINES, type ApplicantSummary } from './summarizeApplicant.js';
import type { FeatureDefinition } from './types.js';

/** A catalogue definition before it gets its public `compute`. */
export interface CatalogueEntry extends Omit<FeatureDefinition, 'compute' | 'reasonText' | 'reasonCode'> {
  readonly reasonCode: FeatureReasonCode;
  readonly fromSummary: (s: ApplicantSummary) => number;
}

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
const MIN_MONTHS_FOR_VOLATILITY = 3;

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

const NO_HIT = 'NaN without a bureau hit (no_hit, unavailable or no bureau part).';
const HISTORY =
  'Counts tradeline-months of the payment history (every existing tradeline, open or closed) whose month is';
const HISTORY_NAN = 'NaN when no tradeline-month is observed in the window, or without a bureau hit.';
const BANK = 'Bank months of several accounts in the same month are summed first; months without data are not imputed.';

/** The catalogue in its private form, in the public order. */
export const CATALOGUE_ENTRIES: readonly CatalogueEntry[] = [
  // ------------------------------------------------------------------------------------ bureau
  {
    name: 'hasBureauHit',
    description: 'Whether the credit bureau returned a file: 1 on a hit, 0 when the bureau reports no file (no_hit). NaN when the report is unavailable or the bureau part is absent (whether a file exists is unknown).',
    unit: 'flag (0/1)',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC11',
    isProtected: false,
    fromSummary: (s) => (s.bureau === 'hit' ? 1 : s.bureau === 'no_hit' ? 0 : NaN_),
  },
  {
    name: 'isThinFile',
    description: `Thin credit file: 1 when there is no bureau hit (no_hit, unavailable or absent) or the file has fewer than ${THIN_FILE_MIN_TRADELINES} usable tradelines; else 0. A usable tradeline was opened before asOf and has a usable snapshot or at least one payment-history month before asOf's month. Never missing.`,
    unit: 'flag (0/1)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC11',
    isProtected: false,
    fromSummary: (s) => (s.bureau !== 'hit' || s.usableTradeCount < THIN_FILE_MIN_TRADELINES ? 1 : 0),
  },
  {
    name: 'openTradeCount',
    description: `Tradelines open at asOf: opened before asOf and not closed before asOf (a closedDate on or after asOf is still open). 0 on a hit with no open tradeline. ${NO_HIT} Risk is not monotone (too few and too many both signal risk).`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'none',
    reasonCode: 'RC10',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.openTradeCount),
  },
  {
    name: 'tradesOpened12m',
    description: `Tradelines opened within the 12 months before asOf (fewer than 12 completed months before it). ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC09',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.tradesOpened12m),
  },
  {
    name: 'revolvingUtilization',
    description: `Sum of balances over sum of credit limits of the open revolving tradelines that report a credit limit (balances at asOf: usable snapshot, else the latest usable history entry). NaN when that total limit is 0 or there is no such tradeline, when any of their balances is unknown, or ${NO_HIT.slice(4)}`,
    unit: 'ratio',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC01',
    isProtected: false,
    fromSummary: (s) => onHit(s, ratio(s.utilizationBalance, s.utilizationLimit)),
  },
  {
    name: 'totalBalance',
    description: `Sum of the balances at asOf of every existing tradeline (open, or closed with a balance still owed such as a charge-off). 0 on a hit with no tradeline. NaN when any existing tradeline's balance is unknown (no usable snapshot and no usable history balance), or ${NO_HIT.slice(4)}`,
    unit: 'currency',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC02',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.totalBalance),
  },
  {
    name: 'revolvingBalance',
    description: `Sum of the balances at asOf of the open revolving tradelines. 0 on a hit with none. NaN when any of those balances is unknown, or ${NO_HIT.slice(4)}`,
    unit: 'currency',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC02',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.revolvingBalance),
  },
  {
    name: 'monthsSinceMostRecentDelinquency',
    description: `Months from the most recent payment-history month with 30 or more days past due to asOf's month (asOf month minus that month, so at least 1), over all history before asOf's month. NaN when no such month exists (never delinquent, or no history), or ${NO_HIT.slice(4)}`,
    unit: 'months',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC04',
    isProtected: false,
    fromSummary: (s) => onHit(s, finiteOrNaN(s.monthsSinceDelinquency)),
  },
  {
    name: 'count30dpd12m',
    description: `${HISTORY} 1 to 12 months before asOf's month with 30 or more days past due (nested: 60+ and 90+ months count here too). ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd30Months12),
  },
  {
    name: 'count60dpd12m',
    description: `${HISTORY} 1 to 12 months before asOf's month with 60 or more days past due. ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd60Months12),
  },
  {
    name: 'count90dpd12m',
    description: `${HISTORY} 1 to 12 months before asOf's month with 90 or more days past due. ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths12, s.dpd90Months12),
  },
  {
    name: 'count30dpd24m',
    description: `${HISTORY} 1 to 24 months before asOf's month with 30 or more days past due. ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd30Months24),
  },
  {
    name: 'count60dpd24m',
    description: `${HISTORY} 1 to 24 months before asOf's month with 60 or more days past due. ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd60Months24),
  },
  {
    name: 'count90dpd24m',
    description: `${HISTORY} 1 to 24 months before asOf's month with 90 or more days past due. ${HISTORY_NAN}`,
    unit: 'count (tradeline-months)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => delinquencyCount(s, s.observedTradeMonths24, s.dpd90Months24),
  },
  {
    name: 'worstStatus24m',
    description: `Worst delinquency bucket observed in the 24 months before asOf: 0 = under 30 days past due, 1 = 30-59 (or status delinquent), 2 = 60-89, 3 = 90-119, 4 = 120+, 5 = charged off or in collection. Reads history months 1 to 24 before asOf's month (days past due and status) and usable snapshots (status) dated within those months or in asOf's month. NaN when nothing is observed in the window, or ${NO_HIT.slice(4)}`,
    unit: 'ordinal bucket (0-5)',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC03',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.worstStatus24m >= 0 ? s.worstStatus24m : NaN_),
  },
  {
    name: 'chargedOffCount',
    description: `Existing tradelines ever charged off before asOf: status charged_off in the usable snapshot or in any usable history month. 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC06',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.chargedOffTrades),
  },
  {
    name: 'collectionCount',
    description: `Existing tradelines ever in collection before asOf: status collection in the usable snapshot or in any usable history month. 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC06',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.collectionTrades),
  },
  {
    name: 'hardInquiries6m',
    description: `Hard credit inquiries dated before asOf and fewer than 6 completed months before it (soft inquiries are ignored). 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC05',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.hardInquiries6m),
  },
  {
    name: 'hardInquiries12m',
    description: `Hard credit inquiries dated before asOf and fewer than 12 completed months before it (soft inquiries are ignored). 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC05',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.hardInquiries12m),
  },
  {
    name: 'monthsSinceMostRecentInquiry',
    description: `Completed months from the most recent hard inquiry dated before asOf to asOf (0 within the last month). NaN when there is none, or ${NO_HIT.slice(4)}`,
    unit: 'months',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC05',
    isProtected: false,
    fromSummary: (s) => onHit(s, finiteOrNaN(s.monthsSinceHardInquiry)),
  },
  {
    name: 'monthsOldestTrade',
    description: `Completed months from the earliest openedDate of the tradelines opened before asOf (open or closed) to asOf. NaN when there is none, or ${NO_HIT.slice(4)}`,
    unit: 'months',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC08',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.oldestTradeMonths >= 0 ? s.oldestTradeMonths : NaN_),
  },
  {
    name: 'averageTradeAgeMonths',
    description: `Mean over the tradelines opened before asOf (open or closed) of the completed months from openedDate to asOf. NaN when there is none, or ${NO_HIT.slice(4)}`,
    unit: 'months',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC08',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.tradeCount > 0 ? s.sumTradeAgeMonths / s.tradeCount : NaN_),
  },
  {
    name: 'publicRecordCount',
    description: `Public records (bankruptcy, judgment, tax lien) filed before asOf, satisfied or not. 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC07',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.publicRecords),
  },
  {
    name: 'monthsSinceMostRecentPublicRecord',
    description: `Completed months from the most recent public record filed before asOf to asOf. NaN when there is none, or ${NO_HIT.slice(4)}`,
    unit: 'months',
    source: 'bureau',
    riskDirection: 'decreasing',
    reasonCode: 'RC07',
    isProtected: false,
    fromSummary: (s) => onHit(s, finiteOrNaN(s.monthsSincePublicRecord)),
  },
  {
    name: 'unsatisfiedPublicRecordCount',
    description: `Public records filed before asOf and not satisfied before asOf (satisfiedDate absent, null, or on or after asOf). 0 on a hit with none. ${NO_HIT}`,
    unit: 'count',
    source: 'bureau',
    riskDirection: 'increasing',
    reasonCode: 'RC07',
    isProtected: false,
    fromSummary: (s) => onHit(s, s.unsatisfiedPublicRecords),
  },
  // ------------------------------------------------------------------------------------ income
  {
    name: 'monthlyIncome',
    description: 'Monthly income: the verified annual income divided by 12 when one is given, else the stated annual income divided by 12. NaN without an income part.',
    unit: 'currency per month',
    source: 'income',
    riskDirection: 'decreasing',
    reasonCode: 'RC13',
    isProtected: false,
    fromSummary: (s) => annualIncome(s) / 12,
  },
  {
    name: 'debtToIncome',
    description: 'Monthly debt payments including the new loan over monthlyIncome. Debt payments: the scheduled monthlyPayment of every open tradeline whose status at asOf is not charged_off, collection, paid or closed; a revolving account without one counts 5% of its balance, an open (charge) account its full balance, an installment or mortgage account without one 0 when its balance is 0 and unknown otherwise. The new loan adds its estimated payment: a level annuity of requestedAmount over termMonths at an assumed 12% APR. NaN when monthlyIncome is 0 or missing, when any payment is unknown, or without a bureau hit (existing debt unknown).',
    unit: 'ratio',
    source: 'income',
    riskDirection: 'increasing',
    reasonCode: 'RC12',
    isProtected: false,
    fromSummary: (s) => onHit(s, ratio(s.monthlyDebtPayments + s.newLoanMonthlyPayment, annualIncome(s) / 12)),
  },
  {
    name: 'paymentToIncome',
    description: "The new loan's estimated monthly payment (level annuity of requestedAmount over termMonths at an assumed 12% APR) over monthlyIncome. Does not need the bureau. NaN when monthlyIncome is 0 or missing.",
    unit: 'ratio',
    source: 'income',
    riskDirection: 'increasing',
    reasonCode: 'RC12',
    isProtected: false,
    fromSummary: (s) => ratio(s.newLoanMonthlyPayment, annualIncome(s) / 12),
  },
  {
    name: 'verifiedToStatedIncome',
    description: 'Verified annual income over stated annual income (below 1: the applicant overstated). NaN when no verified income is given, the stated income is 0, or there is no income part.',
    unit: 'ratio',
    source: 'income',
    riskDirection: 'decreasing',
    reasonCode: 'RC14',
    isProtected: false,
    fromSummary: (s) => ratio(s.verifiedAnnualIncome, s.statedAnnualIncome),
  },
  {
    name: 'isIncomeVerified',
    description: 'Whether a verified annual income is given: 1 if so, 0 if only the stated income is known. NaN without an income part.',
    unit: 'flag (0/1)',
    source: 'income',
    riskDirection: 'decreasing',
    reasonCode: 'RC14',
    isProtected: false,
    fromSummary: (s) => (s.hasIncome ? (Number.isNaN(s.verifiedAnnualIncome) ? 0 : 1) : NaN_),
  },
  {
    name: 'employmentMonths',
    description: 'Completed months from the start of the current employment to asOf. NaN when the start date is absent or null, is on or after asOf, or there is no income part.',
    unit: 'months',
    source: 'income',
    riskDirection: 'decreasing',
    reasonCode: 'RC15',
    isProtected: false,
    fromSummary: (s) => s.employmentMonths,
  },
  // ------------------------------------------------------------------------------------ behaviour
  {
    name: 'averageMonthlyInflow6m',
    description: `Mean monthly bank inflow over the months 1 to 6 before asOf's month that have bank data. ${BANK} NaN when no bank month falls in the window.`,
    unit: 'currency per month',
    source: 'behavior',
    riskDirection: 'decreasing',
    reasonCode: 'RC16',
    isProtected: false,
    fromSummary: (s) => bankMean(s, s.bankInflow),
  },
  {
    name: 'inflowVolatility6m',
    description: `Coefficient of variation (population standard deviation over mean) of monthly bank inflow over the months 1 to 6 before asOf's month that have bank data. ${BANK} NaN with fewer than ${MIN_MONTHS_FOR_VOLATILITY} such months or a zero mean.`,
    unit: 'ratio (coefficient of variation)',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC16',
    isProtected: false,
    fromSummary: inflowVolatility,
  },
  {
    name: 'outflowToInflow6m',
    description: `Total bank outflow over total bank inflow in the months 1 to 6 before asOf's month (above 1: spending more than comes in). NaN when no bank month falls in the window or total inflow is 0.`,
    unit: 'ratio',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC17',
    isProtected: false,
    fromSummary: (s) => ratio(bankSum(s, s.bankOutflow), bankSum(s, s.bankInflow)),
  },
  {
    name: 'overdrafts6m',
    description: `Overdraft events in the bank months 1 to 6 before asOf's month (summed over accounts). NaN when no bank month falls in the window.`,
    unit: 'count',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC18',
    isProtected: false,
    fromSummary: (s) => (bankMonthsPresent(s) > 0 ? bankSum(s, s.bankOverdrafts) : NaN_),
  },
  {
    name: 'nsfCount6m',
    description: `Non-sufficient-funds (returned payment) events in the bank months 1 to 6 before asOf's month (summed over accounts). NaN when no bank month falls in the window.`,
    unit: 'count',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC18',
    isProtected: false,
    fromSummary: (s) => (bankMonthsPresent(s) > 0 ? bankSum(s, s.bankNsf) : NaN_),
  },
  {
    name: 'averageEndBalance6m',
    description: `Mean month-end bank balance (may be negative) over the months 1 to 6 before asOf's month that have bank data. ${BANK} NaN when no bank month falls in the window.`,
    unit: 'currency',
    source: 'behavior',
    riskDirection: 'decreasing',
    reasonCode: 'RC19',
    isProtected: false,
    fromSummary: (s) => bankMean(s, s.bankEndBalance),
  },
  {
    name: 'negativeBalanceMonths6m',
    description: `Months 1 to 6 before asOf's month whose month-end bank balance (summed over accounts) is below 0. NaN when no bank month falls in the window.`,
    unit: 'count (months)',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC19',
    isProtected: false,
    fromSummary: negativeBalanceMonths,
  },
  {
    name: 'monthsOfBankHistory',
    description: "Months from the earliest bank month before asOf's month to asOf's month (asOf month minus that month; gaps are not subtracted). NaN when there is no bank month before asOf's month.",
    unit: 'months',
    source: 'behavior',
    riskDirection: 'decreasing',
    reasonCode: 'RC20',
    isProtected: false,
    fromSummary: (s) => (s.bankHistoryMonths > 0 ? s.bankHistoryMonths : NaN_),
  },
  {
    name: 'billOnTimeRatio12m',
    description: "Share of utility and telecom bills paid on time among those of the months 1 to 12 before asOf's month (each provider's bill counts once). NaN when no bill falls in the window.",
    unit: 'ratio',
    source: 'behavior',
    riskDirection: 'decreasing',
    reasonCode: 'RC21',
    isProtected: false,
    fromSummary: (s) => ratio(s.billsOnTime12m, s.bills12m),
  },
  {
    name: 'lateBillCount12m',
    description: "Utility and telecom bills paid late in the months 1 to 12 before asOf's month. NaN when no bill falls in the window.",
    unit: 'count',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC21',
    isProtected: false,
    fromSummary: (s) => (s.bills12m > 0 ? s.bills12m - s.billsOnTime12m : NaN_),
  },
  {
    name: 'monthsOfBillHistory',
    description: "Months from the earliest utility or telecom bill before asOf's month to asOf's month (asOf month minus that month). NaN when there is no bill before asOf's month.",
    unit: 'months',
    source: 'behavior',
    riskDirection: 'decreasing',
    reasonCode: 'RC22',
    isProtected: false,
    fromSummary: (s) => (s.billHistoryMonths > 0 ? s.billHistoryMonths : NaN_),
  },
  {
    name: 'gamblingShareOfSpending6m',
    description: "Spending on gambling over all categorised spending in the months 1 to 6 before asOf's month. 0 when there is spending but none on gambling. NaN when no spending data is given or none falls in the window (zero total).",
    unit: 'ratio',
    source: 'behavior',
    riskDirection: 'increasing',
    reasonCode: 'RC23',
    isProtected: false,
    fromSummary: (s) => (s.hasSpending ? ratio(s.gamblingSpending6m, s.spending6m) : NaN_),
  },
  // ------------------------------------------------------------------------------------ application
  {
    name: 'requestedAmount',
    description: 'Amount of credit requested on the application. Never missing.',
    unit: 'currency',
    source: 'application',
    riskDirection: 'increasing',
    reasonCode: 'RC24',
    isProtected: false,
    fromSummary: (s) => s.requestedAmount,
  },
  {
    name: 'termMonths',
    description: 'Term of the requested loan in months, as stated on the application. Never missing.',
    unit: 'months',
    source: 'application',
    riskDirection: 'increasing',
    reasonCode: 'RC26',
    isProtected: false,
    fromSummary: (s) => s.termMonths,
  },
  {
    name: 'loanToIncome',
    description: 'Requested amount over annual income (verified when given, else stated). NaN when that income is 0 or there is no income part.',
    unit: 'ratio',
    source: 'application',
    riskDirection: 'increasing',
    reasonCode: 'RC25',
    isProtected: false,
    fromSummary: (s) => ratio(s.requestedAmount, annualIncome(s)),
  },
  {
    name: 'isHomeowner',
    description: 'Housing status: 1 when the applicant owns the home (outright or with a mortgage), 0 when renting, living with family or other. Never missing.',
    unit: 'flag (0/1)',
    source: 'application',
    riskDirection: 'decreasing',
    reasonCode: 'RC27',
    isProtected: false,
    fromSummary: (s) => s.isHomeowner,
  },
  {
    name: 'applicantAgeYears',
    description: 'Age at asOf in completed years, from the protected birthDate. PROTECTED: training refuses it unless the caller opts in, and reason codes never cite it. NaN when no birthDate is given or it is not before asOf.',
    unit: 'years',
    source: 'application',
    riskDirection: 'none',
    reasonCode: 'RC90',
    isProtected: true,
    fromSummary: (s) => s.ageYears,
  },
];
