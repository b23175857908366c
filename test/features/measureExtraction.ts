/**
 * Measures feature extraction on a bureau-sized applicant against JSON.parse of the same
 * applicant's text (the single-applicant latency anchor of issue 7), in one process, as ratios.
 * Run: npx tsx test/features/measureExtraction.ts
 * Not a test (no timing assertions in tests); the benchmark suite owns the gates.
 */
import { FEATURE_CATALOGUE, extractFeatureMatrix, extractFeatures, parseApplicant } from '../../src/index.js';
import type { ApplicantInput } from '../../src/schema/applicant.js';
import { months } from './goldenApplicants.js';

function bureauSizedApplicant(seed: number): ApplicantInput {
  const tradelines = [];
  for (let t = 0; t < 15; t++) {
    const year = 2008 + ((t * 7 + seed) % 15);
    tradelines.push({
      kind: (['revolving', 'installment', 'mortgage', 'open'] as const)[t % 4],
      openedDate: `${year}-0${1 + (t % 9)}-1${t % 9}`,
      closedDate: t % 5 === 0 ? '2023-01-31' : null,
      creditLimit: t % 4 === 0 ? 5000 + 100 * t : null,
      originalAmount: t % 4 === 1 || t % 4 === 2 ? 20000 : null,
      balance: 1000 + 37 * t,
      monthlyPayment: t % 3 === 0 ? null : 50 + t,
      status: 'current' as const,
      reportedDate: '2024-05-31',
      history: months('2021-07', 36, t % 4 === 0 ? { '2023-02': 30 } : {}).map((h) => ({ ...h, balance: 900 + t })),
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

function timePerOp(fn: () => void, minMs = 400): number {
  for (let i = 0; i < 2000; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1e6) / n; // ns per op
}

const input = bureauSizedApplicant(1);
const text = JSON.stringify(input);
const applicant = parseApplicant(input);
let sink = 0;
const results: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  results.jsonParseNs = timePerOp(() => {
    sink += (JSON.parse(text) as { asOf: string }).asOf.length;
  });
  results.extractFeaturesNs = timePerOp(() => {
    sink += extractFeatures(applicant).values[3];
  });
  results.perFeatureComputeNs = timePerOp(() => {
    for (const d of FEATURE_CATALOGUE) sink += d.compute(applicant, applicant.asOf);
  }, 200);
}
const rows = Array.from({ length: 10_000 }, (_, i) => parseApplicant(bureauSizedApplicant(i)));
extractFeatureMatrix(rows.slice(0, 500));
const t0 = performance.now();
const m = extractFeatureMatrix(rows);
const matrixMs = performance.now() - t0;
sink += m.values[0];

const report = {
  applicantJsonBytes: text.length,
  historyMonths: 15 * 36,
  jsonParseNs: Math.round(results.jsonParseNs),
  extractFeaturesNs: Math.round(results.extractFeaturesNs),
  ratioExtractToJsonParse: Number((results.extractFeaturesNs / results.jsonParseNs).toFixed(3)),
  perFeatureComputeNs: Math.round(results.perFeatureComputeNs),
  ratioPerFeatureToExtract: Number((results.perFeatureComputeNs / results.extractFeaturesNs).toFixed(1)),
  matrixRowsPerSecond: Math.round(10_000 / (matrixMs / 1000)),
  sink: Number.isNaN(sink) ? 'NaN' : 'ok',
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
