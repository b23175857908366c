/**
 * Export for form_variants.py (issue 4, fixtures): would a richer model form than "one coefficient
 * per characteristic on its WoE, plus the missing-group terms" close the default scorecard's gap to
 * the ground truth? Trains the default model's options (scripts/trainDefault.ts) on the committed
 * train split and writes, for the train rows and three VALIDATION draws of the generator (20,000
 * applicants each, seeds 20261125..20261127; the committed hold-out is not exported), each row's bin
 * index per kept characteristic, the target and the true PD, plus every bin's WoE, the missing bins,
 * the missing groups and our fitted parameters, to $TMPDIR/credit-scoring-form-design.json.
 *
 *   npx tsx benchmarks/reference/scorecard/exportFormDesign.ts && /usr/bin/python3 benchmarks/reference/scorecard/form_variants.py
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApplicants } from '../../../fixtures/generator/index.js';
import { loadFixtureSample } from '../../../fixtures/loadFixtureSample.js';
import { applyBinning } from '../../../src/binning/applyBinning.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { INQUIRY_REASON_CODE, applicantsToDataset } from '../../../src/features/index.js';
import type { ApplicantRow } from '../../../src/features/applicantsToDataset.js';
import { parseApplicant } from '../../../src/schema/parseApplicant.js';
import { trainScorecard } from '../../../src/train/index.js';

const VALIDATION_SEEDS = [20261125, 20261126, 20261127];
const train = applicantsToDataset(loadFixtureSample().train);
const artifact = trainScorecard(train, { id: 'default', seed: 1, missingBins: 'fitted', inquiryReasonCode: INQUIRY_REASON_CODE });
const chars = artifact.model.characteristics;
const names = artifact.features.map((f) => f.name);
const binsOf = (d: Dataset): number[][] => chars.map((c, j) => Array.from(applyBinning(c.binning, d.columns.find((col) => col.name === names[j])!)));

const sets: Record<string, { bins: number[][]; y: number[]; truePd?: number[] }> = { train: { bins: binsOf(train), y: Array.from(train.target as Uint8Array) } };
for (const seed of VALIDATION_SEEDS) {
  const rows: ApplicantRow[] = [];
  const truePd: number[] = [];
  for (const g of generateApplicants({ n: 20_000, seed })) {
    rows.push({ applicant: parseApplicant(g.applicant), outcome: { defaulted: g.outcome.defaulted } });
    truePd.push(g.truth.probabilityOfDefault);
  }
  const d = applicantsToDataset(rows);
  sets[`validation ${seed}`] = { bins: binsOf(d), y: Array.from(d.target as Uint8Array), truePd };
}
const out = join(tmpdir(), 'credit-scoring-form-design.json');
writeFileSync(out, JSON.stringify({
  l2: (artifact.training as { options: { l2: number } }).options.l2,
  names,
  woe: chars.map((c) => c.binning.bins.map((b) => b.woe)),
  missingBin: chars.map((c) => c.binning.missingBin ?? -1),
  missingGroup: chars.map((c) => c.missingGroup ?? 0),
  ours: { intercept: artifact.model.intercept, coefficients: chars.map((c) => c.coefficient) },
  sets,
}));
process.stderr.write(`wrote ${Object.keys(sets).length} row sets x ${names.length} characteristics to ${out}\n`);
