/**
 * The runtime entry points of the foundation: scoreApplicant, scoreApplicants and defaultModel.
 * Results are checked against an independent route to the same answer (loadModel on the artifact
 * file read from disk, scoring a feature record built by name from extractFeatures), so a wrong
 * column mapping, a stale bundled model or a lost option would show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateApplicants } from '../../fixtures/generator/index.js';
import {
  CreditScoreError,
  InvalidInputError,
  InvalidOptionsError,
  defaultModel,
  extractFeatures,
  featureRecordFromVector,
  loadModel,
  parseApplicant,
  scoreApplicant,
  scoreApplicants,
  type ApplicantInput,
  type ApplicantScoreResult,
  type Scorer,
  type ScoreResult,
} from '../../src/index.js';
import { THIN_FILE_MIN_TRADELINES } from '../../src/features/summarizeApplicant.js';

const DEFAULT_JSON = readFileSync(path.resolve(import.meta.dirname, '../../models/default.json'), 'utf8');
const reference = loadModel(DEFAULT_JSON);
const inquiryReasonCode = (JSON.parse(DEFAULT_JSON) as { inquiryReasonCode?: string }).inquiryReasonCode;

/** The independent route: validate, extract every feature, score a record keyed by feature name. */
function expectedResult(raw: unknown, scorer: Scorer = reference, maxReasons?: number): ApplicantScoreResult {
  const all = featureRecordFromVector(extractFeatures(parseApplicant(raw)));
  const record = Object.fromEntries(scorer.featureNames.map((name) => [name, all[name]]));
  const result: ScoreResult = scorer.score(record, maxReasons === undefined ? {} : { maxReasons });
  return { ...result, isThinFile: all.isThinFile === 1 };
}

function addDays(date: string, k: number): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + k)).toISOString().slice(0, 10);
}

