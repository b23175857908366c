/**
 * How many of the ascending `sorted` values are ≤ `v` (binary search): the index of the interval
 * `v` falls in when `sorted` are left-closed cut-points, so a value equal to a cut-point goes to the
 * interval it opens. `NaN` compares false with everything and gives 0; callers route missing values
 * before calling.
 *
 * @example
 * [countAtMost([1, 5], 0), countAtMost([1, 5], 1), countAtMost([1, 5], 4.9), countAtMost([1, 5], Infinity)]; //=> [0, 1, 1, 2]
 */
export function countAtMost(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
