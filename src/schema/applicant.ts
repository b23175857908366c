/**
 * The raw applicant: what a loan system knows at the decision date. Validation is strict:
 * unknown keys are rejected, dates must be real calendar dates, amounts finite and non-negative
 * where that is meaningful, and an end date is never before its start (a tradeline's `closedDate`
 * before its `openedDate`, a public record's `satisfiedDate` before its `filedDate`). Events dated on or after `asOf` are accepted (a backtest feeds full
 * histories) and ignored by every feature.
 *
 * Point-in-time conventions used by the feature catalogue:
 * - a dated event (inquiry, public record, opened/closed date) counts only when dated before `asOf`;
 * - a monthly entry (`month: 'YYYY-MM'`) reports the state at the end of that month, so it counts
 *   only when its month is before `asOf`'s month;
 * - a tradeline snapshot (`balance`, `status`) counts only when its `reportedDate` is before `asOf`;
 *   otherwise the latest usable monthly history entry stands in.
 *
 * @module
 */
import * as z from 'zod/mini';
import { Amount, Count, IsoDate, IsoMonth, SignedAmount } from './primitives.js';

/** Kinds of credit account. @category Schema */
export const TradelineKind = z.enum(['revolving', 'installment', 'mortgage', 'open']);
/** Account status as reported by the bureau. @category Schema */
export const AccountStatus = z.enum(['current', 'delinquent', 'charged_off', 'collection', 'paid', 'closed']);

/**
 * One month of a tradeline's payment history: days past due at the end of `month`, and optionally
 * the balance and status then.
 *
 * @category Schema
 * @example
 * PaymentHistoryEntry.parse({ month: '2024-05', daysPastDue: 0, balance: 1200 });
 */
export const PaymentHistoryEntry = z.strictObject({
  month: IsoMonth,
  daysPastDue: Count,
  balance: z.optional(Amount),
  status: z.optional(AccountStatus),
});

/**
 * A credit account on the bureau file. `closedDate`, when given, must not be before `openedDate`
 * (rule `closed_before_opened`, path `closedDate`).
 *
 * @category Schema
 * @example
 * Tradeline.parse({ kind: 'revolving', openedDate: '2019-03-01', creditLimit: 5000, balance: 1200,
 *   status: 'current', reportedDate: '2024-05-31', history: [] });
 */
export const Tradeline = z.strictObject({
  /** Account reference: identifying, never echoed in messages. */
  accountId: z.optional(z.string()),
  kind: TradelineKind,
  openedDate: IsoDate,
  closedDate: z.optional(z.nullable(IsoDate)),
  /** Revolving and open accounts: the credit limit. */
  creditLimit: z.optional(z.nullable(Amount)),
  /** Installment and mortgage accounts: the original amount. */
  originalAmount: z.optional(z.nullable(Amount)),
  /** Balance at `reportedDate`. */
  balance: Amount,
  /** Scheduled monthly payment. */
  monthlyPayment: z.optional(z.nullable(Amount)),
  /** Status at `reportedDate`. */
  status: AccountStatus,
  /** Date of the snapshot (`balance`, `status`); defaults to the latest history month's end. */
  reportedDate: z.optional(IsoDate),
  /** Month-by-month history, any order. */
  history: z._default(z.array(PaymentHistoryEntry), []),
}).check((ctx) => {
  // An account cannot close before it opened (swapped or mis-keyed dates would otherwise pass as an
  // old, closed account). Checked only once both dates are valid; the same day is allowed.
  const { openedDate, closedDate } = ctx.value;
  if (typeof closedDate === 'string' && closedDate < openedDate) {
    ctx.issues.push({ code: 'custom', path: ['closedDate'], message: 'must not be before openedDate', input: closedDate, params: { rule: 'closed_before_opened' } });
  }
});

/**
 * A credit inquiry.
 *
 * @category Schema
 * @example
 * Inquiry.parse({ date: '2024-04-02', type: 'hard' });
 */
