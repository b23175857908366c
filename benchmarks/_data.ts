/**
 * Seeded benchmark inputs shared by the suites and the scaling script (private to benchmarks/).
 *
 * - {@link syntheticCredit}: `rows × features` numeric credit-like columns (normal, log-normal,
 *   counts, uniform) and a bad flag drawn from a logistic truth in which EVERY feature has an
 *   effect (so a scorecard keeps all of them and "a model over 40 features" really reads 40);
 * - {@link applicantPool}: raw applicants from the fixture generator with their JSON text.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApplicants } from '../fixtures/generator/index.js';
import { createRandom } from '../src/_lib/random.js';
import type { Dataset } from '../src/data/Dataset.js';
import type { FeatureMatrix } from '../src/types.js';

/** `../shared/datasets` relative to the repository root. */
export const DATASETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/datasets');

/** Path of a shared dataset file, or `undefined` when the datasets folder is absent. */
export function sharedDataset(...parts: string[]): string | undefined {
  const p = join(DATASETS_DIR, ...parts);
  return existsSync(p) ? p : undefined;
}

export interface SyntheticCredit {
  names: string[];
  /** Column-major values (one Float64Array per feature). */
  columns: Float64Array[];
  /** Row-major copy of the same values (rows × features), the layout `predict` reads. */
  rowMajor: Float64Array;
  target: Uint8Array;
  /** The logistic truth's weights (per unit of each column). */
  weights: Float64Array;
}

/**
 * Deterministic synthetic credit data: `rows × features`, no missing values. Column `j` is normal
 * (j % 4 = 0), log-normal (1), a count (2) or uniform (3); the bad flag is Bernoulli(σ(f)) with
 * `f = −2 + Σ_j w_j · (x_j − mean_j) / sd_j`, |w_j| between 0.08 and 0.5, signs alternating, so
 * every column is informative (bad rate ≈ 15%).
 */
export function syntheticCredit(rows: number, features: number, seed = 20261123): SyntheticCredit {
  const rng = createRandom(seed);
  const names = Array.from({ length: features }, (_, j) => `x${String(j).padStart(2, '0')}`);
  const columns = names.map(() => new Float64Array(rows));
  const rowMajor = new Float64Array(rows * features);
  const target = new Uint8Array(rows);
  const weights = new Float64Array(features);
  // standardising constants of each kind (theoretical mean / sd)
  const mean = [0, Math.exp(0.32), 2, 0.5];
  const sd = [1, Math.sqrt((Math.exp(0.64) - 1) * Math.exp(0.64)), Math.sqrt(2 + 4 / 12), Math.sqrt(1 / 12)];
  for (let j = 0; j < features; j++) weights[j] = (j % 2 === 0 ? 1 : -1) * (0.08 + (0.42 * ((j * 7) % features)) / features);
  for (let r = 0; r < rows; r++) {
    let f = -2;
    for (let j = 0; j < features; j++) {
      const kind = j % 4;
      let v: number;
      if (kind === 0) v = rng.normal();
      else if (kind === 1) v = Math.exp(rng.normal() * 0.8);
      else if (kind === 2) v = Math.floor(-Math.log(1 - rng.next()) * 2);
      else v = rng.next();
      v = Math.round(v * 1e6) / 1e6;
      columns[j][r] = v;
      rowMajor[r * features + j] = v;
      f += (weights[j] * (v - mean[kind])) / sd[kind];
    }
    target[r] = rng.next() < 1 / (1 + Math.exp(-f)) ? 1 : 0;
  }
  return { names, columns, rowMajor, target, weights };
}

/** The synthetic data as a training {@link Dataset} (numeric columns). */
export function syntheticDataset(s: SyntheticCredit): Dataset {
  return { rows: s.target.length, columns: s.names.map((name, j) => ({ name, type: 'numeric' as const, values: s.columns[j] })), target: s.target };
}

/** The synthetic data as a row-major {@link FeatureMatrix} (first `rows` rows). */
export function syntheticMatrix(s: SyntheticCredit, rows = s.target.length): FeatureMatrix {
  return { names: s.names, rows, values: s.rowMajor.subarray(0, rows * s.names.length) };
}

export interface ApplicantPool {
  /** Each applicant's JSON text (what a loan system receives). */
  texts: string[];
  /** The same applicants parsed by `JSON.parse` (the raw object `scoreApplicant` takes). */
  raws: unknown[];
}

/** `n` generated applicants (fixture generator, `seed`) with their JSON text. */
export function applicantPool(n: number, seed: number): ApplicantPool {
  const texts: string[] = [];
  for (const g of generateApplicants({ n, seed })) texts.push(JSON.stringify(g.applicant));
  return { texts, raws: texts.map((t) => JSON.parse(t) as unknown) };
}

/**
 * Index of the applicant whose text length is the median among those with a bureau hit: the
 * "typical" single applicant of the latency suite.
 */
export function typicalApplicantIndex(pool: ApplicantPool): number {
  const hits = pool.texts.map((t, i) => ({ i, n: t.length, hit: t.includes('"status":"hit"') })).filter((x) => x.hit);
  hits.sort((a, b) => a.n - b.n || a.i - b.i);
  return hits[hits.length >> 1].i;
}

/** Keeps a value observable so the JIT cannot drop the work that produced it. */
export let sink = 0;
export function consume(x: unknown): void {
  if (x === sink) sink++;
}
