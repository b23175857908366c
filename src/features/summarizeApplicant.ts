/**
 * The per-applicant summary every catalogue feature reads: one pass over each list of the
 * applicant (tradelines with their histories, inquiries, public records, bank months, bill
 * payments, spending), applying the point-in-time rules of `schema/applicant.ts` once.
 *
 * Point-in-time rules (decision date `asOf`, its month `M`):
 * - a tradeline exists only when `openedDate < asOf`; it is open at `asOf` when `closedDate` is
 *   null/absent or `closedDate >= asOf` (closing on or after the decision date = still open);
 * - a monthly entry (history, bank month, bill, spending) counts only when its month is before
 *   `M`; "months ago" of a monthly entry is `M − month` (so the month before `asOf`'s month is 1
 *   month ago, and "the last 12 months" are months ago 1..12);
 * - a dated event (inquiry, public record, account opening) counts only when dated before `asOf`;
 *   its age is the number of completed calendar months to `asOf`, and "within the last 6 months"
 *   means fewer than 6 completed months;
 * - a tradeline snapshot (`balance`, `status`) is used only when its `reportedDate < asOf`. Without
 *   `reportedDate` the snapshot is dated at the end of the latest history month (so usable only when
 *   that month is before `M`); without `reportedDate` and without history it is taken to be the
 *   bureau pull made for this decision, hence usable. When the snapshot is not usable, the latest
 *   usable history entry stands in (its `balance` and `status`, each missing when that entry lacks
 *   it); with no usable entry either, balance and status are missing;
 * - `creditLimit`, `originalAmount` and `monthlyPayment` are account terms, not dated snapshots:
 *   they are read whenever the tradeline exists.
 * - entries are taken as given: a month listed twice in one tradeline's history counts twice; bank
 *   months of the same month (several accounts) are summed.
 *
 * Summaries are plain mutable records so that batch extraction reuses one per call (no per-row
 * allocation).
 *
 * @module
 */
import type { Applicant } from '../schema/applicant.js';

// ---------------------------------------------------------------------------------------------
// Date arithmetic. Inputs are ISO strings already validated by the applicant schema (`YYYY-MM-DD`
// dates, `YYYY-MM` months), so digits are read with `charCodeAt` (no `Date`, no allocation). ISO
// dates compare correctly as strings, so "dated before asOf" is a plain string comparison. Kept in
// this module so that the hot loops call them directly (no cross-module binding).
// ---------------------------------------------------------------------------------------------

function digit(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Months since year 0 of `YYYY-MM` or `YYYY-MM-DD` (the month it falls in). */
export function monthIndex(s: string): number {
  return (digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)) * 12 + digit(s, 5) * 10 + digit(s, 6) - 1;
}

/** Day of month of `YYYY-MM-DD`. */
export function dayOfMonth(s: string): number {
  return digit(s, 8) * 10 + digit(s, 9);
}

