/**
 * Measures feature extraction against JSON.parse of the same applicants' text (the
 * single-applicant latency anchor of issue 7), in one process, interleaved, as ratios (absolute
 * times on a shared machine are noise). Two inputs: 2,000 fixture-generator applicants (seed 7)
 * and one bureau-sized applicant (15 tradelines × 36 history months) repeated. Also reports the
 * naive per-feature path (each definition's `compute`, one summary pass per feature) for scale.
 *
 * Run: npx tsx test/features/measureExtraction.ts
 * Not a test (tests carry no timing assertions); benchmarks/ owns the gates.
 */
import { generateApplicants } from '../../fixtures/generator/index.js';
import { FEATURE_CATALOGUE, extractFeatureMatrix, extractFeatures, parseApplicant, type Applicant } from '../../src/index.js';
import type { ApplicantInput } from '../../src/schema/applicant.js';
import { months } from './goldenApplicants.js';

function bureauSizedApplicant(): ApplicantInput {
  const tradelines = [];
  for (let t = 0; t < 15; t++) {
    tradelines.push({
      kind: (['revolving', 'installment', 'mortgage', 'open'] as const)[t % 4],
      openedDate: `${2008 + t}-0${1 + (t % 9)}-1${t % 9}`,
      closedDate: t % 5 === 0 ? '2023-01-31' : null,
      creditLimit: t % 4 === 0 ? 5000 + 100 * t : null,
      originalAmount: t % 4 === 1 || t % 4 === 2 ? 20000 : null,
      balance: 1000 + 37 * t,
      monthlyPayment: t % 3 === 0 ? null : 50 + t,
      status: 'current' as const,
      reportedDate: '2024-05-31',
      history: months('2021-06', 36, t % 4 === 0 ? { '2023-02': 30 } : {}).map((h) => ({ ...h, balance: 900 + t })),
    });
  }
  return {
    asOf: '2024-06-15',
    application: { requestedAmount: 15000, termMonths: 48, purpose: 'debt_consolidation', housing: 'rent', protected: { birthDate: '1985-04-12' } },
    bureau: {
      status: 'hit',
      tradelines,
      inquiries: Array.from({ length: 8 }, (_, i) => ({ date: `2023-${String(1 + i).padStart(2, '0')}-15`, type: i % 3 === 0 ? ('soft' as const) : ('hard' as const) })),
      publicRecords: [{ type: 'judgment', filedDate: '2019-04-02', satisfiedDate: '2020-01-01' }, { type: 'tax_lien', filedDate: '2021-09-09' }],
    },
    income: { statedAnnual: 64000, verifiedAnnual: 61000, payFrequency: 'biweekly', employmentStartDate: '2019-02-01', employmentType: 'employed' },
    behavior: {
      bankMonths: months('2023-06', 12).map((h, i) => ({ month: h.month, inflow: 5000 + 10 * i, outflow: 4800, endBalance: 600 - 20 * i, overdraftCount: i % 5 === 0 ? 1 : 0, nsfCount: 0 })),
      billPayments: months('2022-06', 24).map((h, i) => ({ month: h.month, provider: i % 2 === 0 ? ('utility' as const) : ('telecom' as const), onTime: i % 7 !== 0 })),
      spending: months('2023-12', 6).flatMap((h) => (['essentials', 'housing', 'transport', 'discretionary', 'gambling'] as const).map((category, k) => ({ month: h.month, category, amount: 100 * (k + 1) }))),
    },
  };
}

let sink = 0;
function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Interleaved rounds: per round, JSON.parse of every text, then extractFeatures of every applicant. */
function compare(applicants: readonly Applicant[], texts: readonly string[], repeat: number, rounds: number) {
  const parseMs: number[] = [];
  const extractMs: number[] = [];
  const matrixMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const p = timeMs(() => {
      for (let k = 0; k < repeat; k++) for (const t of texts) sink += (JSON.parse(t) as { asOf: string }).asOf.length;
    });
    const e = timeMs(() => {
      for (let k = 0; k < repeat; k++) for (const a of applicants) sink += extractFeatures(a).values[1];
    });
    matrixMs.push(timeMs(() => {
      for (let k = 0; k < repeat; k++) sink += extractFeatureMatrix(applicants).values[1];
    }));
    parseMs.push(p);
    extractMs.push(e);
    ratios.push(e / p);
  }
  const n = applicants.length * repeat;
  return {
    applicants: applicants.length,
    meanJsonBytes: Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length),
    medianJsonParseUs: Number(((median(parseMs) * 1000) / n).toFixed(2)),
    medianExtractFeaturesUs: Number(((median(extractMs) * 1000) / n).toFixed(2)),
    medianMatrixUsPerRow: Number(((median(matrixMs) * 1000) / n).toFixed(2)),
    medianRatioExtractToJsonParse: Number(median(ratios).toFixed(3)),
    ratioRange: [Number(Math.min(...ratios).toFixed(3)), Number(Math.max(...ratios).toFixed(3))],
  };
}

const generated = [...generateApplicants({ n: 2000, seed: 7 })].map((g) => g.applicant);
const generatedParsed = generated.map((a) => parseApplicant(a));
const generatedTexts = generated.map((a) => JSON.stringify(a));
const big = bureauSizedApplicant();
const bigParsed = parseApplicant(big);
const bigText = JSON.stringify(big);

compare(generatedParsed, generatedTexts, 1, 3); // warm-up
const fixture = compare(generatedParsed, generatedTexts, 1, 15);
const bureauSized = compare([bigParsed], [bigText], 500, 15);
const perFeature = timeMs(() => {
  for (let k = 0; k < 50; k++) for (const d of FEATURE_CATALOGUE) sink += d.compute(bigParsed, bigParsed.asOf);
});
const single = timeMs(() => {
  for (let k = 0; k < 50; k++) sink += extractFeatures(bigParsed).values[1];
});

process.stdout.write(
  `${JSON.stringify({ fixtureApplicants: fixture, bureauSizedApplicant: bureauSized, perFeatureComputeOverExtractFeatures: Number((perFeature / single).toFixed(1)), sink: Number.isFinite(sink) ? 'ok' : 'nan' }, null, 2)}\n`,
);
