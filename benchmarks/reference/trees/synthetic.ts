/**
 * Deterministic synthetic credit-like data shared by the tree benchmarks (TypeScript side) and the
 * Python reference scripts (which read the CSV this file writes).
 *
 *   npx tsx benchmarks/reference/trees/synthetic.ts [rows=100000] [features=40] [out=/tmp/gbm100k.csv]
 *
 * Features: mixes of normal, skewed (log-normal), count (Poisson-like) and uniform columns, 5%
 * missing in every fourth column; the bad flag is drawn from σ(f(x)) with a non-linear f
 * (thresholds, an interaction, a missing-value effect), bad rate ≈ 15%.
 */
import { writeFileSync } from 'node:fs';
import { createRandom } from '../../../src/_lib/random.js';
import type { Dataset } from '../../../src/data/Dataset.js';

export interface Synthetic {
  names: string[];
  columns: Float64Array[];
  target: Uint8Array;
}

export function syntheticCredit(rows: number, features: number, seed = 20261122): Synthetic {
  const rng = createRandom(seed);
  const names = Array.from({ length: features }, (_, j) => `x${String(j).padStart(2, '0')}`);
  const columns = names.map(() => new Float64Array(rows));
  const target = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < features; j++) {
      const kind = j % 4;
      let v: number;
      if (kind === 0) v = rng.normal();
      else if (kind === 1) v = Math.exp(rng.normal() * 0.8);
      else if (kind === 2) v = Math.floor(-Math.log(1 - rng.next()) * 2);
      else v = rng.next();
      // round to 6 decimals so the CSV text is exact and short
      v = Math.round(v * 1e6) / 1e6;
      if (j % 4 === 3 && rng.next() < 0.05) v = Number.NaN;
      columns[j][r] = v;
    }
    const x = (j: number): number => columns[j % features][r];
    const m3 = Number.isNaN(x(3));
    let f = -2.2 + 0.8 * x(0) + 0.6 * Math.log(x(1)) + 0.35 * Math.min(x(2), 6) - 0.9 * (m3 ? 0.5 : x(3));
    f += 0.7 * (x(4) > 0.5 ? 1 : 0) * (x(6) >= 2 ? 1 : -0.5) + 0.4 * Math.sin(2 * x(8)) + 0.3 * x(12) * x(16);
    f += m3 ? 0.6 : 0;
    for (let j = 20; j < Math.min(features, 30); j++) f += 0.05 * (Number.isNaN(x(j)) ? 0 : j % 4 === 1 ? Math.log(x(j)) : j % 4 === 2 ? Math.min(x(j), 5) / 2 : x(j));
    target[r] = rng.next() < 1 / (1 + Math.exp(-f)) ? 1 : 0;
  }
  return { names, columns, target };
}

export function syntheticDataset(s: Synthetic): Dataset {
  return { rows: s.target.length, columns: s.names.map((name, j) => ({ name, type: 'numeric' as const, values: s.columns[j] })), target: s.target };
}

export function toCsv(s: Synthetic): string {
  const lines = [[...s.names, 'bad'].join(',')];
  for (let r = 0; r < s.target.length; r++) {
    const cells = s.columns.map((c) => (Number.isNaN(c[r]) ? '' : String(c[r])));
    cells.push(String(s.target[r]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('synthetic.ts')) {
  const rows = Number(process.argv[2] ?? 100_000);
  const features = Number(process.argv[3] ?? 40);
  const out = process.argv[4] ?? '/tmp/gbm100k.csv';
  const s = syntheticCredit(rows, features);
  writeFileSync(out, toCsv(s));
  let bad = 0;
  for (const t of s.target) bad += t;
  process.stderr.write(`wrote ${out}: ${rows} rows x ${features} features, bad rate ${(bad / rows).toFixed(4)}\n`);
}
