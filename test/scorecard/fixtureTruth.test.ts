/**
 * Issue 4's acceptance on the synthetic fixtures: the bundled default scorecard (models/default.json,
 * `npm run train:default` on the train rows of fixtures/applicants.jsonl.gz) against the ground
 * truth's hold-out AUC in fixtures/truth.json, and against scikit-learn's reference models fitted on
 * the TRUE characteristics (fixtures/truth.sklearn.json). Every figure is read at test time; the
 * model's AUC is computed here from the raw hold-out applicants (rows i % 10 >= 7).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtureSample } from '../../fixtures/loadFixtureSample.js';
import { datasetToFeatureMatrix } from '../../src/data/datasetToFeatureMatrix.js';
import { applicantsToDataset } from '../../src/features/applicantsToDataset.js';
import { auc } from '../../src/metrics/auc.js';
import { loadModel } from '../../src/scorers/loadModel.js';

const root = resolve(import.meta.dirname, '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(resolve(root, file), 'utf8')) as T;
const truth = readJson<{ auc: { holdout: number }; observableAuc: { holdout: number }; split: { holdout: { n: number } } }>('fixtures/truth.json');
const sklearn = readJson<{ referenceModels: { 'logisticDecileBinsC0.1': number } }>('fixtures/truth.sklearn.json');
const artifact = readJson<{ kind: string; features: { name: string; type: 'numeric' | 'categorical' }[] }>('models/default.json');

const { holdout } = loadFixtureSample();
const dataset = applicantsToDataset(holdout);
const scorer = loadModel(artifact);
const holdoutAuc = auc(scorer.predict(datasetToFeatureMatrix(dataset, scorer.toArtifact().features)), dataset.target as Uint8Array);

describe('default scorecard on the fixture hold-out vs the ground truth (fixtures/truth.json)', () => {
  it('scores the whole hold-out split with the bundled scorecard', () => {
    expect(artifact.kind).toBe('scorecard');
    expect(dataset.rows).toBe(truth.split.holdout.n);
  });

  it("reaches scikit-learn's logistic regression on decile bins of the TRUE characteristics (truth.sklearn.json) minus 0.005, from raw applicants", () => {
    expect(holdoutAuc).toBeGreaterThanOrEqual(sklearn.referenceModels['logisticDecileBinsC0.1'] - 0.005);
  });

  it('stays within 0.03 of the ground truth hold-out AUC (regression guard while the 0.02 acceptance below is open)', () => {
    expect(truth.auc.holdout - holdoutAuc).toBeLessThanOrEqual(0.03);
  });

  it("is within 0.02 of the observable ground truth's hold-out AUC (the truth's formula on the record as of asOf, without the latent shock no data shows)", () => {
    expect(truth.observableAuc.holdout - holdoutAuc).toBeLessThanOrEqual(0.02);
  });

  // KNOWN GAP (issue 4 acceptance not met): the default scorecard (missingBins 'fitted') is 0.0226
  // under the truth's hold-out AUC with the latent shock (0.0256 with 'woe'; fixture_gap.json,
  // missing_bins.json). The method, not only the features, sets the limit at this sample size:
  // trainScorecard on the generator's TRUE characteristics gets 0.829, scikit-learn's logistic on
  // their decile bins 0.828 and HistGBM 0.832. More history does not close it either
  // (benchmarks/reference/scorecard/fixture_learning_curve.json): trained on this train split plus
  // 5k-50k more generated applicants (seed 20261124), the scorecard's gap to the truth on a separate
  // 20k validation sample stays 0.018-0.019 (0.021 with the 3,500 rows alone), the same scorecard on
  // the TRUE characteristics plateaus at 0.016, while gradient boosting on the same catalogue
  // features reaches 0.011 at 53.5k rows: the additive monotone-bin form is the limit. `it.fails`
  // keeps the gap visible: once it is met this test fails and must become `it`.
  it.fails('KNOWN GAP: the hold-out AUC is within 0.02 of the ground truth hold-out AUC', () => {
    expect(truth.auc.holdout - holdoutAuc).toBeLessThanOrEqual(0.02);
  });
});
