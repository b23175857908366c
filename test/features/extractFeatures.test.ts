import { describe, expect, it } from 'vitest';
import {
  FEATURE_CATALOGUE,
  FEATURE_NAMES,
  InvalidInputError,
  InvalidOptionsError,
  extractFeatureMatrix,
  extractFeatures,
  featureRecordFromVector,
  parseApplicant,
} from '../../src/index.js';
import { GOLDEN_APPLICANTS } from './goldenApplicants.js';

const parsed = GOLDEN_APPLICANTS.map((g) => ({ ...g, applicant: parseApplicant(g.input) }));

function expectSameValue(actual: number, expected: number, label: string): void {
  if (Number.isNaN(expected)) expect(actual, label).toBeNaN();
  else if (Number.isInteger(expected)) expect(actual, label).toBe(expected);
  else expect(actual, label).toBeCloseTo(expected, 12);
}

describe('extractFeatures: golden applicants (hand-computed)', () => {
  for (const g of parsed) {
    it(`extractFeatures(applicant) matches every hand-computed feature: ${g.label}`, () => {
      expect(Object.keys(g.expected).sort()).toEqual([...FEATURE_NAMES].sort());
      const v = extractFeatures(g.applicant);
      expect(v.names).toBe(FEATURE_NAMES);
      expect(v.values.length).toBe(FEATURE_NAMES.length);
      for (let j = 0; j < v.names.length; j++) expectSameValue(v.values[j], g.expected[v.names[j]], `${g.label}: ${v.names[j]}`);
    });

    it(`definition.compute(applicant, asOf) equals the extracted value for every feature: ${g.label}`, () => {
      const v = extractFeatures(g.applicant);
      FEATURE_CATALOGUE.forEach((d, j) => {
        expect(Object.is(d.compute(g.applicant, g.applicant.asOf), v.values[j]), d.name).toBe(true);
      });
    });
  }

  it('extractFeatures(applicant) does not mutate a frozen applicant', () => {
    const a = deepFreeze(parseApplicant(GOLDEN_APPLICANTS[1].input));
    expect(() => extractFeatures(a)).not.toThrow();
  });

  it('extractFeatures(applicant) returns a fresh values array on every call', () => {
    const a = parsed[0].applicant;
    const v1 = extractFeatures(a);
    const v2 = extractFeatures(a);
    expect(v1.values).not.toBe(v2.values);
    expect([...v1.values]).toEqual([...v2.values]);
  });
});

describe('extractFeatures: options.asOf', () => {
  it('extractFeatures(a, { asOf }) equals extracting the applicant re-dated to asOf', () => {
    for (const { applicant } of parsed) {
      for (const asOf of ['2023-01-31', '2024-03-01', '2025-12-31']) {
        const viaOption = extractFeatures(applicant, { asOf });
        const viaApplicant = extractFeatures({ ...applicant, asOf });
        expect([...viaOption.values].map(String)).toEqual([...viaApplicant.values].map(String));
      }
    }
  });

  it('extractFeatures(a, { asOf }) throws InvalidOptionsError with path asOf for a non-date', () => {
    for (const asOf of ['2024-02-30', '2024-6-1', 'yesterday']) {
      let caught: unknown;
      try {
        extractFeatures(parsed[0].applicant, { asOf });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidOptionsError);
      expect((caught as InvalidOptionsError).issues).toEqual([{ code: 'invalid_date', path: ['asOf'], message: 'must be a real calendar date as YYYY-MM-DD' }]);
    }
  });

  it('definition.compute(a, asOf) throws InvalidInputError with path asOf for a non-date', () => {
    const d = FEATURE_CATALOGUE[0];
    expect(() => d.compute(parsed[0].applicant, '2024-13-01')).toThrow(InvalidInputError);
    try {
      d.compute(parsed[0].applicant, '');
    } catch (e) {
      expect((e as InvalidInputError).issues[0].path).toEqual(['asOf']);
    }
  });

  it('moving asOf later lets the later history count (a full history replays point in time)', () => {
    const subprime = parsed[1].applicant;
    const col = (name: string, asOf: string) => extractFeatures(subprime, { asOf }).values[FEATURE_NAMES.indexOf(name)];
    // T5 (opened 2024-07-01) exists from 2024-07-02 on; the bankruptcy filed 2024-08-01 counts after it.
    expect(col('openTradeCount', '2024-07-01')).toBe(2);
    expect(col('openTradeCount', '2024-07-02')).toBe(3);
    expect(col('publicRecordCount', '2024-08-01')).toBe(3);
    expect(col('publicRecordCount', '2024-08-02')).toBe(4);
    // T4's snapshot (reported 2024-07-31, balance 3500) replaces its history balance from 2024-08-01 on.
    // At 2024-07-31 T4's latest usable month is 2024-06 (balance 3250), and T5's snapshot is not usable yet.
    expect(col('revolvingBalance', '2024-07-31')).toBeNaN(); // T5 exists, its balance is unknown (2024-01 has none)
    expect(col('totalBalance', '2024-08-01')).toBe(2850 + 4200 + 600 + 3500 + 4000);
  });
});

