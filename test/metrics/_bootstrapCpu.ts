/**
 * CPU time of bootstrapConfidenceInterval on a large seeded sample (a script, not a test):
 *
 *   npx tsx test/metrics/_bootstrapCpu.ts [--rows 1000000] [--resamples 20] [--reps 3]
 *
 * Rows: 10% bads, PD = logistic(normal + label − 2.5) (continuous, ~no ties), and the same PDs
 * rounded to 1/2000 (~1,700 tie groups); weights 0.1 + 3·uniform when weighted. For each case it
 * times (process.cpuUsage, after a warm-up call) a call with 10 resamples and one with
 * `--resamples`, `--reps` times each, and prints one JSON line: the minimum CPU seconds of each,
 * the marginal milliseconds per resample ((B − 10) resamples apart) and the interval itself, so
 * that two versions of the library can be compared for speed and for identical results. CPU
 * minima are used because the machine is shared: preemption inflates single runs.
 */
import { createRandom } from '../../src/_lib/random.js';
import { bootstrapConfidenceInterval } from '../../src/metrics/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rows = option('--rows', 1_000_000);
const resamples = option('--resamples', 20);
const reps = option('--reps', 3);

const random = createRandom(3);
const labels = new Uint8Array(rows);
const pd = new Float64Array(rows);
for (let i = 0; i < rows; i++) {
  labels[i] = random.next() < 0.1 ? 1 : 0;
  pd[i] = 1 / (1 + Math.exp(-(random.normal() + labels[i] - 2.5)));
}
const tied = Float64Array.from(pd, (p) => Math.round(p * 2000) / 2000);
const weights = Float64Array.from({ length: rows }, () => 0.1 + 3 * random.next());

const cases = [
  { name: 'auc stratified (backtest default)', scores: pd, metric: 'auc', resampling: 'stratified', weights: undefined },
  { name: 'ks stratified (backtest default)', scores: pd, metric: 'ks', resampling: 'stratified', weights: undefined },
  { name: 'auc stratified, weighted', scores: pd, metric: 'auc', resampling: 'stratified', weights },
  { name: 'auc simple', scores: pd, metric: 'auc', resampling: 'simple', weights: undefined },
  { name: 'auc stratified, tied scores', scores: tied, metric: 'auc', resampling: 'stratified', weights: undefined },
] as const;

for (const c of cases) {
  const run = (b: number): { cpuSeconds: number; result: ReturnType<typeof bootstrapConfidenceInterval> } => {
    const start = process.cpuUsage();
    const result = bootstrapConfidenceInterval(c.scores, labels, { metric: c.metric, resampling: c.resampling, weights: c.weights, resamples: b, seed: 9 });
    const used = process.cpuUsage(start);
    return { cpuSeconds: (used.user + used.system) / 1e6, result };
  };
  run(10); // warm-up (JIT)
  let base = Number.POSITIVE_INFINITY;
  let full = Number.POSITIVE_INFINITY;
  let result = run(10).result;
  for (let k = 0; k < reps; k++) {
    base = Math.min(base, run(10).cpuSeconds);
    const r = run(resamples);
    full = Math.min(full, r.cpuSeconds);
    result = r.result;
  }
  const line = {
    case: c.name,
    rows,
    resamples,
    cpuSeconds: Number(full.toFixed(3)),
    cpuSeconds10: Number(base.toFixed(3)),
    msPerResample: resamples > 10 ? Number((((full - base) / (resamples - 10)) * 1000).toFixed(1)) : null,
    lower: result.lower,
    upper: result.upper,
    standardError: result.standardError,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