export const Inquiry = z.strictObject({
  date: IsoDate,
  type: z.enum(['hard', 'soft']),
});

/**
 * A public record on the bureau file. `satisfiedDate`, when given, must not be before `filedDate`
 * (rule `satisfied_before_filed`, path `satisfiedDate`).
 *
 * @category Schema
 * @example
 * PublicRecord.parse({ type: 'judgment', filedDate: '2020-01-15', satisfiedDate: null });
 */
export const PublicRecord = z.strictObject({
  type: z.enum(['bankruptcy', 'judgment', 'tax_lien']),
  filedDate: IsoDate,
  satisfiedDate: z.optional(z.nullable(IsoDate)),
  amount: z.optional(z.nullable(Amount)),
}).check((ctx) => {
  // A record cannot be satisfied before it was filed. Checked only once both dates are valid.
  const { filedDate, satisfiedDate } = ctx.value;
  if (typeof satisfiedDate === 'string' && satisfiedDate < filedDate) {
    ctx.issues.push({ code: 'custom', path: ['satisfiedDate'], message: 'must not be before filedDate', input: satisfiedDate, params: { rule: 'satisfied_before_filed' } });
  }
});

/**
 * The credit-bureau part. `status: 'hit'` carries the file; `no_hit` means the bureau has no file
 * for the applicant; `unavailable` means the report could not be retrieved. Both of the latter are
 * scored from the other data, flagged as thin-file.
 *
 * @category Schema
 * @example
 * Bureau.parse({ status: 'no_hit' });
 */
export const Bureau = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('hit'),
    tradelines: z._default(z.array(Tradeline), []),
    inquiries: z._default(z.array(Inquiry), []),
    publicRecords: z._default(z.array(PublicRecord), []),
  }),
  z.strictObject({ status: z.literal('no_hit') }),
  z.strictObject({ status: z.literal('unavailable') }),
]);

/**
 * Income and employment.
 *
 * @category Schema
 * @example
 * Income.parse({ statedAnnual: 52000, verifiedAnnual: 50000, payFrequency: 'monthly',
 *   employmentStartDate: '2018-06-01', employmentType: 'employed' });
 */
export const Income = z.strictObject({
  statedAnnual: Amount,
  verifiedAnnual: z.optional(z.nullable(Amount)),
  payFrequency: z.enum(['weekly', 'biweekly', 'semimonthly', 'monthly', 'irregular']),
  /** Start of the current employment; its length is measured to `asOf`. */
  employmentStartDate: z.optional(z.nullable(IsoDate)),
  employmentType: z.enum(['employed', 'self_employed', 'contract', 'retired', 'student', 'unemployed']),
});

/**
 * One month of a bank account, summarised.
 *
 * @category Schema
 * @example
 * BankMonth.parse({ month: '2024-04', inflow: 4100, outflow: 3900, endBalance: 820, overdraftCount: 0, nsfCount: 0 });
 */
export const BankMonth = z.strictObject({
  month: IsoMonth,
  inflow: Amount,
  outflow: Amount,
  endBalance: SignedAmount,
  overdraftCount: Count,
  nsfCount: Count,
});

/**
 * One month of a utility or telecom bill: paid on time or late.
 *
 * @category Schema
 * @example
 * BillPayment.parse({ month: '2024-04', provider: 'telecom', onTime: true });
 */
export const BillPayment = z.strictObject({
  month: IsoMonth,
  provider: z.enum(['utility', 'telecom']),
  onTime: z.boolean(),
});

/** Spending categories tracked in bank-transaction summaries. @category Schema */
export const SpendingCategory = z.enum(['essentials', 'housing', 'transport', 'discretionary', 'gambling', 'debt_service', 'cash_withdrawal', 'other']);

/**
 * Behavioural data: bank-account flows, bill payments and optional spending by category.
 *
 * @category Schema
 * @example
 * Behavior.parse({ bankMonths: [], billPayments: [] });
 */
