import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetToFeatureMatrix, readTable } from '../../src/data/index.js';
import { loadModel } from '../../src/index.js';
import { cli } from './runCliHelper.js';

const german = resolve(import.meta.dirname, '../../../shared/datasets/german-credit');
const hasShared = existsSync(join(german, 'train.csv'));
const tmp = mkdtempSync(join(tmpdir(), 'cs-cli-'));

describe('credit-scoring CLI basics', () => {
  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version);
  });

  it('--help lists every command; each command has --help with an example', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['train', 'score', 'explain', 'backtest', 'generate']) {
      expect(r.stdout).toContain(name);
      const h = await cli([name, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toMatch(/Example/);
      expect(h.stderr).toBe('');
    }
  });

  it('unknown commands and options exit 2 with a message on stderr only', async () => {
    const a = await cli(['frobnicate']);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    const b = await cli(['score', '--nope']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/nope/);
    const c = await cli(['train', '--data', 'x.csv']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--out is required/);
  });

  it('a missing file exits 2 without a stack trace', async () => {
    const r = await cli(['score', '--data', join(tmp, 'absent.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read|ENOENT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('generate is deterministic and its lines are fixture rows', async () => {
    const a = await cli(['generate', '--n', '3', '--seed', '5']);
    const b = await cli(['generate', '--n', '3', '--seed', '5']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l) as { applicant: unknown; outcome: { defaulted: boolean } });
    expect(lines).toHaveLength(3);
    expect(typeof lines[0].outcome.defaulted).toBe('boolean');
  });

  it('score with the default model reads raw applicants from stdin and reports bad lines in place', async () => {
    const gen = await cli(['generate', '--n', '4', '--seed', '9']);
    const lines = gen.stdout.trim().split('\n');
    const input = [lines[0], '{"asOf": "2024-02-30"}', 'not json', lines[1]].join('\n');
    const r = await cli(['score', '--data', '-'], input);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => x.row)).toEqual([1, 2, 3, 4]);
    expect(typeof rows[0].score).toBe('number');
    expect((rows[1].error as { code: string }).code).toBe('invalid_input');
    expect((rows[1].error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'))).toContain('asOf');
    expect((rows[2].error as { code: string }).code).toBe('invalid_input');
    expect(typeof rows[3].probabilityOfDefault).toBe('number');
    expect(r.stderr).toMatch(/4 rows, 2 with errors/);
  });
});

describe.skipIf(!hasShared)('credit-scoring train → backtest → score on German credit (../shared/datasets)', () => {
  const model = join(tmp, 'german.json');

  it('train writes a loadable artifact, byte-identical when re-run', async () => {
    const args = ['train', '--data', join(german, 'train.csv'), '--target', 'creditability', '--bad', 'bad', '--model', 'scorecard', '--seed', '7'];
    const a = await cli([...args, '--out', model]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe('');
    const b = await cli([...args, '--out', `${model}.2`]);
    expect(b.code).toBe(0);
    expect(readFileSync(`${model}.2`, 'utf8')).toBe(readFileSync(model, 'utf8'));
    expect(loadModel(readFileSync(model, 'utf8')).featureNames.length).toBeGreaterThan(3);
  });

  it('backtest --json prints only the report, whose metrics hold auc, gini, ks, brier, logLoss and count', async () => {
    const r = await cli(['backtest', '--model', model, '--data', join(german, 'test.csv'), '--target', 'creditability', '--bad', 'bad', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { metrics: Record<string, number> };
    for (const key of ['auc', 'gini', 'ks', 'brier', 'logLoss', 'count']) expect(typeof report.metrics[key]).toBe('number');
    expect(report.metrics.count).toBe(300);
    expect(report.metrics.gini).toBeCloseTo(2 * report.metrics.auc - 1, 12);
  });

  it('backtest exits 1 when a quality gate fails', async () => {
    const r = await cli(['backtest', '--model', model, '--data', join(german, 'test.csv'), '--target', 'creditability', '--bad', 'bad', '--min-auc', '0.99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/quality gate failed/);
  });

  it('backtest writes HTML and Markdown reports', async () => {
    for (const ext of ['html', 'md']) {
      const out = join(tmp, `report.${ext}`);
      const r = await cli(['backtest', '--model', model, '--data', join(german, 'test.csv'), '--target', 'creditability', '--bad', 'bad', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(1000);
    }
  });

  it('score gives one row per input row, in order, whose PDs equal the library predict exactly', async () => {
    const r = await cli(['score', '--model', model, '--data', join(german, 'test.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; probabilityOfDefault: number; score: number });
    expect(rows).toHaveLength(300);
    expect(rows.map((x) => x.row)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const scorer = loadModel(readFileSync(model, 'utf8'));
    const { dataset } = await readTable(join(german, 'test.csv'), { target: 'creditability', bad: 'bad' });
    const pd = scorer.predict(datasetToFeatureMatrix(dataset, scorer.toArtifact().features));
    expect(rows.map((x) => x.probabilityOfDefault)).toEqual(Array.from(pd));
  });

  it('score --out x.csv writes CSV with reason columns', async () => {
    const out = join(tmp, 'scores.csv');
    const r = await cli(['score', '--model', model, '--data', join(german, 'test.csv'), '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,score,probabilityOfDefault,reason1,reason2,reason3,reason4,error');
    expect(lines).toHaveLength(301);
  });

  it('explain prints the points table, and a row explanation as JSON', async () => {
    const a = await cli(['explain', '--model', model]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/\| Characteristic \| Bin \| Points \|/);
    writeFileSync(join(tmp, 'row.json'), JSON.stringify({ duration_in_month: 48, credit_amount: 9000 }));
    const b = await cli(['explain', '--model', model, '--row', `@${join(tmp, 'row.json')}`, '--json']);
    expect(b.code, b.stderr).toBe(0);
    const e = JSON.parse(b.stdout) as { probabilityOfDefault: number; reasonCodes: unknown[] };
    expect(e.probabilityOfDefault).toBeGreaterThan(0);
    expect(e.reasonCodes.length).toBeGreaterThan(0);
  });
});