/** Number of days in the month of `YYYY-MM-DD`. */
function daysInMonth(s: string): number {
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Completed calendar months from date `from` to date `to` (`from <= to`): one month completes on
 * the same day of the next month, or on that month's last day when it is shorter
 * (2024-01-31 → 2024-02-29 is 1 month; 2024-01-31 → 2024-02-28 is 0).
 */
export function completedMonths(from: string, to: string): number {
  let months = monthIndex(to) - monthIndex(from);
  const dayTo = dayOfMonth(to);
  if (dayTo < dayOfMonth(from) && dayTo < daysInMonth(to)) months -= 1;
  return months;
}

/** Number of monthly slots kept for bank-account aggregates (the 6-month window). */
export const BANK_WINDOW_MONTHS = 6;

/**
 * Annual percentage rate assumed to estimate the new loan's monthly payment (level annuity over
 * `termMonths` at `rate / 12` a month). Scoring happens before pricing, so a fixed documented rate
 * keeps payment-based features independent of the price offered.
 *
 * @category Features
 * @example
 * NEW_LOAN_ASSUMED_APR; //=> 0.12
 */
export const NEW_LOAN_ASSUMED_APR = 0.12;

/**
 * Share of the balance taken as the monthly payment of a revolving account that reports no
 * scheduled payment (the usual mortgage-underwriting convention for revolving debt).
 *
 * @category Features
 * @example
 * REVOLVING_PAYMENT_SHARE; //=> 0.05
 */
export const REVOLVING_PAYMENT_SHARE = 0.05;

/**
 * A bureau file with fewer usable tradelines than this is thin (`isThinFile`). A usable tradeline
 * was opened before `asOf` and has a usable snapshot or a payment-history month before `asOf`'s month.
 *
 * @category Features
 * @example
 * THIN_FILE_MIN_TRADELINES; //=> 3
 */
export const THIN_FILE_MIN_TRADELINES = 3;

/** The summary all catalogue features read. Fields hold `NaN` when unknown. */
export interface ApplicantSummary {
  /** `'hit'`, `'no_hit'`, or `'unknown'` (report unavailable or bureau part absent). */
  bureau: 'hit' | 'no_hit' | 'unknown';
  // --- tradelines (meaningful only on a hit)
  tradeCount: number;
  usableTradeCount: number;
  openTradeCount: number;
  tradesOpened12m: number;
  /** Largest completed-month age among existing tradelines; -1 when none. */
  oldestTradeMonths: number;
  sumTradeAgeMonths: number;
  totalBalance: number;
  revolvingBalance: number;
  utilizationBalance: number;
  utilizationLimit: number;
  monthlyDebtPayments: number;
  observedTradeMonths12: number;
  observedTradeMonths24: number;
  dpd30Months12: number;
  dpd60Months12: number;
  dpd90Months12: number;
  dpd30Months24: number;
  dpd60Months24: number;
  dpd90Months24: number;
  /** Fewest months ago of a 30+ days-past-due history month; +Infinity when none. */
  monthsSinceDelinquency: number;
  /** Worst status bucket seen in the last 24 months; -1 when nothing was observed. */
  worstStatus24m: number;
  chargedOffTrades: number;
  collectionTrades: number;
  /** Tradelines whose status as of asOf (usable snapshot, else latest usable history entry) is charged_off or collection. */
  derogatoryTrades: number;
  // --- inquiries and public records
  hardInquiries6m: number;
  hardInquiries12m: number;
  /** +Infinity when none. */
  monthsSinceHardInquiry: number;
  publicRecords: number;
  unsatisfiedPublicRecords: number;
  /** +Infinity when none. */
  monthsSincePublicRecord: number;
  // --- income
  hasIncome: boolean;
  statedAnnualIncome: number;
  verifiedAnnualIncome: number;
  employmentMonths: number;
  // --- application
  requestedAmount: number;
  termMonths: number;
  newLoanMonthlyPayment: number;
  isHomeowner: number;
  ageYears: number;
  // --- behaviour: bank months, slot k = k + 1 months ago
  bankInflow: Float64Array;
  bankOutflow: Float64Array;
  bankEndBalance: Float64Array;
  bankOverdrafts: Float64Array;
  bankNsf: Float64Array;
  bankPresent: Uint8Array;
  /** Most months ago of a usable bank month; 0 when none. */
  bankHistoryMonths: number;
  bills12m: number;
  billsOnTime12m: number;
  /** Most months ago of a usable bill; 0 when none. */
  billHistoryMonths: number;
  hasSpending: boolean;
  spending6m: number;
  gamblingSpending6m: number;
}

/** A fresh, empty summary (reuse it across applicants with {@link summarizeApplicant}'s `into`). */
export function createApplicantSummary(): ApplicantSummary {
  return {
    bureau: 'unknown',
    tradeCount: 0,
    usableTradeCount: 0,
    openTradeCount: 0,
    tradesOpened12m: 0,
    oldestTradeMonths: -1,
    sumTradeAgeMonths: 0,
    totalBalance: 0,
    revolvingBalance: 0,
    utilizationBalance: 0,
    utilizationLimit: 0,
    monthlyDebtPayments: 0,
    observedTradeMonths12: 0,
    observedTradeMonths24: 0,
    dpd30Months12: 0,
    dpd60Months12: 0,
    dpd90Months12: 0,
    dpd30Months24: 0,
    dpd60Months24: 0,
    dpd90Months24: 0,
    monthsSinceDelinquency: Number.POSITIVE_INFINITY,
    worstStatus24m: -1,
    chargedOffTrades: 0,
    collectionTrades: 0,
    derogatoryTrades: 0,
    hardInquiries6m: 0,
    hardInquiries12m: 0,
    monthsSinceHardInquiry: Number.POSITIVE_INFINITY,
    publicRecords: 0,
    unsatisfiedPublicRecords: 0,
    monthsSincePublicRecord: Number.POSITIVE_INFINITY,
    hasIncome: false,
    statedAnnualIncome: Number.NaN,
    verifiedAnnualIncome: Number.NaN,
    employmentMonths: Number.NaN,
    requestedAmount: Number.NaN,
    termMonths: Number.NaN,
    newLoanMonthlyPayment: Number.NaN,
    isHomeowner: Number.NaN,
    ageYears: Number.NaN,
    bankInflow: new Float64Array(BANK_WINDOW_MONTHS),
    bankOutflow: new Float64Array(BANK_WINDOW_MONTHS),
    bankEndBalance: new Float64Array(BANK_WINDOW_MONTHS),
    bankOverdrafts: new Float64Array(BANK_WINDOW_MONTHS),
    bankNsf: new Float64Array(BANK_WINDOW_MONTHS),
    bankPresent: new Uint8Array(BANK_WINDOW_MONTHS),
    bankHistoryMonths: 0,
    bills12m: 0,
    billsOnTime12m: 0,
    billHistoryMonths: 0,
    hasSpending: false,
    spending6m: 0,
    gamblingSpending6m: 0,
  };
}

function reset(s: ApplicantSummary): void {
  s.bureau = 'unknown';
  s.tradeCount = 0;
  s.usableTradeCount = 0;
  s.openTradeCount = 0;
  s.tradesOpened12m = 0;
  s.oldestTradeMonths = -1;
  s.sumTradeAgeMonths = 0;
  s.totalBalance = 0;
  s.revolvingBalance = 0;
  s.utilizationBalance = 0;
  s.utilizationLimit = 0;
  s.monthlyDebtPayments = 0;
  s.observedTradeMonths12 = 0;
  s.observedTradeMonths24 = 0;
  s.dpd30Months12 = 0;
  s.dpd60Months12 = 0;
  s.dpd90Months12 = 0;
  s.dpd30Months24 = 0;
  s.dpd60Months24 = 0;
  s.dpd90Months24 = 0;
  s.monthsSinceDelinquency = Number.POSITIVE_INFINITY;
  s.worstStatus24m = -1;
  s.chargedOffTrades = 0;
  s.collectionTrades = 0;
  s.derogatoryTrades = 0;
  s.hardInquiries6m = 0;
  s.hardInquiries12m = 0;
  s.monthsSinceHardInquiry = Number.POSITIVE_INFINITY;
  s.publicRecords = 0;
  s.unsatisfiedPublicRecords = 0;
  s.monthsSincePublicRecord = Number.POSITIVE_INFINITY;
  s.hasIncome = false;
  s.statedAnnualIncome = Number.NaN;
  s.verifiedAnnualIncome = Number.NaN;
  s.employmentMonths = Number.NaN;
  s.requestedAmount = Number.NaN;
  s.termMonths = Number.NaN;
  s.newLoanMonthlyPayment = Number.NaN;
  s.isHomeowner = Number.NaN;
  s.ageYears = Number.NaN;
  s.bankInflow.fill(0);
  s.bankOutflow.fill(0);
  s.bankEndBalance.fill(0);
  s.bankOverdrafts.fill(0);
  s.bankNsf.fill(0);
  s.bankPresent.fill(0);
  s.bankHistoryMonths = 0;
  s.bills12m = 0;
  s.billsOnTime12m = 0;
  s.billHistoryMonths = 0;
  s.hasSpending = false;
  s.spending6m = 0;
  s.gamblingSpending6m = 0;
}

/**
 * Ordinal delinquency bucket of one observation: 0 = under 30 days past due, 1 = 30–59,
 * 2 = 60–89, 3 = 90–119, 4 = 120+, 5 = charged off or in collection. A `delinquent` status with
 * fewer than 30 reported days counts as bucket 1.
 */
export function statusBucket(daysPastDue: number, status: string | undefined): number {
  if (status === 'charged_off' || status === 'collection') return 5;
  const bucket = daysPastDue >= 120 ? 4 : daysPastDue >= 90 ? 3 : daysPastDue >= 60 ? 2 : daysPastDue >= 30 ? 1 : 0;
  return status === 'delinquent' && bucket < 1 ? 1 : bucket;
}

/**
 * Monthly payment of a level-annuity loan of `amount` over `termMonths` at `apr` a year
 * (`amount · r / (1 − (1 + r)^−n)`, `r = apr / 12`; `amount / n` when `apr` is 0).
 */
export function annuityPayment(amount: number, termMonths: number, apr: number): number {
  const r = apr / 12;
  if (r === 0) return amount / termMonths;
  return (amount * r) / (1 - (1 + r) ** -termMonths);
}

/**
 * Summarises `applicant` as of the decision date `asOf` (`YYYY-MM-DD`, already validated) into
 * `into` (reset first), in one pass over each list. O(total list lengths).
 */
export function summarizeApplicant(applicant: Applicant, asOf: string, into: ApplicantSummary = createApplicantSummary()): ApplicantSummary {
  const s = into;
  reset(s);
  const asOfMonth = monthIndex(asOf);

  // ---------------------------------------------------------------- application
  const app = applicant.application;
  s.requestedAmount = app.requestedAmount;
  s.termMonths = app.termMonths;
  s.newLoanMonthlyPayment = annuityPayment(app.requestedAmount, app.termMonths, NEW_LOAN_ASSUMED_APR);
  s.isHomeowner = app.housing === 'own' || app.housing === 'mortgage' ? 1 : 0;
  const birthDate = app.protected?.birthDate;
  if (birthDate !== undefined && birthDate < asOf) s.ageYears = Math.floor(completedMonths(birthDate, asOf) / 12);

  // ---------------------------------------------------------------- income
  const income = applicant.income;
  if (income !== undefined) {
    s.hasIncome = true;
    s.statedAnnualIncome = income.statedAnnual;
    s.verifiedAnnualIncome = income.verifiedAnnual ?? Number.NaN;
    const start = income.employmentStartDate;
    if (start != null && start < asOf) s.employmentMonths = completedMonths(start, asOf);
  }

  // ---------------------------------------------------------------- bureau
  const bureau = applicant.bureau;
  if (bureau !== undefined && bureau.status === 'hit') {
    s.bureau = 'hit';
    summarizeTradelines(s, bureau.tradelines, asOf, asOfMonth);
    for (const q of bureau.inquiries) {
      if (q.type !== 'hard' || !(q.date < asOf)) continue;
      const ago = completedMonths(q.date, asOf);
      if (ago < 12) {
        s.hardInquiries12m++;
        if (ago < 6) s.hardInquiries6m++;
      }
      if (ago < s.monthsSinceHardInquiry) s.monthsSinceHardInquiry = ago;
    }
    for (const r of bureau.publicRecords) {
      if (!(r.filedDate < asOf)) continue;
      s.publicRecords++;
      if (r.satisfiedDate == null || r.satisfiedDate >= asOf) s.unsatisfiedPublicRecords++;
      const ago = completedMonths(r.filedDate, asOf);
      if (ago < s.monthsSincePublicRecord) s.monthsSincePublicRecord = ago;
    }
  } else if (bureau !== undefined && bureau.status === 'no_hit') {
    s.bureau = 'no_hit';
  }

  // ---------------------------------------------------------------- behaviour
  const behavior = applicant.behavior;
  if (behavior !== undefined) {
    for (const b of behavior.bankMonths) {
      const ago = asOfMonth - monthIndex(b.month);
      if (ago < 1) continue;
      if (ago > s.bankHistoryMonths) s.bankHistoryMonths = ago;
      if (ago <= BANK_WINDOW_MONTHS) {
        const k = ago - 1;
        s.bankPresent[k] = 1;
        s.bankInflow[k] += b.inflow;
        s.bankOutflow[k] += b.outflow;
        s.bankEndBalance[k] += b.endBalance;
        s.bankOverdrafts[k] += b.overdraftCount;
        s.bankNsf[k] += b.nsfCount;
      }
    }
    for (const p of behavior.billPayments) {
      const ago = asOfMonth - monthIndex(p.month);
      if (ago < 1) continue;
      if (ago > s.billHistoryMonths) s.billHistoryMonths = ago;
      if (ago <= 12) {
        s.bills12m++;
        if (p.onTime) s.billsOnTime12m++;
      }
    }
    const spending = behavior.spending;
    if (spending !== undefined) {
      s.hasSpending = true;
      for (const e of spending) {
        const ago = asOfMonth - monthIndex(e.month);
        if (ago < 1 || ago > 6) continue;
        s.spending6m += e.amount;
        if (e.category === 'gambling') s.gamblingSpending6m += e.amount;
      }
    }
  }
  return s;
}

type Tradelines = Extract<NonNullable<Applicant['bureau']>, { status: 'hit' }>['tradelines'];

function summarizeTradelines(s: ApplicantSummary, tradelines: Tradelines, asOf: string, asOfMonth: number): void {
  for (const t of tradelines) {
    if (!(t.openedDate < asOf)) continue; // not opened yet at the decision date
    s.tradeCount++;
    const isOpen = t.closedDate == null || t.closedDate >= asOf;
    const ageMonths = completedMonths(t.openedDate, asOf);
    s.sumTradeAgeMonths += ageMonths;
    if (ageMonths > s.oldestTradeMonths) s.oldestTradeMonths = ageMonths;
    if (ageMonths < 12) s.tradesOpened12m++;

    // One pass over the history: delinquency counts, worst status, "ever" flags, latest entries.
    let latestMonthAll = -1;
    let latestUsableMonth = -1;
    let latestUsable: (typeof t.history)[number] | undefined;
    let usableEntries = 0;
    let everChargedOff = false;
    let everCollection = false;
    for (const h of t.history) {
      const m = monthIndex(h.month);
      if (m > latestMonthAll) latestMonthAll = m;
      const ago = asOfMonth - m;
      if (ago < 1) continue;
      usableEntries++;
      if (m > latestUsableMonth) {
        latestUsableMonth = m;
        latestUsable = h;
      }
      const dpd = h.daysPastDue;
      const st = h.status;
      if (st === 'charged_off') everChargedOff = true;
      else if (st === 'collection') everCollection = true;
      if (dpd >= 30 && ago < s.monthsSinceDelinquency) s.monthsSinceDelinquency = ago;
      if (ago <= 24) {
        s.observedTradeMonths24++;
        const bucket = statusBucket(dpd, st);
        if (bucket > s.worstStatus24m) s.worstStatus24m = bucket;
        if (dpd >= 30) {
          s.dpd30Months24++;
          if (dpd >= 60) s.dpd60Months24++;
          if (dpd >= 90) s.dpd90Months24++;
        }
        if (ago <= 12) {
          s.observedTradeMonths12++;
          if (dpd >= 30) {
            s.dpd30Months12++;
            if (dpd >= 60) s.dpd60Months12++;
            if (dpd >= 90) s.dpd90Months12++;
          }
        }
      }
    }

    // The tradeline's state at asOf: the snapshot when usable, else the latest usable history entry.
    let snapshotMonthsAgo: number;
    let isSnapshotUsable: boolean;
    if (t.reportedDate !== undefined) {
      isSnapshotUsable = t.reportedDate < asOf;
      snapshotMonthsAgo = asOfMonth - monthIndex(t.reportedDate);
    } else if (latestMonthAll >= 0) {
      isSnapshotUsable = latestMonthAll < asOfMonth;
      snapshotMonthsAgo = asOfMonth - latestMonthAll;
    } else {
      isSnapshotUsable = true; // no date at all: the pull made for this decision
      snapshotMonthsAgo = 0;
    }
    let balance: number;
    let status: string | undefined;
    if (isSnapshotUsable) {
      balance = t.balance;
      status = t.status;
      if (status === 'charged_off') everChargedOff = true;
      else if (status === 'collection') everCollection = true;
      if (snapshotMonthsAgo <= 24) {
        const bucket = statusBucket(0, status);
        if (bucket > s.worstStatus24m) s.worstStatus24m = bucket;
      }
    } else if (latestUsable !== undefined) {
      balance = latestUsable.balance ?? Number.NaN;
      status = latestUsable.status;
    } else {
      balance = Number.NaN;
      status = undefined;
    }
    if (isSnapshotUsable || usableEntries > 0) s.usableTradeCount++;
    if (everChargedOff) s.chargedOffTrades++;
    if (everCollection) s.collectionTrades++;
    if (status === 'charged_off' || status === 'collection') s.derogatoryTrades++;

    s.totalBalance += balance; // NaN (unknown balance) propagates: a sum is never silently short
    if (!isOpen) continue;
    s.openTradeCount++;
    if (t.kind === 'revolving') {
      s.revolvingBalance += balance;
      if (t.creditLimit != null) {
        s.utilizationBalance += balance;
        s.utilizationLimit += t.creditLimit;
      }
    }
    if (status !== 'charged_off' && status !== 'collection' && status !== 'paid' && status !== 'closed') {
      let payment: number;
      if (t.monthlyPayment != null) payment = t.monthlyPayment;
      else if (t.kind === 'revolving') payment = REVOLVING_PAYMENT_SHARE * balance;
      else if (t.kind === 'open') payment = balance; // charge account: due in full each month
      else payment = balance === 0 ? 0 : Number.NaN; // installment/mortgage owing an unknown payment
      s.monthlyDebtPayments += payment;
    }
  }
}
