/**
 * Streaming-read benchmark of the data layer (not a unit test: it takes ~1 minute).
 *
 *   npx tsx benchmarks/readLargeCsv.ts [--rows 1000000] [--keep]
 *
 * Generates a seeded CSV in the OS temp folder (14 columns like a bureau extract: ids, a 0/1
 * target, decimals, integers, `NA` and empty missing cells, a quoted text column holding commas),
 * then runs each task in its own child process so that peak RSS (VmHWM, see _peakRss.ts) belongs to
 * that task alone:
 *
 * - `baseline`: the process with the module loaded and nothing read (the RSS floor);
 * - `readRows` over all rows, and over the first quarter only (constant memory: the two peaks
 *   should be about equal), and over all rows with the V8 heap capped at 64 MB (it must finish);
 * - `csv-parse` (the npm parser, async iteration, same options a reader would need), the yardstick
 *   behind the decision to tokenize CSV ourselves;
 * - `readTable` (typed columnar load; memory grows with the rows by design).
 *
 * Prints one JSON line per task and a summary table; no pass/fail gate (figures vary by machine).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { readRows, readTable } from '../src/data/index.js';
import { peakRssMB } from './_peakRss.js';
import { argValue, hasFlag } from './_args.js';

interface TaskResult {
  task: string;
  rows: number;
  seconds: number;
  /** User + system CPU time of the task's process: stable on a loaded machine, unlike wall time. */
  cpuSeconds: number;
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
  peakRssMB: number;
  heapLimitMB?: number;
}


async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,target,utilization,age,late30,debtRatio,income,openLines,late90,realEstate,late60,dependents,purpose,region\n');
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const purposes = ['car', '"home, improvement"', 'education', 'other'];
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer +=
      `${i + 1},${next() < 0.07 ? 1 : 0},${next().toFixed(9)},${20 + Math.floor(next() * 70)},${Math.floor(next() * 3)},` +
      `${(next() * 2).toFixed(6)},${next() < 0.2 ? 'NA' : Math.floor(next() * 20000)},${Math.floor(next() * 20)},0,` +
      `${Math.floor(next() * 3)},0,${next() < 0.03 ? '' : Math.floor(next() * 4)},${purposes[i % 4]},R${Math.floor(next() * 50)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, () => resolve()).on('error', reject));
}

/** Runs one task in this process (child mode) and prints its JSON result. */
async function runTask(task: string, path: string, limit: number): Promise<void> {
  const startUsage = process.resourceUsage();
  const startupCpuSeconds = (startUsage.userCPUTime + startUsage.systemCPUTime) / 1e6;
  const start = performance.now();
  let rows = 0;
  if (task === 'baseline') {
    // Process floor: node + tsx + the data module loaded, nothing read.
    rows = typeof readRows === 'function' ? 0 : -1;
  } else if (task === 'readRows') {
    for await (const row of readRows(path)) {
      if ('record' in row) rows++;
      if (rows >= limit) break;
    }
  } else if (task === 'csv-parse' || task === 'csv-parse (no info)') {
    // With `info` csv-parse reports each record's line (which readRows needs); without it, its best case.
    const parser = createReadStream(path).pipe(parse({ relax_column_count: true, skip_records_with_error: true, info: task === 'csv-parse' }));
    for await (const record of parser as AsyncIterable<unknown>) {
      if (record !== undefined) rows++;
    }
    rows--; // header
  } else if (task === 'readTable') {
    const { dataset } = await readTable(path, { target: 'target' });
    rows = dataset.rows;
  }
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6 - startupCpuSeconds;
  const result: TaskResult = {
    task: limit < Number.POSITIVE_INFINITY ? `${task} (first ${limit} rows)` : task,
    rows,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    rowsPerSecond: Math.round(rows / seconds),
    rowsPerCpuSecond: Math.round(rows / cpuSeconds),
    peakRssMB: peakRssMB(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const task = argValue('--task');
  if (task !== undefined) {
    await runTask(task, argValue('--file') as string, Number(argValue('--limit') ?? Number.POSITIVE_INFINITY));
    return;
  }
  const rows = Number(argValue('--rows') ?? 1_000_000);
  const path = join(tmpdir(), `credit-scoring-bench-${rows}.csv`);
  if (!existsSync(path)) await generate(path, rows);
  const megabytes = statSync(path).size / 1e6;
  process.stdout.write(`file: ${path} (${rows} rows, ${megabytes.toFixed(1)} MB), node ${process.version}\n`);
  const runs: { task: string; limit?: number; heapMB?: number }[] = [
    { task: 'baseline' },
    { task: 'readRows' },
    { task: 'readRows', limit: Math.floor(rows / 4) },
    { task: 'readRows', heapMB: 64 },
    { task: 'csv-parse' },
    { task: 'csv-parse (no info)' },
    { task: 'readTable' },
  ];
  const results: TaskResult[] = [];
  for (const run of runs) {
    const nodeArgs = [...process.execArgv, ...(run.heapMB !== undefined ? [`--max-old-space-size=${run.heapMB}`] : [])];
    const childArgs = [import.meta.filename, '--task', run.task, '--file', path, ...(run.limit !== undefined ? ['--limit', String(run.limit)] : [])];
    const child = spawnSync(process.execPath, [...nodeArgs, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      process.stdout.write(`${run.task}: failed (exit ${child.status})\n${child.stderr.slice(-2000)}\n`);
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split('\n').pop() as string) as TaskResult;
    if (run.heapMB !== undefined) {
      result.heapLimitMB = run.heapMB;
      result.task += ` (heap capped at ${run.heapMB} MB)`;
    }
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  process.stdout.write('\n| task | rows | wall s | rows/s | CPU s | rows per CPU s | peak RSS MB |\n|---|---|---|---|---|---|---|\n');
  for (const r of results) {
    process.stdout.write(`| ${r.task} | ${r.rows} | ${r.seconds} | ${r.rowsPerSecond} | ${r.cpuSeconds} | ${r.rowsPerCpuSecond} | ${r.peakRssMB} |\n`);
  }
  if (!hasFlag('--keep')) unlinkSync(path);
}

await main();