function addMonths(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months `from`, `from + 1`, … (`count` of them) with days past due 0 except where given. */
function history(from: string, count: number, dpd: Record<string, number> = {}): { month: string; daysPastDue: number }[] {
  return Array.from({ length: count }, (_, k) => {
    const month = addMonths(from, k);
    return { month, daysPastDue: dpd[month] ?? 0 };
  });
}

const APPLICATION = { requestedAmount: 12000, termMonths: 36, purpose: 'debt_consolidation', housing: 'rent', channel: 'online' } as const;
const INCOME = { statedAnnual: 48000, verifiedAnnual: 46000, payFrequency: 'monthly', employmentStartDate: '2021-03-01', employmentType: 'employed' } as const;

/** A hit with `count` usable tradelines (opened before asOf, snapshot reported before asOf). */
function applicantWithTradelines(count: number): ApplicantInput {
  const kinds = ['revolving', 'installment', 'revolving', 'open', 'mortgage'] as const;
  return {
    applicantId: 'A-THIN-TEST',
    asOf: '2024-06-15',
    application: { ...APPLICATION },
    bureau: {
      status: 'hit',
      tradelines: Array.from({ length: count }, (_, k) => ({
        kind: kinds[k % kinds.length],
        openedDate: `20${18 + k}-02-10`,
        creditLimit: 4000,
        originalAmount: 9000,
        balance: 1500 + 100 * k,
        monthlyPayment: 90,
        status: 'current' as const,
        reportedDate: '2024-05-31',
        history: history('2023-06', 12),
      })),
      inquiries: [{ date: '2024-05-02', type: 'hard' }],
      publicRecords: [],
    },
    income: { ...INCOME },
    behavior: {
      bankMonths: history('2023-12', 6).map(({ month }, k) => ({ month, inflow: 3800 + 50 * k, outflow: 3700, endBalance: 400 - 30 * k, overdraftCount: k === 4 ? 1 : 0, nsfCount: 0 })),
      billPayments: history('2023-07', 11).map(({ month }, k) => ({ month, provider: 'telecom' as const, onTime: k !== 3 })),
    },
  };
}

/** A riskier hand-built applicant: delinquencies, high utilisation, many inquiries, overdrafts. */
const RISKY: ApplicantInput = {
  applicantId: 'A-RISKY',
  asOf: '2024-06-15',
  application: { requestedAmount: 30000, termMonths: 60, purpose: 'debt_consolidation', housing: 'rent' },
  bureau: {
    status: 'hit',
    tradelines: [
      { kind: 'revolving', openedDate: '2021-04-01', creditLimit: 3000, balance: 2950, monthlyPayment: 75, status: 'delinquent', reportedDate: '2024-05-31', history: history('2023-06', 12, { '2024-03': 30, '2024-04': 60, '2024-05': 30 }) },
      { kind: 'revolving', openedDate: '2022-09-12', creditLimit: 1500, balance: 1480, monthlyPayment: 40, status: 'current', reportedDate: '2024-05-31', history: history('2023-06', 12) },
      { kind: 'installment', openedDate: '2020-01-20', originalAmount: 8000, balance: 3100, monthlyPayment: 210, status: 'charged_off', reportedDate: '2024-04-30', history: history('2023-05', 12, { '2024-01': 30, '2024-02': 60, '2024-03': 90, '2024-04': 120 }) },
      { kind: 'open', openedDate: '2023-11-03', creditLimit: 500, balance: 480, monthlyPayment: 480, status: 'current', reportedDate: '2024-05-31', history: history('2023-12', 6) },
    ],
    inquiries: [
      { date: '2024-05-30', type: 'hard' },
      { date: '2024-04-11', type: 'hard' },
      { date: '2024-03-02', type: 'hard' },
      { date: '2024-02-14', type: 'hard' },
      { date: '2024-01-09', type: 'soft' },
    ],
    publicRecords: [{ type: 'judgment', filedDate: '2023-02-01', satisfiedDate: null, amount: 2400 }],
  },
  income: { statedAnnual: 30000, payFrequency: 'irregular', employmentStartDate: '2024-01-15', employmentType: 'contract' },
  behavior: {
    bankMonths: history('2023-12', 6).map(({ month }, k) => ({ month, inflow: 1500 + 900 * (k % 2), outflow: 2400, endBalance: -200 - 50 * k, overdraftCount: 2, nsfCount: 1 })),
    billPayments: history('2023-07', 11).map(({ month }, k) => ({ month, provider: 'utility' as const, onTime: k % 3 !== 0 })),
    spending: [
      { month: '2024-05', category: 'gambling', amount: 400 },
      { month: '2024-05', category: 'essentials', amount: 900 },
    ],
  },
};

/** Generated raw applicants of every borrower type and bureau state (no file I/O). */
const GENERATED: ApplicantInput[] = [...generateApplicants({ n: 150, seed: 4242 })].map((g) => g.applicant);

/**
 * `input` with events of every kind dated on or after asOf appended, each drastic enough to move a
 * feature if it were (wrongly) counted: tradelines opened on asOf or later, payment-history months
 * of asOf's month and later (only on tradelines with a reportedDate, whose snapshot date is then
 * fixed), inquiries and public records dated on or after asOf, bank, bill and spending months of
 * asOf's month and later.
 */
function withFutureEvents(input: ApplicantInput): ApplicantInput {
  const a = structuredClone(input);
  const asOf = a.asOf;
  const asOfMonth = asOf.slice(0, 7);
  const months = [asOfMonth, addMonths(asOfMonth, 1), addMonths(asOfMonth, 7)];
  const days = [asOf, addDays(asOf, 1), addDays(asOf, 200)];
  if (a.bureau?.status === 'hit') {
    const b = a.bureau;
    b.tradelines = (b.tradelines ?? []).map((t) =>
      t.reportedDate === undefined ? t : { ...t, history: [...(t.history ?? []), ...months.map((month) => ({ month, daysPastDue: 150, balance: 99_999, status: 'collection' as const }))] },
    );
    for (const openedDate of days) {
      b.tradelines.push(
        { kind: 'revolving', openedDate, creditLimit: 1000, balance: 5000, monthlyPayment: 900, status: 'charged_off', reportedDate: addDays(openedDate, 30), history: [{ month: addMonths(openedDate.slice(0, 7), 1), daysPastDue: 120 }] },
        { kind: 'installment', openedDate, originalAmount: 40_000, balance: 40_000, monthlyPayment: 2_000, status: 'current', history: [] },
      );
    }
    b.inquiries = [...(b.inquiries ?? []), ...days.flatMap((date) => [{ date, type: 'hard' as const }, { date, type: 'hard' as const }])];
    b.publicRecords = [...(b.publicRecords ?? []), ...days.map((filedDate) => ({ type: 'bankruptcy' as const, filedDate, satisfiedDate: null, amount: 50_000 }))];
  }
  if (a.behavior !== undefined) {
    const b = a.behavior;
    b.bankMonths = [...(b.bankMonths ?? []), ...months.map((month) => ({ month, inflow: 0, outflow: 9_000, endBalance: -8_000, overdraftCount: 25, nsfCount: 12 }))];
    b.billPayments = [...(b.billPayments ?? []), ...months.flatMap((month) => [{ month, provider: 'utility' as const, onTime: false }, { month, provider: 'telecom' as const, onTime: false }])];
    if (b.spending !== undefined) b.spending = [...b.spending, ...months.map((month) => ({ month, category: 'gambling' as const, amount: 5_000 }))];
  }
  return a;
}

function errorOf(fn: () => unknown): CreditScoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CreditScoreError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('defaultModel', () => {
  it('defaultModel() loads the bundled models/default.json once and returns the same scorer every time', () => {
    const model = defaultModel();
    expect(defaultModel()).toBe(model);
    expect(model.id).toBe(reference.id);
    expect(model.featureNames).toEqual(reference.featureNames);
    expect(model.toArtifact()).toEqual(JSON.parse(DEFAULT_JSON));
  });

  it('defaultModel() uses only features the catalogue computes', () => {
    const names = extractFeatures(parseApplicant(RISKY)).names;
    for (const name of defaultModel().featureNames) expect(names).toContain(name);
  });
});

describe('scoreApplicant', () => {
  it('scoreApplicant(raw) equals loadModel(models/default.json).score(extractFeatures(parseApplicant(raw))) on generated and hand-built applicants', () => {
    const inputs = [...GENERATED, RISKY, applicantWithTradelines(4)];
    for (const raw of inputs) expect(scoreApplicant(raw)).toEqual(expectedResult(raw));
  });

  it('scoreApplicant(raw) gives a finite score, a PD in (0, 1) and reasons that cite model features with their values, largest first', () => {
    let withReasons = 0;
    for (const raw of [...GENERATED, RISKY]) {
      const r = scoreApplicant(raw);
      expect(Number.isFinite(r.score)).toBe(true);
      expect(r.probabilityOfDefault).toBeGreaterThan(0);
      expect(r.probabilityOfDefault).toBeLessThan(1);
      expect(r.modelId).toBe(reference.id);
      const record = featureRecordFromVector(extractFeatures(parseApplicant(raw)));
      const ranked = inquiryReasonCode !== undefined && r.reasonCodes.length > 4 ? r.reasonCodes.slice(0, 4) : r.reasonCodes;
      for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1].impact).toBeGreaterThanOrEqual(ranked[k].impact);
      for (const reason of r.reasonCodes) {
        expect(reference.featureNames).toContain(reason.feature);
        expect(reason.impact).toBeGreaterThan(0);
        expect(reason.value).toBe(record[reason.feature]);
        expect(reason.description.length).toBeGreaterThan(0);
      }
      if (r.reasonCodes.length > 0) withReasons += 1;
    }
    expect(withReasons).toBeGreaterThan(GENERATED.length / 2);
  });

  it('scoreApplicant(raw) scores a riskier applicant lower, with a higher PD, than a clean file', () => {
    const clean = scoreApplicant(applicantWithTradelines(5));
    const risky = scoreApplicant(RISKY);
    expect(risky.score).toBeLessThan(clean.score);
    expect(risky.probabilityOfDefault).toBeGreaterThan(clean.probabilityOfDefault);
    expect(risky.reasonCodes.length).toBeGreaterThanOrEqual(4);
  });

  it('scoreApplicant(raw, { model }) scores with the given model, not the default', () => {
    // A challenger that differs in id and in the points of its first characteristic.
    const artifact = JSON.parse(DEFAULT_JSON) as { id: string; model: { characteristics: { points: number[] }[] } };
    artifact.id = 'challenger';
    artifact.model.characteristics[0].points = artifact.model.characteristics[0].points.map((p) => p - 30);
    const challenger = loadModel(artifact);
    expect(challenger.id).not.toBe(reference.id);
    for (const raw of [RISKY, ...GENERATED.slice(0, 20)]) {
      const r = scoreApplicant(raw, { model: challenger });
      expect(r).toEqual(expectedResult(raw, challenger));
      expect(r.modelId).toBe(challenger.id);
      expect(r.score).not.toBe(scoreApplicant(raw).score);
    }
  });

  it('scoreApplicant(raw, { model }) rejects a model that uses a feature the catalogue does not compute, naming it', () => {
    const artifact = JSON.parse(DEFAULT_JSON) as { features: { name: string }[] };
    artifact.features[0] = { ...artifact.features[0], name: 'shoeSize' };
    const model = loadModel(artifact);
    const error = errorOf(() => scoreApplicant(RISKY, { model }));
    expect(error.issues).toEqual([{ code: 'unknown_feature', path: ['model', 'features', 'shoeSize'], message: expect.any(String) }]);
    expect(error.message).toContain('catalogue');
  });

  it('scoreApplicant(raw) does not mutate a frozen input', () => {
    const input = structuredClone(RISKY);
    const freeze = (v: unknown): void => {
      if (v !== null && typeof v === 'object') {
        for (const x of Object.values(v)) freeze(x);
        Object.freeze(v);
      }
    };
    freeze(input);
    expect(scoreApplicant(input)).toEqual(scoreApplicant(structuredClone(RISKY)));
    expect(input).toEqual(RISKY);
  });
});

