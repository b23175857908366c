/**
 * Rows of a numeric column split into missing, special values and regular values; the regular
 * values are aggregated per distinct value in ascending order with their (weighted) goods and bads.
 */
export interface SortedValues {
  /** Distinct regular values, ascending. */
  values: Float64Array;
  goods: Float64Array;
  bads: Float64Array;
  missingGoods: number;
  missingBads: number;
  /** Per special value (in the order given): goods and bads. */
  specialGoods: Float64Array;
  specialBads: Float64Array;
  totalGoods: number;
  totalBads: number;
}

/** O(n log n). NaN = missing; `target` 1 = bad; `weights` optional (checked by the caller); rows of weight 0 are left out. */
export function sortedValues(
  column: ArrayLike<number>,
  target: ArrayLike<number> | undefined,
  weights: ArrayLike<number> | undefined,
  specialValues: readonly number[],
): SortedValues {
  const n = column.length;
  const specialIndex = new Map<number, number>();
  specialValues.forEach((v, i) => {
    if (!specialIndex.has(v)) specialIndex.set(v, i);
  });
  const specialGoods = new Float64Array(specialValues.length);
  const specialBads = new Float64Array(specialValues.length);
  let missingGoods = 0;
  let missingBads = 0;
  let totalGoods = 0;
  let totalBads = 0;
  // Regular values: a native numeric sort of the values (much faster than sorting row indices
  // with a comparator), then each row finds its distinct value by binary search.
  const regular = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    // A row of weight 0 has no effect, as if dropped: its value must not become a distinct value
    // (a cut-point could land on it).
    if (w === 0) continue;
    const isBad = target !== undefined && target[i] === 1;
    if (isBad) totalBads += w;
    else totalGoods += w;
    const v = column[i];
    if (Number.isNaN(v)) {
      if (isBad) missingBads += w;
      else missingGoods += w;
      continue;
    }
    const s = specialIndex.size === 0 ? undefined : specialIndex.get(v);
    if (s !== undefined) {
      if (isBad) specialBads[s] += w;
      else specialGoods[s] += w;
      continue;
    }
    regular[count++] = v;
  }
  const sorted = regular.subarray(0, count).sort();
  const values = new Float64Array(count);
  let u = -1;
  for (let k = 0; k < count; k++) {
    // -0 and 0 are one value.
    const v = sorted[k] === 0 ? 0 : sorted[k];
    if (u < 0 || v !== values[u]) values[++u] = v;
  }
  const goods = new Float64Array(u + 1);
  const bads = new Float64Array(u + 1);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (Number.isNaN(v) || (specialIndex.size > 0 && specialIndex.has(v)) || (weights !== undefined && weights[i] === 0)) continue;
    let lo = 0;
    let hi = u;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const w = weights === undefined ? 1 : weights[i];
    if (target !== undefined && target[i] === 1) bads[lo] += w;
    else goods[lo] += w;
  }
  const distinct = u + 1;
  return {
    values: values.slice(0, distinct),
    goods: goods.slice(0, distinct),
    bads: bads.slice(0, distinct),
    missingGoods,
    missingBads,
    specialGoods,
    specialBads,
    totalGoods,
    totalBads,
  };
}

/**
 * Quantile cut-points over distinct sorted values with their weights: for q = 1…P−1, the first
 * distinct value whose cumulative weight reaches q/P of the total closes a pre-bin, and the next
 * distinct value is the cut-point (bins are left-closed). Duplicates are dropped, so heavy ties
 * give fewer pre-bins. O(distinct values).
 */
export function quantileCutpoints(values: Float64Array, weightOf: (k: number) => number, prebins: number): number[] {
  const U = values.length;
  let total = 0;
  for (let k = 0; k < U; k++) total += weightOf(k);
  const cuts: number[] = [];
  if (U < 2 || !(total > 0)) return cuts;
  // Few distinct values (flags, counts, ordinal codes): each is a pre-bin of its own, so a rare
  // value at either end is not folded into its neighbour before the optimal merge sees it.
  if (U <= prebins) {
    for (let k = 1; k < U; k++) if (weightOf(k - 1) > 0) cuts.push(values[k]);
    return cuts;
  }
  let cumulative = 0;
  let q = 1;
  for (let k = 0; k < U - 1 && q < prebins; k++) {
    cumulative += weightOf(k);
    // Relative tolerance so that exact quantile boundaries are not lost to rounding.
    if (cumulative >= (q * total) / prebins - 1e-9 * total) {
      cuts.push(values[k + 1]);
      while (q < prebins && cumulative >= (q * total) / prebins - 1e-9 * total) q++;
    }
  }
  return cuts;
}
