/**
 * Why the scorecard trails the one-hot logistic regression on German credit's test split, and
 * whether it does elsewhere: exports, for the fixed split (train.csv → test.csv) and for 5 x
 * stratified 5-fold CV on train.csv only (kFoldSplit seeds 1000..1004, as cvDefaults.ts), the
 * scorecard's predictions (default options), the characteristics it keeps, and every
 * characteristic's bins (the scorecard's own binning where it kept the characteristic, the default
 * binning otherwise). german_gap.py then fits scikit-learn's reference logistic regression on the
 * same rows, decomposes the gap (selection, binning, one coefficient per characteristic) and
 * bootstraps the test-split difference. The export is a temporary file; only german_gap.json (the
 * Python script's output) is committed.
 *
 *   npx tsx benchmarks/reference/scorecard/germanGap.ts && /usr/bin/python3 benchmarks/reference/scorecard/german_gap.py
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { applyBinning } from '../../../src/binning/applyBinning.js';
import { fitCategoricalBinning } from '../../../src/binning/fitCategoricalBinning.js';
import { fitNumericBinning } from '../../../src/binning/fitNumericBinning.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { kFoldSplit } from '../../../src/data/kFoldSplit.js';
import { subsetRows } from '../../../src/data/subsetRows.js';
import { datasetToFeatureMatrix } from '../../../src/data/datasetToFeatureMatrix.js';
import type { Binning } from '../../../src/schema/artifacts/scorecard.js';
import { loadModel } from '../../../src/scorers/loadModel.js';
import { trainScorecard } from '../../../src/train/trainScorecard.js';
import { readSplit } from './_quality.js';

export const GERMAN_GAP_EXPORT = resolve(tmpdir(), 'credit-scoring-german-gap.json');

function part(fit: Dataset, test: Dataset, fitRows: number[] | null, testRows: number[] | null): Record<string, unknown> {
  const artifact = trainScorecard(fit);
  const kept = artifact.features.map((f) => f.name);
  const pd = loadModel(artifact).predict(datasetToFeatureMatrix(test, artifact.features));
  const bins: Record<string, { fit: number[]; test: number[] }> = {};
  for (const column of fit.columns) {
    const j = kept.indexOf(column.name);
    let binning: Binning;
    if (j >= 0) binning = artifact.model.characteristics[j].binning;
    else if (column.type === 'categorical') binning = fitCategoricalBinning(column.codes, column.categories, fit.target as Uint8Array);
    else binning = fitNumericBinning(column.values, fit.target as Uint8Array);
    const other = test.columns.find((c) => c.name === column.name);
    if (other === undefined) throw new Error(`test has no column ${column.name}`);
    bins[column.name] = { fit: Array.from(applyBinning(binning, column)), test: Array.from(applyBinning(binning, other)) };
  }
  return { fitRows, testRows, yFit: Array.from(fit.target as Uint8Array), yTest: Array.from(test.target as Uint8Array), kept, scorecardPd: Array.from(pd), bins };
}

const { train, test } = await readSplit('german-credit');
const folds = [];
for (let r = 0; r < 5; r++) {
  for (const f of kFoldSplit(train, { k: 5, seed: 1000 + r })) {
    folds.push(part(subsetRows(train, f.train), subsetRows(train, f.test), Array.from(f.train), Array.from(f.test)));
  }
}
writeFileSync(GERMAN_GAP_EXPORT, JSON.stringify({ split: part(train, test, null, null), folds }));
process.stdout.write(`wrote ${GERMAN_GAP_EXPORT}\n`);
