/**
 * Training against one pass summing every column of the same data (harness.sumColumns over a
 * row-major copy): the yardstick of "reading the data once".
 *
 * - `train-synthetic-5k` (quick and full): 5,000 seeded synthetic rows × 8 informative numeric
 *   columns (benchmarks/_data.ts): `trainScorecard` with default options (binning of every column,
 *   selection, logistic fit, scaling to points) and `trainLogistic` with default options. Needs no
 *   dataset, so the CI gate covers training on a fresh clone.
 * - `train-scorecard-gmsc` (full mode): `trainScorecard` on the give-me-some-credit train split
 *   (../shared/datasets, 105,000 rows × 10 columns); skipped, with a message, when the datasets
 *   folder is absent. The comparison with scikit-learn's `LogisticRegression` is the trainer
 *   owners' reference script (a different process: recorded, not gated).
 *
 * A fit takes 0.05–1 s, so each sample is one fit after a full garbage collection (`gcBefore`),
 * two per round.
 */
import { sumColumns, type Suite, mayMatch, type SuiteFactory } from './harness.js';
import { sharedDataset, syntheticCredit, syntheticDataset } from './_data.js';
import type { Dataset } from '../src/data/Dataset.js';
import { readTable } from '../src/data/readTable.js';
import { trainLogistic } from '../src/train/trainLogistic.js';
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

function columnSums(dataset: Dataset): Suite['reference'] {
  const values = rowMajor(dataset);
  const cols = dataset.columns.length;
  const sums = new Float64Array(cols);
  return { name: 'column sums', rowsPerOp: dataset.rows, fn: () => sumColumns(values, dataset.rows, cols, sums) };
}

export const trainingSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'train-')) return [];
  const synthetic = syntheticDataset(syntheticCredit(5_000, 8, 51));
  const suites: Suite[] = [
    {
      name: 'train-synthetic-5k',
      reference: columnSums(synthetic),
      tasks: [
        { name: 'trainScorecard', rowsPerOp: synthetic.rows, minSamples: 2, gcBefore: true, fn: () => trainScorecard(synthetic, { id: 'synthetic' }) },
        { name: 'trainLogistic', rowsPerOp: synthetic.rows, minSamples: 2, gcBefore: true, fn: () => trainLogistic(synthetic, { id: 'synthetic' }) },
      ],
      figures: () => ({ rows: synthetic.rows, columns: synthetic.columns.length }),
    },
  ];
  if (options.quick) return suites;
  const name = 'train-scorecard-gmsc';
  const file = sharedDataset('give-me-some-credit', 'train.csv');
  if (file === undefined) {
    suites.push({ name, skip: 'give-me-some-credit not found in ../shared/datasets', reference: { name: 'column sums', fn: () => 0 }, tasks: [] });
    return suites;
  }
  const dataset = (await readTable(file, GMSC_TARGET)).dataset;
  suites.push({
    name,
    reference: columnSums(dataset),
    tasks: [{ name: 'trainScorecard', rowsPerOp: dataset.rows, minSamples: 3, gcBefore: true, fn: () => trainScorecard(dataset, { id: 'gmsc' }) }],
    figures: () => ({ rows: dataset.rows, columns: dataset.columns.length }),
  });
  return suites;
};
