/**
 * `train --weight COL` and `backtest --weight COL`: a row of weight w counts as w rows. Checked
 * against the same table with each row repeated w times (integer weights), which the trainers and
 * the metrics see as the same data; and the weight column never becomes a feature.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { cli } from './runCliHelper.js';

const tmp = mkdtempSync(join(tmpdir(), 'cs-cli-weights-'));

/** A seeded table (x1, x2, grade, w, y); w in 1..3. */
function tables(n: number, seed: number): { weighted: string; repeated: string } {
  const rng = createRandom(seed);
  const weighted = ['x1,x2,grade,w,y'];
  const repeated = ['x1,x2,grade,y'];
  for (let i = 0; i < n; i++) {
    const x1 = Math.round(rng.normal() * 100) / 10;
    const x2 = Math.round(rng.next() * 500);
    const grade = ['A', 'B', 'C'][rng.int(3)];
    const z = -1.2 + 0.35 * x1 - 0.002 * x2 + (grade === 'C' ? 0.8 : 0) + rng.normal() * 0.8;
    const y = z > 0 ? 1 : 0;
    const w = 1 + rng.int(3);
    weighted.push(`${x1},${x2},${grade},${w},${y}`);
    for (let k = 0; k < w; k++) repeated.push(`${x1},${x2},${grade},${y}`);
  }
  return { weighted: `${weighted.join('\n')}\n`, repeated: `${repeated.join('\n')}\n` };
}

const { weighted, repeated } = tables(900, 17);
const weightedCsv = join(tmp, 'weighted.csv');
const repeatedCsv = join(tmp, 'repeated.csv');
writeFileSync(weightedCsv, weighted);
writeFileSync(repeatedCsv, repeated);

interface ScorecardModel {
  kind: string;
  features: { name: string }[];
  model: unknown;
}

describe('--weight', () => {
  it('train --weight: a weighted scorecard is the scorecard of the rows repeated w times (bins, WoE, points), and w is not a feature', async () => {
    const a = await cli(['train', '--data', weightedCsv, '--target', 'y', '--weight', 'w', '--out', join(tmp, 'w.json')]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['train', '--data', repeatedCsv, '--target', 'y', '--out', join(tmp, 'r.json')]);
    expect(b.code, b.stderr).toBe(0);
    const w = JSON.parse(readFileSync(join(tmp, 'w.json'), 'utf8')) as ScorecardModel;
    const r = JSON.parse(readFileSync(join(tmp, 'r.json'), 'utf8')) as ScorecardModel;
    expect(w.kind).toBe('scorecard');
    expect(w.features).toEqual(r.features);
    expect(w.features.map((f) => f.name)).not.toContain('w');
    expect(w.model).toEqual(r.model);
  });

  it('train --weight on a logistic model: the weights reach the fit (recorded weight sum; a different model than unweighted)', async () => {
    const a = await cli(['train', '--data', weightedCsv, '--target', 'y', '--weight', 'w', '--model', 'logistic', '--out', join(tmp, 'lw.json')]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['train', '--data', weightedCsv, '--target', 'y', '--exclude', 'w', '--model', 'logistic', '--out', join(tmp, 'lu.json')]);
    expect(b.code, b.stderr).toBe(0);
    const lw = JSON.parse(readFileSync(join(tmp, 'lw.json'), 'utf8')) as ScorecardModel & { training: { weightSum?: number } };
    const lu = JSON.parse(readFileSync(join(tmp, 'lu.json'), 'utf8')) as ScorecardModel & { training: { weightSum?: number } };
    const sum = weighted.trim().split('\n').slice(1).reduce((s, l) => s + Number(l.split(',')[3]), 0);
    expect(lw.training.weightSum).toBe(sum);
    expect(lu.training.weightSum).toBeUndefined();
    expect(lw.features.map((f) => f.name)).toEqual(lu.features.map((f) => f.name));
    expect(lw.model).not.toEqual(lu.model);
  });

  it('backtest --weight: weighted metrics equal those of the repeated rows', async () => {
    const model = join(tmp, 'r.json');
    const a = await cli(['backtest', '--model', model, '--data', weightedCsv, '--target', 'y', '--weight', 'w', '--json']);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['backtest', '--model', model, '--data', repeatedCsv, '--target', 'y', '--json']);
    expect(b.code, b.stderr).toBe(0);
    type M = { metrics: { auc: number; ks: number; brier: number; logLoss: number; badRate: number } };
    const mw = (JSON.parse(a.stdout) as M).metrics;
    const mr = (JSON.parse(b.stdout) as M).metrics;
    for (const k of ['auc', 'ks', 'brier', 'logLoss', 'badRate'] as const) expect(mw[k], k).toBeCloseTo(mr[k], 10);
  });

  it('--weight needs a table; an invalid weight skips the row and says so', async () => {
    const t = await cli(['train', '--data', join(tmp, 'apps.jsonl'), '--weight', 'w', '--out', join(tmp, 'x.json')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--weight applies to tables/);
    const bad = weighted.replace(/\n([^\n]*),\d,([01])\n/, '\n$1,-2,$2\n');
    writeFileSync(join(tmp, 'bad.csv'), bad);
    const r = await cli(['train', '--data', join(tmp, 'bad.csv'), '--target', 'y', '--weight', 'w', '--model', 'logistic', '--out', join(tmp, 'x.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 skipped/);
    expect(r.stderr).toMatch(/line 2 column w/);
  });
});
