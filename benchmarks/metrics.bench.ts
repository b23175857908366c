/**
 * Metrics on 100,000 scored rows: `auc` (and `ksStatistic`) against a native
 * `Float64Array.prototype.sort` of a copy of the same scores — an exact AUC needs a sort, so the
 * ratio says what the rest of the computation costs on top of the cheapest possible one.
 */
import { createRandom } from '../src/_lib/random.js';
import { auc, ksStatistic } from '../src/metrics/index.js';
import { mayMatch, type SuiteFactory } from './suites.js';

export const metricsSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'metrics-')) return [];
  const n = 100_000;
  const rng = createRandom(31);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    labels[i] = rng.next() < 1 / (1 + Math.exp(-(z * 1.2 - 2))) ? 1 : 0;
    // scores rounded to 4 decimals: ties, as real PDs have
    scores[i] = Math.round((1 / (1 + Math.exp(-(z - 2)))) * 1e4) / 1e4;
  }
  return [
    {
      name: 'metrics-100k',
      reference: { name: 'Float64Array sort (copy)', rowsPerOp: n, fn: () => scores.slice().sort() },
      tasks: [
        { name: 'auc', rowsPerOp: n, fn: () => auc(scores, labels) },
        { name: 'ksStatistic', rowsPerOp: n, fn: () => ksStatistic(scores, labels) },
      ],
    },
  ];
};
