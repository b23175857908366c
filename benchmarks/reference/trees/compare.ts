/**
 * Issue 5 / 7 speed acceptance, both sides on the same machine and data, in alternation:
 *
 *   npx tsx benchmarks/reference/trees/compare.ts [--rounds 3] [--out benchmarks/reference/trees/speed.json]
 *   npx tsx benchmarks/reference/trees/compare.ts --summarize speed.json --out speed.json   (re-derive the summary)
 *
 * Needs Debian's python3-sklearn and python3-xgboost at /usr/bin/python3 (the figures are a
 * benchmark, not a test; nothing in the library or the tests needs Python).
 *
 * 1. Writes the seeded synthetic 100k × 40 data (synthetic.ts) to a CSV that both sides read.
 * 2. Each round runs, one after the other (never two at once):
 *    - sklearn_hgb.py (OMP_NUM_THREADS=1): HistGradientBoostingClassifier, 200 iterations,
 *      depth 6, in sklearn's two shapes (31 leaves / full depth-6 trees), one fit each;
 *    - benchmarks/trees.bench.ts --only train: trainGradientBoosting in the same two shapes;
 *    - xgb_predict.py (OMP_NUM_THREADS=1, nthread 1): XGBoost 200 trees depth 6, predict timings;
 *    - benchmarks/trees.bench.ts --only predict: our 200-tree depth-6 model (XGBoost's defaults).
 * 3. Keeps each figure's best (minimum time) over the rounds, and the per-round ratios (each round's
 *    two sides ran back to back, under about the same load), on the CPU clock (process time: the
 *    2-core machine is shared, and CPU time does not count the waits for a core) and on the wall
 *    clock, and writes the ratios against the acceptance bounds:
 *    - training: ours ≤ 2 × sklearn (CPU seconds, per shape);
 *    - batch prediction: our rows/s ≥ XGBoost's single-thread `inplace_predict` rows/s (numpy
 *      array in, probabilities out — the same call shape as our `predict(matrix)`); XGBoost's
 *      DMatrix paths are recorded too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCredit, toCsv } from './synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const rounds = Number(arg('--rounds', '3'));
const out = arg('--out', join(here, 'speed.json'));
const python = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'trees-compare-'));
const csv = join(work, 'gbm100k.csv');
const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

type Json = Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const run = (file: string, args: string[], extraEnv: Record<string, string> = {}): void => {
  execFileSync(file, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 });
};
const tsx = join(root, 'node_modules/.bin/tsx');

// --summarize FILE: recompute the summary from the raw rounds of an earlier run (no measuring)
const previous = argv.includes('--summarize') ? readJson(arg('--summarize', '')) : null;
const raw = (previous?.raw ?? {}) as Json;
const sklearn: Json[] = (raw.sklearn as Json[] | undefined) ?? [];
const oursTrain: Json[] = (raw.ours_train as Json[] | undefined) ?? [];
const xgb: Json[] = (raw.xgboost as Json[] | undefined) ?? [];
const oursPredict: Json[] = (raw.ours_predict as Json[] | undefined) ?? [];
const loads: number[][] = ((previous?.machine as Json | undefined)?.load_average_per_round as number[][] | undefined) ?? [];
if (previous === null) {
  writeFileSync(csv, toCsv(syntheticCredit(100_000, 40)));
  log(`data: ${csv}`);
}
for (let k = 0; previous === null && k < rounds; k++) {
  log(`round ${k + 1}/${rounds} (load ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
  loads.push(loadavg());
  run(python, [join(here, 'sklearn_hgb.py'), csv, join(work, 'sk.json')], { REPEATS: '1' });
  sklearn.push(readJson(join(work, 'sk.json')));
  run(tsx, [join(root, 'benchmarks/trees.bench.ts'), '--repeats', '1', '--only', 'train', '--out', join(work, 'train.json')]);
  oursTrain.push(readJson(join(work, 'train.json')));
  run(python, [join(here, 'xgb_predict.py'), csv, join(work, 'xgb.json')], { REPEATS: '5' });
  xgb.push(readJson(join(work, 'xgb.json')));
  run(tsx, [join(root, 'benchmarks/trees.bench.ts'), '--repeats', '5', '--only', 'predict', '--out', join(work, 'predict.json')]);
  oursPredict.push(readJson(join(work, 'predict.json')));
}

const get = (o: Json, path: string[]): number => path.reduce<unknown>((v, key) => (v as Json)[key], o) as number;
const min = (xs: number[]): number => Math.min(...xs);
const max = (xs: number[]): number => Math.max(...xs);
const r3 = (v: number): number => Number(v.toFixed(3));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const training: Json = {};
for (const shape of ['depth6_leaves31', 'depth6_full']) {
  const skCpu = min(sklearn.map((s) => get(s, ['shapes', shape, 'best_cpu_seconds'])));
  const skWall = min(sklearn.map((s) => get(s, ['shapes', shape, 'best_wall_seconds'])));
  const ourCpu = min(oursTrain.map((s) => get(s, ['training', shape, 'best_cpu_seconds'])));
  const ourWall = min(oursTrain.map((s) => get(s, ['training', shape, 'best_wall_seconds'])));
  training[shape] = {
    sklearn: { cpu_seconds: skCpu, wall_seconds: skWall, train_auc: get(sklearn[0], ['shapes', shape, 'train_auc']), mean_leaves_per_tree: get(sklearn[0], ['shapes', shape, 'mean_leaves_per_tree']) },
    ours: { cpu_seconds: ourCpu, wall_seconds: ourWall, train_auc: get(oursTrain[0], ['training', shape, 'train_auc']), mean_leaves_per_tree: get(oursTrain[0], ['training', shape, 'mean_leaves_per_tree']) },
    ratio_cpu: r3(ourCpu / skCpu),
    ratio_wall: r3(ourWall / skWall),
    // the two sides of one round ran back to back under about the same load
    ratio_cpu_per_round: sklearn.map((s, k) => r3(get(oursTrain[k], ['training', shape, 'best_cpu_seconds']) / get(s, ['shapes', shape, 'best_cpu_seconds']))),
    bound: 2,
    meets_bound_cpu: ourCpu <= 2 * skCpu,
  };
  const t = training[shape] as Json;
  t.ratio_cpu_per_round_median = r3(median(t.ratio_cpu_per_round as number[]));
  log(`train ${shape}: ours ${ourCpu} s CPU vs sklearn ${skCpu} s -> ${(ourCpu / skCpu).toFixed(2)}x (wall ${ourWall} vs ${skWall})`);
}

const xgbRows = (call: string, clock: 'cpu' | 'wall'): number => max(xgb.map((s) => get(s, [call, `best_${clock}_rows_per_second`])));
const ourRows = (clock: 'cpu' | 'wall'): number => max(oursPredict.map((s) => get(s, ['predict', `best_${clock}_rows_per_second`])));
const predict = {
  rows: 100_000,
  xgboost: {
    model: xgb[0].model,
    inplace_predict: { cpu_rows_per_second: xgbRows('inplace_predict', 'cpu'), wall_rows_per_second: xgbRows('inplace_predict', 'wall') },
    predict_with_dmatrix_construction: { cpu_rows_per_second: xgbRows('predict_with_dmatrix_construction', 'cpu'), wall_rows_per_second: xgbRows('predict_with_dmatrix_construction', 'wall') },
    predict_fresh_prebuilt_dmatrix: { cpu_rows_per_second: xgbRows('predict_fresh_prebuilt_dmatrix', 'cpu'), wall_rows_per_second: xgbRows('predict_fresh_prebuilt_dmatrix', 'wall') },
  },
  ours: { model: (oursPredict[0].predict as Json).model, cpu_rows_per_second: ourRows('cpu'), wall_rows_per_second: ourRows('wall') },
  ratio_cpu_vs_inplace: r3(ourRows('cpu') / xgbRows('inplace_predict', 'cpu')),
  ratio_wall_vs_inplace: r3(ourRows('wall') / xgbRows('inplace_predict', 'wall')),
  ratio_cpu_vs_prebuilt_dmatrix: r3(ourRows('cpu') / xgbRows('predict_fresh_prebuilt_dmatrix', 'cpu')),
  ratio_cpu_vs_inplace_per_round: xgb.map((s, k) => r3(get(oursPredict[k], ['predict', 'best_cpu_rows_per_second']) / get(s, ['inplace_predict', 'best_cpu_rows_per_second']))),
  meets_bound_cpu: ourRows('cpu') >= xgbRows('inplace_predict', 'cpu'),
};
log(`predict: ours ${ourRows('cpu')} rows/s CPU vs XGBoost inplace_predict ${xgbRows('inplace_predict', 'cpu')} -> ${(ourRows('cpu') / xgbRows('inplace_predict', 'cpu')).toFixed(2)}x`);

const result = {
  command: `npx tsx benchmarks/reference/trees/compare.ts --rounds ${sklearn.length}`,
  date: (previous?.date as string | undefined) ?? new Date().toISOString().slice(0, 10),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, load_average_per_round: loads.map((l) => l.map((v) => Number(v.toFixed(2)))), note: 'shared with other processes; CPU time is the figure, wall time recorded' },
  node: (previous?.node as string | undefined) ?? process.version,
  sklearn: sklearn[0].sklearn,
  xgboost: xgb[0].xgboost,
  python: sklearn[0].python,
  data: { generator: 'benchmarks/reference/trees/synthetic.ts (seed 20261122)', rows: 100_000, features: 40, bad_rate: (sklearn[0].data as Json).bad_rate },
  rounds: sklearn.length,
  method: 'each side run once per round, rounds in alternation; best (minimum time) over rounds',
  training,
  predict,
  artifact: { json_bytes: ((oursPredict[0].predict as Json).model as Json).json_bytes, xgboost_json_bytes: (xgb[0].model as Json).json_bytes },
  raw: { sklearn, ours_train: oursTrain, xgboost: xgb, ours_predict: oursPredict },
};
writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
log(`wrote ${out}`);