describe('extractFeatures: missing is NaN, never an accidental 0', () => {
  const base = { asOf: '2024-06-15', application: { requestedAmount: 1000, termMonths: 12, purpose: 'other', housing: 'rent' } } as const;
  const feature = (input: unknown, name: string) => extractFeatures(parseApplicant(input)).values[FEATURE_NAMES.indexOf(name)];

  it('inquiry counts are 0 on a bureau hit without inquiries and NaN on a no-hit', () => {
    expect(feature({ ...base, bureau: { status: 'hit' } }, 'hardInquiries6m')).toBe(0);
    expect(feature({ ...base, bureau: { status: 'no_hit' } }, 'hardInquiries6m')).toBeNaN();
    expect(feature({ ...base, bureau: { status: 'unavailable' } }, 'hardInquiries12m')).toBeNaN();
    expect(feature(base, 'hardInquiries12m')).toBeNaN();
  });

  it('revolvingUtilization is NaN when the total credit limit is 0, and a real 0 with a zero balance on a positive limit', () => {
    const trade = (creditLimit: number, balance: number) => ({ kind: 'revolving', openedDate: '2020-01-01', creditLimit, balance, status: 'current', reportedDate: '2024-06-01' });
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade(0, 0)] } }, 'revolvingUtilization')).toBeNaN();
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade(0, 50)] } }, 'revolvingUtilization')).toBeNaN();
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade(1000, 0)] } }, 'revolvingUtilization')).toBe(0);
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade(1000, 0), trade(0, 50)] } }, 'revolvingUtilization')).toBe(0.05);
  });

  it('a tradeline with an unknown balance makes balance sums NaN instead of silently short', () => {
    const known = { kind: 'revolving', openedDate: '2020-01-01', creditLimit: 1000, balance: 100, status: 'current', reportedDate: '2024-06-01' };
    const unknown = { ...known, reportedDate: '2024-06-20', history: [{ month: '2024-05', daysPastDue: 0 }] };
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [known] } }, 'totalBalance')).toBe(100);
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [known, unknown] } }, 'totalBalance')).toBeNaN();
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [known, unknown] } }, 'revolvingUtilization')).toBeNaN();
  });

  it('delinquency counts are NaN when no history month is observed in the window, 0 when observed and clean', () => {
    const trade = (history: { month: string; daysPastDue: number }[]) => ({ kind: 'installment', openedDate: '2015-01-01', balance: 0, monthlyPayment: 0, status: 'current', reportedDate: '2024-06-01', history });
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade([])] } }, 'count30dpd12m')).toBeNaN();
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade([{ month: '2023-05', daysPastDue: 30 }])] } }, 'count30dpd12m')).toBeNaN(); // 13 months ago
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade([{ month: '2023-05', daysPastDue: 30 }])] } }, 'count30dpd24m')).toBe(1);
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade([{ month: '2024-05', daysPastDue: 0 }])] } }, 'count30dpd12m')).toBe(0);
    // the snapshot alone is an observation of status, not of days past due
    expect(feature({ ...base, bureau: { status: 'hit', tradelines: [trade([])] } }, 'worstStatus24m')).toBe(0);
  });

  it('bank and bill features are NaN without data in their window, 0 when the data show none', () => {
    const bank = (month: string, overdraftCount: number) => ({ month, inflow: 100, outflow: 100, endBalance: 0, overdraftCount, nsfCount: 0 });
    expect(feature({ ...base, behavior: { bankMonths: [bank('2024-05', 0)] } }, 'overdrafts6m')).toBe(0);
    expect(feature({ ...base, behavior: { bankMonths: [bank('2023-12', 2)] } }, 'overdrafts6m')).toBe(2); // 6 months ago: in
    expect(feature({ ...base, behavior: { bankMonths: [bank('2023-11', 2)] } }, 'overdrafts6m')).toBeNaN(); // 7 months ago: out
    expect(feature({ ...base, behavior: { bankMonths: [] } }, 'overdrafts6m')).toBeNaN();
    expect(feature({ ...base, behavior: { billPayments: [{ month: '2023-06', provider: 'utility', onTime: false }] } }, 'lateBillCount12m')).toBe(1);
    expect(feature({ ...base, behavior: { billPayments: [{ month: '2023-05', provider: 'utility', onTime: false }] } }, 'lateBillCount12m')).toBeNaN();
  });

  it('inflowVolatility6m needs 3 months of bank data', () => {
    const bank = (month: string, inflow: number) => ({ month, inflow, outflow: 0, endBalance: 0, overdraftCount: 0, nsfCount: 0 });
    expect(feature({ ...base, behavior: { bankMonths: [bank('2024-05', 100), bank('2024-04', 300)] } }, 'inflowVolatility6m')).toBeNaN();
    // 100, 300, 200: mean 200, Σd² = 20000, sd = √(20000/3) = 81.6497, cv = 0.408248
    expect(feature({ ...base, behavior: { bankMonths: [bank('2024-05', 100), bank('2024-04', 300), bank('2024-03', 200)] } }, 'inflowVolatility6m')).toBeCloseTo(Math.sqrt(20000 / 3) / 200, 12);
  });

  it('the hasBureauHit flag is 1 / 0 / NaN for hit / no_hit / unavailable, while isThinFile is never missing', () => {
    expect(feature({ ...base, bureau: { status: 'hit' } }, 'hasBureauHit')).toBe(1);
    expect(feature({ ...base, bureau: { status: 'no_hit' } }, 'hasBureauHit')).toBe(0);
    expect(feature({ ...base, bureau: { status: 'unavailable' } }, 'hasBureauHit')).toBeNaN();
    for (const bureau of [{ status: 'hit' }, { status: 'no_hit' }, { status: 'unavailable' }, undefined]) {
      expect(feature({ ...base, bureau }, 'isThinFile')).toBe(1);
    }
  });
});

