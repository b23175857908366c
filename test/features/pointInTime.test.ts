/**
 * Point-in-time safety: events dated on or after asOf (monthly entries of asOf's month or later,
 * tradelines opened on or after asOf, snapshots reported on or after asOf) never change any feature.
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, extractFeatures, parseApplicant } from '../../src/index.js';
import type { ApplicantInput } from '../../src/schema/applicant.js';
import { generateApplicants } from '../../fixtures/generator/index.js';
import { GOLDEN_APPLICANTS } from './goldenApplicants.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function addMonths(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function addDays(date: string, k: number): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + k)).toISOString().slice(0, 10);
}

/**
 * The applicant with future events of every kind appended, each of them drastic enough to move
 * its features if it were (wrongly) counted. Tradelines without a reportedDate get no future
 * history: their snapshot is dated by their latest history month, so future months re-date it
 * (a documented rule, tested in extractFeatures.test.ts).
 */
function withFutureEvents(input: ApplicantInput): ApplicantInput {
  const a = structuredClone(input) as Mutable<ApplicantInput>;
  const asOf = a.asOf;
  const asOfMonth = asOf.slice(0, 7);
  const nextDay = addDays(asOf, 1);
  const nextYear = addDays(asOf, 365);
  const futureMonths = [asOfMonth, addMonths(asOfMonth, 1), addMonths(asOfMonth, 13)];

  // application and income: dates on asOf (not before it) keep missing values missing
  a.application = { ...a.application, protected: { ...a.application.protected, birthDate: a.application.protected?.birthDate ?? asOf } };
  if (a.income !== undefined && a.income.employmentStartDate == null) a.income = { ...a.income, employmentStartDate: asOf };

  if (a.bureau?.status === 'hit') {
    const b = a.bureau;
    const tradelines = (b.tradelines ?? []).map((t) => {
      const u = { ...t, history: [...(t.history ?? [])] };
      if (u.reportedDate !== undefined) {
        for (const month of futureMonths) u.history.push({ month, daysPastDue: 180, balance: 77_777, status: 'charged_off' });
        u.history.push({ month: futureMonths[1], daysPastDue: 90, balance: 66_666, status: 'collection' });
        if (u.reportedDate >= asOf) Object.assign(u, { balance: 987_654, status: 'collection' });
      }
      if (u.closedDate == null) u.closedDate = u.openedDate > asOf ? u.openedDate : asOf; // closing on asOf: still open at asOf (never before it opened)
      return u;
    });
    // accounts opened on or after asOf, with (inconsistent) past history and past snapshots: they do not exist yet
    for (const openedDate of [asOf, nextDay, nextYear]) {
      tradelines.push({
        kind: 'revolving', openedDate, creditLimit: 100, balance: 5_000, monthlyPayment: 900, status: 'charged_off', reportedDate: addDays(asOf, -1),
        history: [{ month: addMonths(asOfMonth, -2), daysPastDue: 120, status: 'collection', balance: 5_000 }, { month: futureMonths[1], daysPastDue: 150 }],
      });
      tradelines.push({ kind: 'installment', openedDate, originalAmount: 50_000, balance: 50_000, monthlyPayment: 2_000, status: 'current', history: [] });
    }
    const inquiries = [...(b.inquiries ?? [])];
    for (const date of [asOf, nextDay, nextYear]) inquiries.push({ date, type: 'hard' }, { date, type: 'soft' });
    const publicRecords = (b.publicRecords ?? []).map((r) => (r.satisfiedDate == null ? { ...r, satisfiedDate: r.filedDate > asOf ? r.filedDate : asOf } : r));
    for (const filedDate of [asOf, nextDay]) publicRecords.push({ type: 'bankruptcy', filedDate, satisfiedDate: null }, { type: 'judgment', filedDate, satisfiedDate: nextYear });
    a.bureau = { status: 'hit', tradelines, inquiries, publicRecords };
  }

  const behavior = a.behavior ?? {};
  const bankMonths = [...(behavior.bankMonths ?? [])];
  const billPayments = [...(behavior.billPayments ?? [])];
  const spending = [...(behavior.spending ?? [])];
  for (const month of futureMonths) {
    bankMonths.push({ month, inflow: 1_000_000, outflow: 5, endBalance: -50_000, overdraftCount: 40, nsfCount: 30 });
    billPayments.push({ month, provider: 'utility', onTime: false }, { month, provider: 'telecom', onTime: false });
    spending.push({ month, category: 'gambling', amount: 9_999 }, { month, category: 'essentials', amount: 1 });
  }
  a.behavior = { bankMonths, billPayments, spending };
  return a;
}

