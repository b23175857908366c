/**
 * Deterministic synthetic training data for the logistic tests: two numeric columns (one with 15%
 * missing values that carry extra risk), one categorical column with a rare category and missing
 * values, one constant column, and a target drawn from a known logistic model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRandom } from '../../src/_lib/random.js';
import type { Column, Dataset } from '../../src/data/Dataset.js';

export const CATEGORIES = ['own', 'rent', 'mortgage', 'boat'] as const;

export function syntheticDataset(rows = 2000, seed = 7): Dataset {
  const rng = createRandom(seed);
  const utilization = new Float64Array(rows);
  const income = new Float64Array(rows);
  const constant = new Float64Array(rows).fill(3);
  const housing = new Int32Array(rows);
  const target = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const isMissing = rng.next() < 0.15;
    const u = Math.min(1.5, Math.max(0, 0.4 + 0.25 * rng.normal()));
    utilization[i] = isMissing ? Number.NaN : u;
    income[i] = Math.exp(10.5 + 0.5 * rng.normal());
    const r = rng.next();
    // 'boat' is rare (about 0.3%); 5% missing
    housing[i] = r < 0.003 ? 3 : r < 0.05 ? -1 : r < 0.45 ? 0 : r < 0.8 ? 1 : 2;
    let eta = -2 + 2.5 * (isMissing ? 0.9 : u) - 0.6 * (Math.log(income[i]) - 10.5) + (isMissing ? 0.5 : 0);
    eta += housing[i] === 1 ? 0.5 : housing[i] === -1 ? 0.8 : housing[i] === 2 ? -0.3 : 0;
    target[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  const columns: Column[] = [
    { name: 'utilization', type: 'numeric', values: utilization },
    { name: 'income', type: 'numeric', values: income },
    { name: 'housing', type: 'categorical', codes: housing, categories: [...CATEGORIES] },
    { name: 'branch_code', type: 'numeric', values: constant },
  ];
  return { rows, columns, target };
}

export const DATASETS = resolve(import.meta.dirname, '../../../shared/datasets');
export const hasDatasets = existsSync(resolve(DATASETS, 'german-credit/train.csv'));

/** German credit as a Dataset: numeric columns where every value parses as a number, the rest categorical (sorted dictionary). */
export function germanCredit(split: 'train' | 'test'): Dataset {
  const records = parse(readFileSync(resolve(DATASETS, `german-credit/${split}.csv`)), { columns: true }) as Record<string, string>[];
  const names = Object.keys(records[0]).filter((k) => k !== 'creditability');
  const columns: Column[] = names.map((name): Column => {
    const values = records.map((r) => r[name]);
    if (values.every((v) => v !== '' && Number.isFinite(Number(v)))) return { name, type: 'numeric', values: Float64Array.from(values, Number) };
    const categories = [...new Set(values)].sort();
    return { name, type: 'categorical', categories, codes: Int32Array.from(values, (v) => categories.indexOf(v)) };
  });
  return { rows: records.length, columns, target: Uint8Array.from(records, (r) => (r.creditability === 'bad' ? 1 : 0)) };
}

/** Row `i` of a dataset as a feature record (category text, null for missing). */
export function recordOf(dataset: Dataset, i: number, names?: readonly string[]): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const c of dataset.columns) {
    if (names !== undefined && !names.includes(c.name)) continue;
    if (c.type === 'categorical') out[c.name] = c.codes[i] < 0 ? null : c.categories[c.codes[i]];
    else out[c.name] = Number.isNaN(c.values[i]) ? null : c.values[i];
  }
  return out;
}

/** Mann-Whitney AUC (ties count half): an independent check, not the library's metric. */
export function aucOf(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Float64Array(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    for (let k = i; k < j; k++) ranks[order[k]] = (i + j + 1) / 2;
    i = j;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i];
    }
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
