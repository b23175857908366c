/**
 * Test-AUC figures of the tree families on the five real datasets' fixed splits, against
 * ../shared/datasets/reference.json (scikit-learn 1.2 / XGBoost 1.7, one thread).
 *
 *   npx tsx benchmarks/reference/trees/quality.ts [--out benchmarks/reference/trees/figures.json]
 *
 * Two configurations per family: 'acceptance' (what test/trees/datasets.test.ts asserts; ACCEPTANCE
 * in _datasets.ts) and 'defaults' (the trainers' defaults: tree depth 5 / 20-row leaves; forest 100
 * trees, √p features per split, 20-row leaves; gbm 300 trees, learning rate 0.05, depth 4,
 * 0.8 row and column subsampling, λ = 1). Fit time is wall clock and this process's CPU time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelArtifact } from '../../../src/schema/artifact.js';
import { trainForest } from '../../../src/train/trees/trainForest.js';
import { trainGradientBoosting } from '../../../src/train/trees/trainGradientBoosting.js';
import { trainTree } from '../../../src/train/trees/trainTree.js';
import { ACCEPTANCE, ASSERTED, DATASETS_DIR, REPORTED, hasDatasets, readSplit, testAuc } from './_datasets.js';

const argv = process.argv.slice(2);
const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : '';
if (!hasDatasets) {
  process.stderr.write(`no datasets at ${DATASETS_DIR}\n`);
  process.exit(1);
}
const refs = JSON.parse(readFileSync(join(DATASETS_DIR, 'reference.json'), 'utf8')) as Record<string, { models: Record<string, { auc: number; fit_seconds: number }> }>;

type Family = 'tree' | 'forest' | 'gbm';
const train = (family: Family, dataset: Parameters<typeof trainTree>[0], options: object): ModelArtifact => {
  const o = { ...options, allowProtected: true };
  return family === 'tree' ? trainTree(dataset, o) : family === 'forest' ? trainForest(dataset, o) : trainGradientBoosting(dataset, o);
};

const figures: Record<string, unknown> = {
  command: 'npx tsx benchmarks/reference/trees/quality.ts --out benchmarks/reference/trees/figures.json',
  test: 'npx vitest run test/trees/datasets.test.ts (asserts the acceptance rows of taiwan-default and give-me-some-credit)',
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
  note: 'test AUC on test.csv after training on train.csv; reference = reference.json; floor = reference − 0.005 (asserted on the two large sets only)',
  datasets: {},
};
for (const name of [...ASSERTED, ...REPORTED]) {
  const split = await readSplit(name);
  const rows: Record<string, unknown>[] = [];
  for (const family of ['tree', 'forest', 'gbm'] as const) {
    const referenceModels = ACCEPTANCE[family].reference;
    const reference = Math.max(...referenceModels.map((m) => refs[name].models[m].auc));
    for (const [config, options] of [['acceptance', ACCEPTANCE[family].options], ['defaults', {}]] as const) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const artifact = train(family, split.train, options);
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      const value = testAuc(artifact, split.test);
      const row = {
        family, config, options, auc: Number(value.toFixed(4)), reference: { models: referenceModels, auc: reference }, floor: Number((reference - 0.005).toFixed(5)),
        meetsFloor: value >= reference - 0.005, asserted: (ASSERTED as readonly string[]).includes(name) && config === 'acceptance',
        fitWallSeconds: Number(wall.toFixed(2)), fitCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        referenceFitSeconds: Math.max(...referenceModels.map((m) => refs[name].models[m].fit_seconds)),
        artifactBytes: JSON.stringify(artifact).length,
        ...(artifact.kind === 'forest' ? { outOfBagAuc: (artifact.training?.outOfBag as { auc: number } | undefined)?.auc } : {}),
      };
      rows.push(row);
      process.stderr.write(`${name.padEnd(20)} ${family.padEnd(6)} ${config.padEnd(10)} auc ${value.toFixed(4)} ref ${reference.toFixed(4)} ${row.meetsFloor ? 'ok ' : 'LOW'} fit ${wall.toFixed(1)} s (cpu ${row.fitCpuSeconds}) ${(row.artifactBytes / 1024).toFixed(0)} KB\n`);
    }
  }
  (figures.datasets as Record<string, unknown>)[name] = { trainRows: split.train.rows, testRows: split.test.rows, features: split.train.columns.length, results: rows };
}
const text = `${JSON.stringify(figures, null, 1)}\n`;
if (out !== '') writeFileSync(out, text);
process.stdout.write(text);
