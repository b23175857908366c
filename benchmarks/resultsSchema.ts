/**
 * The published shape of `benchmarks/results/latest.json` (also written as JSON Schema to
 * `benchmarks/results.schema.json` by `npm run bench -- --schema`). CI and dashboards read it.
 */
import { z } from 'zod';

export const BenchTaskResultSchema = z.strictObject({
  /** `suite/task`, stable across runs: the key baseline.json uses. */
  name: z.string(),
  /** The reference task this one is measured against. */
  reference: z.string(),
  /** The clock of the timings: process CPU time (`cpu`, user + system) or `wall` time. */
  clock: z.enum(['cpu', 'wall']),
  /** Operations (calls) per second from the median time per call over the rounds (an operation may process many rows: see `rowsPerOp`). */
  opsPerSec: z.number().nonnegative(),
  /** Rows per second when the task processes rows (`opsPerSec · rowsPerOp`). */
  rowsPerSec: z.number().nonnegative().optional(),
  rowsPerOp: z.number().int().positive(),
  /** Per-call latency on `clock`: mean, median and 99th percentile of single calls (one extra pass after the rounds). */
  meanNs: z.number().nonnegative(),
  p50Ns: z.number().nonnegative(),
  p99Ns: z.number().nonnegative(),
  /** Per-call wall-clock median and 99th percentile (tasks marked `latency`): what a caller waits, machine load included. */
  wallP50Ns: z.number().nonnegative().optional(),
  wallP99Ns: z.number().nonnegative().optional(),
  /** Calls timed (all rounds and the latency pass). */
  samples: z.number().int().nonnegative(),
  /**
   * Time per call of this task ÷ time per call of its reference, lower is faster: the 10th
   * percentile of the ratios of paired samples (a batch of reference calls and a batch of task calls
   * a millisecond apart, in interleaved rounds): what the gate compares with the baseline.
   */
  ratio: z.number().nonnegative(),
  /** The median of the same paired ratios (higher than `ratio` on a contended machine). */
  ratioMedian: z.number().nonnegative(),
  /** True for scoring hot paths (10% regression budget instead of 25%). */
  hotPath: z.boolean(),
  /** Whether `bench:check` compares this task with the baseline (false: reported only). */
  gated: z.boolean(),
});

export const BenchResultsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  node: z.string(),
  cpu: z.string(),
  date: z.string(),
  quick: z.boolean(),
  tasks: z.array(BenchTaskResultSchema),
  /** Figures that are not timing ratios: target checks, sizes, exponents, memory. */
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
});

export type BenchTaskResult = z.infer<typeof BenchTaskResultSchema>;
export type BenchResults = z.infer<typeof BenchResultsSchema>;

export const BaselineSchema = z.strictObject({
  /** Why the baseline last changed (also in the commit message). */
  note: z.string(),
  tasks: z.record(z.string(), z.strictObject({ ratio: z.number().positive(), hotPath: z.boolean() })),
});
export type Baseline = z.infer<typeof BaselineSchema>;
