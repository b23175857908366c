/**
 * The scorecard's quality on the fixed splits of ../shared/datasets: train on train.csv with the
 * default options, score test.csv through loadModel, test AUC / KS / Brier, fit time; 5-fold CV
 * (folds = row index % 5 of train.csv, as cv_reference.py). Shared by figures.ts and
 * test/scorecard/datasets.test.ts.
 */
import { resolve } from 'node:path';
import { datasetToFeatureMatrix } from '../../../src/data/datasetToFeatureMatrix.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { readTable } from '../../../src/data/readTable.js';
import { subsetRows } from '../../../src/data/subsetRows.js';
import { auc } from '../../../src/metrics/auc.js';
import { brierScore } from '../../../src/metrics/brierScore.js';
import { ksStatistic } from '../../../src/metrics/ksStatistic.js';
import type { ScorecardArtifact } from '../../../src/schema/artifacts/scorecard.js';
import { loadModel } from '../../../src/scorers/loadModel.js';
import { trainScorecard } from '../../../src/train/trainScorecard.js';
import type { TrainScorecardOptions } from '../../../src/train/scorecard/options.js';

export const DATASETS_DIR = resolve(import.meta.dirname, '../../../../shared/datasets');

/** name → [target column, bad value]. */
export const SCORECARD_DATASETS: Record<string, { target: string; bad: string | number }> = {
  'german-credit': { target: 'creditability', bad: 'bad' },
  'south-german-credit': { target: 'kredit', bad: 0 },
  'taiwan-default': { target: 'default.payment.next.month', bad: 1 },
  'home-credit-sample': { target: 'TARGET', bad: 1 },
  'give-me-some-credit': { target: 'SeriousDlqin2yrs', bad: 1 },
};

/** Columns that identify a row and must never be characteristics (absent from the split files, excluded if present). */
const ID_COLUMNS = ['ID', 'SK_ID_CURR'];

export interface SplitQuality {
  testAuc: number;
  testKs: number;
  testBrier: number;
  fitSeconds: number;
  characteristics: number;
  candidates: number;
  artifact: ScorecardArtifact;
}

export async function readSplit(name: string): Promise<{ train: Dataset; test: Dataset }> {
  const { target, bad } = SCORECARD_DATASETS[name];
  const read = async (file: string): Promise<Dataset> => {
    const { dataset } = await readTable(resolve(DATASETS_DIR, name, file), { target, bad });
    return dataset;
  };
  return { train: await read('train.csv'), test: await read('test.csv') };
}

function excludeIds(ds: Dataset): string[] {
  return ID_COLUMNS.filter((c) => ds.columns.some((col) => col.name === c));
}

export function splitQuality(train: Dataset, test: Dataset, options: TrainScorecardOptions = {}): SplitQuality {
  const started = performance.now();
  const artifact = trainScorecard(train, { exclude: excludeIds(train), ...options });
  const fitSeconds = (performance.now() - started) / 1000;
  const scorer = loadModel(JSON.stringify(artifact));
  const pd = scorer.predict(datasetToFeatureMatrix(test, artifact.features));
  const y = test.target as Uint8Array;
  return {
    testAuc: auc(pd, y),
    testKs: ksStatistic(pd, y).ks,
    testBrier: brierScore(pd, y),
    fitSeconds,
    characteristics: artifact.features.length,
    candidates: (artifact.training as { selection: unknown[] }).selection.length,
    artifact,
  };
}

/** 5-fold CV AUC on `train` with folds = row index % 5. */
export function crossValidatedAuc(train: Dataset, options: TrainScorecardOptions = {}): { foldAuc: number[]; cvAuc: number } {
  const foldAuc: number[] = [];
  for (let f = 0; f < 5; f++) {
    const inFold: number[] = [];
    const outFold: number[] = [];
    for (let i = 0; i < train.rows; i++) (i % 5 === f ? inFold : outFold).push(i);
    foldAuc.push(splitQuality(subsetRows(train, outFold), subsetRows(train, inFold), options).testAuc);
  }
  return { foldAuc, cvAuc: foldAuc.reduce((s, v) => s + v, 0) / 5 };
}
