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
   * Whether `bench:check` gates this task (default true). A task whose ratio moves with the
   * machine's state beyond its budget even in isolated passes is reported, not gated.
   */
  gate?: boolean;
  /** Also measure the per-call latency on the wall clock (what a caller waits: `wallP50Ns`, `wallP99Ns`). */
  latency?: boolean;
  /**
   * Collect garbage before every timed sample (when run.ts could enable `gc()`): for long,
   * allocation-heavy calls (a training fit), whose CPU time otherwise depends on how much garbage
   * the previous call left for the collector.
   */
  gcBefore?: boolean;
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
   * What a sample measures: the process's `cpu` time (default; `process.cpuUsage`: user + system,
   * 1 µs step, ~3 µs per reading, so samples are batches of calls lasting ~1 ms and the reading's
   * cost is subtracted), or `wall` time (`performance.now`). On a shared machine wall time counts
   * the time the process waits for a core and the effects of everything else that runs: measured
   * here under a load of ~9 on 2 cores, ratios moved by up to 2.4× between runs on the wall clock
   * and by at most 1.19× on the CPU clock.
   */
  clock?: Clock;
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

type Clock = 'wall' | 'cpu';

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

let collect: (() => void) | undefined;

/** Installs the full garbage collection that tasks with `gcBefore` run before each sample (run.ts does, in its child processes). */
export function setGarbageCollector(fn: (() => void) | undefined): void {
  collect = fn;
}

/** Target duration of one timed sample (a batch of calls), ms: long against the CPU clock's 1 µs step and ~3 µs cost. */
const SAMPLE_MS = 1;

/**
 * Runs one task for about `timeMs` and returns per-call statistics (the tinybench adapter). One
 * sample = `batch` consecutive calls; statistics are divided by `batch`.
 */
async function measure(task: BenchTask, timeMs: number, clock: Clock, batch: number): Promise<Measured> {
  const minSamples = task.minSamples ?? 5;
  const fn = batch === 1 ? task.fn : (): void => {
    for (let i = 0; i < batch; i++) task.fn();
  };
  const bench = new Bench({
    ...(clock === 'cpu' ? { timestampProvider: cpuClock, subtractTimerOverhead: true } : {}),
    time: timeMs,
    iterations: minSamples,
    // runSuite has warmed every task up; this re-primes caches after the other tasks ran, except
    // for calls of a millisecond or more (batch 1), where one call would be a costly warm-up
    warmup: batch > 1,
    warmupTime: Math.min(200, timeMs / 4),
    warmupIterations: 2,
  });
  const gc = task.gcBefore === true ? collect : undefined;
  bench.add(task.name, fn, gc === undefined ? {} : { beforeEach: () => gc() });
  await bench.run();
  const result = bench.tasks[0].result as unknown as {
    state?: string;
    error?: unknown;
    latency?: { mean: number; p50: number; p99: number; samplesCount: number };
  };
  if (result.error !== undefined) throw result.error;
  if (result.latency === undefined) throw new Error(`benchmark task ${task.name} produced no statistics`);
  const ns = 1e6 / batch;
  return { meanNs: result.latency.mean * ns, p50Ns: result.latency.p50 * ns, p99Ns: result.latency.p99 * ns, samples: result.latency.samplesCount * batch };
}

/** The `f`-quantile of `xs` (nearest rank below). */
function quantile(xs: readonly number[], f: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(f * (s.length - 1))];
}

/**
 * The quantile of the pair ratios reported as a task's ratio. On the shared 2-core machine the
 * pairs' ratios spread upwards whenever the machine was contended (a busy neighbour slows
 * scoreApplicant, which walks ~100 kB of objects, more than JSON.parse, which scans one string),
 * and their median moved by ±15% between runs; their 10th percentile — the machine's quiet
 * moments — by ±6–8%, busy core or not. A slower code path moves every pair, the quiet ones too.
 */
export const RATIO_QUANTILE = 0.1;

/**
 * Fewer pairs than this (tasks of ~100 ms or more, e.g. a model fit: ~2 pairs a round) and the
 * gate's ratio is their median instead: the 10th percentile of ~10 pairs is nearly their minimum, and
 * trainScorecard's moved from 850 to 1,900 between four quick runs of the same code while its median
 * stayed within 2,070–2,420.
 */
export const MIN_PAIRS_FOR_QUANTILE = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Warms a task up (calls it for about `ms`) and returns the number of calls per sample: enough for
 * a sample to last about {@link SAMPLE_MS} (1 for calls longer than that).
 */
function warmUp(task: BenchTask, ms: number): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  do {
    task.fn();
    calls++;
    now = performance.now();
  } while (now - start < ms);
  const perCall = (now - start) / calls;
  return Math.max(1, Math.min(100_000, Math.round(SAMPLE_MS / perCall)));
}

/** Reads a clock in ns. */
function reader(clock: Clock): () => number {
  return clock === 'wall' ? () => performance.now() * 1e6 : () => cpuClock.fn() * 1e6;
}

/** The cost of one clock reading, ns (median of back-to-back differences). */
function readingCost(read: () => number): number {
  const d: number[] = [];
  for (let i = 0; i < 201; i++) {
    const a = read();
    d.push(read() - a);
  }
  return median(d);
}

/**
 * Paired samples of a task against the reference: `batchRef` reference calls then `batchTask` task
 * calls (the order alternating from pair to pair), each timed on `read`, for about `ms` of the
 * pair's clock. Returns each pair's ratio (task time per call ÷ reference time per call) and the
 * task's time per call. A pair's two halves are a millisecond or two apart, so the machine's
 * speed, which on a shared machine changes every ~100 ms, cancels in each pair's ratio.
 */
