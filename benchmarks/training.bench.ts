/**
 * Training: the whole scorecard fit (`trainScorecard` with default options: binning of every
 * column, selection, logistic fit, scaling to points) on the give-me-some-credit train split
 * (../shared/datasets, 105,000 rows × 10 columns), against one pass summing every column of the
 * same data (harness.sumColumns over a row-major copy). Quick mode fits the first 10,000 rows
 * (CI's time budget); full mode the whole split. Skipped, with a message, when the datasets folder
 * is absent (a fresh clone). The comparison with scikit-learn's `LogisticRegression` is
 * benchmarks/reference/trainingVsSklearn.ts (a different process: recorded, not gated).
 * Timed in process CPU time (a fit lasts long enough to be preempted on a shared machine; see the
 * harness's `clock`).
 */
import { sumColumns, type Suite, mayMatch, type SuiteFactory } from './harness.js';
import { sharedDataset } from './_data.js';
import type { Dataset } from '../src/data/Dataset.js';
import { readTable } from '../src/data/readTable.js';
import { subsetRows } from '../src/data/subsetRows.js';
import { trainScorecard } from '../src/train/trainScorecard.js';

export const GMSC_TARGET = { target: 'SeriousDlqin2yrs', bad: 1 } as const;

/** Row-major copy of a dataset's numeric columns (categorical codes as numbers). */
export function rowMajor(ds: Dataset): Float64Array {
  const cols = ds.columns.length;
  const out = new Float64Array(ds.rows * cols);
  ds.columns.forEach((c, j) => {
    const v = c.type === 'categorical' ? c.codes : c.values;
    for (let i = 0; i < ds.rows; i++) out[i * cols + j] = v[i];
  });
  return out;
}

export const trainingSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'train-')) return [];
  const { quick } = options;
  const name = quick ? 'train-scorecard-gmsc-10k' : 'train-scorecard-gmsc';
  const file = sharedDataset('give-me-some-credit', 'train.csv');
  if (file === undefined) {
    return [{ name, skip: 'give-me-some-credit not found in ../shared/datasets', reference: { name: 'column sums', fn: () => 0 }, tasks: [] }];
  }
  const full = (await readTable(file, GMSC_TARGET)).dataset;
  const dataset = quick ? subsetRows(full, Array.from({ length: 10_000 }, (_, i) => i)) : full;
  const values = rowMajor(dataset);
  const cols = dataset.columns.length;
  const sums = new Float64Array(cols);
  const suite: Suite = {
    name,
    clock: 'cpu',
    reference: { name: 'column sums', rowsPerOp: dataset.rows, fn: () => sumColumns(values, dataset.rows, cols, sums) },
    tasks: [{ name: 'trainScorecard', rowsPerOp: dataset.rows, minSamples: 1, fn: () => trainScorecard(dataset, { id: 'gmsc' }) }],
    figures: () => ({ rows: dataset.rows, columns: cols }),
  };
  return [suite];
};
