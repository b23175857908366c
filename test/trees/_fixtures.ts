/**
 * Small seeded datasets for the tree tests: numeric features with missing values, one categorical
 * feature, a known non-linear risk.
 */
import { createRandom } from '../../src/_lib/random.js';
import type { Dataset } from '../../src/data/Dataset.js';
import type { FeatureMatrix } from '../../src/types.js';

export const CATEGORIES = ['rent', 'own', 'mortgage', 'other', 'family'];

/** Risk model behind {@link smallCreditDataset}: utilisation ↑, income ↓, inquiries ↑, housing. */
export function smallCreditDataset(rows: number, seed: number, options: { missing?: boolean } = {}): Dataset {
  const rng = createRandom(seed);
  const utilization = new Float64Array(rows);
  const income = new Float64Array(rows);
  const inquiries = new Float64Array(rows);
  const age = new Float64Array(rows);
  const noise = new Float64Array(rows);
  const housing = new Int32Array(rows);
  const target = new Uint8Array(rows);
  const effect = [0.6, -0.5, -0.2, 0.3, 0.1];
  for (let r = 0; r < rows; r++) {
    utilization[r] = Math.round(rng.next() * 1000) / 1000;
    income[r] = Math.round(Math.exp(8 + rng.normal() * 0.5));
    inquiries[r] = Math.floor(-Math.log(1 - rng.next()) * 1.5);
    age[r] = 20 + Math.floor(rng.next() * 50);
    noise[r] = Math.round(rng.normal() * 100) / 100;
    housing[r] = rng.int(CATEGORIES.length);
    if (options.missing !== false && rng.next() < 0.1) income[r] = Number.NaN;
    if (options.missing !== false && rng.next() < 0.05) housing[r] = -1;
    const inc = Number.isNaN(income[r]) ? 2500 : income[r];
    const z = -2 + 2.5 * (utilization[r] - 0.5) - 0.0004 * (inc - 3000) + 0.35 * inquiries[r] + (housing[r] >= 0 ? effect[housing[r]] : 0.4) + (Number.isNaN(income[r]) ? 0.5 : 0);
    target[r] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    rows,
    columns: [
      { name: 'utilization', type: 'numeric', values: utilization },
      { name: 'income', type: 'numeric', values: income },
      { name: 'inquiries', type: 'numeric', values: inquiries },
      { name: 'age', type: 'numeric', values: age },
      { name: 'noise', type: 'numeric', values: noise },
      { name: 'housing', type: 'categorical', codes: housing, categories: CATEGORIES },
    ],
    target,
    metadata: {
      utilization: { riskDirection: 'increasing', reasonCode: 'RC01', reasonText: 'Revolving utilisation too high' },
      income: { riskDirection: 'decreasing', reasonCode: 'RC02', reasonText: 'Income too low' },
      inquiries: { riskDirection: 'increasing', reasonCode: 'RC03', reasonText: 'Too many recent inquiries' },
      age: { isProtected: true },
    },
  };
}

/** The dataset's columns as a model matrix (categorical codes kept as indices, -1 → NaN). */
export function matrixOf(dataset: Dataset, names: readonly string[]): FeatureMatrix {
  const cols = names.map((n) => {
    const c = dataset.columns.find((col) => col.name === n);
    if (c === undefined) throw new Error(`no column ${n}`);
    return c;
  });
  const values = new Float64Array(dataset.rows * names.length);
  for (let r = 0; r < dataset.rows; r++) {
    cols.forEach((c, j) => {
      values[r * names.length + j] = c.type === 'categorical' ? (c.codes[r] < 0 ? Number.NaN : c.codes[r]) : c.values[r];
    });
  }
  return { names, rows: dataset.rows, values };
}