describe('extractFeatures: tradeline snapshot dating', () => {
  const base = { asOf: '2024-06-15', application: { requestedAmount: 1000, termMonths: 12, purpose: 'other', housing: 'rent' } } as const;
  const feature = (tradeline: object, name: string) =>
    extractFeatures(parseApplicant({ ...base, bureau: { status: 'hit', tradelines: [tradeline] } })).values[FEATURE_NAMES.indexOf(name)];
  const trade = { kind: 'revolving', openedDate: '2020-01-01', creditLimit: 1000, balance: 800, status: 'charged_off' } as const;

  it('a snapshot reported the day before asOf is used; one reported on asOf is not', () => {
    expect(feature({ ...trade, reportedDate: '2024-06-14' }, 'totalBalance')).toBe(800);
    expect(feature({ ...trade, reportedDate: '2024-06-14' }, 'chargedOffCount')).toBe(1);
    expect(feature({ ...trade, reportedDate: '2024-06-15' }, 'totalBalance')).toBeNaN();
    expect(feature({ ...trade, reportedDate: '2024-06-15' }, 'chargedOffCount')).toBe(0);
  });

  it('an unusable snapshot falls back to the latest history month before asOf\'s month, whatever the list order', () => {
    const history = [
      { month: '2024-03', daysPastDue: 0, balance: 100, status: 'current' },
      { month: '2024-05', daysPastDue: 0, balance: 300 },
      { month: '2024-04', daysPastDue: 0, balance: 200, status: 'collection' },
      { month: '2024-06', daysPastDue: 0, balance: 999, status: 'charged_off' },
    ];
    expect(feature({ ...trade, reportedDate: '2024-07-01', history }, 'totalBalance')).toBe(300);
    expect(feature({ ...trade, reportedDate: '2024-07-01', history }, 'collectionCount')).toBe(1); // 2024-04 history status
    expect(feature({ ...trade, reportedDate: '2024-07-01', history }, 'chargedOffCount')).toBe(0); // snapshot and 2024-06 are later
  });

  it('derogatoryTradeCount counts tradelines charged off or in collection as of asOf, each once, point in time', () => {
    const history = [
      { month: '2024-03', daysPastDue: 120, status: 'collection' },
      { month: '2024-06', daysPastDue: 0, status: 'charged_off' }, // asOf's month: not usable
    ];
    // collection in history and charged off in the snapshot: one derogatory tradeline, counted by both ever-flags
    expect(feature({ ...trade, reportedDate: '2024-06-14', history }, 'derogatoryTradeCount')).toBe(1);
    expect(feature({ ...trade, reportedDate: '2024-06-14', history }, 'chargedOffCount')).toBe(1);
    expect(feature({ ...trade, reportedDate: '2024-06-14', history }, 'collectionCount')).toBe(1);
    // snapshot reported on asOf and only the 2024-06 entry charged off: nothing usable is derogatory
    expect(feature({ ...trade, reportedDate: '2024-06-15', history: [history[1]] }, 'derogatoryTradeCount')).toBe(0);
    expect(feature({ ...trade, status: 'current', reportedDate: '2024-06-14' }, 'derogatoryTradeCount')).toBe(0);
    // in collection in 2024-03 but current in the usable snapshot: no longer derogatory (collectionCount is "ever")
    expect(feature({ ...trade, status: 'current', reportedDate: '2024-06-14', history: [history[0]] }, 'derogatoryTradeCount')).toBe(0);
    expect(feature({ ...trade, status: 'current', reportedDate: '2024-06-14', history: [history[0]] }, 'collectionCount')).toBe(1);
    // no usable snapshot: the latest usable history month's status decides
    expect(feature({ ...trade, reportedDate: '2024-07-01', history: [history[0]] }, 'derogatoryTradeCount')).toBe(1);
    expect(extractFeatures(parseApplicant({ ...base, bureau: { status: 'no_hit' } })).values[FEATURE_NAMES.indexOf('derogatoryTradeCount')]).toBeNaN();
  });

  it('without reportedDate the snapshot is dated by the latest history month (any, including future months)', () => {
    expect(feature({ ...trade, history: [{ month: '2024-05', daysPastDue: 0, balance: 10 }] }, 'totalBalance')).toBe(800);
    // a 2024-06 entry dates the snapshot to the end of June, after asOf: the 2024-05 entry stands in
    expect(feature({ ...trade, history: [{ month: '2024-05', daysPastDue: 0, balance: 10 }, { month: '2024-06', daysPastDue: 0 }] }, 'totalBalance')).toBe(10);
  });

  it('without reportedDate and without history the snapshot is taken as the pull for this decision', () => {
    expect(feature(trade, 'totalBalance')).toBe(800);
  });

  it('an account closed on asOf is still open; one closed the day before is not', () => {
    const t = { ...trade, status: 'current', reportedDate: '2024-06-01' };
    expect(feature({ ...t, closedDate: '2024-06-15' }, 'openTradeCount')).toBe(1);
    expect(feature({ ...t, closedDate: '2024-06-14' }, 'openTradeCount')).toBe(0);
    expect(feature({ ...t, openedDate: '2024-06-15' }, 'openTradeCount')).toBe(0); // opened on asOf: not yet
    expect(feature({ ...t, openedDate: '2024-06-14' }, 'openTradeCount')).toBe(1);
  });
});

