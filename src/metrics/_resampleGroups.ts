import type { Random } from '../_lib/random.js';
import type { RankOrder } from './_rankGroups.js';

/**
 * Private: the bootstrap's per-resample tie-group totals, computed over the rows as ranked once,
 * never re-sorted. Never exported from `./metrics`.
 *
 * A resample with replacement is the original rows with integer multiplicities (how often each
 * row was drawn), so its weighted bad/good totals per tie group are Σ multiplicity · weight over
 * the group's rows: one O(n) pass along the ranked order. The draws are those of the row-by-row
 * resample (same generator calls in the same order: `random.int(classSize)` per drawn bad, then
 * per drawn good, or `random.int(n)` per row for 'simple'), so a seed gives the same multiset.
 *
 * The sums are also bit-for-bit those of a row-by-row accumulation (`bad[groupOf[i]] += m·w` in
 * row order, totals in row order): within a tie group the ranked order is the row order (the sort
 * is stable), the totals are summed in row order within each class, and a row of the other class
 * or a row not drawn adds exactly +0 (`x · 0`, `w − w`), which leaves a float sum unchanged.
 *
 * Speed (1M rows, ~1M tie groups): the multiplicities are counted in a `Uint8Array` indexed by
 * the row's place within its class ("slot"), 1 MB, which stays in cache while the draws hit it at
 * random; the ranked pass then reads them through a precomputed slot index. Counts that would pass
 * `cap` (255) spill into a Map, so no multiplicity is ever lost.
 */

/** The per-group totals of the current resample (arrays reused between resamples). */
export interface ResampledGroups {
  /** Weighted bads of each tie group in the current resample (riskiest group first). */
  bad: Float64Array;
  /** Weighted goods of each tie group in the current resample. */
  good: Float64Array;
  totalBad: number;
  totalGood: number;
}

/** Draws resamples and sums them into tie groups; see the module comment. */
export interface GroupResampler {
  /** Draws the next resample (advancing `random`) and refills `groups`. */
  next(): void;
  /** Totals of the latest resample. */
  readonly groups: ResampledGroups;
}

/**
 * Builds a resampler for the rows in `ranked` (from `rankOrder`). O(n) setup; each `next()` is
 * O(n) and allocates nothing unless a multiplicity exceeds `cap`.
 *
 * @param ranked - ranked order and tie groups of the rows
 * @param labels - 1 = bad, other = good (validated by the caller)
 * @param weights - non-negative finite weights, or undefined for all 1
 * @param resampling - 'stratified' (bads and goods drawn separately, class sizes kept) or 'simple'
 * @param random - the seeded generator; consumed exactly as the row-by-row draw would
 * @param cap - largest count kept in the byte array (tests lower it to exercise the spill path) @defaultValue 255
 * @example
 * const ranked = rankOrder([0.1, 0.9, 0.5], false);
 * const resampler = createGroupResampler(ranked, [0, 1, 0], undefined, 'stratified', createRandom(1));
 * resampler.next();
 * resampler.groups.totalBad; //=> 1
 */
export function createGroupResampler(
  ranked: RankOrder,
  labels: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  resampling: 'stratified' | 'simple',
  random: Random,
  cap = 255,
): GroupResampler {
  const { order, groupStart, groupCount } = ranked;
  const n = order.length;
  let badCount = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) badCount++;
  const goodCount = n - badCount;

  // Slot of each row: 'stratified' numbers the bads 0..badCount−1 then the goods, each in row
  // order (so slot k of the bads is the row `bads[k]` of a row-by-row draw); 'simple' uses the row.
  const slotOfRow = new Uint32Array(n);
  if (resampling === 'stratified') {
    let nextBad = 0;
    let nextGood = badCount;
    for (let i = 0; i < n; i++) slotOfRow[i] = labels[i] === 1 ? nextBad++ : nextGood++;
  } else {
    for (let i = 0; i < n; i++) slotOfRow[i] = i;
  }
  // Per slot (row order within class): weight and class, for the totals.
  const slotWeight = new Float64Array(n);
  const slotIsBad = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    slotWeight[slotOfRow[i]] = weights === undefined ? 1 : weights[i];
    slotIsBad[slotOfRow[i]] = labels[i] === 1 ? 1 : 0;
  }
  // Per ranked position: slot, weight and class, read sequentially by the group pass.
  const slotAt = new Uint32Array(n);
  const weightAt = new Float64Array(n);
  const isBadAt = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const s = slotOfRow[order[p]];
    slotAt[p] = s;
    weightAt[p] = slotWeight[s];
    isBadAt[p] = slotIsBad[s];
  }

  const counts = new Uint8Array(n);
  const spill = new Map<number, number>();
  const groups: ResampledGroups = { bad: new Float64Array(groupCount), good: new Float64Array(groupCount), totalBad: 0, totalGood: 0 };
  const add = (s: number): void => {
    const c = counts[s];
    if (c < cap) counts[s] = c + 1;
    else spill.set(s, (spill.get(s) ?? 0) + 1);
  };

  const next = (): void => {
    counts.fill(0);
    spill.clear();
    if (resampling === 'stratified') {
      for (let j = 0; j < badCount; j++) add(random.int(badCount));
      for (let j = 0; j < goodCount; j++) add(badCount + random.int(goodCount));
    } else {
      for (let j = 0; j < n; j++) add(random.int(n));
    }
    // Weighted totals in row order within each class (as the row-by-row accumulation). Without
    // weights they are integer sums, exact in any order, so the group pass below gives them.
    let totalBad = 0;
    let totalGood = 0;
    if (weights !== undefined) {
      for (let s = 0; s < n; s++) {
        let m = counts[s];
        if (m === cap) m += spill.get(s) ?? 0;
        const w = m * slotWeight[s];
        const b = w * slotIsBad[s];
        totalBad += b;
        totalGood += w - b;
      }
    }
    let groupTotalBad = 0;
    let groupTotalGood = 0;
    // Group totals along the ranked order.
    const { bad, good } = groups;
    if (groupCount === n) {
      // No ties (e.g. continuous PDs): one row per group, a flat loop about 3x cheaper than the
      // nested one. `0 + …` as in the nested loop's accumulators (turns −0 into +0).
      for (let p = 0; p < n; p++) {
        const s = slotAt[p];
        let m = counts[s];
        if (m === cap) m += spill.get(s) ?? 0;
        const w = m * weightAt[p];
        const x = w * isBadAt[p];
        const b = 0 + x;
        const gd = 0 + (w - x);
        bad[p] = b;
        good[p] = gd;
        groupTotalBad += b;
        groupTotalGood += gd;
      }
    } else {
      for (let g = 0; g < groupCount; g++) {
        let b = 0;
        let gd = 0;
        const end = groupStart[g + 1];
        for (let p = groupStart[g]; p < end; p++) {
          const s = slotAt[p];
          let m = counts[s];
          if (m === cap) m += spill.get(s) ?? 0;
          const w = m * weightAt[p];
          const x = w * isBadAt[p];
          b += x;
          gd += w - x;
        }
        bad[g] = b;
        good[g] = gd;
        groupTotalBad += b;
        groupTotalGood += gd;
      }
    }
    groups.totalBad = weights === undefined ? groupTotalBad : totalBad;
    groups.totalGood = weights === undefined ? groupTotalGood : totalGood;
  };
  return { next, groups };
}
