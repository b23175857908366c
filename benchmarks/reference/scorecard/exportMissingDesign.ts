/**
 * Export for an independent check of `missingBins: 'fitted'` (missing_bins_sklearn.py): trains the
 * default model's options on the fixture train split, rebuilds the fit's design from the artifact
 * alone (each kept characteristic's WoE column through `applyBinning`, then one column per missing
 * group: the share of the group's characteristics in their missing bin; groups from
 * `missingGroup`), and writes it with
 * the target and our fitted intercept, coefficients and group terms (before the cap) to
 * $TMPDIR/credit-scoring-missing-design.{csv,json}. The python side refits it with scikit-learn.
 *
 *   npx tsx benchmarks/reference/scorecard/exportMissingDesign.ts && /usr/bin/python3 benchmarks/reference/scorecard/missing_bins_sklearn.py
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtureSample } from '../../../fixtures/loadFixtureSample.js';
import { applyBinning } from '../../../src/binning/applyBinning.js';
import { INQUIRY_REASON_CODE, applicantsToDataset } from '../../../src/features/index.js';
import { trainScorecard } from '../../../src/train/index.js';

const dataset = applicantsToDataset(loadFixtureSample().train);
const l2 = 5;
const artifact = trainScorecard(dataset, { id: 'default', seed: 1, l2, missingBins: 'fitted', inquiryReasonCode: INQUIRY_REASON_CODE });
const log = (artifact.training as { selection: { feature: string; fittedMissingEffect?: number }[] }).selection;
const chars = artifact.model.characteristics;
const names = artifact.features.map((f) => f.name);
const fittedShare = chars.map((c, j) => log.find((e) => e.feature === names[j])?.fittedMissingEffect ?? c.missingEffect);
const groupIds = [...new Set(chars.flatMap((c) => (c.missingGroup === undefined ? [] : [c.missingGroup])))].sort((a, b) => a - b);
const members = groupIds.map((g) => chars.flatMap((c, j) => (c.missingGroup === g ? [j] : [])));
const bins = chars.map((c, j) => applyBinning(c.binning, dataset.columns.find((col) => col.name === names[j])!));
const header = [...names.map((n) => `woe:${n}`), ...members.map((m) => `group:${m.map((j) => names[j]).join('+')}`), 'y'];
const lines = [header.join(',')];
const y = dataset.target as Uint8Array;
for (let i = 0; i < dataset.rows; i++) {
  const woe = chars.map((c, j) => c.binning.bins[bins[j][i]].woe);
  const groups = members.map((m) => m.filter((j) => bins[j][i] === chars[j].binning.missingBin).length / m.length);
  lines.push([...woe, ...groups, y[i]].join(','));
}
const dir = tmpdir();
writeFileSync(join(dir, 'credit-scoring-missing-design.csv'), `${lines.join('\n')}\n`);
writeFileSync(join(dir, 'credit-scoring-missing-design.json'), `${JSON.stringify({
  l2,
  rows: dataset.rows,
  intercept: artifact.model.intercept,
  coefficients: chars.map((c) => c.coefficient),
  groupTerms: members.map((m) => fittedShare[m[0]]! * m.length),
  groups: members.map((m) => m.map((j) => names[j])),
}, null, 1)}\n`);
process.stderr.write(`wrote ${dataset.rows} rows x ${header.length - 1} columns (${members.length} missing groups) to ${dir}\n`);
