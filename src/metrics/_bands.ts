/**
 * Private: quantile cut points and band assignment shared by calibrationTable, hosmerLemeshow,
 * populationStabilityIndex, characteristicStabilityIndex and scoreBandTable.
 *
 * Convention (one for the whole module): bands are right-closed intervals
 * (−∞, e₁], (e₁, e₂], …, (e_{k−1}, +∞) over strictly increasing interior cut points eᵢ.
 * Quantile cut points use the inverted empirical CDF ("type 1", numpy `method='inverted_cdf'`):
 * eⱼ = the smallest value v with W(≤ v) ≥ j·W/groups, W = total weight. This keeps rows with equal
 * values in one band, gives each band about 1/groups of the weight, and treats weights all equal to 1
 * exactly like no weights. Duplicate cut points are merged and a cut point at the maximum (which
 * would leave the last band empty) is dropped, so no band is empty in the data the cut points came
 * from; there may then be fewer than `groups` bands.
 */
import { InvalidOptionsError } from '../errors.js';
import { sortedOrder } from './_sort.js';

/** Interior cut points from weighted quantiles. `values` must be finite. O(n) (radix sort). */
export function quantileCutPoints(values: ArrayLike<number>, weights: ArrayLike<number> | undefined, groups: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  const order = sortedOrder(values);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights === undefined ? 1 : weights[i];
  const maximum = values[order[n - 1]];
  const cuts: number[] = [];
  let cumulative = 0;
  let k = 1;
  let p = 0;
  while (p < n && k < groups) {
    // accumulate one run of equal values
    const v = values[order[p]];
    while (p < n && values[order[p]] === v) {
      cumulative += weights === undefined ? 1 : weights[order[p]];
      p++;
    }
    let isCut = false;
    while (k < groups && cumulative >= (k * total) / groups) {
      isCut = true;
      k++;
    }
    if (isCut && v < maximum) cuts.push(v);
  }
  return cuts;
}

/** Band of `x` under right-closed bands: the number of cut points strictly below x. O(log k). */
export function bandOf(cuts: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Validates explicit cut points: finite, strictly increasing, at least one. */
export function checkCutPoints(where: string, name: string, cuts: unknown): number[] {
  const fail = (message: string, path: (string | number)[] = [name]): never => {
    throw new InvalidOptionsError(`${where}: ${[name, ...path.slice(1)].join('.')} ${message}`, [{ code: 'invalid_cut_points', path, message }]);
  };
  if (!Array.isArray(cuts) && !ArrayBuffer.isView(cuts)) fail('must be a number of quantile groups or an array of cut points');
  const list = Array.from(cuts as ArrayLike<unknown>);
  if (list.length === 0) fail('must contain at least one cut point');
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail('must be finite numbers', [name, i]);
    if (i > 0 && !((v as number) > (list[i - 1] as number))) fail('must be strictly increasing', [name, i]);
  }
  return list as number[];
}

/** Validates a quantile group count: an integer >= 2. */
export function checkGroupCount(where: string, name: string, groups: unknown): number {
  if (typeof groups !== 'number' || !Number.isInteger(groups) || groups < 2) {
    throw new InvalidOptionsError(`${where}: ${name} must be an integer >= 2 or an array of cut points, received ${String(groups)}`, [
      { code: 'invalid_value', path: [name], message: 'must be an integer >= 2 or an array of cut points' },
    ]);
  }
  return groups;
}

/** Resolves a `number | cut points` option into cut points computed from `values` when a number. */
export function resolveCutPoints(
  where: string,
  name: string,
  option: number | readonly number[] | ArrayLike<number> | undefined,
  defaultGroups: number,
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
): { cuts: number[]; isQuantile: boolean } {
  if (option === undefined || typeof option === 'number') {
    const groups = option === undefined ? defaultGroups : checkGroupCount(where, name, option);
    return { cuts: quantileCutPoints(values, weights, groups), isQuantile: true };
  }
  return { cuts: checkCutPoints(where, name, option), isQuantile: false };
}
