/**
 * Benchmark harness: every task is timed against a reference task over the same data, in the
 * same process, interleaved in rounds, and reported as a ratio (task time ÷ reference time), so
 * figures stay comparable on shared, noisy machines. Timing comes from tinybench 6 through the one
 * adapter below.
 */
import { Bench } from 'tinybench';
import type { BenchTaskResult } from './resultsSchema.js';

export interface BenchTask {
  name: string;
  fn: () => unknown;
  /** Rows processed per call (for rows/s); default 1. */
  rowsPerOp?: number;
  /** Scoring hot path: 10% regression budget instead of 25%. */
  hotPath?: boolean;
  /**
   * Minimum timed calls per round (default 5). Slow tasks (a training fit of seconds) set 1–2 so
   * that a quick run stays within its time budget; tinybench otherwise runs at least 5 calls.
   */
  minSamples?: number;
}

export interface Suite {
  name: string;
  /** The in-process yardstick, e.g. a bare dot product over the same matrix. */
  reference: BenchTask;
  tasks: BenchTask[];
  /**
   * Non-timing figures the suite wants recorded (targets, sizes, target checks). Called after
   * timing with the suite's results (reference first).
   */
  figures?: (results: readonly BenchTaskResult[]) => Record<string, number | string | boolean>;
  /**
   * Why the suite cannot run here (e.g. `../shared/datasets` is absent on a fresh clone). A skipped
   * suite is reported, not timed, and `--check` does not count its baseline tasks as missing.
   */
  skip?: string;
}

export interface RunOptions {
  /** Time budget per task per round, ms. */
  timeMs: number;
  /** Interleaved rounds; the ratio is the median of per-round ratios. */
  rounds: number;
}

interface Measured {
  meanNs: number;
  p50Ns: number;
  p99Ns: number;
  samples: number;
}

/** Runs one task for about `timeMs` and returns its latency statistics (the tinybench adapter). */
async function measure(task: BenchTask, timeMs: number): Promise<Measured> {
  const minSamples = task.minSamples ?? 5;
  const bench = new Bench({
    time: timeMs,
    iterations: minSamples,
    // slow tasks (minSamples < 5) warm up with one call: their JIT state settles within it
    warmupTime: minSamples < 5 ? 0 : Math.min(200, timeMs / 4),
    warmupIterations: minSamples < 5 ? 1 : 2,
  });
  bench.add(task.name, task.fn);
  await bench.run();
  const result = bench.tasks[0].result as unknown as {
    state?: string;
    error?: unknown;
    latency?: { mean: number; p50: number; p99: number; samplesCount: number };
  };
  if (result.error !== undefined) throw result.error;
  if (result.latency === undefined) throw new Error(`benchmark task ${task.name} produced no statistics`);
  const ms = 1e6;
  return { meanNs: result.latency.mean * ms, p50Ns: result.latency.p50 * ms, p99Ns: result.latency.p99 * ms, samples: result.latency.samplesCount };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a suite: reference and tasks interleaved for `rounds` rounds. */
export async function runSuite(suite: Suite, options: RunOptions): Promise<BenchTaskResult[]> {
  const all = [suite.reference, ...suite.tasks];
  const rounds: Measured[][] = all.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    for (let i = 0; i < all.length; i++) rounds[i].push(await measure(all[i], options.timeMs));
  }
  const refName = `${suite.name}/${suite.reference.name}`;
  return all.map((task, i) => {
    const ms = rounds[i];
    const ratios = ms.map((m, r) => m.p50Ns / rounds[0][r].p50Ns);
    const p50Ns = median(ms.map((m) => m.p50Ns));
    const rowsPerOp = task.rowsPerOp ?? 1;
    const opsPerSec = 1e9 / p50Ns;
    return {
      name: `${suite.name}/${task.name}`,
      reference: refName,
      opsPerSec,
      rowsPerSec: rowsPerOp > 1 ? opsPerSec * rowsPerOp : undefined,
      rowsPerOp,
      meanNs: median(ms.map((m) => m.meanNs)),
      p50Ns,
      p99Ns: median(ms.map((m) => m.p99Ns)),
      samples: ms.reduce((s, m) => s + m.samples, 0),
      ratio: i === 0 ? 1 : median(ratios),
      hotPath: task.hotPath ?? false,
    };
  });
}

/** A bare dot product + sigmoid over a row-major matrix: the scoring yardstick. */
export function dotProductSigmoid(values: Float64Array, rows: number, cols: number, w: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    let z = 0;
    const base = i * cols;
    for (let j = 0; j < cols; j++) z += values[base + j] * w[j];
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

/** A single pass summing every column: the training yardstick. */
export function sumColumns(values: Float64Array, rows: number, cols: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) out[j] += values[base + j];
  }
  return out;
}

/** Deterministic dense matrix of standard-normal-ish values (no NaN). */
export function syntheticMatrix(rows: number, cols: number, seed: number): Float64Array {
  let s = seed >>> 0 || 1;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) {
    // xorshift32, then a sum of uniforms as a cheap bell shape
    let acc = 0;
    for (let k = 0; k < 3; k++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      acc += (s >>> 0) / 4294967296;
    }
    out[i] = (acc - 1.5) * 2;
  }
  return out;
}
