/**
 * Evidence for the default model's `missingBins: 'fitted'` (issue 4, fixtures): the default
 * scorecard's options (scripts/trainDefault.ts) with `missingBins` 'woe' and 'fitted', trained on the
 * committed train split (3,500 rows) and measured on two VALIDATION draws of the generator (20,000
 * applicants each, seeds 20261125 and 20261126; the committed hold-out is never used here): AUC,
 * gap to the draw's ground-truth AUC (true PD, latent shock included) and to the observable truth
 * (no shock), and calibration by data-source segment (bureau status x bank data present), on the
 * training rows and on each draw. Cross-validation on the training rows is in cv_defaults.json
 * (`missingBins`, `cvDefaults.ts missing`).
 *
 *   npx tsx benchmarks/reference/scorecard/missingBins.ts > benchmarks/reference/scorecard/missing_bins.json   (~1 min)
 */
import { generateApplicants, rankAuc } from '../../../fixtures/generator/index.js';
import { loadFixtureSample } from '../../../fixtures/loadFixtureSample.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { datasetToFeatureMatrix } from '../../../src/data/datasetToFeatureMatrix.js';
import { INQUIRY_REASON_CODE, applicantsToDataset } from '../../../src/features/index.js';
import type { ApplicantRow } from '../../../src/features/applicantsToDataset.js';
import { auc } from '../../../src/metrics/auc.js';
import type { Applicant } from '../../../src/schema/applicant.js';
import { parseApplicant } from '../../../src/schema/parseApplicant.js';
import { loadModel } from '../../../src/scorers/loadModel.js';
import { trainScorecard } from '../../../src/train/index.js';
import type { ScorecardArtifact } from '../../../src/schema/artifacts/scorecard.js';

const VALIDATION_SEEDS = [20261125, 20261126];
const VALIDATION_N = 20_000;
const round = (x: number, d = 5): number => Math.round(x * 10 ** d) / 10 ** d;

/** Data-source segment: bureau status (hit / no_hit / unavailable) and whether bank months are present. */
function segmentOf(a: Applicant): string {
  const bank = (a.behavior?.bankMonths?.length ?? 0) > 0 ? 'bank' : 'no bank';
  return `${a.bureau?.status ?? 'no bureau'} / ${bank}`;
}

function calibration(pd: Float64Array, y: Uint8Array, segments: readonly string[]): Record<string, { rows: number; meanPd: number; badRate: number }> {
  const acc = new Map<string, { rows: number; pd: number; bads: number }>();
  segments.forEach((s, i) => {
    const a = acc.get(s) ?? { rows: 0, pd: 0, bads: 0 };
    a.rows++;
    a.pd += pd[i];
    a.bads += y[i];
    acc.set(s, a);
  });
  return Object.fromEntries([...acc].sort(([a], [b]) => a.localeCompare(b)).map(([s, a]) => [s, { rows: a.rows, meanPd: round(a.pd / a.rows, 4), badRate: round(a.bads / a.rows, 4) }]));
}

const { train } = loadFixtureSample();
const trainSet = applicantsToDataset(train);
const trainSegments = train.map((r) => segmentOf(r.applicant));

const models = Object.fromEntries((['woe', 'fitted'] as const).map((missingBins) => [missingBins, trainScorecard(trainSet, {
  id: 'default',
  seed: 1,
  missingBins,
  inquiryReasonCode: INQUIRY_REASON_CODE,
  target: { name: 'defaulted', horizonMonths: 12, bad: '90+ days past due within 12 months of asOf' },
})])) as Record<'woe' | 'fitted', ScorecardArtifact>;
const predict = (a: ScorecardArtifact, d: Dataset): Float64Array => loadModel(a).predict(datasetToFeatureMatrix(d, a.features));

const validation = VALIDATION_SEEDS.map((seed) => {
  const rows: ApplicantRow[] = [];
  const truth: number[] = [];
  const observable: number[] = [];
  for (const g of generateApplicants({ n: VALIDATION_N, seed })) {
    rows.push({ applicant: parseApplicant(g.applicant), outcome: { defaulted: g.outcome.defaulted } });
    truth.push(g.truth.probabilityOfDefault);
    observable.push(g.truth.observableProbabilityOfDefault);
  }
  const data = applicantsToDataset(rows);
  const y = data.target as Uint8Array;
  const segments = rows.map((r) => segmentOf(r.applicant));
  const truthAuc = rankAuc(truth, y);
  const observableAuc = rankAuc(observable, y);
  const byModel = Object.fromEntries(Object.entries(models).map(([name, a]) => {
    const pd = predict(a, data);
    const v = auc(pd, y);
    return [name, { auc: round(v), gapToTruth: round(truthAuc - v), gapToObservableTruth: round(observableAuc - v), calibration: calibration(pd, y, segments) }];
  }));
  process.stderr.write(`seed ${seed}: truth ${truthAuc.toFixed(4)} woe ${byModel.woe.auc} fitted ${byModel.fitted.auc}\n`);
  return { seed, rows: VALIDATION_N, truthAuc: round(truthAuc), observableTruthAuc: round(observableAuc), models: byModel };
});

const out = {
  made_by: 'npx tsx benchmarks/reference/scorecard/missingBins.ts',
  training: 'committed train split of fixtures/applicants.jsonl.gz (3,500 rows), options of scripts/trainDefault.ts',
  models: Object.fromEntries(Object.entries(models).map(([name, a]) => [name, {
    characteristics: a.features.length,
    withMissingEffect: a.model.characteristics.filter((c) => c.missingEffect !== undefined).length,
    distinctMissingEffects: new Set(a.model.characteristics.flatMap((c) => (c.missingEffect === undefined ? [] : [c.missingEffect]))).size,
    trainingCalibration: calibration(predict(a, trainSet), trainSet.target as Uint8Array, trainSegments),
  }])),
  validation,
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
