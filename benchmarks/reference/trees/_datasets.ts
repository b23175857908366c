/**
 * The real credit datasets' fixed train/test splits (../shared/datasets) as the tree tests and
 * figures read them. Shared by test/trees/datasets.test.ts and benchmarks/reference/trees/quality.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../../src/data/Dataset.js';
import { datasetToFeatureMatrix } from '../../../src/data/datasetToFeatureMatrix.js';
import { readTable } from '../../../src/data/readTable.js';
import { auc } from '../../../src/metrics/auc.js';
import type { ModelArtifact } from '../../../src/schema/artifact.js';
import { TreeEnsembleScorer, type TreeEnsembleArtifact } from '../../../src/scorers/TreeEnsembleScorer.js';

export const DATASETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/datasets');
export const hasDatasets = existsSync(join(DATASETS_DIR, 'reference.json'));

export const SPECS: Record<string, { target: string; bad: string | number }> = {
  'taiwan-default': { target: 'default.payment.next.month', bad: 1 },
  'give-me-some-credit': { target: 'SeriousDlqin2yrs', bad: 1 },
  'german-credit': { target: 'creditability', bad: 'bad' },
  'south-german-credit': { target: 'kredit', bad: 0 },
  'home-credit-sample': { target: 'TARGET', bad: 1 },
};

export interface Split {
  train: Dataset;
  test: Dataset;
}

export async function readSplit(name: string): Promise<Split> {
  const { target, bad } = SPECS[name];
  const dir = join(DATASETS_DIR, name);
  const read = await readTable(join(dir, 'train.csv'), { target, bad });
  const train = read.dataset;
  // the test file is read with the column types found in the train file
  const columnTypes = Object.fromEntries(read.report.columns.filter((c) => c.name !== target).map((c) => [c.name, c.type])) as Record<string, 'numeric' | 'categorical' | 'date' | 'boolean'>;
  const test = (await readTable(join(dir, 'test.csv'), { target, bad, columnTypes })).dataset;
  return { train, test };
}

/** Test AUC of a tree-family artifact on a dataset with a target. */
export function testAuc(artifact: ModelArtifact, test: Dataset): number {
  const scorer = new TreeEnsembleScorer(artifact as TreeEnsembleArtifact);
  const m = datasetToFeatureMatrix(test, artifact.features);
  return auc(scorer.predict(m), test.target as Uint8Array);
}

/** The configurations the acceptance test asserts (and the figures script reports). */
export const ACCEPTANCE = {
  tree: { options: {}, reference: ['tree_depth5'] },
  forest: { options: { trees: 40, minSamplesLeaf: 50, seed: 1 }, reference: ['random_forest_300'] },
  gbm: { options: { seed: 1 }, reference: ['hist_gbm_200', 'xgboost_300_d4'] },
} as const;

export const ASSERTED = ['taiwan-default', 'give-me-some-credit'] as const;
export const REPORTED = ['german-credit', 'south-german-credit', 'home-credit-sample'] as const;

/** reference.json: test AUC per dataset and model. */
export function referenceAuc(name: string, models: readonly string[]): number {
  const refs = JSON.parse(readFileSync(join(DATASETS_DIR, 'reference.json'), 'utf8')) as Record<string, { models: Record<string, { auc: number }> }>;
  return Math.max(...models.map((m) => refs[name].models[m].auc));
}
