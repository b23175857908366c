/**
 * Exports the bins that `fitNumericBinning` / `fitCategoricalBinning` (default options) find on
 * German credit's train.csv, so that german_iv.py can recompute WoE and IV independently in pandas
 * with the SAME bins. Writes german_bins.json next to this file.
 *
 *   npx tsx benchmarks/reference/scorecard/exportGermanBins.ts
 *   /usr/bin/python3 benchmarks/reference/scorecard/german_iv.py
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitCategoricalBinning } from '../../../src/binning/fitCategoricalBinning.js';
import { fitNumericBinning } from '../../../src/binning/fitNumericBinning.js';
import { readTable } from '../../../src/data/readTable.js';

const here = import.meta.dirname;
const source = resolve(here, '../../../../shared/datasets/german-credit/train.csv');
const { dataset } = await readTable(source, { target: 'creditability', bad: 'bad' });
const target = dataset.target as Uint8Array;
const characteristics = dataset.columns.map((column) => {
  if (column.type === 'categorical') {
    const b = fitCategoricalBinning(column.codes, column.categories, target);
    const groups: Record<string, number> = {};
    b.categories.forEach((c, i) => (groups[c] = b.categoryBins[i]));
    return { name: column.name, type: 'categorical', groups, bins: b.bins.length, iv: b.iv };
  }
  const b = fitNumericBinning(column.values, target);
  return { name: column.name, type: 'numeric', cutpoints: b.cutpoints, bins: b.bins.length, iv: b.iv };
});
const out = {
  source: 'german-credit/train.csv (target creditability, bad = "bad")',
  binning: 'fitNumericBinning / fitCategoricalBinning with default options',
  smoothing: 1,
  characteristics,
};
writeFileSync(resolve(here, 'german_bins.json'), JSON.stringify(out, null, 1) + '\n');