describe('scoreApplicant: thin files', () => {
  const { bureau: _bureau, ...noBureau } = applicantWithTradelines(0);

  it.each([
    ['a no-hit', { ...noBureau, bureau: { status: 'no_hit' } }],
    ['an unavailable bureau report', { ...noBureau, bureau: { status: 'unavailable' } }],
    ['no bureau part at all', noBureau],
    ['a hit with no tradeline', applicantWithTradelines(0)],
    ['a hit with 2 tradelines', applicantWithTradelines(2)],
  ])('scoreApplicant(raw) scores %s from the other data and flags it thin-file', (_label, raw) => {
    const r = scoreApplicant(raw);
    expect(r.isThinFile).toBe(true);
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.probabilityOfDefault).toBeGreaterThan(0);
    expect(r.probabilityOfDefault).toBeLessThan(1);
    expect(r).toEqual(expectedResult(raw));
  });

  it('scoreApplicant(raw) does not flag a file with 3 usable tradelines, and does flag one whose third tradeline opened after asOf', () => {
    expect(THIN_FILE_MIN_TRADELINES).toBe(3);
    const three = applicantWithTradelines(3);
    expect(scoreApplicant(three).isThinFile).toBe(false);
    const lateThird = structuredClone(three);
    if (lateThird.bureau?.status !== 'hit' || lateThird.bureau.tradelines === undefined) throw new Error('fixture');
    lateThird.bureau.tradelines[2] = { ...lateThird.bureau.tradelines[2], openedDate: '2024-06-20', history: [] };
    expect(scoreApplicant(lateThird).isThinFile).toBe(true);
  });

  it('scoreApplicant(raw) flags the same generated applicants thin-file as the isThinFile feature', () => {
    let thin = 0;
    for (const raw of GENERATED) {
      const flag = scoreApplicant(raw).isThinFile;
      expect(flag).toBe(featureRecordFromVector(extractFeatures(parseApplicant(raw))).isThinFile === 1);
      if (flag) thin += 1;
    }
    expect(thin).toBeGreaterThan(0);
    expect(thin).toBeLessThan(GENERATED.length);
  });
});

