/**
 * What limits the default scorecard on the synthetic fixtures (issue 4: hold-out AUC within 0.02 of
 * the ground truth's). Computes, on the fixture hold-out (rows i % 10 >= 7), the AUC of
 *   - the bundled default model (models/default.json),
 *   - a scorecard trained the same way on the generator's TRUE characteristics
 *     (fixtures/generator/computeCharacteristics.ts) instead of the feature catalogue,
 * and exports every catalogue feature's default binning (bins of the train and hold-out rows, WoE,
 * bin kinds) to a temporary file for fixture_gap.py, which fits scikit-learn logistic regressions on
 * those WoE columns with and without the scorecard's sign rule. Only fixture_gap.json (written by
 * the Python script) is committed.
 *
 *   npx tsx benchmarks/reference/scorecard/fixtureGap.ts && /usr/bin/python3 benchmarks/reference/scorecard/fixture_gap.py
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { computeCharacteristics } from '../../../fixtures/generator/computeCharacteristics.js';
import type { Characteristics } from '../../../fixtures/generator/types.js';
import { loadFixtureSample, type FixtureRow } from '../../../fixtures/loadFixtureSample.js';
import { applyBinning } from '../../../src/binning/applyBinning.js';
import { fitNumericBinning } from '../../../src/binning/fitNumericBinning.js';
import type { Column, Dataset } from '../../../src/data/Dataset.js';
import { datasetToFeatureMatrix } from '../../../src/data/datasetToFeatureMatrix.js';
import { applicantsToDataset } from '../../../src/features/index.js';
import { auc } from '../../../src/metrics/auc.js';
import type { ApplicantInput } from '../../../src/schema/applicant.js';
import { loadModel } from '../../../src/scorers/loadModel.js';
import { trainScorecard } from '../../../src/train/trainScorecard.js';

const root = resolve(import.meta.dirname, '../../..');
const { train, holdout } = loadFixtureSample();
const catalogueTrain = applicantsToDataset(train);
const catalogueHoldout = applicantsToDataset(holdout);
const yHoldout = catalogueHoldout.target as Uint8Array;

const defaultModel = loadModel(readFileSync(resolve(root, 'models/default.json'), 'utf8'));
const defaultAuc = auc(defaultModel.predict(datasetToFeatureMatrix(catalogueHoldout, defaultModel.toArtifact().features)), yHoldout);

const EMPLOYMENT = ['employed', 'self_employed', 'contract', 'retired', 'student', 'unemployed'];
function truthDataset(rows: FixtureRow[]): Dataset {
  const characteristics = rows.map((r) => computeCharacteristics(r.raw as ApplicantInput));
  const names = Object.keys(characteristics[0]) as (keyof Characteristics)[];
  const columns: Column[] = names.map((name) =>
    name === 'employmentType'
      ? { name, type: 'categorical', categories: EMPLOYMENT, codes: Int32Array.from(characteristics, (c) => (c.employmentType === null ? -1 : EMPLOYMENT.indexOf(c.employmentType))) }
      : { name, type: 'numeric', values: Float64Array.from(characteristics, (c) => (c[name] === null ? Number.NaN : Number(c[name]))) },
  );
  return { rows: rows.length, columns, target: Uint8Array.from(rows, (r) => (r.outcome.defaulted ? 1 : 0)) };
}
const truthTrain = truthDataset(train);
const truthHoldout = truthDataset(holdout);
const truthCard = trainScorecard(truthTrain, { id: 'truth-characteristics' });
const truthCardAuc = auc(loadModel(truthCard).predict(datasetToFeatureMatrix(truthHoldout, truthCard.features)), yHoldout);

const columns: Record<string, { iv: number; woe: number[]; kind: string[]; train: number[]; holdout: number[] }> = {};
for (const column of catalogueTrain.columns) {
  if (column.type !== 'numeric' || column.name === 'asOf') continue;
  const b = fitNumericBinning(column.values, catalogueTrain.target as Uint8Array);
  const other = catalogueHoldout.columns.find((c) => c.name === column.name) as Column;
  columns[column.name] = { iv: b.iv, woe: b.bins.map((x) => x.woe), kind: b.bins.map((x) => x.kind), train: Array.from(applyBinning(b, column)), holdout: Array.from(applyBinning(b, other)) };
}
writeFileSync(
  resolve(tmpdir(), 'credit-scoring-fixture-gap.json'),
  JSON.stringify({
    defaultModel: { holdoutAuc: defaultAuc, characteristics: defaultModel.featureNames.length },
    truthCharacteristicsScorecard: { holdoutAuc: truthCardAuc, characteristics: truthCard.features.map((f) => f.name) },
    yTrain: Array.from(catalogueTrain.target as Uint8Array),
    yHoldout: Array.from(yHoldout),
    columns,
  }),
);
process.stdout.write(`default ${defaultAuc.toFixed(5)}, scorecard on the true characteristics ${truthCardAuc.toFixed(5)}\n`);
