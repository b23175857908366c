/**
 * Evidence for trainScorecard's defaults: repeated stratified 5-fold cross-validation on the
 * TRAINING rows only (train.csv of german-credit, south-german-credit and home-credit-sample; the
 * train split of the fixture sample), never on test.csv or the fixture hold-out. Each candidate
 * setting is compared with the baseline on the same folds: mean AUC, and the paired difference
 * with its standard error over the folds. Folds: kFoldSplit (stratified, seeds 1000 + r; fixture
 * 2000 + r). Writes cv_defaults.json next to this file.
 *
 *   npx tsx benchmarks/reference/scorecard/cvDefaults.ts            (about 15 minutes on 2 cores)
 *   npx tsx benchmarks/reference/scorecard/cvDefaults.ts missing    (missingBins 'fitted' vs 'woe' on
 *     the training sets with missing values; added to cv_defaults.json as `missingBins`)
 *   npx tsx benchmarks/reference/scorecard/cvDefaults.ts rare       (rareCategoryShare 0.01 (the previous default),
 *     0.02, 0.03 on the training sets with categorical columns; added to cv_defaults.json as
 *     `rareCategories`)
 *   npx tsx benchmarks/reference/scorecard/cvDefaults.ts confirm    (a second, independent draw of
 *     10 x 5 folds, seeds 3000..3009, for l2 on german and south-german; added to cv_defaults.json)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadFixtureSample } from '../../../fixtures/loadFixtureSample.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { kFoldSplit } from '../../../src/data/kFoldSplit.js';
import { subsetRows } from '../../../src/data/subsetRows.js';
import { applicantsToDataset, INQUIRY_REASON_CODE } from '../../../src/features/index.js';
import type { TrainScorecardOptions } from '../../../src/train/scorecard/options.js';
import { readSplit, splitQuality } from './_quality.js';

/** Settings compared; the first is the baseline of the paired differences. `l2: 1` was the default before. */
const SETTINGS: { label: string; options: TrainScorecardOptions }[] = [
  { label: 'l2 = 1 (previous default)', options: { l2: 1 } },
  { label: 'l2 = 2', options: { l2: 2 } },
  { label: 'l2 = 3', options: { l2: 3 } },
  { label: 'l2 = 5 (default)', options: { l2: 5 } },
  { label: 'l2 = 10', options: { l2: 10 } },
  { label: 'minIv = 0', options: { l2: 1, minIv: 0 } },
  { label: 'minBinShare = 0.03', options: { l2: 1, binning: { minBinShare: 0.03 } } },
  { label: 'minIv = 0, minBinShare = 0.03', options: { l2: 1, minIv: 0, binning: { minBinShare: 0.03 } } },
  { label: 'maxPrebins = 50', options: { l2: 1, binning: { maxPrebins: 50 } } },
  { label: 'maxCorrelation = 0.9', options: { l2: 1, maxCorrelation: 0.9 } },
  { label: 'trend auto-unimodal', options: { l2: 1, binning: { trend: 'auto-unimodal' } } },
];

const round = (v: number, d = 5): number => Number(v.toFixed(d));

function compare(train: Dataset, repeats: number, seed0: number, base: TrainScorecardOptions, settings = SETTINGS): Record<string, unknown>[] {
  const folds: { train: Int32Array; test: Int32Array }[] = [];
  for (let r = 0; r < repeats; r++) folds.push(...kFoldSplit(train, { k: 5, seed: seed0 + r }));
  const parts = folds.map((f) => ({ fit: subsetRows(train, f.train), test: subsetRows(train, f.test) }));
  let baseline: number[] | undefined;
  return settings.map(({ label, options }) => {
    const auc = parts.map((p) => splitQuality(p.fit, p.test, { ...base, ...options }).testAuc);
    baseline ??= auc;
    const diff = auc.map((v, i) => v - (baseline as number[])[i]);
    const mean = diff.reduce((s, v) => s + v, 0) / diff.length;
    const sd = Math.sqrt(diff.reduce((s, v) => s + (v - mean) ** 2, 0) / (diff.length - 1));
    const row = { setting: label, options, cvAuc: round(auc.reduce((s, v) => s + v, 0) / auc.length), diffVsBaseline: round(mean), diffStandardError: round(sd / Math.sqrt(diff.length)) };
    process.stdout.write(`  ${JSON.stringify(row)}\n`);
    return row;
  });
}

