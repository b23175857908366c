/**
 * trainLogistic on the real datasets' fixed splits (../shared/datasets, train.csv → test.csv): fit
 * time, Newton iterations, test AUC against the independent reference (reference.json,
 * `logistic_l2`: scikit-learn, median imputation + indicators, standardised, one-hot), and, on the
 * very same design matrix, the L-BFGS comparator's iterations and time to the same tolerance.
 *
 *   npx tsx benchmarks/logistic/realData.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Column, Dataset } from '../../src/data/Dataset.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { buildLogisticDesign } from '../../src/train/_logisticDesign.js';
import { featureSpecsFromDataset } from '../../src/train/featureSpecsFromDataset.js';
import { fitLogisticRegression } from '../../src/train/fitLogisticRegression.js';
import { trainLogistic } from '../../src/train/trainLogistic.js';
import { fitLbfgs } from './_lbfgs.js';

const root = resolve(import.meta.dirname, '../../../shared/datasets');
interface Reference {
  target: string;
  bad_value: string | number;
  categorical: string[];
  models: { logistic_l2: { auc: number; fit_seconds: number } };
}
const reference = JSON.parse(readFileSync(resolve(root, 'reference.json'), 'utf8')) as Record<string, Reference>;
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'null', '?']);

function load(name: string, split: 'train' | 'test', ref: Reference, dictionaries: Map<string, string[]>): Dataset {
  const records = parse(readFileSync(resolve(root, name, `${split}.csv`)), { columns: true }) as Record<string, string>[];
  const names = Object.keys(records[0]).filter((k) => k !== ref.target);
  const columns = names.map((column): Column => {
    const raw = records.map((r) => r[column]);
    if (ref.categorical.includes(column)) {
      let categories = dictionaries.get(column);
      if (categories === undefined) {
        categories = [...new Set(raw.filter((v) => !MISSING.has(v)))].sort();
        dictionaries.set(column, categories);
      }
      const index = new Map(categories.map((c, k) => [c, k]));
      // a test category unseen in training becomes missing here (the scorer would call it unseen)
      return { name: column, type: 'categorical', categories, codes: Int32Array.from(raw, (v) => (MISSING.has(v) ? -1 : (index.get(v) ?? -1))) };
    }
    return { name: column, type: 'numeric', values: Float64Array.from(raw, (v) => (MISSING.has(v) ? Number.NaN : Number(v))) };
  });
  const target = Uint8Array.from(records, (r) => (String(r[ref.target]) === String(ref.bad_value) ? 1 : 0));
  return { rows: records.length, columns, target };
}

function auc(scores: Float64Array, labels: Uint8Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    for (let k = i; k < j; k++) if (labels[order[k]] === 1) {
      positives++;
      rankSum += (i + j + 1) / 2;
    }
    i = j;
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

const out = (s: string): void => void process.stdout.write(`${s}\n`);
/** CPU time (user + system) since `start`, in ms: robust to other processes on a shared machine. */
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
out('CPU ms (second run of trainLogistic, after a warm-up; one L-BFGS run on the same design)');
out('dataset                rows x design | trainLogistic ms  Newton it | L-BFGS(1e-8) ms  it | test AUC  reference  diff');
for (const name of ['german-credit', 'south-german-credit', 'taiwan-default', 'home-credit-sample', 'give-me-some-credit']) {
  const ref = reference[name];
  const dictionaries = new Map<string, string[]>();
  const train = load(name, 'train', ref, dictionaries);
  const test = load(name, 'test', ref, dictionaries);
  trainLogistic(train, { id: name, allowProtected: true }); // warm-up (JIT)
  const t0 = process.cpuUsage();
  const artifact = trainLogistic(train, { id: name, allowProtected: true });
  const trainMs = cpuMs(t0);
  const scorer = loadModel(artifact);
  const columns = new Map(test.columns.map((c) => [c.name, c]));
  const names = scorer.featureNames;
  const values = new Float64Array(test.rows * names.length);
  names.forEach((feature, j) => {
    const c = columns.get(feature) as Column;
    for (let i = 0; i < test.rows; i++) values[i * names.length + j] = c.type === 'categorical' ? (c.codes[i] < 0 ? Number.NaN : c.codes[i]) : c.values[i];
  });
  const testAuc = auc(scorer.predict({ names, rows: test.rows, values }), test.target as Uint8Array);

  const specs = featureSpecsFromDataset(train, { allowProtected: true });
  const { matrix } = buildLogisticDesign(train, specs, { l2: 1, lowPercentile: 0.5, highPercentile: 99.5, minCategoryCount: 10 });
  const newton = fitLogisticRegression(matrix, train.target as Uint8Array, { l2: 1 });
  const t1 = process.cpuUsage();
  const lbfgs = fitLbfgs(matrix, train.target as Uint8Array, 1, 1e-8);
  const lbfgsMs = cpuMs(t1);
  out(
    `${name.padEnd(22)} ${String(train.rows).padStart(6)} x ${String(matrix.names.length).padEnd(4)} | ${trainMs.toFixed(0).padStart(10)} ${String(newton.iterations).padStart(9)} | ${lbfgsMs.toFixed(0).padStart(14)} ${String(lbfgs.iterations).padStart(4)} | ${testAuc.toFixed(4)}    ${ref.models.logistic_l2.auc.toFixed(4)}  ${(testAuc - ref.models.logistic_l2.auc).toFixed(4)}`,
  );
}
