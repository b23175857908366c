/**
 * Scorecard quality figures on the fixed splits (train.csv → test.csv) of ../shared/datasets, with
 * the default options, against reference.json's L2 logistic regression; 5-fold CV on train.csv
 * against cv_reference.json. Writes figures.json next to this file.
 *
 *   npx tsx benchmarks/reference/scorecard/figures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASETS_DIR, SCORECARD_DATASETS, crossValidatedAuc, readSplit, splitQuality } from './_quality.js';

const here = import.meta.dirname;
const reference = JSON.parse(readFileSync(resolve(DATASETS_DIR, 'reference.json'), 'utf8')) as Record<string, { models: Record<string, { auc: number }> }>;
const cvReference = JSON.parse(readFileSync(resolve(here, 'cv_reference.json'), 'utf8')) as { datasets: Record<string, { logistic_l2_cv_auc: number }> };
const round = (v: number, d = 5): number => Number(v.toFixed(d));
const figures: Record<string, unknown> = {};
for (const name of Object.keys(SCORECARD_DATASETS)) {
  const { train, test } = await readSplit(name);
  const q = splitQuality(train, test);
  const ref = reference[name].models.logistic_l2.auc;
  const floor = name === 'give-me-some-credit' ? Math.max(0.85, ref - 0.005) : ref - 0.005;
  const cv = crossValidatedAuc(train);
  const rounding = (q.artifact.training as { rounding: { meanAbsError: number; rmsError: number; maxAbsError: number } }).rounding;
  figures[name] = {
    trainRows: train.rows,
    testRows: test.rows,
    characteristics: `${q.characteristics} of ${q.candidates}`,
    testAuc: round(q.testAuc),
    testKs: round(q.testKs),
    testBrier: round(q.testBrier),
    referenceLogisticAuc: ref,
    floor: round(floor),
    meetsFloor: q.testAuc >= floor,
    fitSeconds: round(q.fitSeconds, 2),
    cvAuc: round(cv.cvAuc),
    cvFoldAuc: cv.foldAuc.map((v) => round(v)),
    referenceLogisticCvAuc: cvReference.datasets[name].logistic_l2_cv_auc,
    roundingError: { meanAbs: round(rounding.meanAbsError, 3), rms: round(rounding.rmsError, 3), max: round(rounding.maxAbsError, 3) },
  };
  process.stdout.write(`${name}: ${JSON.stringify(figures[name])}\n`);
}
const out = {
  made_by: 'npx tsx benchmarks/reference/scorecard/figures.ts (trainScorecard defaults; test AUC through loadModel + datasetToFeatureMatrix + predict; fit seconds on this machine, load-dependent)',
  node: process.version,
  datasets: figures,
};
writeFileSync(resolve(here, 'figures.json'), JSON.stringify(out, null, 1) + '\n');
