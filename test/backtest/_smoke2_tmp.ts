import { writeFileSync } from 'node:fs';
import { backtest, backtestFile, BacktestReportSchema } from '../../src/backtest/index.js';
import { applicantsToDataset } from '../../src/features/index.js';
import { parseApplicant } from '../../src/schema/index.js';
import { trainLogistic } from '../../src/train/index.js';
import { loadModel } from '../../src/scorers/index.js';
import { generateApplicants, writeApplicantsJsonl } from '../../fixtures/generator/index.js';
import { CHAMPION, syntheticDataset, testScorer } from './_synthetic.js';

// tabular CSV
const ds = syntheticDataset(5000, 3);
const cols = ds.columns;
let csv = 'id,utilization,inquiries,housing,opened,bad\n';
for (let i = 0; i < ds.rows; i++) {
  const u = (cols[0] as any).values[i]; const q = (cols[1] as any).values[i]; const h = (cols[2] as any).codes[i]; const d = (cols[3] as any).values[i];
  csv += `${i},${Number.isNaN(u) ? 'NA' : u},${q},${h < 0 ? '' : ['own', 'rent', 'other'][h]},${new Date(d * 864e5).toISOString().slice(0, 10)},${ds.target![i] ? 'yes' : 'no'}\n`;
}
writeFileSync('/tmp/bt/t.csv', csv);
const s = testScorer('champ', CHAMPION);
const a = await backtestFile(s, '/tmp/bt/t.csv', { target: 'bad', bad: 'yes', bootstrap: false, split: { kind: 'oot', dateColumn: 'opened', cutoff: '2023-01' } });
const b = await backtest(s, ds, { bootstrap: false, split: { kind: 'oot', cutoff: '2023-01' } });
BacktestReportSchema.parse(a);
console.log('csv', a.metrics.auc, b.metrics.auc, a.data, a.notes);

// applicants
const rows = [...generateApplicants({ n: 4000, seed: 11 })].map((g) => ({ applicant: parseApplicant(g.applicant), outcome: { defaulted: g.outcome.defaulted } }));
const art = trainLogistic(applicantsToDataset(rows), { id: 'lr' } as any);
const scorer = loadModel(art);
await writeApplicantsJsonl({ n: 3000, seed: 12 }, '/tmp/bt/apps.jsonl.gz');
const t0 = performance.now();
const c = await backtestFile(art, '/tmp/bt/apps.jsonl.gz', { split: { kind: 'stratified', testFraction: 0.3, seed: 5 }, bootstrap: { resamples: 100 } });
console.log('apps', performance.now() - t0, c.metrics, c.data, c.notes, c.stability?.psi.value, c.stability?.csi.length);
