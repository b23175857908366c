/**
 * Golden applicants for the feature catalogue. Each has every feature's expected value written by
 * hand in `expected`, with the arithmetic in comments for the non-trivial ones. Dates: unless
 * stated, asOf = 2024-06-15, so asOf's month is 2024-06 and "months ago" of a monthly entry is
 * 2024-06 minus its month (2024-05 → 1, 2023-06 → 12, 2022-06 → 24).
 *
 * Completed months between dates d1 → d2: month difference, minus 1 when d2's day < d1's day (and
 * d2 is not its month's last day). New-loan payment: P · 0.01 / (1 − 1.01^−n) (12% APR / 12).
 */
import type { ApplicantInput } from '../../src/schema/applicant.js';

type HistoryEntry = { month: string; daysPastDue: number; balance?: number; status?: 'current' | 'delinquent' | 'charged_off' | 'collection' | 'paid' | 'closed' };

/** `count` consecutive months from `start` (YYYY-MM), each at 0 days past due unless `dpd` says otherwise. */
export function months(start: string, count: number, dpd: Record<string, number> = {}): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (let i = 0; i < count; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, daysPastDue: dpd[month] ?? 0 });
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

export interface Golden {
  readonly label: string;
  readonly input: ApplicantInput;
  readonly expected: Readonly<Record<string, number>>;
  /** Every tradeline carries an explicit reportedDate (needed by the append-future-events test). */
  readonly hasExplicitSnapshotDates: boolean;
}

