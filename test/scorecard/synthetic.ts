/**
 * Seeded synthetic credit data for the scorecard tests: known risk drivers (monotone numeric,
 * categorical, missing riskier, a special value), a noise column and a near-copy of a driver.
 */
import { createRandom } from '../../src/_lib/random.js';
import type { Dataset } from '../../src/data/Dataset.js';

export const PURPOSES = ['car', 'education', 'furniture', 'business', 'holiday'] as const;

export function syntheticDataset(n = 3000, seed = 1): Dataset {
  const rng = createRandom(seed);
  const utilization = new Float64Array(n);
  const income = new Float64Array(n);
  const purpose = new Int32Array(n);
  const monthsSinceDelinquency = new Float64Array(n);
  const noise = new Float64Array(n);
  const utilizationCopy = new Float64Array(n);
  const inquiries = new Float64Array(n);
  const target = new Uint8Array(n);
  const purposeRisk = [0, 0.8, 0.3, 0.5, -0.4];
  for (let i = 0; i < n; i++) {
    utilization[i] = Math.round(Math.min(1.5, Math.max(0, 0.4 + 0.3 * rng.normal())) * 1000) / 1000;
    income[i] = rng.next() < 0.08 ? NaN : Math.round(3000 + 1500 * Math.exp(0.5 * rng.normal()));
    purpose[i] = rng.next() < 0.03 ? -1 : rng.int(PURPOSES.length);
    const r = rng.next();
    monthsSinceDelinquency[i] = r < 0.3 ? -1 : Math.floor(rng.next() * 60);
    noise[i] = rng.normal();
    utilizationCopy[i] = utilization[i] + 0.02 * rng.normal();
    inquiries[i] = Math.floor(-Math.log(1 - rng.next()) * 1.5);
    let z = -2.2 + 2.2 * (utilization[i] - 0.4) + 0.3 * inquiries[i];
    z += Number.isNaN(income[i]) ? 0.6 : -0.0003 * (income[i] - 3500);
    z += purpose[i] < 0 ? 0.5 : purposeRisk[purpose[i]];
    z += monthsSinceDelinquency[i] < 0 ? -0.7 : 0.02 * (30 - monthsSinceDelinquency[i]);
    target[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    rows: n,
    columns: [
      { name: 'utilization', type: 'numeric', values: utilization },
      { name: 'income', type: 'numeric', values: income },
      { name: 'purpose', type: 'categorical', codes: purpose, categories: [...PURPOSES] },
      { name: 'monthsSinceDelinquency', type: 'numeric', values: monthsSinceDelinquency },
      { name: 'noise', type: 'numeric', values: noise },
      { name: 'utilizationCopy', type: 'numeric', values: utilizationCopy },
      { name: 'inquiries', type: 'numeric', values: inquiries },
    ],
    target,
  };
}
