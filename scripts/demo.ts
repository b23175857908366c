/**
 * `npm run demo` — the main job on the bundled default model and the committed fixtures: scores a
 * handful of hold-out applicants (score, PD, reasons), then backtests the model on the whole
 * fixture hold-out and prints a one-line summary.
 */
import { scoreApplicant, defaultModel } from '../src/index.js';
import { backtest } from '../src/backtest/index.js';
import { loadFixtureSample } from '../fixtures/loadFixtureSample.js';

const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
const { holdout } = loadFixtureSample();
const model = defaultModel();
const artifact = model.toArtifact();

out(`credit-scoring demo — model ${model.id} (${artifact.kind}, ${model.featureNames.length} features)`);
out(`scoring 6 applicants from the fixture hold-out (fixtures/applicants.jsonl.gz)`);
out();
// A spread of applicants: the first few plus the riskiest and a thin-file one, so the demo shows the range.
const picks = new Set<number>([0, 1, 2]);
const scored = holdout.map((row, i) => ({ i, r: scoreApplicant(row.raw) }));
const riskiest = [...scored].sort((a, b) => b.r.probabilityOfDefault - a.r.probabilityOfDefault)[0];
picks.add(riskiest.i);
const thin = scored.find((s) => s.r.isThinFile && !picks.has(s.i));
if (thin) picks.add(thin.i);
const safest = [...scored].sort((a, b) => a.r.probabilityOfDefault - b.r.probabilityOfDefault)[0];
picks.add(safest.i);
for (const i of [...picks].slice(0, 6)) {
  const row = holdout[i];
  const r = scored[i].r;
  const outcome = row.outcome.defaulted ? `defaulted in month ${row.outcome.monthsToDefault}` : 'repaid';
  out(`applicant #${row.index}  asOf ${row.applicant.asOf}  ${r.isThinFile ? 'THIN FILE  ' : ''}score ${r.score.toFixed(0)}  PD ${(r.probabilityOfDefault * 100).toFixed(2)}%  (observed: ${outcome})`);
  if (r.reasonCodes.length === 0) out('    no adverse factors');
  for (const rc of r.reasonCodes) {
    const value = rc.value === null ? 'missing' : typeof rc.value === 'number' ? String(Math.round(rc.value * 100) / 100) : rc.value;
    out(`    ${rc.code}  ${rc.description.padEnd(52)} -${rc.impact.toFixed(1)} pts  (${rc.feature} = ${value})`);
  }
}
out();
const report = await backtest(model, { applicants: holdout.map((r) => ({ applicant: r.raw, outcome: r.outcome })) }, { source: 'fixture hold-out', bootstrap: { resamples: 200, seed: 1 } });
const m = report.metrics;
const bins = report.calibration.bins;
const meanPd = bins.reduce((s, b) => s + b.count * b.expectedBadRate, 0) / bins.reduce((s, b) => s + b.count, 0);
out(
  `backtest on the fixture hold-out: n=${m.count}  bad rate ${(m.badRate * 100).toFixed(1)}%  AUC ${m.auc.toFixed(3)}  Gini ${m.gini.toFixed(3)}  KS ${m.ks.toFixed(3)}  Brier ${m.brier.toFixed(4)}  mean PD ${(meanPd * 100).toFixed(1)}%`,
);