// ------------------------------------------------------------------------------------------------
// A. Prime borrower with a long, clean history.
// ------------------------------------------------------------------------------------------------
const prime: Golden = {
  label: 'prime, long clean history',
  hasExplicitSnapshotDates: true,
  input: {
    asOf: '2024-06-15',
    application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'mortgage', protected: { birthDate: '1980-03-10' } },
    bureau: {
      status: 'hit',
      tradelines: [
        // T1: age 2008-04-20 → 2024-06-15 = 194 months, day 15 < 20 → 193
        { kind: 'revolving', openedDate: '2008-04-20', creditLimit: 10000, balance: 1500, monthlyPayment: 45, status: 'current', reportedDate: '2024-05-31', history: months('2022-06', 24) },
        // T2: age 113; no scheduled payment → 5% of 500 = 25; an old 30-dpd month 2019-07 (59 months ago)
        { kind: 'revolving', openedDate: '2015-01-10', creditLimit: 5000, balance: 500, monthlyPayment: null, status: 'current', reportedDate: '2024-06-01', history: [...months('2023-06', 12), { month: '2019-07', daysPastDue: 30 }] },
        // T3: age 2012-07-01 → 143
        { kind: 'mortgage', openedDate: '2012-07-01', originalAmount: 300000, balance: 210000, monthlyPayment: 1800, status: 'current', reportedDate: '2024-05-31', history: months('2022-06', 24) },
        // T4: closed 2023-02-15 (before asOf: not open), paid; age 2019-02-15 → 64
        { kind: 'installment', openedDate: '2019-02-15', closedDate: '2023-02-15', originalAmount: 20000, balance: 0, monthlyPayment: 400, status: 'paid', reportedDate: '2023-02-28', history: months('2022-06', 8) },
        // T5: new card, age 2023-11-05 → 7 (opened in the last 12 months)
        { kind: 'revolving', openedDate: '2023-11-05', creditLimit: 2000, balance: 0, monthlyPayment: 0, status: 'current', reportedDate: '2024-05-31', history: months('2023-12', 6) },
      ],
      inquiries: [
        { date: '2024-01-10', type: 'hard' }, // 5 completed months
        { date: '2023-03-01', type: 'hard' }, // 15 months: outside 12
        { date: '2024-05-01', type: 'soft' }, // soft: ignored
      ],
      publicRecords: [],
    },
    income: { statedAnnual: 96000, verifiedAnnual: 90000, payFrequency: 'monthly', employmentStartDate: '2015-09-01', employmentType: 'employed' },
    behavior: {
      bankMonths: [
        { month: '2023-12', inflow: 7000, outflow: 6000, endBalance: 3000, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-01', inflow: 7200, outflow: 6000, endBalance: 3200, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-02', inflow: 6800, outflow: 6000, endBalance: 3100, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-03', inflow: 7000, outflow: 6000, endBalance: 3300, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-04', inflow: 7400, outflow: 6000, endBalance: 3500, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-05', inflow: 6600, outflow: 6000, endBalance: 3400, overdraftCount: 0, nsfCount: 0 },
        { month: '2023-01', inflow: 5000, outflow: 4000, endBalance: 900, overdraftCount: 2, nsfCount: 1 }, // 17 months ago: history only
      ],
      billPayments: [
        ...months('2023-06', 12).map((h) => ({ month: h.month, provider: 'telecom' as const, onTime: h.month !== '2023-08' })),
        { month: '2022-01', provider: 'utility', onTime: true }, // 29 months ago
      ],
      spending: [
        { month: '2024-05', category: 'essentials', amount: 2000 },
        { month: '2024-05', category: 'discretionary', amount: 900 },
        { month: '2024-05', category: 'gambling', amount: 100 },
        { month: '2023-10', category: 'gambling', amount: 500 }, // 8 months ago: outside 6
      ],
    },
  },
  expected: {
    hasBureauHit: 1,
    isThinFile: 0, // 5 usable tradelines >= 3
    openTradeCount: 4, // T1, T2, T3, T5 (T4 closed 2023-02-15)
    tradesOpened12m: 1, // T5
    revolvingUtilization: 2000 / 17000, // (1500 + 500 + 0) / (10000 + 5000 + 2000) = 0.117647...
    totalBalance: 212000, // 1500 + 500 + 210000 + 0 + 0
    revolvingBalance: 2000, // T1 1500 + T2 500 + T5 0
    monthsSinceMostRecentDelinquency: 59, // 2024-06 − 2019-07 = 4·12 + 11 = 59
    count30dpd12m: 0,
    count60dpd12m: 0,
    count90dpd12m: 0,
    count30dpd24m: 0,
    count60dpd24m: 0,
    count90dpd24m: 0,
    worstStatus24m: 0,
    chargedOffCount: 0,
    collectionCount: 0,
    derogatoryTradeCount: 0,
    hardInquiries6m: 1,
    hardInquiries12m: 1,
    monthsSinceMostRecentInquiry: 5, // 2024-01-10 → 2024-06-15
    monthsOldestTrade: 193,
    averageTradeAgeMonths: 104, // (193 + 113 + 143 + 64 + 7) / 5 = 520 / 5
    publicRecordCount: 0,
    monthsSinceMostRecentPublicRecord: Number.NaN,
    unsatisfiedPublicRecordCount: 0,
    monthlyIncome: 7500, // verified 90000 / 12
    // payments: T1 45 + T2 25 + T3 1800 + T5 0 = 1870; new loan 12000·0.01/(1 − 1.01^−36) = 398.571717754214
    debtToIncome: (1870 + 398.571717754214) / 7500, // = 0.302476229...
    paymentToIncome: 398.571717754214 / 7500, // = 0.053142895...
    verifiedToStatedIncome: 0.9375, // 90000 / 96000
    isIncomeVerified: 1,
    employmentMonths: 105, // 2015-09-01 → 2024-06-15: 9·12 − 3 = 105
    averageMonthlyInflow6m: 7000, // (7000 + 7200 + 6800 + 7000 + 7400 + 6600) / 6
    // deviations 0, 200, −200, 0, 400, −400 → Σd² = 400000; sd = √(400000/6) = 258.19889; / 7000
    inflowVolatility6m: Math.sqrt(400000 / 6) / 7000, // = 0.036885556
    outflowToInflow6m: 36000 / 42000, // = 0.857142857
    overdrafts6m: 0,
    nsfCount6m: 0,
    averageEndBalance6m: 3250, // (3000 + 3200 + 3100 + 3300 + 3500 + 3400) / 6 = 19500 / 6
    negativeBalanceMonths6m: 0,
    monthsOfBankHistory: 17, // 2024-06 − 2023-01
    billOnTimeRatio12m: 11 / 12, // 12 telecom bills 2023-06..2024-05, 2023-08 late
    lateBillCount12m: 1,
    monthsOfBillHistory: 29, // 2024-06 − 2022-01 = 2·12 + 5
    gamblingShareOfSpending6m: 100 / 3000, // 2024-05 only: 100 / (2000 + 900 + 100)
    requestedAmount: 12000,
    termMonths: 36,
    loanToIncome: 12000 / 90000, // = 0.1333...
    isHomeowner: 1, // mortgage
    applicantAgeYears: 44, // 1980-03-10 → 2024-06-15: 531 completed months → 44 years
  },
};

