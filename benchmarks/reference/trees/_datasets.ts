/**
 * The real credit datasets' fixed train/test splits (../shared/datasets) as the tree tests and
 * figures read them. Shared by test/trees/datasets.test.ts and benchmarks/reference/trees/quality.ts.
 */
import { existsSync } from 'node:fs';
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
  const train = (await readTable(join(dir, 'train.csv'), { target, bad })).dataset;
  // the test file is read with the train file's column types
  const columnTypes = Object.fromEntries(train.columns.map((c) => [c.name, c.type === 'categorical' ? ('categorical' as const) : ('numeric' as const)]));
  const test = (await readTable(join(dir, 'test.csv'), { target, bad, columnTypes })).dataset;
  return { train, test };
}

/** Test AUC of a tree-family artifact on a dataset with a target. */
export function testAuc(artifact: ModelArtifact, test: Dataset): number {
  const scorer = new TreeEnsembleScorer(artifact as TreeEnsembleArtifact);
  const m = datasetToFeatureMatrix(test, artifact.features);
  return auc(scorer.predict(m), test.target as Uint8Array);
}
