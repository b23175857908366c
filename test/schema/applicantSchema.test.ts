/**
 * The raw-applicant schema, part by part: a fully populated applicant is accepted unchanged; every
 * field's rule is reported at its exact path with its rule code; unknown keys are rejected at the
 * object that holds them; and no issue, message, JSON form or inspection of the error ever contains
 * the value that was rejected.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseApplicant, safeParseApplicant } from '../../src/index.js';
import {
  AccountStatus,
  Application,
  BillPayment,
  Income,
  Inquiry,
  ProtectedAttributes,
  PublicRecord,
  SpendingCategory,
  TradelineKind,
} from '../../src/schema/applicant.js';
import { FULL_APPLICANT, fullApplicant, withValueAt } from './fullApplicant.js';

type Path = (string | number)[];

function errorOf(input: unknown): InvalidInputError {
  const r = safeParseApplicant(input);
  if (r.ok) throw new Error('expected the input to be rejected');
  return r.error;
}

function issuesOf(input: unknown): { path: Path; code: string }[] {
  return errorOf(input).issues.map((i) => ({ path: i.path, code: i.code }));
}

/** Every textual form of the error a caller or a logger could see. */
function renderings(error: InvalidInputError): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
    ...error.issues.map((i) => i.message),
    inspect(error, { depth: Infinity }), // includes the zod cause
  ];
}

