/**
 * A raw applicant with every part of the schema present (every optional field, every kind of
 * record, nullable fields both null and set), shared by the schema tests. Each test clones it.
 */
import type { ApplicantInput } from '../../src/schema/applicant.js';

/** A fully populated valid applicant (decision date 2024-06-15). */
export const FULL_APPLICANT = {
  applicantId: 'APP-0001',
  asOf: '2024-06-15',
  application: {
    requestedAmount: 15000,
    termMonths: 48,
    purpose: 'debt_consolidation',
    housing: 'mortgage',
    channel: 'online',
    protected: {
      birthDate: '1984-02-29',
      sex: 'female',
      maritalStatus: 'married',
      race: 'not stated',
      religion: 'not stated',
      nationalOrigin: 'not stated',
    },
  },
  bureau: {
    status: 'hit',
    tradelines: [
      {
        accountId: 'ACC-1',
        kind: 'revolving',
        openedDate: '2015-03-10',
        closedDate: null,
        creditLimit: 8000,
        originalAmount: null,
        balance: 2400,
        monthlyPayment: 120,
        status: 'current',
        reportedDate: '2024-05-31',
        history: [
          { month: '2024-03', daysPastDue: 0, balance: 2600, status: 'current' },
          { month: '2024-04', daysPastDue: 30, balance: 2500, status: 'delinquent' },
          { month: '2024-05', daysPastDue: 0 },
        ],
      },
      {
        accountId: 'ACC-2',
        kind: 'installment',
        openedDate: '2019-07-01',
        closedDate: '2023-07-01',
        creditLimit: null,
        originalAmount: 12000,
        balance: 0,
        monthlyPayment: null,
        status: 'paid',
        reportedDate: '2023-07-31',
        history: [{ month: '2023-07', daysPastDue: 0, balance: 0, status: 'paid' }],
      },
      {
        kind: 'mortgage',
        openedDate: '2016-09-15',
        originalAmount: 240000,
        balance: 180000.5,
        monthlyPayment: 1350.25,
        status: 'current',
        history: [],
      },
      {
        kind: 'open',
        openedDate: '2020-01-31',
        creditLimit: 2000,
        balance: 310,
        status: 'collection',
        reportedDate: '2024-06-30',
        history: [{ month: '2022-11', daysPastDue: 180, balance: 310, status: 'charged_off' }],
      },
    ],
    inquiries: [
      { date: '2024-04-02', type: 'hard' },
      { date: '2024-05-20', type: 'soft' },
    ],
    publicRecords: [
      { type: 'bankruptcy', filedDate: '2012-05-01', satisfiedDate: '2012-11-30', amount: 30000 },
      { type: 'judgment', filedDate: '2021-03-03', satisfiedDate: null, amount: null },
      { type: 'tax_lien', filedDate: '2022-08-08' },
    ],
  },
  income: {
    statedAnnual: 64000,
    verifiedAnnual: 61500,
    payFrequency: 'biweekly',
    employmentStartDate: '2018-01-08',
    employmentType: 'employed',
  },
  behavior: {
    bankMonths: [
      { month: '2024-04', inflow: 4100, outflow: 4300, endBalance: -120.5, overdraftCount: 2, nsfCount: 1 },
      { month: '2024-05', inflow: 4200, outflow: 3900, endBalance: 179.5, overdraftCount: 0, nsfCount: 0 },
    ],
    billPayments: [
      { month: '2024-04', provider: 'utility', onTime: true },
      { month: '2024-05', provider: 'telecom', onTime: false },
    ],
    spending: [
      { month: '2024-05', category: 'essentials', amount: 900 },
      { month: '2024-05', category: 'housing', amount: 1350 },
      { month: '2024-05', category: 'transport', amount: 300 },
      { month: '2024-05', category: 'discretionary', amount: 400 },
      { month: '2024-05', category: 'gambling', amount: 0 },
      { month: '2024-05', category: 'debt_service', amount: 600 },
      { month: '2024-05', category: 'cash_withdrawal', amount: 200 },
      { month: '2024-05', category: 'other', amount: 150 },
    ],
  },
} satisfies ApplicantInput;

/** A deep copy of {@link FULL_APPLICANT} that a test may change. */
export function fullApplicant(): typeof FULL_APPLICANT {
  return structuredClone(FULL_APPLICANT);
}

/** A copy of `input` with the value at `path` replaced (`undefined` deletes the key). */
export function withValueAt(input: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(input);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