const file = resolve(import.meta.dirname, 'cv_defaults.json');
if (process.argv[2] === 'missing') {
  // missingBins 'fitted' against 'woe' (both with the other defaults) on the training sets with
  // missing values; german / south-german have none, so both settings give the same model there.
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const settings = [
    { label: "missingBins = 'woe'", options: { missingBins: 'woe' } },
    { label: "missingBins = 'fitted'", options: { missingBins: 'fitted' } },
  ] satisfies { label: string; options: TrainScorecardOptions }[];
  const missingBins: Record<string, unknown> = {};
  const only = process.argv[3];
  for (const [name, repeats] of [['home-credit-sample', 5], ['give-me-some-credit', 2], ['taiwan-default', 2]] as const) {
    if (only !== undefined && only !== name) continue;
    process.stdout.write(`${name} (missingBins)\n`);
    const { train } = await readSplit(name);
    missingBins[name] = { rows: train.rows, folds: `${repeats} x stratified 5-fold of train.csv (kFoldSplit seeds 1000..${1000 + repeats - 1})`, settings: compare(train, repeats, 1000, {}, settings) };
  }
  if (only !== undefined && only !== 'fixture-sample') process.exit(0);
  process.stdout.write('fixture sample (missingBins)\n');
  const fixtureRows = applicantsToDataset(loadFixtureSample().train);
  missingBins['fixture-sample'] = {
    rows: fixtureRows.rows,
    folds: '5 x stratified 5-fold of the fixture train rows (kFoldSplit seeds 2000..2004)',
    settings: compare(fixtureRows, 5, 2000, { inquiryReasonCode: INQUIRY_REASON_CODE }, settings),
  };
  writeFileSync(file, `${JSON.stringify({ ...saved, missingBins }, null, 1)}\n`);
  process.exit(0);
}
if (process.argv[2] === 'rare') {
  // Categories under rareCategoryShare are pooled before the optimal grouping (fitCategoricalBinning).
  // Only datasets with categorical columns: give-me-some-credit and taiwan-default have none.
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const settings = [0.01, 0.02, 0.03].map((share) => ({ label: `rareCategoryShare = ${share}${share === 0.01 ? ' (previous default)' : share === 0.02 ? ' (default)' : ''}`, options: { binning: { rareCategoryShare: share } } }));
  const rareCategories: Record<string, unknown> = {};
  for (const [name, repeats] of [['german-credit', 5], ['south-german-credit', 5], ['home-credit-sample', 5]] as const) {
    process.stdout.write(`${name} (rareCategoryShare)\n`);
    const { train } = await readSplit(name);
    rareCategories[name] = { rows: train.rows, folds: `${repeats} x stratified 5-fold of train.csv (kFoldSplit seeds 1000..${1000 + repeats - 1})`, settings: compare(train, repeats, 1000, {}, settings) };
  }
  process.stdout.write('fixture sample (rareCategoryShare)\n');
  rareCategories['fixture-sample'] = {
    rows: loadFixtureSample().train.length,
    folds: '5 x stratified 5-fold of the fixture train rows (kFoldSplit seeds 2000..2004)',
    settings: compare(applicantsToDataset(loadFixtureSample().train), 5, 2000, { inquiryReasonCode: INQUIRY_REASON_CODE }, settings),
  };
  writeFileSync(file, `${JSON.stringify({ ...saved, rareCategories }, null, 1)}\n`);
  process.exit(0);
}
if (process.argv[2] === 'confirm') {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const confirmation: Record<string, unknown> = {};
  for (const name of ['german-credit', 'south-german-credit']) {
    process.stdout.write(`${name} (confirmation)\n`);
    const { train } = await readSplit(name);
    confirmation[name] = { folds: '10 x stratified 5-fold of train.csv (kFoldSplit seeds 3000..3009)', settings: compare(train, 10, 3000, {}, SETTINGS.slice(0, 4)) };
  }
  writeFileSync(file, `${JSON.stringify({ ...saved, confirmation }, null, 1)}\n`);
  process.exit(0);
}
const out: Record<string, unknown> = {};
for (const [name, repeats] of [['german-credit', 5], ['south-german-credit', 5], ['home-credit-sample', 2]] as const) {
  process.stdout.write(`${name}\n`);
  const { train } = await readSplit(name);
  out[name] = { rows: train.rows, folds: `${repeats} x stratified 5-fold of train.csv (kFoldSplit seeds ${1000}..${1000 + repeats - 1})`, settings: compare(train, repeats, 1000, {}) };
}
process.stdout.write('fixture sample (train rows, catalogue features)\n');
const fixtureTrain = applicantsToDataset(loadFixtureSample().train);
out['fixture-sample'] = {
  rows: fixtureTrain.rows,
  folds: '2 x stratified 5-fold of the fixture train rows (kFoldSplit seeds 2000..2001)',
  settings: compare(fixtureTrain, 2, 2000, { inquiryReasonCode: INQUIRY_REASON_CODE }),
};
// The `confirm`, `missing` and `rare` runs' sections are kept: they are made by their own modes.
const { confirmation, missingBins, rareCategories } = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(
  file,
  `${JSON.stringify({ made_by: 'npx tsx benchmarks/reference/scorecard/cvDefaults.ts', baseline: SETTINGS[0].label, node: process.version, datasets: out, confirmation, missingBins, rareCategories }, null, 1)}\n`,
);