describe('extractFeatureMatrix', () => {
  it('extractFeatureMatrix(applicants) equals the stacked extractFeatures rows', () => {
    const applicants = parsed.map((g) => g.applicant);
    const m = extractFeatureMatrix(applicants);
    expect(m.rows).toBe(applicants.length);
    expect(m.names).toBe(FEATURE_NAMES);
    expect(m.values.length).toBe(applicants.length * FEATURE_NAMES.length);
    applicants.forEach((a, i) => {
      const row = extractFeatures(a).values;
      for (let j = 0; j < row.length; j++) expect(Object.is(m.values[i * row.length + j], row[j]), `${i}:${FEATURE_NAMES[j]}`).toBe(true);
    });
  });

  it('extractFeatureMatrix(applicants, { asOf }) applies the override to every row', () => {
    const applicants = parsed.map((g) => g.applicant);
    const m = extractFeatureMatrix(applicants, { asOf: '2023-12-31' });
    applicants.forEach((a, i) => {
      const row = extractFeatures(a, { asOf: '2023-12-31' }).values;
      for (let j = 0; j < row.length; j++) expect(Object.is(m.values[i * row.length + j], row[j])).toBe(true);
    });
  });

  it('extractFeatureMatrix([]) returns an empty matrix', () => {
    const m = extractFeatureMatrix([]);
    expect(m.rows).toBe(0);
    expect(m.values.length).toBe(0);
  });

  it('extractFeatureMatrix(applicants, { asOf }) rejects a non-date asOf', () => {
    expect(() => extractFeatureMatrix([], { asOf: '2024-02-30' })).toThrow(InvalidOptionsError);
  });
});

describe('featureRecordFromVector', () => {
  it('featureRecordFromVector(v) maps NaN to null and keeps order', () => {
    const r = featureRecordFromVector({ names: ['a', 'b', 'c'], values: Float64Array.of(1.5, Number.NaN, 0) });
    expect(r).toEqual({ a: 1.5, b: null, c: 0 });
    expect(Object.keys(r)).toEqual(['a', 'b', 'c']);
  });

  it('featureRecordFromVector(extractFeatures(a)) has every catalogue feature', () => {
    const r = featureRecordFromVector(extractFeatures(parsed[2].applicant));
    expect(Object.keys(r)).toEqual([...FEATURE_NAMES]);
    expect(r.hardInquiries6m).toBeNull();
    expect(r.monthlyIncome).toBe(2000);
  });

  it('featureRecordFromVector(v) throws InvalidInputError when names and values differ in length', () => {
    expect(() => featureRecordFromVector({ names: ['a'], values: new Float64Array(2) })).toThrow(InvalidInputError);
  });
});

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

