/**
 * Tree benchmarks against the Python references (benchmarks/reference/trees/sklearn_hgb.py and
 * xgb_predict.py), on the same synthetic 100k × 40 data (benchmarks/reference/trees/synthetic.ts).
 *
 *   npx tsx benchmarks/trees.bench.ts [--repeats 3] [--trees 200] [--out benchmarks/reference/trees/ours.json]
 *
 * Measures, each `repeats` times (minimum kept; wall clock and this process's CPU time, since the
 * machine may be shared):
 * - training: trainGradientBoosting, 200 trees, learning rate 0.1, max depth 6, in the two shapes
 *   the sklearn reference fits ('depth6_leaves31': at most 31 leaves, best-first, as sklearn's
 *   default max_leaf_nodes; 'depth6_full': full depth-6 trees), min 20 rows per leaf, λ = 0,
 *   255 bins, no subsampling (sklearn's defaults);
 * - batch prediction: TreeEnsembleScorer.predict(matrix) of a 200-tree depth-6 model over the
 *   100k rows (rows/s), trained with XGBoost's defaults (learning rate 0.1, λ = 1, min child
 *   weight 1, no minimum leaf size, no subsampling) so that it has the shape of the XGBoost
 *   reference model (xgb_predict.py records its leaves per tree next to ours);
 * - artifact size of that model (JSON bytes, nodes).
 *
 * benchmarks/reference/trees/compare.ts runs this and the Python references in alternation and
 * records both sides.
 */
import { writeFileSync } from 'node:fs';
import { TreeEnsembleScorer } from '../src/scorers/TreeEnsembleScorer.js';
import { trainGradientBoosting, type TrainGradientBoostingOptions } from '../src/train/trees/trainGradientBoosting.js';
import type { FeatureMatrix } from '../src/types.js';
import { auc } from '../src/metrics/auc.js';
import { syntheticCredit, syntheticDataset } from './reference/trees/synthetic.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const repeats = Number(arg('--repeats', '3'));
const nTrees = Number(arg('--trees', '200'));
const out = arg('--out', '');
const only = arg('--only', 'train,predict');

function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

const s = syntheticCredit(100_000, 40);
const dataset = syntheticDataset(s);
const matrix: FeatureMatrix = (() => {
  const p = s.names.length;
  const values = new Float64Array(s.target.length * p);
  for (let r = 0; r < s.target.length; r++) for (let j = 0; j < p; j++) values[r * p + j] = s.columns[j][r];
  return { names: s.names, rows: s.target.length, values };
})();

const common: TrainGradientBoostingOptions = {
  trees: nTrees, learningRate: 0.1, maxDepth: 6, minSamplesLeaf: 20, minChildWeight: 1e-3, lambda: 0, rowSubsample: 1, columnSubsample: 1, maxBins: 255,
};
const shapes: Record<string, TrainGradientBoostingOptions> = {
  depth6_leaves31: { ...common, maxLeaves: 31 },
  depth6_full: { ...common, maxLeaves: null },
};
const results: Record<string, unknown> = { node: process.version, data: { rows: s.target.length, features: s.names.length }, repeats, trees: nTrees, training: {}, predict: {} };

if (only.includes('train')) {
  for (const [name, options] of Object.entries(shapes)) {
    const walls: number[] = [];
    const cpus: number[] = [];
    let leaves = 0;
    let trainAuc = 0;
    for (let k = 0; k < repeats; k++) {
      const t = timed(() => trainGradientBoosting(dataset, options));
      walls.push(t.wall);
      cpus.push(t.cpu);
      leaves = t.value.model.trees.reduce((a, tr) => a + tr.feature.filter((f) => f < 0).length, 0) / t.value.model.trees.length;
      trainAuc = auc(new TreeEnsembleScorer(t.value).predict(matrix), s.target);
      log(`train ${name}: wall ${t.wall.toFixed(2)} s, cpu ${t.cpu.toFixed(2)} s`);
    }
    (results.training as Record<string, unknown>)[name] = {
      options, fit_wall_seconds: walls.map((v) => Number(v.toFixed(3))), fit_cpu_seconds: cpus.map((v) => Number(v.toFixed(3))),
      best_wall_seconds: Number(Math.min(...walls).toFixed(3)), best_cpu_seconds: Number(Math.min(...cpus).toFixed(3)),
      mean_leaves_per_tree: Number(leaves.toFixed(2)), train_auc: Number(trainAuc.toFixed(5)),
    };
  }
}

if (only.includes('predict')) {
  const predictOptions: TrainGradientBoostingOptions = { trees: 200, learningRate: 0.1, maxDepth: 6, maxLeaves: null, minSamplesLeaf: 1, minChildWeight: 1, lambda: 1, rowSubsample: 1, columnSubsample: 1 };
  const artifact = trainGradientBoosting(dataset, predictOptions);
  const scorer = new TreeEnsembleScorer(artifact);
  const json = JSON.stringify(artifact);
  const nodes = artifact.model.trees.reduce((a, t) => a + t.feature.length, 0);
  scorer.predict(matrix); // warm-up
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < Math.max(5, repeats); k++) {
    const t = timed(() => scorer.predict(matrix));
    walls.push(t.wall);
    cpus.push(t.cpu);
  }
  const rowsPerSecond = (sec: number): number => Math.round(matrix.rows / sec);
  results.predict = {
    model: {
      options: predictOptions, trees: artifact.model.trees.length, nodes, json_bytes: json.length,
      mean_leaves_per_tree: Number((artifact.model.trees.reduce((a, t) => a + t.feature.filter((f) => f < 0).length, 0) / artifact.model.trees.length).toFixed(2)),
      layout: scorer.compiled.complete !== null ? 'complete trees, integer threshold ranks' : 'packed pre-order',
    },
    wall_seconds: walls.map((v) => Number(v.toFixed(4))), cpu_seconds: cpus.map((v) => Number(v.toFixed(4))),
    best_wall_rows_per_second: rowsPerSecond(Math.min(...walls)), best_cpu_rows_per_second: rowsPerSecond(Math.min(...cpus)),
  };
  log(`predict: ${rowsPerSecond(Math.min(...walls))} rows/s wall, ${rowsPerSecond(Math.min(...cpus))} rows/s cpu; model ${nodes} nodes, ${json.length} bytes JSON`);
}

const text = `${JSON.stringify(results, null, 1)}\n`;
if (out !== '') writeFileSync(out, text);
process.stdout.write(text);
