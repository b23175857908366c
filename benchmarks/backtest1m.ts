/**
 * Backtest of a model on a 1M-row generated file: time and peak memory (not a unit test: the
 * raw-applicant run takes many minutes, dominated by validating and extracting features from
 * ~10 kB of JSON per applicant).
 *
 *   npx tsx benchmarks/backtest1m.ts [--rows 1000000] [--only applicants|table] [--model models/default.json] [--keep]
 *
 * Inputs (generated once into the OS temp folder, reused while they exist; `--keep` keeps them):
 * - `applicants`: raw applicants from the fixture generator (`writeApplicantsJsonl`, seed 2024),
 *   `{ applicant, outcome }` JSON Lines, gzip; backtested with `--model` when given, else
 *   models/default.json when it exists, else a logistic model trained on 20,000 other generated
 *   applicants (seed 99);
 * - `table`: a seeded 1M-row CSV of six columns (numbers with `NA`, a category, a date, a yes/no
 *   target); backtested with a logistic model trained on 20,000 rows of the same process.
 *
 * Each backtest runs in its own child process so that its peak RSS (VmHWM, see _peakRss.ts) is its
 * own: the whole `backtestFile` call (read, score in batches of 4096, accumulate typed arrays,
 * evaluate with bootstrap intervals), plus rendering the Markdown and HTML reports. The target
 * is a peak under 500 MB. Peak RSS includes garbage V8 has not yet collected (it lets its heap grow
 * when memory is plentiful); the third table run caps the V8 heap at 64 MB to show that the live
 * memory does not grow with the rows. Wall time depends on machine load; CPU time is the steadier
 * figure. Prints one JSON line per run and a summary table.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateApplicants, writeApplicantsJsonl } from '../fixtures/generator/index.js';
import { backtestFile, renderReportHtml, renderReportMarkdown } from '../src/backtest/index.js';
import type { BacktestFileOptions } from '../src/backtest/index.js';
import { readTable } from '../src/data/index.js';
import { applicantsToDataset } from '../src/features/index.js';
import { parseApplicant } from '../src/schema/index.js';
import { trainLogistic } from '../src/train/index.js';
import { peakRssMB } from './_peakRss.js';
import { argValue, hasFlag, log } from './_args.js';

export interface RunResult {
  run: string;
  rows: number;
  skippedRows: number;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  peakRssMB: number;
  auc: number;
  ks: number;
  bootstrapResamples: number | null;
  psi: number | null;
  csiCount: number;
}


/** Child mode: one backtest, result as a JSON line on stdout. */
async function runChild(): Promise<void> {
  const file = argValue('--file') as string;
  const model = JSON.parse(readFileSync(argValue('--model-file') as string, 'utf8')) as object;
  const options = JSON.parse(argValue('--options') as string) as BacktestFileOptions;
  const startUsage = process.resourceUsage();
  const start = performance.now();
  const report = await backtestFile(model, file, options);
  const md = renderReportMarkdown(report);
  const html = renderReportHtml(report);
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime - startUsage.userCPUTime - startUsage.systemCPUTime) / 1e6;
  const out = argValue('--out');
  if (out !== undefined) {
    writeFileSync(`${out}.md`, md);
    writeFileSync(`${out}.html`, html);
    writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  }
  const result: RunResult = {
    run: argValue('--run') as string,
    rows: report.data.rows,
    skippedRows: report.data.skippedRows,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    rowsPerSecond: Math.round(report.data.rows / seconds),
    peakRssMB: peakRssMB(),
    auc: Number(report.metrics.auc.toFixed(4)),
    ks: Number(report.metrics.ks.toFixed(4)),
    bootstrapResamples: report.confidenceIntervals?.resamples ?? null,
    psi: report.stability === null ? null : Number(report.stability.psi.value.toFixed(4)),
    csiCount: report.stability?.csi.length ?? 0,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** A seeded table like a lender's extract: the process behind the `table` run. */
function tableRow(next: () => number, i: number): { cells: string; bad: boolean } {
  const utilization = next() < 0.05 ? Number.NaN : Math.min(1.5, next() * next() * 1.8);
  const inquiries = Math.floor(-Math.log(1 - next()) * 1.5);
  const months = 6 + Math.floor(next() * 300);
  const dti = next() < 0.03 ? Number.NaN : next() * 0.8;
  const housing = ['own', 'rent', 'mortgage', 'other'][Math.floor(next() * 4)];
  const logOdds = -3.2 + 2.1 * (Number.isNaN(utilization) ? 0.5 : utilization) + 0.3 * inquiries - 0.004 * months + 1.2 * (Number.isNaN(dti) ? 0.3 : dti) + (housing === 'rent' ? 0.3 : housing === 'own' ? -0.25 : 0);
  const bad = next() < 1 / (1 + Math.exp(-logOdds));
  const month = 1 + (i % 24);
  const date = `${2022 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`;
  const fmt = (v: number): string => (Number.isNaN(v) ? 'NA' : v.toFixed(6));
  return { cells: `${i + 1},${fmt(utilization)},${inquiries},${months},${fmt(dti)},${housing},${date},${bad ? 'yes' : 'no'}`, bad };
}

export async function writeTable(path: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,utilization,inquiries,monthsOnBook,debtToIncome,housing,opened,defaulted\n');
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += `${tableRow(next, i).cells}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((r, reject) => out.end(buffer, () => r()).on('error', reject));
}

async function applicantModel(): Promise<string> {
  const given = argValue('--model') ?? (existsSync('models/default.json') ? 'models/default.json' : undefined);
  if (given !== undefined) return resolve(given);
  const path = join(tmpdir(), 'credit-scoring-bench-applicant-model.json');
  if (existsSync(path)) return path;
  log('training a logistic model on 20,000 generated applicants (seed 99)...');
  const rows = [...generateApplicants({ n: 20_000, seed: 99 })].map((g) => ({ applicant: parseApplicant(g.applicant), outcome: { defaulted: g.outcome.defaulted } }));
  writeFileSync(path, JSON.stringify(trainLogistic(applicantsToDataset(rows), { id: 'bench-applicants-logistic' })));
  return path;
}

export async function tableModel(): Promise<string> {
  const path = join(tmpdir(), 'credit-scoring-bench-table-model.json');
  if (existsSync(path)) return path;
  const trainPath = join(tmpdir(), 'credit-scoring-bench-table-train.csv');
  await writeTable(trainPath, 20_000, 777);
  const { dataset } = await readTable(trainPath, { target: 'defaulted', bad: 'yes', date: 'opened', exclude: ['id'] });
  writeFileSync(path, JSON.stringify(trainLogistic(dataset, { id: 'bench-table-logistic' })));
  unlinkSync(trainPath);
  return path;
}

export function runInChild(run: string, file: string, modelFile: string, options: BacktestFileOptions, out?: string, heapMB?: number, quiet = false): RunResult | undefined {
  const childArgs = [import.meta.filename, '--child', '--run', run, '--file', file, '--model-file', modelFile, '--options', JSON.stringify(options), ...(out ? ['--out', out] : [])];
  const nodeArgs = [...process.execArgv, ...(heapMB === undefined ? [] : [`--max-old-space-size=${heapMB}`])];
  const child = spawnSync(process.execPath, [...nodeArgs, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.status !== 0) {
    log(`${run}: failed (exit ${child.status})\n${child.stderr.slice(-3000)}`);
    return undefined;
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop() as string) as RunResult;
  if (!quiet) process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

async function main(): Promise<void> {
  if (hasFlag('--child')) {
    await runChild();
    return;
  }
  const rows = Number(argValue('--rows') ?? 1_000_000);
  const only = argValue('--only');
  const results: RunResult[] = [];
  const created: string[] = [];
  process.stdout.write(`node ${process.version}, ${rows} rows\n`);
  if (only === undefined || only === 'table') {
    const file = join(tmpdir(), `credit-scoring-bench-backtest-${rows}.csv`);
    if (!existsSync(file)) {
      log(`writing ${file}...`);
      await writeTable(file, rows, 2024);
      created.push(file);
    }
    process.stdout.write(`table file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)\n`);
    const model = await tableModel();
    const base: BacktestFileOptions = { target: 'defaulted', bad: 'yes' };
    const r1 = runInChild('table, no split', file, model, base);
    const r2 = runInChild('table, out-of-time split + PSI/CSI', file, model, { ...base, split: { kind: 'oot', dateColumn: 'opened', cutoff: '2023-07' } });
    // The V8 heap capped at 64 MB: it must still finish (typed arrays live outside the heap, rows are never held).
    const r3 = runInChild('table, no split, V8 heap capped at 64 MB', file, model, { ...base, bootstrap: false }, undefined, 64);
    for (const r of [r1, r2, r3]) if (r) results.push(r);
  }
  if (only === undefined || only === 'applicants') {
    const file = argValue('--file') ?? join(tmpdir(), `credit-scoring-bench-applicants-${rows}.jsonl.gz`);
    if (!existsSync(file)) {
      log(`writing ${file} (fixture generator, seed 2024)...`);
      await writeApplicantsJsonl({ n: rows, seed: 2024 }, file);
      created.push(file);
    }
    process.stdout.write(`applicants file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB gzip)\n`);
    const model = await applicantModel();
    const r = runInChild('raw applicants, no split', file, model, {}, argValue('--report'));
    if (r) results.push(r);
  }
  process.stdout.write('\n| run | rows | wall s | CPU s | rows/s | peak RSS MB | AUC | bootstrap resamples | PSI | CSI |\n|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of results) {
    process.stdout.write(`| ${r.run} | ${r.rows} | ${r.seconds} | ${r.cpuSeconds} | ${r.rowsPerSecond} | ${r.peakRssMB} | ${r.auc} | ${r.bootstrapResamples ?? '–'} | ${r.psi ?? '–'} | ${r.csiCount} |\n`);
  }
  const over = results.filter((r) => r.peakRssMB >= 500);
  process.stdout.write(over.length === 0 ? '\npeak RSS under 500 MB in every run\n' : `\nover 500 MB: ${over.map((r) => r.run).join(', ')}\n`);
  if (!hasFlag('--keep')) for (const f of created) unlinkSync(f);
}

// a script (npx tsx benchmarks/backtest1m.ts) or, in child mode, its own child; imported by
// benchmarks/scaling.ts for writeTable / tableModel / runInChild without running main
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) await main();