/** The applicant cut down to what was known before `asOf` (a different route to the same answer). */
function truncatedTo(input: ApplicantInput, asOf: string): ApplicantInput {
  const a = structuredClone(input) as Mutable<ApplicantInput>;
  a.asOf = asOf;
  const asOfMonth = asOf.slice(0, 7);
  const protectedAttributes = a.application.protected;
  if (protectedAttributes?.birthDate !== undefined && protectedAttributes.birthDate >= asOf) {
    a.application = { ...a.application, protected: { ...protectedAttributes, birthDate: undefined } };
  }
  if (a.income?.employmentStartDate != null && a.income.employmentStartDate >= asOf) a.income = { ...a.income, employmentStartDate: null };
  if (a.bureau?.status === 'hit') {
    const b = a.bureau;
    a.bureau = {
      status: 'hit',
      tradelines: (b.tradelines ?? [])
        .filter((t) => t.openedDate < asOf)
        .map((t) => ({
          ...t,
          closedDate: t.closedDate != null && t.closedDate >= asOf ? null : t.closedDate,
          // an unusable snapshot stays (a tradeline must have one) but is scrambled: it must not matter
          ...(t.reportedDate !== undefined && t.reportedDate >= asOf ? { balance: 123_456, status: 'charged_off' as const } : {}),
          history: (t.history ?? []).filter((h) => h.month < asOfMonth),
        })),
      inquiries: (b.inquiries ?? []).filter((q) => q.date < asOf),
      publicRecords: (b.publicRecords ?? [])
        .filter((r) => r.filedDate < asOf)
        .map((r) => (r.satisfiedDate != null && r.satisfiedDate >= asOf ? { ...r, satisfiedDate: null } : r)),
    };
  }
  if (a.behavior !== undefined) {
    const b = a.behavior;
    a.behavior = {
      bankMonths: (b.bankMonths ?? []).filter((x) => x.month < asOfMonth),
      billPayments: (b.billPayments ?? []).filter((x) => x.month < asOfMonth),
      ...(b.spending === undefined ? {} : { spending: b.spending.filter((x) => x.month < asOfMonth) }),
    };
  }
  return a;
}

function differingFeatures(x: Float64Array, y: Float64Array): string[] {
  const out: string[] = [];
  for (let j = 0; j < x.length; j++) if (!Object.is(x[j], y[j])) out.push(`${FEATURE_NAMES[j]}: ${x[j]} vs ${y[j]}`);
  return out;
}

describe('point in time: future events never change a feature', () => {
  for (const g of GOLDEN_APPLICANTS) {
    it(`extractFeatures(a + future events) equals extractFeatures(a) for every feature: ${g.label}`, () => {
      const before = extractFeatures(parseApplicant(g.input)).values;
      const after = extractFeatures(parseApplicant(withFutureEvents(g.input))).values;
      expect(differingFeatures(before, after)).toEqual([]);
    });
  }

  it('the appended events are not inert: counted once asOf moves past them', () => {
    const g = GOLDEN_APPLICANTS[1];
    const later = addDays(g.input.asOf, 75); // asOf month and the next are then within every window
    const before = extractFeatures(parseApplicant(g.input), { asOf: later }).values;
    const after = extractFeatures(parseApplicant(withFutureEvents(g.input)), { asOf: later }).values;
    const changed = differingFeatures(before, after).map((s) => s.split(':')[0]);
    for (const name of ['hardInquiries12m', 'publicRecordCount', 'openTradeCount', 'overdrafts6m', 'lateBillCount12m', 'gamblingShareOfSpending6m', 'chargedOffCount']) {
      expect(changed).toContain(name);
    }
  });
});

describe('point in time: full history at asOf equals the history cut at asOf', () => {
  const asOfs = ['2019-08-02', '2021-10-31', '2022-04-30', '2022-05-01', '2023-02-15', '2023-06-30', '2024-01-01', '2024-02-29', '2024-06-15', '2024-07-31', '2024-08-01', '2025-06-15'];
  for (const g of GOLDEN_APPLICANTS.filter((x) => x.hasExplicitSnapshotDates)) {
    it(`extractFeatures(full, { asOf }) equals extractFeatures(truncated to asOf) at ${asOfs.length} dates: ${g.label}`, () => {
      const full = parseApplicant(g.input);
      for (const asOf of asOfs) {
        const viaFull = extractFeatures(full, { asOf }).values;
        const viaCut = extractFeatures(parseApplicant(truncatedTo(g.input, asOf))).values;
        expect(differingFeatures(viaFull, viaCut), asOf).toEqual([]);
      }
    });
  }
});

describe('point in time: generated applicants (which carry post-asOf events)', () => {
  it('extractFeatures(full, { asOf }) equals extractFeatures(truncated to asOf) for 200 generated applicants at 3 dates each', () => {
    let compared = 0;
    for (const g of generateApplicants({ n: 200, seed: 11 })) {
      const input = g.applicant;
      const full = parseApplicant(input);
      for (const asOf of [input.asOf, addDays(input.asOf, -95), addDays(input.asOf, -400)]) {
        const viaFull = extractFeatures(full, { asOf }).values;
        const viaCut = extractFeatures(parseApplicant(truncatedTo(input, asOf))).values;
        expect(differingFeatures(viaFull, viaCut), asOf).toEqual([]);
        compared++;
      }
    }
    expect(compared).toBe(600);
  });
});