// ------------------------------------------------------------------------------------------------
// B. Subprime: recent delinquencies, a charge-off, a collection, public records, a future snapshot.
// ------------------------------------------------------------------------------------------------
const subprime: Golden = {
  label: 'subprime, delinquent with derogatories',
  hasExplicitSnapshotDates: true,
  input: {
    asOf: '2024-06-15',
    application: { requestedAmount: 5000, termMonths: 24, purpose: 'debt_consolidation', housing: 'rent' },
    bureau: {
      status: 'hit',
      tradelines: [
        // T1: age 2020-05-10 → 49; snapshot 2024-06-05 (< asOf, usable): delinquent, 2850 of 3000.
        // 30+ months in the last 12: 2024-01 (30), 2024-02 (60), 2024-04 (30), 2024-05 (60); 2022-09 (90) is 21 months ago.
        {
          kind: 'revolving', openedDate: '2020-05-10', creditLimit: 3000, balance: 2850, monthlyPayment: 90, status: 'delinquent', reportedDate: '2024-06-05',
          history: [...months('2023-06', 12, { '2024-01': 30, '2024-02': 60, '2024-04': 30, '2024-05': 60 }), { month: '2022-09', daysPastDue: 90 }],
        },
        // T2: charged off, closed 2022-03-01, snapshot 2022-04-30 (26 months ago: outside 24); age 2019-08-01 → 58.
        {
          kind: 'installment', openedDate: '2019-08-01', closedDate: '2022-03-01', originalAmount: 8000, balance: 4200, monthlyPayment: null, status: 'charged_off', reportedDate: '2022-04-30',
          history: [
            { month: '2021-08', daysPastDue: 30 }, { month: '2021-09', daysPastDue: 60 }, { month: '2021-10', daysPastDue: 90 },
            { month: '2021-11', daysPastDue: 120 }, { month: '2021-12', daysPastDue: 150, status: 'charged_off' },
          ],
        },
        // T3: in collection, closed 2023-06-30; snapshot 2024-03-31 usable; 2023-05 at 120 dpd (13 months ago); age 2021-02-01 → 40.
        {
          kind: 'revolving', openedDate: '2021-02-01', closedDate: '2023-06-30', creditLimit: 1000, balance: 600, monthlyPayment: null, status: 'collection', reportedDate: '2024-03-31',
          history: [{ month: '2023-05', daysPastDue: 120, status: 'collection' }],
        },
        // T4: snapshot reported 2024-07-31 (after asOf): ignored; state from the latest usable history month 2024-05
        // (balance 3300, status current). The 2024-06 entry is in asOf's month: ignored. Age 2023-09-12 → 9.
        {
          kind: 'installment', openedDate: '2023-09-12', originalAmount: 4000, balance: 3500, monthlyPayment: 180, status: 'current', reportedDate: '2024-07-31',
          history: [
            ...months('2023-10', 6),
            { month: '2024-04', daysPastDue: 0, balance: 3400 },
            { month: '2024-05', daysPastDue: 0, balance: 3300, status: 'current' },
            { month: '2024-06', daysPastDue: 45, balance: 3250, status: 'delinquent' },
          ],
        },
        // T5: opened after asOf: does not exist yet.
        { kind: 'revolving', openedDate: '2024-07-01', creditLimit: 5000, balance: 4000, status: 'current', reportedDate: '2024-07-31', history: [{ month: '2024-01', daysPastDue: 90 }] },
      ],
      inquiries: [
        { date: '2024-06-01', type: 'hard' }, // 0 months
        { date: '2024-05-20', type: 'hard' }, // 1 − 1 (15 < 20) = 0 months
        { date: '2024-02-14', type: 'hard' }, // 4 months
        { date: '2023-09-30', type: 'hard' }, // 9 − 1 = 8 months: 12m only
        { date: '2023-05-01', type: 'hard' }, // 13 months: neither
        { date: '2024-06-10', type: 'soft' }, // soft
        { date: '2024-06-15', type: 'hard' }, // on asOf: ignored
      ],
      publicRecords: [
        { type: 'judgment', filedDate: '2021-11-03', satisfiedDate: '2023-01-10' },
        { type: 'tax_lien', filedDate: '2022-08-20', satisfiedDate: null },
        { type: 'judgment', filedDate: '2023-12-01', satisfiedDate: '2024-07-01' }, // satisfied after asOf: unsatisfied at asOf
        { type: 'bankruptcy', filedDate: '2024-08-01' }, // filed after asOf: ignored
      ],
    },
    income: { statedAnnual: 30000, payFrequency: 'biweekly', employmentStartDate: '2024-01-20', employmentType: 'contract' },
    behavior: {
      bankMonths: [
        { month: '2024-05', inflow: 2600, outflow: 2900, endBalance: -150, overdraftCount: 2, nsfCount: 1 },
        { month: '2024-04', inflow: 2400, outflow: 2500, endBalance: 150, overdraftCount: 1, nsfCount: 0 },
        { month: '2024-03', inflow: 1500, outflow: 1400, endBalance: 250, overdraftCount: 0, nsfCount: 1 },
        // two accounts in 2024-02: summed to inflow 1500, outflow 1500, end balance 50, 1 overdraft
        { month: '2024-02', inflow: 1000, outflow: 900, endBalance: 100, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-02', inflow: 500, outflow: 600, endBalance: -50, overdraftCount: 1, nsfCount: 0 },
        { month: '2024-06', inflow: 100, outflow: 900, endBalance: -800, overdraftCount: 5, nsfCount: 3 }, // asOf's month: ignored
      ],
      billPayments: [
        ...months('2023-07', 11).map((h) => ({ month: h.month, provider: 'utility' as const, onTime: !['2024-05', '2024-03', '2023-11'].includes(h.month) })),
        { month: '2023-06', provider: 'telecom', onTime: false },
        { month: '2024-06', provider: 'telecom', onTime: false }, // asOf's month: ignored
      ],
    },
  },
  expected: {
    hasBureauHit: 1,
    isThinFile: 0, // T1..T4 usable (4 >= 3)
    openTradeCount: 2, // T1, T4
    tradesOpened12m: 1, // T4
    revolvingUtilization: 0.95, // open revolving with a limit: T1 only, 2850 / 3000
    totalBalance: 10950, // 2850 + 4200 + 600 + 3300 (T4 from history, not its future 3500)
    revolvingBalance: 2850, // T1 (T3 closed)
    monthsSinceMostRecentDelinquency: 1, // T1 2024-05 at 60 dpd
    count30dpd12m: 4, // T1: 2024-01, 2024-02, 2024-04, 2024-05
    count60dpd12m: 2, // T1: 2024-02, 2024-05
    count90dpd12m: 0,
    count30dpd24m: 6, // 4 + T1 2022-09 + T3 2023-05
    count60dpd24m: 4, // 2 + T1 2022-09 + T3 2023-05
    count90dpd24m: 2, // T1 2022-09 (90) + T3 2023-05 (120)
    worstStatus24m: 5, // T3 in collection (2023-05 history and 2024-03-31 snapshot)
    chargedOffCount: 1, // T2
    collectionCount: 1, // T3
    derogatoryTradeCount: 2, // status at asOf: T2 charged_off (snapshot 2022-04-30), T3 collection (snapshot 2024-03-31)
    hardInquiries6m: 3, // 2024-06-01, 2024-05-20, 2024-02-14
    hardInquiries12m: 4, // + 2023-09-30
    monthsSinceMostRecentInquiry: 0,
    monthsOldestTrade: 58, // T2 2019-08-01: 4·12 + 10 = 58
    averageTradeAgeMonths: 39, // (49 + 58 + 40 + 9) / 4 = 156 / 4
    publicRecordCount: 3,
    monthsSinceMostRecentPublicRecord: 6, // 2023-12-01 → 2024-06-15
    unsatisfiedPublicRecordCount: 2, // tax lien (never satisfied) + judgment satisfied 2024-07-01 (after asOf)
    monthlyIncome: 2500, // stated 30000 / 12 (no verified income)
    // payments: T1 90 (delinquent but active) + T4 180 = 270; new loan 5000·0.01/(1 − 1.01^−24) = 235.36736111632337
    debtToIncome: (270 + 235.36736111632337) / 2500, // = 0.202146944...
    paymentToIncome: 235.36736111632337 / 2500, // = 0.094146944...
    verifiedToStatedIncome: Number.NaN,
    isIncomeVerified: 0,
    employmentMonths: 4, // 2024-01-20 → 2024-06-15: 5 − 1 (15 < 20)
    averageMonthlyInflow6m: 2000, // (2600 + 2400 + 1500 + 1500) / 4 months present
    // deviations 600, 400, −500, −500 → Σd² = 1020000; sd = √(1020000 / 4) = 504.975; / 2000
    inflowVolatility6m: Math.sqrt(1020000 / 4) / 2000, // = 0.252487623
    outflowToInflow6m: 8300 / 8000, // (2900 + 2500 + 1400 + 1500) / 8000 = 1.0375
    overdrafts6m: 4, // 2 + 1 + 0 + 1
    nsfCount6m: 2, // 1 + 0 + 1 + 0
    averageEndBalance6m: 75, // (−150 + 150 + 250 + 50) / 4
    negativeBalanceMonths6m: 1, // 2024-05 (2024-02 sums to +50)
    monthsOfBankHistory: 4, // 2024-06 − 2024-02
    billOnTimeRatio12m: 8 / 12, // 11 utility bills with 3 late + 1 late telecom → 8 of 12 on time
    lateBillCount12m: 4,
    monthsOfBillHistory: 12, // 2024-06 − 2023-06
    gamblingShareOfSpending6m: Number.NaN, // no spending data
    requestedAmount: 5000,
    termMonths: 24,
    loanToIncome: 5000 / 30000, // = 0.1666...
    isHomeowner: 0,
    applicantAgeYears: Number.NaN, // no birthDate
  },
};

// ------------------------------------------------------------------------------------------------
// C. Thin file: bureau no-hit, bank and bill data only.
// ------------------------------------------------------------------------------------------------
const noHit: Golden = {
  label: 'thin file, bureau no-hit, bank and bills only',
  hasExplicitSnapshotDates: true,
  input: {
    asOf: '2024-06-15',
    application: { requestedAmount: 2000, termMonths: 12, purpose: 'other', housing: 'family', protected: { birthDate: '2003-06-15' } },
    bureau: { status: 'no_hit' },
    income: { statedAnnual: 24000, verifiedAnnual: 24000, payFrequency: 'biweekly', employmentStartDate: null, employmentType: 'student' },
    behavior: {
      bankMonths: [
        { month: '2024-03', inflow: 2000, outflow: 1900, endBalance: 300, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-04', inflow: 2000, outflow: 1900, endBalance: 400, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-05', inflow: 2000, outflow: 1900, endBalance: 500, overdraftCount: 0, nsfCount: 0 },
      ],
      billPayments: months('2024-01', 5).map((h) => ({ month: h.month, provider: 'telecom' as const, onTime: true })),
      spending: [
        { month: '2024-05', category: 'essentials', amount: 1500 },
        { month: '2024-05', category: 'other', amount: 500 },
      ],
    },
  },
  expected: {
    hasBureauHit: 0,
    isThinFile: 1,
    openTradeCount: Number.NaN,
    tradesOpened12m: Number.NaN,
    revolvingUtilization: Number.NaN,
    totalBalance: Number.NaN,
    revolvingBalance: Number.NaN,
    monthsSinceMostRecentDelinquency: Number.NaN,
    count30dpd12m: Number.NaN,
    count60dpd12m: Number.NaN,
    count90dpd12m: Number.NaN,
    count30dpd24m: Number.NaN,
    count60dpd24m: Number.NaN,
    count90dpd24m: Number.NaN,
    worstStatus24m: Number.NaN,
    chargedOffCount: Number.NaN,
    collectionCount: Number.NaN,
    derogatoryTradeCount: Number.NaN,
    hardInquiries6m: Number.NaN,
    hardInquiries12m: Number.NaN,
    monthsSinceMostRecentInquiry: Number.NaN,
    monthsOldestTrade: Number.NaN,
    averageTradeAgeMonths: Number.NaN,
    publicRecordCount: Number.NaN,
    monthsSinceMostRecentPublicRecord: Number.NaN,
    unsatisfiedPublicRecordCount: Number.NaN,
    monthlyIncome: 2000, // 24000 / 12
    debtToIncome: Number.NaN, // existing debt unknown without a bureau hit
    paymentToIncome: 177.6975773566832 / 2000, // 2000·0.01/(1 − 1.01^−12) = 177.6975773566832 → 0.088848789
    verifiedToStatedIncome: 1,
    isIncomeVerified: 1,
    employmentMonths: Number.NaN, // no start date
    averageMonthlyInflow6m: 2000,
    inflowVolatility6m: 0, // three equal months: sd 0
    outflowToInflow6m: 0.95, // 5700 / 6000
    overdrafts6m: 0,
    nsfCount6m: 0,
    averageEndBalance6m: 400, // (300 + 400 + 500) / 3
    negativeBalanceMonths6m: 0,
    monthsOfBankHistory: 3, // 2024-06 − 2024-03
    billOnTimeRatio12m: 1, // 5 of 5
    lateBillCount12m: 0,
    monthsOfBillHistory: 5, // 2024-06 − 2024-01
    gamblingShareOfSpending6m: 0, // spending present, none on gambling
    requestedAmount: 2000,
    termMonths: 12,
    loanToIncome: 2000 / 24000, // = 0.08333...
    isHomeowner: 0, // family
    applicantAgeYears: 21, // birthday on asOf: 2003-06-15 → 2024-06-15 = 252 months
  },
};

// ------------------------------------------------------------------------------------------------
// D. Bureau unavailable, income only (no behaviour).
// ------------------------------------------------------------------------------------------------
const unavailable: Golden = {
  label: 'bureau unavailable, income only',
  hasExplicitSnapshotDates: true,
  input: {
    asOf: '2024-06-15',
    application: { requestedAmount: 8000, termMonths: 48, purpose: 'home_improvement', housing: 'own' },
    bureau: { status: 'unavailable' },
    income: { statedAnnual: 60000, verifiedAnnual: 45000, payFrequency: 'irregular', employmentStartDate: '2020-06-15', employmentType: 'self_employed' },
  },
  expected: {
    hasBureauHit: Number.NaN, // unknown whether a file exists
    isThinFile: 1,
    openTradeCount: Number.NaN,
    tradesOpened12m: Number.NaN,
    revolvingUtilization: Number.NaN,
    totalBalance: Number.NaN,
    revolvingBalance: Number.NaN,
    monthsSinceMostRecentDelinquency: Number.NaN,
    count30dpd12m: Number.NaN,
    count60dpd12m: Number.NaN,
    count90dpd12m: Number.NaN,
    count30dpd24m: Number.NaN,
    count60dpd24m: Number.NaN,
    count90dpd24m: Number.NaN,
    worstStatus24m: Number.NaN,
    chargedOffCount: Number.NaN,
    collectionCount: Number.NaN,
    derogatoryTradeCount: Number.NaN,
    hardInquiries6m: Number.NaN,
    hardInquiries12m: Number.NaN,
    monthsSinceMostRecentInquiry: Number.NaN,
    monthsOldestTrade: Number.NaN,
    averageTradeAgeMonths: Number.NaN,
    publicRecordCount: Number.NaN,
    monthsSinceMostRecentPublicRecord: Number.NaN,
    unsatisfiedPublicRecordCount: Number.NaN,
    monthlyIncome: 3750, // verified 45000 / 12
    debtToIncome: Number.NaN,
    paymentToIncome: 210.67068345542202 / 3750, // 8000·0.01/(1 − 1.01^−48) = 210.67068345542202 → 0.056178849
    verifiedToStatedIncome: 0.75, // 45000 / 60000
    isIncomeVerified: 1,
    employmentMonths: 48, // 2020-06-15 → 2024-06-15 exactly
    averageMonthlyInflow6m: Number.NaN,
    inflowVolatility6m: Number.NaN,
    outflowToInflow6m: Number.NaN,
    overdrafts6m: Number.NaN,
    nsfCount6m: Number.NaN,
    averageEndBalance6m: Number.NaN,
    negativeBalanceMonths6m: Number.NaN,
    monthsOfBankHistory: Number.NaN,
    billOnTimeRatio12m: Number.NaN,
    lateBillCount12m: Number.NaN,
    monthsOfBillHistory: Number.NaN,
    gamblingShareOfSpending6m: Number.NaN,
    requestedAmount: 8000,
    termMonths: 48,
    loanToIncome: 8000 / 45000, // = 0.17777...
    isHomeowner: 1,
    applicantAgeYears: Number.NaN,
  },
};

// ------------------------------------------------------------------------------------------------
// E. Bureau hit with an empty file, no income, only stale or future behaviour; asOf on a leap day.
// ------------------------------------------------------------------------------------------------
const emptyHit: Golden = {
  label: 'empty bureau hit, no income, stale behaviour, leap-day asOf',
  hasExplicitSnapshotDates: true,
  input: {
    asOf: '2024-02-29',
    application: { requestedAmount: 1000, termMonths: 6, purpose: 'other', housing: 'other', protected: { birthDate: '2000-02-29' } },
    bureau: { status: 'hit' },
    behavior: {
      bankMonths: [{ month: '2023-06', inflow: 1000, outflow: 900, endBalance: 100, overdraftCount: 3, nsfCount: 1 }], // 8 months ago
      billPayments: [
        { month: '2024-02', provider: 'utility', onTime: false }, // asOf's month
        { month: '2024-05', provider: 'utility', onTime: true }, // future
      ],
      spending: [],
    },
  },
  expected: {
    hasBureauHit: 1,
    isThinFile: 1, // 0 usable tradelines < 3
    openTradeCount: 0, // a hit with no tradeline: real zero
    tradesOpened12m: 0,
    revolvingUtilization: Number.NaN, // no limit at all
    totalBalance: 0,
    revolvingBalance: 0,
    monthsSinceMostRecentDelinquency: Number.NaN,
    count30dpd12m: Number.NaN, // no tradeline-month observed
    count60dpd12m: Number.NaN,
    count90dpd12m: Number.NaN,
    count30dpd24m: Number.NaN,
    count60dpd24m: Number.NaN,
    count90dpd24m: Number.NaN,
    worstStatus24m: Number.NaN,
    chargedOffCount: 0,
    collectionCount: 0,
    derogatoryTradeCount: 0,
    hardInquiries6m: 0, // a hit with no inquiry: real zero
    hardInquiries12m: 0,
    monthsSinceMostRecentInquiry: Number.NaN,
    monthsOldestTrade: Number.NaN,
    averageTradeAgeMonths: Number.NaN,
    publicRecordCount: 0,
    monthsSinceMostRecentPublicRecord: Number.NaN,
    unsatisfiedPublicRecordCount: 0,
    monthlyIncome: Number.NaN,
    debtToIncome: Number.NaN,
    paymentToIncome: Number.NaN,
    verifiedToStatedIncome: Number.NaN,
    isIncomeVerified: Number.NaN,
    employmentMonths: Number.NaN,
    averageMonthlyInflow6m: Number.NaN, // the only bank month is 8 months ago
    inflowVolatility6m: Number.NaN,
    outflowToInflow6m: Number.NaN,
    overdrafts6m: Number.NaN,
    nsfCount6m: Number.NaN,
    averageEndBalance6m: Number.NaN,
    negativeBalanceMonths6m: Number.NaN,
    monthsOfBankHistory: 8, // 2024-02 − 2023-06
    billOnTimeRatio12m: Number.NaN,
    lateBillCount12m: Number.NaN,
    monthsOfBillHistory: Number.NaN,
    gamblingShareOfSpending6m: Number.NaN, // spending list given but empty: zero total
    requestedAmount: 1000,
    termMonths: 6,
    loanToIncome: Number.NaN,
    isHomeowner: 0,
    applicantAgeYears: 24, // 2000-02-29 → 2024-02-29: 288 months
  },
};

// ------------------------------------------------------------------------------------------------
// F. Snapshot defaults and NaN-vs-0 edges: zero limits, no reportedDate, unknown balances, zero income.
// ------------------------------------------------------------------------------------------------
const edges: Golden = {
  label: 'snapshot defaults, zero limit, unknown balance, zero income',
  hasExplicitSnapshotDates: false,
  input: {
    asOf: '2024-06-15',
    application: { requestedAmount: 1500, termMonths: 12, purpose: 'medical', housing: 'rent' },
    bureau: {
      status: 'hit',
      tradelines: [
        // F1: limit 0; no reportedDate and no history → the pull for this decision (usable). Age 2020-01-01 → 53.
        { kind: 'revolving', openedDate: '2020-01-01', creditLimit: 0, balance: 0, status: 'current' },
        // F2: no limit (excluded from utilisation); no reportedDate → dated end of 2024-05 (usable): balance 300. Age 41.
        { kind: 'revolving', openedDate: '2021-01-01', creditLimit: null, balance: 300, status: 'current', history: [{ month: '2024-05', daysPastDue: 0, balance: 250 }] },
        // F3: future snapshot; latest usable history month has no balance → balance unknown. Age 29.
        { kind: 'installment', openedDate: '2022-01-01', originalAmount: 5000, balance: 2000, monthlyPayment: null, status: 'current', reportedDate: '2024-07-01', history: [{ month: '2024-04', daysPastDue: 0 }] },
        // F4: charge account without a scheduled payment: its full balance 400 is due. Age 2023-01-01 → 17.
        { kind: 'open', openedDate: '2023-01-01', balance: 400, monthlyPayment: null, status: 'current', reportedDate: '2024-06-01' },
      ],
      inquiries: [{ date: '2024-05-01', type: 'soft' }],
    },
    income: { statedAnnual: 0, verifiedAnnual: 0, payFrequency: 'monthly', employmentType: 'unemployed' },
    behavior: {
      bankMonths: [
        { month: '2024-03', inflow: 0, outflow: 50, endBalance: -20, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-04', inflow: 0, outflow: 50, endBalance: 10, overdraftCount: 0, nsfCount: 0 },
        { month: '2024-05', inflow: 0, outflow: 50, endBalance: 40, overdraftCount: 0, nsfCount: 0 },
      ],
      billPayments: [{ month: '2024-05', provider: 'utility', onTime: true }],
      spending: [{ month: '2024-04', category: 'essentials', amount: 300 }],
    },
  },
  expected: {
    hasBureauHit: 1,
    isThinFile: 0, // F1 (snapshot), F2, F3 (history), F4 → 4 usable
    openTradeCount: 4,
    tradesOpened12m: 0, // F4 is 17 months old
    revolvingUtilization: Number.NaN, // only F1 has a limit, and it is 0
    totalBalance: Number.NaN, // F3's balance is unknown
    revolvingBalance: 300, // F1 0 + F2 300
    monthsSinceMostRecentDelinquency: Number.NaN, // never delinquent
    count30dpd12m: 0, // 2 tradeline-months observed (F2 2024-05, F3 2024-04), none late: real zero
    count60dpd12m: 0,
    count90dpd12m: 0,
    count30dpd24m: 0,
    count60dpd24m: 0,
    count90dpd24m: 0,
    worstStatus24m: 0,
    chargedOffCount: 0,
    collectionCount: 0,
    derogatoryTradeCount: 0,
    hardInquiries6m: 0, // soft only
    hardInquiries12m: 0,
    monthsSinceMostRecentInquiry: Number.NaN,
    monthsOldestTrade: 53, // 2020-01-01 → 2024-06-15: 4·12 + 5
    averageTradeAgeMonths: 35, // (53 + 41 + 29 + 17) / 4 = 140 / 4
    publicRecordCount: 0,
    monthsSinceMostRecentPublicRecord: Number.NaN,
    unsatisfiedPublicRecordCount: 0,
    monthlyIncome: 0, // verified 0
    debtToIncome: Number.NaN, // zero income (and F3's payment is unknown)
    paymentToIncome: Number.NaN, // zero income
    verifiedToStatedIncome: Number.NaN, // stated 0
    isIncomeVerified: 1,
    employmentMonths: Number.NaN,
    averageMonthlyInflow6m: 0, // three months of zero inflow: a real zero
    inflowVolatility6m: Number.NaN, // mean 0
    outflowToInflow6m: Number.NaN, // inflow 0
    overdrafts6m: 0,
    nsfCount6m: 0,
    averageEndBalance6m: 10, // (−20 + 10 + 40) / 3
    negativeBalanceMonths6m: 1,
    monthsOfBankHistory: 3,
    billOnTimeRatio12m: 1,
    lateBillCount12m: 0,
    monthsOfBillHistory: 1,
    gamblingShareOfSpending6m: 0, // 0 / 300
    requestedAmount: 1500,
    termMonths: 12,
    loanToIncome: Number.NaN, // zero income
    isHomeowner: 0,
    applicantAgeYears: Number.NaN,
  },
};

/** Every golden applicant. */
export const GOLDEN_APPLICANTS: readonly Golden[] = [prime, subprime, noHit, unavailable, emptyHit, edges];