function expectNotEchoed(error: InvalidInputError, secrets: readonly string[]): void {
  for (const text of renderings(error)) for (const secret of secrets) expect(text).not.toContain(secret);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('parseApplicant: a fully populated applicant', () => {
  it('parseApplicant(full) accepts every optional part and returns it unchanged', () => {
    const a = parseApplicant(fullApplicant());
    expect(a).toEqual(FULL_APPLICANT);
  });

  it('parseApplicant(full) does not mutate a frozen input and returns a new object', () => {
    const input = deepFreeze(fullApplicant());
    const a = parseApplicant(input);
    expect(a).toEqual(FULL_APPLICANT);
    expect(a).not.toBe(input);
  });

  it('parseApplicant(x) fills an empty history for a tradeline without one, and nothing else', () => {
    const input = withValueAt(FULL_APPLICANT, ['bureau', 'tradelines', 2, 'history'], undefined);
    const a = parseApplicant(input);
    expect(a).toEqual(FULL_APPLICANT);
  });

  it('parseApplicant(x) accepts every enumerated value of every field', () => {
    const cases: [Path, readonly string[]][] = [
      [['bureau', 'tradelines', 0, 'kind'], TradelineKind.options],
      [['bureau', 'tradelines', 0, 'status'], AccountStatus.options],
      [['bureau', 'tradelines', 0, 'history', 0, 'status'], AccountStatus.options],
      [['bureau', 'inquiries', 0, 'type'], Inquiry.shape.type.options],
      [['bureau', 'publicRecords', 1, 'type'], PublicRecord.shape.type.options],
      [['application', 'purpose'], Application.shape.purpose.options],
      [['application', 'housing'], Application.shape.housing.options],
      [['application', 'channel'], Application.shape.channel.def.innerType.options],
      [['application', 'protected', 'sex'], ProtectedAttributes.shape.sex.def.innerType.options],
      [['application', 'protected', 'maritalStatus'], ProtectedAttributes.shape.maritalStatus.def.innerType.options],
      [['income', 'payFrequency'], Income.shape.payFrequency.options],
      [['income', 'employmentType'], Income.shape.employmentType.options],
      [['behavior', 'billPayments', 0, 'provider'], BillPayment.shape.provider.options],
      [['behavior', 'spending', 0, 'category'], SpendingCategory.options],
    ];
    for (const [path, values] of cases) {
      expect(values.length).toBeGreaterThanOrEqual(2);
      for (const value of values) {
        const r = safeParseApplicant(withValueAt(FULL_APPLICANT, path, value));
        expect(r.ok ? null : r.error.issues).toBeNull();
      }
    }
  });

  it('parseApplicant(x) accepts the boundaries: zero amounts, negative end balances, terms 1 and 480, leap days', () => {
    const ok = (path: Path, value: unknown): void => {
      const r = safeParseApplicant(withValueAt(FULL_APPLICANT, path, value));
      expect(r.ok ? null : r.error.issues).toBeNull();
    };
    ok(['application', 'requestedAmount'], 0);
    ok(['application', 'termMonths'], 1);
    ok(['application', 'termMonths'], 480);
    ok(['bureau', 'tradelines', 0, 'balance'], 0);
    ok(['behavior', 'bankMonths', 0, 'endBalance'], -25_000);
    ok(['behavior', 'bankMonths', 0, 'inflow'], 0);
    ok(['asOf'], '2024-02-29');
    ok(['asOf'], '2000-02-29');
    ok(['bureau', 'tradelines', 0, 'history', 0, 'month'], '2024-12');
  });

  it('parseApplicant(x) accepts a missing bureau part, a no-hit and an unavailable report', () => {
    const { bureau: _b, ...noBureau } = fullApplicant();
    expect(parseApplicant(noBureau).bureau).toBeUndefined();
    expect(parseApplicant({ ...noBureau, bureau: { status: 'no_hit' } }).bureau).toEqual({ status: 'no_hit' });
    expect(parseApplicant({ ...noBureau, bureau: { status: 'unavailable' } }).bureau).toEqual({ status: 'unavailable' });
  });
});

describe('parseApplicant: calendar dates and months', () => {
  const datePaths: Path[] = [
    ['asOf'],
    ['application', 'protected', 'birthDate'],
    ['bureau', 'tradelines', 0, 'openedDate'],
    ['bureau', 'tradelines', 1, 'closedDate'],
    ['bureau', 'tradelines', 0, 'reportedDate'],
    ['bureau', 'inquiries', 1, 'date'],
    ['bureau', 'publicRecords', 0, 'filedDate'],
    ['bureau', 'publicRecords', 0, 'satisfiedDate'],
    ['income', 'employmentStartDate'],
  ];
  const badDates = ['2025-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-06-00', '2024-6-15', '2024-06-15T00:00:00Z', ' 2024-06-15', '2024-06-15\n', '24-06-15', '2024/06/15', '2024-06-1a', ''];

  it.each(badDates)('parseApplicant(x) rejects the date %j at every date field with rule invalid_date', (bad) => {
    for (const path of datePaths) expect(issuesOf(withValueAt(FULL_APPLICANT, path, bad))).toEqual([{ path, code: 'invalid_date' }]);
  });

  const monthPaths: Path[] = [
    ['bureau', 'tradelines', 0, 'history', 1, 'month'],
    ['behavior', 'bankMonths', 1, 'month'],
    ['behavior', 'billPayments', 0, 'month'],
    ['behavior', 'spending', 3, 'month'],
  ];
  const badMonths = ['2024-13', '2024-00', '2024-1', '2024-05-01', '2024/05', 'May 2024', ''];

  it.each(badMonths)('parseApplicant(x) rejects the month %j at every month field with rule invalid_month', (bad) => {
    for (const path of monthPaths) expect(issuesOf(withValueAt(FULL_APPLICANT, path, bad))).toEqual([{ path, code: 'invalid_month' }]);
  });

  it('parseApplicant(x) rejects a date given as a number or a Date object with rule invalid_type', () => {
    expect(issuesOf(withValueAt(FULL_APPLICANT, ['asOf'], 20240615))).toEqual([{ path: ['asOf'], code: 'invalid_type' }]);
    expect(issuesOf({ ...fullApplicant(), asOf: new Date('2024-06-15') })).toEqual([{ path: ['asOf'], code: 'invalid_type' }]);
  });

  it('parseApplicant(x) rejects an end date before its start: closedDate < openedDate (closed_before_opened), satisfiedDate < filedDate (satisfied_before_filed)', () => {
    const closed = withValueAt(withValueAt(FULL_APPLICANT, ['bureau', 'tradelines', 0, 'openedDate'], '2020-05-10'), ['bureau', 'tradelines', 0, 'closedDate'], '2020-05-09');
    expect(issuesOf(closed)).toEqual([{ path: ['bureau', 'tradelines', 0, 'closedDate'], code: 'closed_before_opened' }]);
    const satisfied = withValueAt(withValueAt(FULL_APPLICANT, ['bureau', 'publicRecords', 0, 'filedDate'], '2019-03-01'), ['bureau', 'publicRecords', 0, 'satisfiedDate'], '2019-02-28');
    expect(issuesOf(satisfied)).toEqual([{ path: ['bureau', 'publicRecords', 0, 'satisfiedDate'], code: 'satisfied_before_filed' }]);
    // the same day is allowed (opened and closed on one day; filed and satisfied on one day)
    const sameDay = withValueAt(withValueAt(FULL_APPLICANT, ['bureau', 'tradelines', 0, 'openedDate'], '2020-05-10'), ['bureau', 'tradelines', 0, 'closedDate'], '2020-05-10');
    expect(safeParseApplicant(sameDay).ok).toBe(true);
    // the dates themselves are never echoed
    expectNotEchoed(errorOf(closed), ['2020-05-09']);
  });
});

/** [field, path, bad value, expected rule]: each input differs from the full applicant in one field only. */
const FIELD_CASES: [string, Path, unknown, string][] = [
  // application
  ['requested amount below 0', ['application', 'requestedAmount'], -1, 'too_small'],
  ['requested amount not finite', ['application', 'requestedAmount'], Number.POSITIVE_INFINITY, 'invalid_type'],
  ['requested amount as text', ['application', 'requestedAmount'], '15000', 'invalid_type'],
  ['term of 0 months', ['application', 'termMonths'], 0, 'too_small'],
  ['term over 480 months', ['application', 'termMonths'], 481, 'too_big'],
  ['fractional term', ['application', 'termMonths'], 12.5, 'invalid_type'],
  ['unknown purpose', ['application', 'purpose'], 'holiday', 'invalid_value'],
  ['unknown housing', ['application', 'housing'], 'boat', 'invalid_value'],
  ['unknown channel', ['application', 'channel'], 'phone', 'invalid_value'],
  // protected attributes
  ['protected: unknown sex', ['application', 'protected', 'sex'], 'F', 'invalid_value'],
  ['protected: unknown marital status', ['application', 'protected', 'maritalStatus'], 'engaged', 'invalid_value'],
  ['protected: race not text', ['application', 'protected', 'race'], 3, 'invalid_type'],
  ['protected: religion not text', ['application', 'protected', 'religion'], true, 'invalid_type'],
  ['protected: national origin not text', ['application', 'protected', 'nationalOrigin'], ['x'], 'invalid_type'],
  ['protected: not an object', ['application', 'protected'], 'none', 'invalid_type'],
  // tradelines
  ['tradeline kind', ['bureau', 'tradelines', 0, 'kind'], 'credit_card', 'invalid_value'],
  ['tradeline status', ['bureau', 'tradelines', 3, 'status'], 'late', 'invalid_value'],
  ['tradeline account id not text', ['bureau', 'tradelines', 0, 'accountId'], 17, 'invalid_type'],
  ['tradeline opened date missing', ['bureau', 'tradelines', 0, 'openedDate'], undefined, 'invalid_type'],
  ['tradeline credit limit below 0', ['bureau', 'tradelines', 0, 'creditLimit'], -500, 'too_small'],
  ['tradeline original amount not finite', ['bureau', 'tradelines', 1, 'originalAmount'], Number.NaN, 'invalid_type'],
  ['tradeline balance below 0', ['bureau', 'tradelines', 2, 'balance'], -0.01, 'too_small'],
  ['tradeline balance missing', ['bureau', 'tradelines', 2, 'balance'], undefined, 'invalid_type'],
  ['tradeline balance null', ['bureau', 'tradelines', 2, 'balance'], null, 'invalid_type'],
  ['tradeline monthly payment below 0', ['bureau', 'tradelines', 0, 'monthlyPayment'], -120, 'too_small'],
  ['tradeline reported date null', ['bureau', 'tradelines', 0, 'reportedDate'], null, 'invalid_type'],
  ['tradelines not a list', ['bureau', 'tradelines'], {}, 'invalid_type'],
  // payment history
  ['history days past due below 0', ['bureau', 'tradelines', 0, 'history', 1, 'daysPastDue'], -30, 'too_small'],
  ['history days past due fractional', ['bureau', 'tradelines', 0, 'history', 1, 'daysPastDue'], 30.5, 'invalid_type'],
  ['history days past due missing', ['bureau', 'tradelines', 0, 'history', 2, 'daysPastDue'], undefined, 'invalid_type'],
  ['history balance below 0', ['bureau', 'tradelines', 0, 'history', 0, 'balance'], -1, 'too_small'],
  ['history status', ['bureau', 'tradelines', 3, 'history', 0, 'status'], 'written_off', 'invalid_value'],
  ['history entry not an object', ['bureau', 'tradelines', 0, 'history', 2], 0, 'invalid_type'],
  // inquiries
  ['inquiry type', ['bureau', 'inquiries', 0, 'type'], 'medium', 'invalid_value'],
  ['inquiry type missing', ['bureau', 'inquiries', 1, 'type'], undefined, 'invalid_value'],
  ['inquiry date missing', ['bureau', 'inquiries', 0, 'date'], undefined, 'invalid_type'],
  // public records
  ['public record type', ['bureau', 'publicRecords', 1, 'type'], 'lawsuit', 'invalid_value'],
  ['public record filed date missing', ['bureau', 'publicRecords', 2, 'filedDate'], undefined, 'invalid_type'],
  ['public record amount below 0', ['bureau', 'publicRecords', 0, 'amount'], -30000, 'too_small'],
  // bureau
  ['bureau status', ['bureau', 'status'], 'partial', 'invalid_union'],
  ['bureau not an object', ['bureau'], 'hit', 'invalid_type'],
  // income
  ['stated income below 0', ['income', 'statedAnnual'], -64000, 'too_small'],
  ['stated income missing', ['income', 'statedAnnual'], undefined, 'invalid_type'],
  ['verified income not finite', ['income', 'verifiedAnnual'], Number.POSITIVE_INFINITY, 'invalid_type'],
  ['verified income below 0', ['income', 'verifiedAnnual'], -1, 'too_small'],
  ['pay frequency', ['income', 'payFrequency'], 'fortnightly', 'invalid_value'],
  ['employment type', ['income', 'employmentType'], 'freelance', 'invalid_value'],
  // behaviour: bank months
  ['bank inflow below 0', ['behavior', 'bankMonths', 0, 'inflow'], -4100, 'too_small'],
  ['bank outflow as text', ['behavior', 'bankMonths', 1, 'outflow'], '3900', 'invalid_type'],
  ['bank end balance not finite', ['behavior', 'bankMonths', 0, 'endBalance'], Number.NEGATIVE_INFINITY, 'invalid_type'],
  ['bank overdraft count below 0', ['behavior', 'bankMonths', 1, 'overdraftCount'], -1, 'too_small'],
  ['bank overdraft count fractional', ['behavior', 'bankMonths', 1, 'overdraftCount'], 0.5, 'invalid_type'],
  ['bank NSF count missing', ['behavior', 'bankMonths', 0, 'nsfCount'], undefined, 'invalid_type'],
  // behaviour: bill payments
  ['bill provider', ['behavior', 'billPayments', 1, 'provider'], 'water', 'invalid_value'],
  ['bill on time as text', ['behavior', 'billPayments', 0, 'onTime'], 'yes', 'invalid_type'],
  // behaviour: spending
  ['spending category', ['behavior', 'spending', 4, 'category'], 'crypto', 'invalid_value'],
  ['spending amount below 0', ['behavior', 'spending', 7, 'amount'], -150, 'too_small'],
  ['spending not a list', ['behavior', 'spending'], { essentials: 900 }, 'invalid_type'],
  ['bank months not a list', ['behavior', 'bankMonths'], null, 'invalid_type'],
];

describe('parseApplicant: every rule reported at its exact path', () => {
  it.each(FIELD_CASES)('parseApplicant(x) rejects %s at its path with its rule', (_label, path, value, code) => {
    expect(issuesOf(withValueAt(FULL_APPLICANT, path, value))).toEqual([{ path, code }]);
  });

  it('parseApplicant(x) reports a missing asOf and a missing application at the root fields', () => {
    const { asOf: _a, application: _b, ...rest } = fullApplicant();
    expect(issuesOf(rest)).toEqual([
      { path: ['asOf'], code: 'invalid_type' },
      { path: ['application'], code: 'invalid_type' },
    ]);
  });

  it('parseApplicant(x) rejects something that is not an object at the root', () => {
    for (const input of [null, undefined, 'applicant', 42, [FULL_APPLICANT]]) expect(issuesOf(input)).toEqual([{ path: [], code: 'invalid_type' }]);
  });

  it('parseApplicant(x) lists every issue of an input, in document order, however many', () => {
    const input = fullApplicant() as unknown as { behavior: { bankMonths: unknown[] } };
    input.behavior.bankMonths = Array.from({ length: 12 }, (_, k) => ({ month: '2024-05', inflow: -1 - k, outflow: 1, endBalance: 0, overdraftCount: 0, nsfCount: 0 }));
    const error = errorOf(input);
    expect(error.issues.map((i) => i.path)).toEqual(Array.from({ length: 12 }, (_, k) => ['behavior', 'bankMonths', k, 'inflow']));
    expect(error.message).toMatch(/^parseApplicant: 12 issues \(/);
    expect(error.message).toContain('behavior.bankMonths[9].inflow');
    expect(error.message).not.toContain('behavior.bankMonths[10].inflow');
    expect(error.message).toContain('and 2 more');
  });
});

/** Every object of the schema, with where to find it in the full applicant. */
const OBJECT_PATHS: Path[] = [
  [],
  ['application'],
  ['application', 'protected'],
  ['bureau'],
  ['bureau', 'tradelines', 1],
  ['bureau', 'tradelines', 0, 'history', 2],
  ['bureau', 'inquiries', 0],
  ['bureau', 'publicRecords', 2],
  ['income'],
  ['behavior'],
  ['behavior', 'bankMonths', 1],
  ['behavior', 'billPayments', 0],
  ['behavior', 'spending', 5],
];

describe('parseApplicant: unknown keys', () => {
  const secret = 'Zebediah Quuxworth, 221B Baker Street';

  it.each(OBJECT_PATHS.map((p) => [p.join('.') || '(root)', p] as const))(
    'parseApplicant(x) rejects an unknown key in %s at that object, naming the key but never its value',
    (_label, path) => {
      const error = errorOf(withValueAt(FULL_APPLICANT, [...path, 'customerName'], secret));
      expect(error.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([{ path, code: 'unrecognized_keys' }]);
      // The key's name is part of the input's structure (what a caller must rename or drop), so it is
      // reported; the value under it may be personal data and never is.
      expect(error.issues[0].message).toContain('customerName');
      expectNotEchoed(error, [secret, 'Zebediah', 'Baker']);
    },
  );

  it('parseApplicant(x) rejects the lists of a file on a no-hit or unavailable bureau part', () => {
    for (const status of ['no_hit', 'unavailable']) {
      expect(issuesOf({ ...fullApplicant(), bureau: { status, tradelines: [] } })).toEqual([{ path: ['bureau'], code: 'unrecognized_keys' }]);
    }
  });
});

describe('parseApplicant: personal data never echoed', () => {
  it('parseApplicant(x) reports bad identifying and protected fields by path and rule only', () => {
    const input = fullApplicant() as unknown as Record<string, any>;
    input.applicantId = 4455667788; // an id of the wrong type
    input.application.protected.birthDate = '1985-02-30'; // impossible, and personal
    input.application.protected.sex = 'Zebediah';
    input.application.protected.race = ['Quuxlander'];
    input.application.protected.nationalOrigin = { country: 'Quuxland' };
    input.bureau.tradelines[0].accountId = { number: 'ACCT-55443322' };
    input.bureau.tradelines[1].openedDate = '1985-02-30';
    input.income.employmentType = 'Quuxworth & Sons Ltd';
    const error = errorOf(input);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['applicantId', 'invalid_type'],
      ['application.protected.birthDate', 'invalid_date'],
      ['application.protected.sex', 'invalid_value'],
      ['application.protected.race', 'invalid_type'],
      ['application.protected.nationalOrigin', 'invalid_type'],
      ['bureau.tradelines.0.accountId', 'invalid_type'],
      ['bureau.tradelines.1.openedDate', 'invalid_date'],
      ['income.employmentType', 'invalid_value'],
    ]);
    expect(error.message).toContain('application.protected.birthDate');
    expect(error.message).toContain('bureau.tradelines[1].openedDate');
    expectNotEchoed(error, ['4455667788', '1985-02-30', 'Zebediah', 'Quuxlander', 'Quuxland', 'ACCT-55443322', 'Quuxworth']);
  });

  it('parseApplicant(x) never echoes valid identifying values when another field is bad', () => {
    const input = withValueAt({ ...fullApplicant(), applicantId: 'APP-ZX-99117733' }, ['bureau', 'tradelines', 0, 'balance'], -1) as Record<string, any>;
    input.bureau.tradelines[0].accountId = 'ACCT-55443322';
    const error = errorOf(input);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['bureau.tradelines.0.balance']);
    expectNotEchoed(error, ['APP-ZX-99117733', 'ACCT-55443322', '1984-02-29', '64000']);
  });

  it('parseApplicant(x) throws the same issues that safeParseApplicant(x) returns', () => {
    const input = withValueAt(FULL_APPLICANT, ['income', 'payFrequency'], 'hourly');
    let thrown: unknown;
    try {
      parseApplicant(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).issues).toEqual(errorOf(input).issues);
  });
});
