import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseApplicant, safeParseApplicant } from '../../src/index.js';

const minimal = {
  asOf: '2024-06-15',
  application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
};

function issuesOf(input: unknown): { path: string; code: string }[] {
  const r = safeParseApplicant(input);
  if (r.ok) throw new Error('expected failure');
  return r.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('parseApplicant', () => {
  it('parseApplicant(minimal) accepts an applicant with no bureau, income or behaviour', () => {
    const a = parseApplicant(minimal);
    expect(a.asOf).toBe('2024-06-15');
    expect(a.bureau).toBeUndefined();
  });

  it('parseApplicant(x) fills empty lists of a bureau hit', () => {
    const a = parseApplicant({ ...minimal, bureau: { status: 'hit' } });
    expect(a.bureau).toEqual({ status: 'hit', tradelines: [], inquiries: [], publicRecords: [] });
  });

  it('parseApplicant(x) accepts no-hit and unavailable bureau parts', () => {
    expect(parseApplicant({ ...minimal, bureau: { status: 'no_hit' } }).bureau?.status).toBe('no_hit');
    expect(parseApplicant({ ...minimal, bureau: { status: 'unavailable' } }).bureau?.status).toBe('unavailable');
  });

  it('parseApplicant(x) rejects impossible calendar dates with rule invalid_date', () => {
    expect(issuesOf({ ...minimal, asOf: '2023-02-29' })).toEqual([{ path: 'asOf', code: 'invalid_date' }]);
    expect(issuesOf({ ...minimal, asOf: '2024-13-01' })).toEqual([{ path: 'asOf', code: 'invalid_date' }]);
    expect(parseApplicant({ ...minimal, asOf: '2024-02-29' }).asOf).toBe('2024-02-29');
  });

  it('parseApplicant(x) lists every issue with its exact path', () => {
    const input = {
      ...minimal,
      application: { ...minimal.application, requestedAmount: -1, extra: true },
      bureau: {
        status: 'hit',
        tradelines: [
          { kind: 'revolving', openedDate: '2020-01-01', balance: 10, status: 'current' },
          { kind: 'revolving', openedDate: '2020-01-01', balance: Number.POSITIVE_INFINITY, status: 'current', history: [{ month: '2024-13', daysPastDue: -3 }] },
        ],
      },
      income: { statedAnnual: 1, payFrequency: 'fortnightly', employmentType: 'employed' },
    };
    expect(issuesOf(input)).toEqual([
      { path: 'application.requestedAmount', code: 'too_small' },
      { path: 'application', code: 'unrecognized_keys' },
      { path: 'bureau.tradelines.1.balance', code: 'invalid_type' },
      { path: 'bureau.tradelines.1.history.0.month', code: 'invalid_month' },
      { path: 'bureau.tradelines.1.history.0.daysPastDue', code: 'too_small' },
      { path: 'income.payFrequency', code: 'invalid_value' },
    ]);
  });

  it('parseApplicant(x) throws InvalidInputError whose message names paths, never identifying values', () => {
    const input = {
      ...minimal,
      applicantId: 12345,
      bureau: { status: 'hit', tradelines: [{ accountId: 'ACCT-99887766', kind: 'revolving', openedDate: 'not-a-date', balance: 1, status: 'current' }] },
    };
    let caught: unknown;
    try {
      parseApplicant(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const err = caught as InvalidInputError;
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('bureau.tradelines[0].openedDate');
    expect(err.message).toContain('applicantId');
    expect(err.message).not.toContain('ACCT-99887766');
    expect(err.message).not.toContain('12345');
    expect(JSON.stringify(err.toJSON())).not.toContain('ACCT-99887766');
  });

  it('parseApplicant(x) rejects a bureau part with an unknown status', () => {
    expect(issuesOf({ ...minimal, bureau: { status: 'maybe' } })[0].path).toBe('bureau.status');
  });
});
