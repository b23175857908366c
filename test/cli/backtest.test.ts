/**
 * `credit-scoring backtest`: every flag of the synopsis, the exit codes (0 success, 1 failed
 * quality gate, 2 bad usage or input), `--json` printing only the report, reports written by
 * extension, raw applicants with outcomes, and the progress bar (stderr, only on a TTY and only once
 * the work has taken over a second: the clock is stubbed, no timing is asserted).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { generateApplicants } from '../../fixtures/generator/index.js';
import { BacktestReportSchema, type BacktestReport, backtestReportJsonSchema } from '../../src/backtest/index.js';
import { runCli } from '../../src/cli/main.js';
import { type Dataset, stratifiedSplit } from '../../src/data/index.js';
import { CHALLENGER, CHAMPION, syntheticDataset, testScorer } from '../backtest/_synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process; `isTTY` marks stderr as a terminal. */
async function cli(args: string[], options: { isTTY?: boolean; stdin?: string } = {}): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.isTTY === true });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await runCli(args, { stdout, stderr, stdin: Readable.from([Buffer.from(options.stdin ?? '')]) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** The synthetic dataset as a CSV (utilization, inquiries, housing, opened date, bad yes/no). */
function writeCsv(d: Dataset, path: string): string {
  const [u, q, h, t] = d.columns as unknown as [{ values: Float64Array }, { values: Float64Array }, { codes: Int32Array }, { values: Float64Array }];
  const lines = ['utilization,inquiries,housing,opened,bad'];
  for (let i = 0; i < d.rows; i++) {
    const date = new Date(t.values[i] * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${Number.isNaN(u.values[i]) ? 'NA' : u.values[i]},${q.values[i]},${h.codes[i] < 0 ? '' : ['own', 'rent', 'other'][h.codes[i]]},${date},${d.target?.[i] ? 'yes' : 'no'}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const dataset = syntheticDataset(3000, 44);
const data = writeCsv(dataset, join(dir, 'loans.csv'));
const champion = join(dir, 'champion.json');
const challenger = join(dir, 'challenger.json');
writeFileSync(champion, JSON.stringify(testScorer('champion', CHAMPION).toArtifact()));
writeFileSync(challenger, JSON.stringify(testScorer('challenger', CHALLENGER).toArtifact()));
const table = ['--data', data, '--target', 'bad', '--bad', 'yes'];

describe('credit-scoring backtest', () => {
  it('backtest --json prints only the report JSON on stdout, valid against the published schema, with the metrics keys CI reads', async () => {
    const r = await cli(['backtest', '--model', champion, ...table, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = BacktestReportSchema.parse(JSON.parse(r.stdout));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    for (const key of ['auc', 'gini', 'ks', 'brier', 'logLoss', 'count']) expect(typeof (report.metrics as Record<string, unknown>)[key]).toBe('number');
    expect(report.metrics.count).toBe(3000);
    expect(r.stderr).toMatch(/^backtest: champion@[0-9a-f]{8} on 3,000 rows \(bad rate \d+\.\d%\): AUC 0\.\d{4}/);
  });

  it('backtest --split oot --date COL --cutoff YYYY-MM --challenger M2 evaluates the later rows, compares with DeLong and measures PSI against the earlier rows', async () => {
    const r = await cli(['backtest', '--model', champion, ...table, '--split', 'oot', '--date', 'opened', '--cutoff', '2023-01', '--challenger', challenger, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as BacktestReport;
    expect(report.data.split).toMatchObject({ kind: 'oot', dateColumn: 'opened', cutoff: '2023-01' });
    expect(report.data.dateRange?.from.startsWith('2023-')).toBe(true);
    expect(report.models.map((m) => [m.id.split('@')[0], m.role])).toEqual([
      ['champion', 'champion'],
      ['challenger', 'challenger'],
    ]);
    const test = report.comparison?.tests[0];
    expect(test?.pValue).toBeGreaterThan(0);
    expect(test?.aucDifference).toBeCloseTo((test?.aucChallenger ?? 0) - (test?.aucChampion ?? 0), 12);
    expect(report.stability?.reference.source).toBe('split-train');
    expect(report.stability?.csi.map((c) => c.characteristic)).toEqual(['utilization', 'inquiries', 'housing']);
  });

  it('backtest --split stratified --test-fraction F --seed N evaluates the test part', async () => {
    const r = await cli(['backtest', '--model', champion, ...table, '--split', 'stratified', '--test-fraction', '0.25', '--seed', '9', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const parts = stratifiedSplit(dataset, { testFraction: 0.25, seed: 9 });
    expect((JSON.parse(r.stdout) as BacktestReport).data.split).toEqual({ kind: 'stratified', testFraction: 0.25, seed: 9, trainRows: parts.train.length, testRows: parts.test.length });
  });

  it('backtest --out report.html|report.md|report.json writes the report by extension; stdout stays empty', async () => {
    for (const ext of ['html', 'md', 'json']) {
      const out = join(dir, `report.${ext}`);
      const r = await cli(['backtest', '--model', champion, ...table, '--challenger', challenger, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`backtest: report written to ${out}`);
      const text = readFileSync(out, 'utf8');
      if (ext === 'html') expect(text.startsWith('<!doctype html>')).toBe(true);
      if (ext === 'md') expect(text).toMatch(/^# Backtest report: champion@[0-9a-f]{8}\n/);
      if (ext === 'json') expect(BacktestReportSchema.parse(JSON.parse(text)).comparison?.tests).toHaveLength(1);
    }
  });

  it('backtest on raw applicants with outcomes (JSON Lines, default model, oot on asOf) needs no --target', async () => {
    const lines = [...generateApplicants({ n: 600, seed: 5 })].map((g) => JSON.stringify({ applicant: g.applicant, outcome: { defaulted: g.outcome.defaulted } }));
    const file = join(dir, 'applicants.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const months = lines.map((l) => (JSON.parse(l) as { applicant: { asOf: string } }).applicant.asOf.slice(0, 7)).sort();
    const cutoff = months[Math.floor(months.length / 2)];
    const r = await cli(['backtest', '--data', file, '--split', 'oot', '--cutoff', cutoff, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as BacktestReport;
    expect(report.modelId).toMatch(/^default@/);
    expect(report.data.rows).toBe(600);
    expect(report.data.split).toMatchObject({ kind: 'oot', dateColumn: 'asOf', cutoff });
  });

  it('backtest exits 1 when --min-auc or --max-psi fails, naming the gate; 0 when both hold', async () => {
    const base = ['backtest', '--model', champion, ...table, '--split', 'oot', '--cutoff', '2023-01', '--date', 'opened'];
    const report = JSON.parse((await cli([...base, '--json'])).stdout) as BacktestReport;
    const auc = report.metrics.auc;
    const psi = report.stability?.psi.value as number;
    const low = await cli([...base, '--min-auc', String(Math.min(1, auc + 0.01))]);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/quality gate failed: minAuc = 0\.\d+ \(threshold 0\.\d+\)/);
    const shifted = await cli([...base, '--max-psi', String(psi / 2)]);
    expect(shifted.code).toBe(1);
    expect(shifted.stderr).toMatch(/quality gate failed: maxPsi/);
    const passing = await cli([...base, '--min-auc', String(auc - 0.01), '--max-psi', String(psi + 0.01), '--json']);
    expect(passing.code).toBe(0);
    expect(JSON.parse(passing.stdout)).toEqual(report);
  });

  it('backtest --schema prints the JSON Schema of the report (for CI scripts in any language) and exits 0', async () => {
    const r = await cli(['backtest', '--schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(backtestReportJsonSchema());
    expect(r.stderr).toBe('');
  });

  it.each([
    ['no --data', ['--model', champion], /--data/],
    ['an unknown --split', ['--model', champion, ...table, '--split', 'monthly'], /--split must be none, stratified or oot/],
    ['--split oot without --cutoff', ['--model', champion, ...table, '--split', 'oot'], /--cutoff/],
    ['a cutoff that is not a month', ['--model', champion, ...table, '--cutoff', '2023-13'], /split\.cutoff: must be a calendar month as YYYY-MM/],
    ['--min-auc out of range', ['--model', champion, ...table, '--min-auc', '1.5'], /min-auc/],
    ['an unknown option', ['--model', champion, ...table, '--frobnicate'], /frobnicate/],
    ['a missing data file', ['--model', champion, '--data', join(dir, 'absent.csv'), '--target', 'bad'], /absent\.csv|cannot read|ENOENT/],
    ['a missing model file', ['--model', join(dir, 'absent.json'), ...table], /absent\.json|ENOENT/],
    ['an invalid model', ['--model', data, ...table], /invalid|JSON/i],
    ['a table without --target', ['--model', champion, '--data', data], /target/],
    ['a target column that is absent', ['--model', champion, '--data', data, '--target', 'missing', '--bad', 'yes'], /missing/],
  ])('backtest exits 2 on bad usage or input: %s', async (_name, args, message) => {
    const r = await cli(['backtest', ...(args as string[])]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('credit-scoring backtest progress bar', () => {
  /** A clock that moves 1.5 s per reading, so any work looks slow. */
  function slowClock(): void {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 1500));
  }

  it('draws a progress bar on stderr when stderr is a TTY and the work takes over a second, then clears it', async () => {
    slowClock();
    const r = await cli(['backtest', '--model', champion, ...table, '--json'], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\rbacktest 3,000 rows\u001b\[K/);
    expect(r.stderr).toContain('\r\u001b[K');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('draws nothing when stderr is not a TTY (pipes, CI logs), however long the work takes', async () => {
    slowClock();
    const r = await cli(['backtest', '--model', champion, ...table], { isTTY: false });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('draws nothing on a TTY when the work takes under a second', async () => {
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    const r = await cli(['backtest', '--model', champion, ...table], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\r');
  });
});