describe('scoreApplicant: point in time', () => {
  it('scoreApplicant(raw + events dated on or after asOf) equals scoreApplicant(raw), reasons included', () => {
    let augmented = 0;
    let moved = 0;
    for (const raw of [RISKY, applicantWithTradelines(2), applicantWithTradelines(4), ...GENERATED.slice(0, 60)]) {
      const future = withFutureEvents(raw);
      if (JSON.stringify(future) !== JSON.stringify(raw)) augmented += 1;
      expect(scoreApplicant(future)).toEqual(scoreApplicant(raw));
      // Seen from a decision date 400 days later the same events are in the past, and they do move
      // the score: the events are strong enough for the equality above to mean something.
      const later = addDays(raw.asOf, 400);
      if (scoreApplicant({ ...future, asOf: later }).score !== scoreApplicant({ ...structuredClone(raw), asOf: later }).score) moved += 1;
    }
    expect(augmented).toBeGreaterThan(40);
    expect(moved).toBeGreaterThan(40);
  });

  it('scoreApplicant(raw) for a generated applicant with post-asOf history equals the score of its record cut at asOf', () => {
    const cut = (a: ApplicantInput): ApplicantInput => {
      const copy = structuredClone(a);
      const asOfMonth = a.asOf.slice(0, 7);
      if (copy.bureau?.status === 'hit') {
        copy.bureau.tradelines = (copy.bureau.tradelines ?? [])
          .filter((t) => t.openedDate < a.asOf)
          .map((t) => ({ ...t, history: (t.history ?? []).filter((h) => h.month < asOfMonth) }));
        copy.bureau.inquiries = (copy.bureau.inquiries ?? []).filter((q) => q.date < a.asOf);
        copy.bureau.publicRecords = (copy.bureau.publicRecords ?? []).filter((r) => r.filedDate < a.asOf).map((r) => (r.satisfiedDate != null && r.satisfiedDate >= a.asOf ? { ...r, satisfiedDate: null } : r));
      }
      if (copy.behavior !== undefined) {
        copy.behavior.bankMonths = (copy.behavior.bankMonths ?? []).filter((x) => x.month < asOfMonth);
        copy.behavior.billPayments = (copy.behavior.billPayments ?? []).filter((x) => x.month < asOfMonth);
        if (copy.behavior.spending !== undefined) copy.behavior.spending = copy.behavior.spending.filter((x) => x.month < asOfMonth);
      }
      return copy;
    };
    let checked = 0;
    for (const g of generateApplicants({ n: 150, seed: 4242 })) {
      if (!g.truth.hasPostAsOfData) continue;
      // Snapshots reported on or after asOf are unusable either way; closing dates on or after asOf
      // mean "open at asOf" either way, so they are kept as they are.
      expect(scoreApplicant(g.applicant)).toEqual(scoreApplicant(cut(g.applicant)));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('scoreApplicant: maxReasons', () => {
  // An applicant whose inquiry reason ranks below the first reasons, so the inquiry rule shows.
  const candidates = [RISKY, ...GENERATED];
  const full = candidates.map((raw) => scoreApplicant(raw, { maxReasons: Number.POSITIVE_INFINITY }).reasonCodes);

  it('scoreApplicant(raw, { maxReasons: k }) returns the first k reasons of the full ranking, plus the inquiry reason when it ranks lower', () => {
    expect(inquiryReasonCode).toBeDefined();
    let inquiryAppended = 0;
    candidates.forEach((raw, i) => {
      for (const k of [0, 1, 2, 3, 4, 6]) {
        const reasons = scoreApplicant(raw, { maxReasons: k }).reasonCodes;
        expect(reasons.slice(0, k)).toEqual(full[i].slice(0, k));
        const inquiryRank = full[i].findIndex((r) => r.code === inquiryReasonCode);
        if (k > 0 && inquiryRank >= k) {
          expect(reasons).toHaveLength(k + 1);
          expect(reasons[k]).toEqual(full[i][inquiryRank]);
          inquiryAppended += 1;
        } else {
          expect(reasons).toHaveLength(Math.min(k, full[i].length));
        }
      }
    });
    expect(inquiryAppended).toBeGreaterThan(0);
  });

  it('scoreApplicant(raw) returns at most 4 reasons (+ the inquiry reason) by default, and maxReasons never changes score or PD', () => {
    for (const raw of candidates.slice(0, 40)) {
      const byDefault = scoreApplicant(raw);
      expect(byDefault).toEqual(scoreApplicant(raw, { maxReasons: 4 }));
      expect(byDefault.reasonCodes.length).toBeLessThanOrEqual(5);
      if (byDefault.reasonCodes.length === 5) expect(byDefault.reasonCodes[4].code).toBe(inquiryReasonCode);
      const none = scoreApplicant(raw, { maxReasons: 0 });
      expect(none.reasonCodes).toEqual([]);
      expect(none.score).toBe(byDefault.score);
      expect(none.probabilityOfDefault).toBe(byDefault.probabilityOfDefault);
    }
  });

  it.each([-1, 1.5, Number.NaN])('scoreApplicant(raw, { maxReasons: %s }) throws InvalidOptionsError at path maxReasons', (maxReasons) => {
    const error = errorOf(() => scoreApplicant(RISKY, { maxReasons }));
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect(error.issues.map((i) => i.path)).toEqual([['maxReasons']]);
  });
});

describe('scoreApplicant: invalid input', () => {
  const secrets = ['APP-ZX-99117733', 'ACCT-55443322', 'Zebediah Quuxworth', '1985-02-30', 'Quuxland'];
  const bad = (): unknown => {
    const a = structuredClone(RISKY) as Record<string, any>;
    a.applicantId = 'APP-ZX-99117733';
    a.customerName = 'Zebediah Quuxworth';
    a.application.protected = { birthDate: '1985-02-30', nationalOrigin: 'Quuxland' };
    a.application.termMonths = 0;
    a.bureau.tradelines[1].accountId = 'ACCT-55443322';
    a.bureau.tradelines[1].balance = -1480;
    a.bureau.inquiries[0].type = 'firm';
    a.behavior.bankMonths[2].month = '2024-13';
    return a;
  };
  const expectedIssues = [
    { path: ['application', 'termMonths'], code: 'too_small' },
    { path: ['application', 'protected', 'birthDate'], code: 'invalid_date' },
    { path: ['bureau', 'tradelines', 1, 'balance'], code: 'too_small' },
    { path: ['bureau', 'inquiries', 0, 'type'], code: 'invalid_value' },
    { path: ['behavior', 'bankMonths', 2, 'month'], code: 'invalid_month' },
    { path: [], code: 'unrecognized_keys' },
  ];

  function renderings(error: CreditScoreError): string[] {
    return [error.message, String(error), error.stack ?? '', JSON.stringify(error), JSON.stringify(error.toJSON()), inspect(error, { depth: Infinity }), ...error.issues.map((i) => i.message)];
  }

  it('scoreApplicant(raw) throws InvalidInputError naming every field path and rule, and no personal data', () => {
    const error = errorOf(() => scoreApplicant(bad()));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual(expectedIssues);
    for (const p of ['application.termMonths', 'application.protected.birthDate', 'bureau.tradelines[1].balance', 'bureau.inquiries[0].type', 'behavior.bankMonths[2].month']) {
      expect(error.message).toContain(p);
    }
    expect(error.message).toContain('customerName'); // the unknown key's name (structure), not its value
    for (const text of renderings(error)) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('scoreApplicant(x) rejects input that is not an applicant object at the root', () => {
    for (const raw of [null, undefined, 'applicant', 7, []]) {
      const error = errorOf(() => scoreApplicant(raw));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.issues.map((i) => i.path)).toEqual([[]]);
    }
  });
});

describe('scoreApplicants', () => {
  it('scoreApplicants([]) returns []', () => {
    expect(scoreApplicants([])).toEqual([]);
  });

  it('scoreApplicants(raws) returns one result per input in order; bad records in the middle do not disturb the others', () => {
    const good = [RISKY, ...GENERATED.slice(0, 4)];
    const raws: unknown[] = [good[0], { asOf: '2024-02-30' }, good[1], good[2], 'not an applicant', null, good[3], withBadBalance(good[4])];
    const frozen = Object.freeze([...raws]);
    const results = scoreApplicants(frozen);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true, false, false, true, false]);
    expect(results.map((r) => (r.ok ? r.result : null))).toEqual([scoreApplicant(good[0]), null, scoreApplicant(good[1]), scoreApplicant(good[2]), null, null, scoreApplicant(good[3]), null]);
    expect(frozen).toEqual(raws);
  });

  it('scoreApplicants(raws) prefixes every issue path of a bad record with its index, and keeps the class, code and message', () => {
    const raws: unknown[] = [RISKY, { asOf: '2024-02-30' }, RISKY, withBadBalance(RISKY)];
    const results = scoreApplicants(raws);
    const errors = results.map((r) => (r.ok ? null : r.error));
    expect(errors[0]).toBeNull();
    expect(errors[2]).toBeNull();
    expect(errors[1]).toBeInstanceOf(InvalidInputError);
    expect(errors[1]?.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([
      { path: [1, 'asOf'], code: 'invalid_date' },
      { path: [1, 'application'], code: 'invalid_type' },
    ]);
    expect(errors[3]).toBeInstanceOf(InvalidInputError);
    expect(errors[3]?.issues.map((i) => i.path)).toEqual([[3, 'bureau', 'tradelines', 0, 'balance']]);
    const single = errorOf(() => scoreApplicant(withBadBalance(RISKY)));
    expect(errors[3]?.code).toBe(single.code);
    expect(errors[3]?.message).toBe(single.message);
    expect(errors[3]?.toJSON().issues).toEqual(single.issues.map((i) => ({ ...i, path: [3, ...i.path] })));
  });

  it('scoreApplicants(raws, options) applies the model and maxReasons to every record', () => {
    const artifact = JSON.parse(DEFAULT_JSON) as { id: string };
    const challenger = loadModel({ ...artifact, id: 'challenger-2' });
    const raws = [RISKY, ...GENERATED.slice(0, 10)];
    const results = scoreApplicants(raws, { model: challenger, maxReasons: 1 });
    results.forEach((r, i) => {
      if (!r.ok) throw r.error;
      expect(r.result).toEqual(expectedResult(raws[i], challenger, 1));
      expect(r.result.modelId).toBe(challenger.id);
    });
  });

  it('scoreApplicants(raws, { maxReasons: -1 }) reports the options error for every record instead of throwing', () => {
    const results = scoreApplicants([RISKY, RISKY], { maxReasons: -1 });
    expect(results.map((r) => (r.ok ? null : r.error.issues.map((i) => i.path)))).toEqual([[[0, 'maxReasons']], [[1, 'maxReasons']]]);
    expect(results.every((r) => !r.ok && r.error instanceof InvalidOptionsError)).toBe(true);
  });

  it('scoreApplicants(raws) never echoes personal data in a bad record\'s error, in any form', () => {
    const raw = { ...structuredClone(RISKY), applicantId: 'APP-ZX-99117733', customerName: 'Zebediah Quuxworth' };
    const [result] = scoreApplicants([raw]);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result) + inspect(result, { depth: Infinity });
    expect(text).toContain('customerName');
    expect(text).not.toContain('APP-ZX-99117733');
    expect(text).not.toContain('Zebediah');
  });
});

function withBadBalance(raw: ApplicantInput): ApplicantInput {
  const a = structuredClone(raw);
  if (a.bureau?.status !== 'hit' || a.bureau.tradelines === undefined || a.bureau.tradelines.length === 0) {
    return { ...a, bureau: { status: 'hit', tradelines: [{ kind: 'revolving', openedDate: '2020-01-01', balance: -5, status: 'current' }] } };
  }
  a.bureau.tradelines[0] = { ...a.bureau.tradelines[0], balance: -5 };
  return a;
}
