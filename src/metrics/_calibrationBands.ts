/** Private: the banding behind calibrationTable and hosmerLemeshow. */
import { bandOf, resolveCutPoints } from './_bands.js';
import { checkLabels, checkProbabilities, checkSameLength, checkWeights, requireArrayLike, requireRows } from './_inputs.js';
import type { CalibrationBand, CalibrationTableOptions } from './calibrationTable.js';

/** Shared by calibrationTable and hosmerLemeshow: validates and builds the non-empty bands. */
export function buildCalibrationBands(
  where: string,
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: CalibrationTableOptions,
): CalibrationBand[] {
  const { weights } = options;
  const n = requireArrayLike(where, 'probabilities', probabilities);
  checkSameLength(where, 'probabilities', n, 'labels', labels);
  if (weights !== undefined) checkSameLength(where, 'probabilities', n, 'weights', weights);
  checkProbabilities(where, 'probabilities', probabilities);
  checkLabels(where, 'labels', labels);
  if (weights !== undefined) checkWeights(where, 'weights', weights);
  requireRows(where, 'probabilities', n);
  const { cuts } = resolveCutPoints(where, 'bands', options.bands, 10, probabilities, weights);
  const k = cuts.length + 1;
  const count = new Float64Array(k);
  const weight = new Float64Array(k);
  const expected = new Float64Array(k);
  const observed = new Float64Array(k);
  const minimum = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const maximum = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    const b = bandOf(cuts, p);
    const w = weights === undefined ? 1 : weights[i];
    count[b] += 1;
    weight[b] += w;
    expected[b] += w * p;
    observed[b] += w * labels[i];
    if (p < minimum[b]) minimum[b] = p;
    if (p > maximum[b]) maximum[b] = p;
  }
  const rows: CalibrationBand[] = [];
  for (let b = 0; b < k; b++) {
    if (!(weight[b] > 0)) continue;
    rows.push({
      band: b,
      lower: b === 0 ? null : cuts[b - 1],
      upper: b === k - 1 ? null : cuts[b],
      count: count[b],
      weight: weight[b],
      expectedBads: expected[b],
      observedBads: observed[b],
      expectedBadRate: expected[b] / weight[b],
      observedBadRate: observed[b] / weight[b],
      minProbability: minimum[b],
      maxProbability: maximum[b],
    });
  }
  return rows;
}