function pairedSamples(ref: BenchTask, task: BenchTask, batchRef: number, batchTask: number, ms: number, read: () => number, cost: number, gcBefore: (() => void) | undefined): { ratios: number[]; taskNs: number[] } {
  const ratios: number[] = [];
  const taskNs: number[] = [];
  const time = (t: BenchTask, batch: number): number => {
    if (t === task) gcBefore?.();
    const t0 = read();
    for (let k = 0; k < batch; k++) t.fn();
    return Math.max(read() - t0 - cost, 1) / batch;
  };
  const budgetNs = ms * 1e6;
  let spent = 0;
  let p = 0;
  do {
    let refNs: number;
    let tNs: number;
    if (p % 2 === 0) {
      refNs = time(ref, batchRef);
      tNs = time(task, batchTask);
    } else {
      tNs = time(task, batchTask);
      refNs = time(ref, batchRef);
    }
    ratios.push(tNs / refNs);
    taskNs.push(tNs);
    spent += refNs * batchRef + tNs * batchTask;
    p++;
  } while (spent < budgetNs || p < 2);
  return { ratios, taskNs };
}

/**
 * Runs a suite.
 *
 * 1. Warm-up: every task (reference included) is called for about `warmupMs`, twice in turn, so the
 *    JIT has seen all of them before anything is timed; the second pass sizes each task's batch
 *    (calls per sample: ~1 ms of calls, 1 for longer calls).
 * 2. Ratio: `rounds` rounds; in each, every task (in an order rotated from round to round) is timed
 *    in pairs with the reference for about `timeMs` — a batch of reference calls, a batch of task
 *    calls, alternating which goes first — on the suite's clock (process CPU time by default). The
 *    ratio is the {@link RATIO_QUANTILE} quantile of all pairs' ratios, or their median with fewer
 *    than {@link MIN_PAIRS_FOR_QUANTILE} pairs (`ratioMedian`: their median). On the shared 2-core machine the reference's time per call moved between two levels
 *    ~1.6× apart every ~100 ms, so timing a task and its reference 100 ms apart gave per-round
 *    ratios from 0.31 to 0.88 for the same code; the two halves of a pair are a millisecond apart.
 * 3. Latency (tinybench): each task once more, one call per sample — per-call mean/p50/p99 on the
 *    suite's clock, and on the wall clock for tasks with `latency: true`.
 */
export async function runSuite(suite: Suite, options: RunOptions): Promise<BenchTaskResult[]> {
  const all = [suite.reference, ...suite.tasks];
  const clock: Clock = suite.clock ?? 'cpu';
  const warmupMs = options.warmupMs ?? options.timeMs;
  all.forEach((task) => warmUp(task, warmupMs / 2));
  const batches = all.map((task) => warmUp(task, warmupMs / 2));
  const read = reader(clock);
  const cost = readingCost(read);
  const ratios: number[][] = all.map(() => []);
  const perCall: number[][] = all.map(() => []);
  const roundMedians: number[][] = all.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    for (let j = 0; j < suite.tasks.length; j++) {
      const i = 1 + ((j + r) % suite.tasks.length);
      const task = all[i];
      const gc = task.gcBefore === true ? collect : undefined;
      const { ratios: rs, taskNs } = pairedSamples(suite.reference, task, batches[0], batches[i], options.timeMs, read, cost, gc);
      ratios[i].push(...rs);
      perCall[i].push(...taskNs);
      roundMedians[i].push(median(rs));
    }
  }
  const latency: Measured[] = [];
  const wall: (Measured | undefined)[] = [];
  for (const task of all) {
    latency.push(await measure(task, options.timeMs / 2, clock, 1));
    wall.push(task.latency === true ? await measure(task, options.timeMs, 'wall', 1) : undefined);
  }
  if (process.env.BENCH_DEBUG_ROUNDS) {
    for (let i = 1; i < all.length; i++) process.stderr.write(`    ${all[i].name}: per-round medians ${roundMedians[i].map((x) => x.toFixed(3)).join(' ')} (${ratios[i].length} pairs) p5 ${quantile(ratios[i], 0.05).toFixed(3)} p10 ${quantile(ratios[i], 0.1).toFixed(3)} p20 ${quantile(ratios[i], 0.2).toFixed(3)} p50 ${quantile(ratios[i], 0.5).toFixed(3)}\n`);
  }
  const refName = `${suite.name}/${suite.reference.name}`;
  const refPerCall = latency[0].p50Ns > 0 ? latency[0].p50Ns : 1;
  return all.map((task, i) => {
    // time per call: the median of the paired samples (the reference's: its latency pass)
    const perCallNs = i === 0 ? refPerCall : median(perCall[i]);
    const rowsPerOp = task.rowsPerOp ?? 1;
    const opsPerSec = 1e9 / perCallNs;
    const w = wall[i];
    return {
      name: `${suite.name}/${task.name}`,
      reference: refName,
      clock,
      opsPerSec,
      rowsPerSec: rowsPerOp > 1 ? opsPerSec * rowsPerOp : undefined,
      rowsPerOp,
      meanNs: latency[i].meanNs,
      p50Ns: latency[i].p50Ns,
      p99Ns: latency[i].p99Ns,
      ...(w === undefined ? {} : { wallP50Ns: w.p50Ns, wallP99Ns: w.p99Ns }),
      samples: perCall[i].length * batches[i] + latency[i].samples,
      ratio: i === 0 ? 1 : ratios[i].length >= MIN_PAIRS_FOR_QUANTILE ? quantile(ratios[i], RATIO_QUANTILE) : median(ratios[i]),
      ratioMedian: i === 0 ? 1 : median(ratios[i]),
      hotPath: task.hotPath ?? false,
      gated: task.gate ?? true,
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