export const Behavior = z.strictObject({
  bankMonths: z._default(z.array(BankMonth), []),
  billPayments: z._default(z.array(BillPayment), []),
  spending: z.optional(z.array(z.strictObject({ month: IsoMonth, category: SpendingCategory, amount: Amount }))),
});

/**
 * Protected attributes. Kept apart and marked: training refuses them as features unless the caller
 * opts in explicitly, and reason codes never cite them.
 *
 * @category Schema
 * @example
 * ProtectedAttributes.parse({ birthDate: '1985-04-12' });
 */
export const ProtectedAttributes = z.strictObject({
  birthDate: z.optional(IsoDate),
  sex: z.optional(z.enum(['female', 'male', 'other', 'undisclosed'])),
  maritalStatus: z.optional(z.enum(['single', 'married', 'divorced', 'widowed', 'partnership', 'undisclosed'])),
  race: z.optional(z.string()),
  religion: z.optional(z.string()),
  nationalOrigin: z.optional(z.string()),
});

/**
 * The application itself.
 *
 * @category Schema
 * @example
 * Application.parse({ requestedAmount: 12000, termMonths: 36, purpose: 'debt_consolidation', housing: 'rent' });
 */
export const Application = z.strictObject({
  requestedAmount: Amount,
  termMonths: z.number().check(z.int(), z.gte(1), z.lte(480)),
  purpose: z.enum(['debt_consolidation', 'home_improvement', 'auto', 'education', 'medical', 'business', 'major_purchase', 'other']),
  housing: z.enum(['own', 'mortgage', 'rent', 'family', 'other']),
  channel: z.optional(z.enum(['branch', 'online', 'broker'])),
  protected: z.optional(ProtectedAttributes),
});

/**
 * A raw applicant as a loan system submits it.
 *
 * A `zod/mini` schema (tree-shakable, so scoring does not bundle all of zod): `parse`, `safeParse`,
 * `shape` and `def` work as in zod; compose it with functions rather than methods, e.g.
 * `z.optional(ApplicantSchema)` or `z.extend(ApplicantSchema, {...})` from `zod/mini` (classic
 * zod's `z.object({ applicant: ApplicantSchema })` accepts it too). Prefer {@link parseApplicant},
 * which runs the compiled validator and returns typed errors.
 *
 * @category Schema
 * @example
 * ApplicantSchema.parse({
 *   asOf: '2024-06-15',
 *   application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
 *   bureau: { status: 'no_hit' },
 * });
 */
export const ApplicantSchema = z.strictObject({
  /** Caller's reference: identifying, never echoed. */
  applicantId: z.optional(z.string()),
  /** The decision date: features use only events dated before it. */
  asOf: IsoDate,
  application: Application,
  bureau: z.optional(Bureau),
  income: z.optional(Income),
  behavior: z.optional(Behavior),
});

/**
 * A validated applicant.
 *
 * @category Schema
 * @example
 * const a: Applicant = parseApplicant(JSON.parse(text));
 */
export type Applicant = z.infer<typeof ApplicantSchema>;
/**
 * The input shape before defaults are applied.
 *
 * @category Schema
 * @example
 * const input: ApplicantInput = { asOf: '2024-06-15', application: { requestedAmount: 5000, termMonths: 24, purpose: 'auto', housing: 'rent' } };
 */
export type ApplicantInput = z.input<typeof ApplicantSchema>;
/** @category Schema */
export type TradelineT = z.infer<typeof Tradeline>;
/** @category Schema */
export type InquiryT = z.infer<typeof Inquiry>;
/** @category Schema */
export type PublicRecordT = z.infer<typeof PublicRecord>;
/** @category Schema */
export type BankMonthT = z.infer<typeof BankMonth>;
/** @category Schema */
export type BillPaymentT = z.infer<typeof BillPayment>;
