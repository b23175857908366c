/**
 * Benchmark harness: every task is timed against a reference task over the same data, in the
 * same process, interleaved in rounds, and reported as a ratio (task time ÷ reference time), so
 * figures stay comparable on shared, noisy machines. Timing comes from tinybench 6 through the one
 * adapter below; every statistic is per call (one sample = one call), and ratios use medians, so a
 * call that the OS preempted is an outlier rather than a shift.
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
   * What a sample measures: `wall` time (default; `performance.now`), or the process's `cpu` time
   * (`process.cpuUsage`, 1 µs resolution, ~3 µs per reading) for suites whose calls last
   * milliseconds or more: on a shared machine such a call is usually preempted at least once, and
   * wall time would then count the time the process waited for a core — more for long calls than
   * for short ones, so the ratio would follow the machine's load. CPU time does not.
   */
  clock?: 'wall' | 'cpu';
  /**
   * Why the suite cannot run here (e.g. `../shared/datasets` is absent on a fresh clone). A skipped
   * suite is reported, not timed, and `--check` does not count its baseline tasks as missing.
   */
  skip?: string;
}

export interface SuiteOptions {
  /** Smaller inputs (CI). */
  quick: boolean;
  /** `--only NAME`: a factory may skip building suites whose names cannot contain NAME. */
  only?: string;
}

export type SuiteFactory = (options: SuiteOptions) => Promise<Suite[]>;

/** Whether suites named `prefix…` can match `--only` (so a factory can skip its setup). */
export function mayMatch(options: SuiteOptions, prefix: string): boolean {
  return options.only === undefined || prefix.includes(options.only) || options.only.startsWith(prefix);
}

export interface RunOptions {
  /** Time budget per task per round, ms. */
  timeMs: number;
  /**
   * Before the first round, every task (reference included) is called for about this long, in
   * turn, so that the JIT has seen all of them before anything is timed (a task that makes shared
   * code polymorphic would otherwise slow down the tasks timed after it in round 1 only). Default
   * `timeMs`.
   */
  warmupMs?: number;
  /** Interleaved rounds; the ratio is the median of per-round ratios. */
  rounds: number;
}

interface Measured {
  meanNs: number;
  p50Ns: number;
  p99Ns: number;
  samples: number;
}

/** Process CPU time (user + system) in ms, as a tinybench timestamp provider. */
const cpuClock = {
  name: 'process.cpuUsage',
  fn: (): number => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  },
  toMs: (v: number | bigint): number => Number(v),
  fromMs: (v: number): number => v,
};

/** Runs one task for about `timeMs` and returns its latency statistics (the tinybench adapter). */
async function measure(task: BenchTask, timeMs: number, clock: 'wall' | 'cpu' = 'wall'): Promise<Measured> {
  const minSamples = task.minSamples ?? 5;
  const bench = new Bench({
    ...(clock === 'cpu' ? { timestampProvider: cpuClock } : {}),
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

/**
 * Runs a suite in `rounds` interleaved rounds: each round times the reference, then every task
 * (in an order rotated from round to round), then the reference again. A task's ratio in a round
 * is its median time over the geometric mean of the two reference medians around it, so a slow
 * drift of the machine's speed (load, frequency) cancels; the reported ratio is the median of the
 * per-round ratios, so one disturbed round out of three cannot move it.
 */
export async function runSuite(suite: Suite, options: RunOptions): Promise<BenchTaskResult[]> {
  const all = [suite.reference, ...suite.tasks];
  const warmupMs = options.warmupMs ?? options.timeMs;
  for (let pass = 0; pass < 2; pass++) {
    for (const task of all) {
      const until = performance.now() + warmupMs / 2;
      do task.fn();
      while (performance.now() < until);
    }
  }
  const rounds: Measured[][] = all.map(() => []);
  const ratios: number[][] = all.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    const before = await measure(suite.reference, options.timeMs, suite.clock);
    const order = suite.tasks.map((_, i) => 1 + ((i + r) % suite.tasks.length));
    const measured: { i: number; m: Measured }[] = [];
    for (const i of order) measured.push({ i, m: await measure(all[i], options.timeMs, suite.clock) });
    const after = await measure(suite.reference, options.timeMs, suite.clock);
    const refP50 = Math.sqrt(before.p50Ns * after.p50Ns);
    rounds[0].push(before, after);
    ratios[0].push(1);
    for (const { i, m } of measured) {
      rounds[i].push(m);
      ratios[i].push(m.p50Ns / refP50);
    }
  }
  const refName = `${suite.name}/${suite.reference.name}`;
  return all.map((task, i) => {
    const ms = rounds[i];
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
      ratio: median(ratios[i]),
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
