/**
 * Metrics on 10,000 scored rows (quick and full) and 100,000 (full): `auc` (and `ksStatistic`) against a native
 * `Float64Array.prototype.sort` of a copy of the same scores — an exact AUC needs a sort, so the
 * ratio says what the rest of the computation costs on top of the cheapest possible one.
 */
import { createRandom } from '../src/_lib/random.js';
import { auc, ksStatistic } from '../src/metrics/index.js';
import { type Suite, mayMatch, type SuiteFactory } from './harness.js';

export const metricsSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'metrics-')) return [];
  const sizes = options.quick ? [10_000] : [10_000, 100_000];
  const rng = createRandom(31);
  const all = sizes[sizes.length - 1];
  const scores = new Float64Array(all);
  const labels = new Uint8Array(all);
  for (let i = 0; i < all; i++) {
    const z = rng.normal();
    labels[i] = rng.next() < 1 / (1 + Math.exp(-(z * 1.2 - 2))) ? 1 : 0;
    // scores rounded to 4 decimals: ties, as real PDs have
    scores[i] = Math.round((1 / (1 + Math.exp(-(z - 2)))) * 1e4) / 1e4;
  }
  return sizes.map((n): Suite => {
    const s = scores.subarray(0, n);
    const y = labels.subarray(0, n);
    return {
      name: `metrics-${n / 1000}k`,
      reference: { name: 'Float64Array sort (copy)', rowsPerOp: n, fn: () => s.slice().sort() },
      tasks: [
        { name: 'auc', rowsPerOp: n, fn: () => auc(s, y) },
        { name: 'ksStatistic', rowsPerOp: n, fn: () => ksStatistic(s, y) },
      ],
    };
  });
};
