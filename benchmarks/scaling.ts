/**
 * Scaling (issue 7): how training and backtest time grow from 10k to 1M rows, as the exponent of a
 * log-log least-squares fit of time against rows (1 = linear; target ≤ 1.15), and the peak memory
 * of the 1M-row backtest (target < 500 MB).
 *
 *   npx tsx benchmarks/scaling.ts [--sizes 10000,30000,100000,300000,1000000] [--only training|backtest]
 *
 * - training: `trainScorecard` with default options (binning of every column, selection, logistic
 *   fit, scaling) on seeded synthetic credit data of 10 informative numeric columns
 *   (benchmarks/_data.ts `syntheticCredit`), in this process; each size fitted twice (three times
 *   up to 100k rows) and the fastest fit kept;
 * - backtest: `backtestFile` of a logistic model on a seeded CSV table (benchmarks/backtest1m.ts:
 *   reading, scoring in batches, metrics with bootstrap intervals, Markdown and HTML reports), each
 *   size in its own child process so that its peak RSS (VmHWM, see _peakRss.ts) is its own.
 *
 * Time is process CPU time (user + system), which does not count the time a process waits for a
 * core on a loaded machine; wall time is reported alongside. Writes benchmarks/results/scaling.json
 * and prints it; exits 1 when a target is missed.
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCredit, syntheticDataset } from './_data.js';
import { runInChild, tableModel, writeTable } from './backtest1m.js';
import { trainScorecard } from '../src/train/trainScorecard.js';
import { argValue, log } from './_args.js';

const here = dirname(fileURLToPath(import.meta.url));

const SIZES = (argValue('--sizes') ?? '10000,30000,100000,300000,1000000').split(',').map(Number);
const only = argValue('--only');
const TRAIN_COLUMNS = 10;
const EXPONENT_TARGET = 1.15;
const PEAK_RSS_TARGET_MB = 500;

interface Point {
  rows: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMB?: number;
}

/** Slope of log(time) on log(rows): the growth exponent (time ∝ rows^exponent). */
export function logLogExponent(points: readonly { rows: number; seconds: number }[]): number {
  const xs = points.map((p) => Math.log(p.rows));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function cpuSecondsNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function training(): Point[] {
  const points: Point[] = [];
  const largest = SIZES[SIZES.length - 1];
  const data = syntheticCredit(largest, TRAIN_COLUMNS, 41);
  // warm-up: the JIT compiles the fit before the smallest size is timed
  trainScorecard(syntheticDataset(syntheticCredit(5_000, TRAIN_COLUMNS, 42)), { id: 'warmup' });
  for (const rows of SIZES) {
    const dataset = syntheticDataset({ ...data, columns: data.columns.map((c) => c.subarray(0, rows)), target: data.target.subarray(0, rows) });
    let best: Point | undefined;
    for (let rep = 0; rep < (rows <= 100_000 ? 3 : 2); rep++) {
      const c0 = cpuSecondsNow();
      const t0 = performance.now();
      const artifact = trainScorecard(dataset, { id: `scaling-${rows}` });
      const p = { rows, cpuSeconds: Number((cpuSecondsNow() - c0).toFixed(3)), wallSeconds: Number(((performance.now() - t0) / 1000).toFixed(3)) };
      if (artifact.model.characteristics.length === 0) throw new Error('no characteristic kept');
      if (best === undefined || p.cpuSeconds < best.cpuSeconds) best = p;
    }
    log(`training ${rows} rows: ${best!.cpuSeconds.toFixed(2)} s CPU (${best!.wallSeconds.toFixed(2)} s wall)`);
    points.push(best!);
  }
  return points;
}

async function backtest(): Promise<Point[]> {
  const points: Point[] = [];
  const model = await tableModel();
  for (const rows of SIZES) {
    const file = join(tmpdir(), `credit-scoring-bench-scaling-${rows}.csv`);
    const created = !existsSync(file);
    if (created) await writeTable(file, rows, 2024);
    const r = runInChild(`table ${rows}`, file, model, { target: 'defaulted', bad: 'yes' }, undefined, undefined, true);
    if (created) unlinkSync(file);
    if (r === undefined) throw new Error(`backtest of ${rows} rows failed`);
    log(`backtest ${rows} rows: ${r.cpuSeconds} s CPU (${r.seconds} s wall), peak RSS ${r.peakRssMB} MB`);
    points.push({ rows, cpuSeconds: r.cpuSeconds, wallSeconds: r.seconds, peakRssMB: r.peakRssMB });
  }
  return points;
}

function summary(points: Point[]): { points: Point[]; exponent: number; wallExponent: number; segmentExponents: string[] } {
  // the slope between consecutive sizes: where a fit over all sizes would hide a bend
  const segmentExponents = points.slice(1).map((p, i) => `${points[i].rows}->${p.rows}: ${logLogExponent([{ rows: points[i].rows, seconds: points[i].cpuSeconds }, { rows: p.rows, seconds: p.cpuSeconds }]).toFixed(2)}`);
  return {
    points,
    segmentExponents,
    exponent: Number(logLogExponent(points.map((p) => ({ rows: p.rows, seconds: p.cpuSeconds }))).toFixed(3)),
    wallExponent: Number(logLogExponent(points.map((p) => ({ rows: p.rows, seconds: p.wallSeconds }))).toFixed(3)),
  };
}

async function main(): Promise<number> {
  const result: Record<string, unknown> = {
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} x${cpus().length}`,
    date: new Date().toISOString(),
    sizes: SIZES,
  };
  const misses: string[] = [];
  if (only === undefined || only === 'training') {
    const t = summary(training());
    result.training = { what: `trainScorecard, ${TRAIN_COLUMNS} synthetic numeric columns, default options`, ...t };
    if (t.exponent > EXPONENT_TARGET) misses.push(`training exponent ${t.exponent} > ${EXPONENT_TARGET}`);
  }
  if (only === undefined || only === 'backtest') {
    const b = summary(await backtest());
    const largest = b.points[b.points.length - 1];
    result.backtest = { what: 'backtestFile of a logistic model on a CSV table (benchmarks/backtest1m.ts), one child process per size', ...b, peakRssMBAtLargest: largest.peakRssMB };
    if (b.exponent > EXPONENT_TARGET) misses.push(`backtest exponent ${b.exponent} > ${EXPONENT_TARGET}`);
    if (largest.rows >= 1_000_000 && (largest.peakRssMB ?? 0) >= PEAK_RSS_TARGET_MB) misses.push(`peak RSS ${largest.peakRssMB} MB >= ${PEAK_RSS_TARGET_MB}`);
  }
  result.targets = { exponentAtMost: EXPONENT_TARGET, peakRssMBBelow: PEAK_RSS_TARGET_MB, met: misses.length === 0, misses };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'scaling.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return misses.length === 0 ? 0 : 1;
}

process.exitCode = await main();
