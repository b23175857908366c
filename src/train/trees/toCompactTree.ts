/**
 * Converts a grown (bin-space) tree to the artifact's plain form with real thresholds and category
 * sets (private).
 */
import type { CompactTree } from '../../schema/artifacts/trees.js';
import type { BinnedFeatures } from './binFeatures.js';
import type { GrownTree } from './growTree.js';

/** Rounds to 9 significant digits (a no-op for integers below 1e9); used for stored leaf values and covers. */
export function roundStored(v: number): number {
  if (v === 0 || Number.isInteger(v)) return v === 0 ? 0 : v;
  return Number(v.toPrecision(9));
}

/**
 * The artifact form of `tree`. `leafValue(node)` gives each leaf's stored value (already rounded);
 * `cover` comes from the rows of each leaf, weighted by `coverWeight` (or counted when `null`),
 * summed bottom-up so that each parent's cover is the sum of its children's.
 *
 * @example
 * toCompactTree(grown, binned, rows, (i) => values[i], null).feature; //=> [0, -1, -1]
 */
export function toCompactTree(tree: GrownTree, binned: BinnedFeatures, rows: Int32Array, leafValue: (node: number) => number, coverWeight: Float64Array | null): CompactTree {
  const n = tree.nodeCount;
  const cover = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (tree.feature[i] < 0) {
      if (coverWeight === null) cover[i] = tree.end[i] - tree.start[i];
      else {
        let s = 0;
        for (let k = tree.start[i]; k < tree.end[i]; k++) s += coverWeight[rows[k]];
        cover[i] = s;
      }
    } else cover[i] = cover[tree.left[i]] + cover[tree.right[i]];
  }
  const out: CompactTree = { feature: [], threshold: [], left: [], right: [], defaultLeft: [], value: [], cover: [] };
  let leftCategories: Record<string, number[]> | undefined;
  for (let i = 0; i < n; i++) {
    const f = tree.feature[i];
    out.feature.push(f);
    out.left.push(tree.left[i]);
    out.right.push(tree.right[i]);
    out.defaultLeft.push(f >= 0 && tree.defaultLeft[i] === 1 ? 1 : 0);
    out.cover.push(roundStored(cover[i]));
    if (f < 0) {
      out.threshold.push(0);
      out.value.push(leafValue(i));
      continue;
    }
    out.value.push(0);
    const lb = tree.leftBins[i];
    if (lb === null) {
      out.threshold.push((binned.upper[f] as Float64Array)[tree.thresholdBin[i]]);
    } else {
      out.threshold.push(0);
      const groups = binned.binCategories[f] as number[][];
      const cats: number[] = [];
      for (let b = 0; b < groups.length; b++) if (lb[b] === 1) cats.push(...groups[b]);
      cats.sort((a, b) => a - b);
      leftCategories ??= {};
      leftCategories[String(i)] = cats;
    }
  }
  if (leftCategories !== undefined) out.leftCategories = leftCategories;
  return out;
}

/**
 * Leaf index reached by row `r` of column-major encoded features (real thresholds, as the scorer
 * reads the artifact): used for validation rows during training.
 *
 * @example
 * leafOfEncodedRow(compact, columns, 3); //=> 2
 */
export function leafOfEncodedRow(tree: CompactTree, leftSets: (Set<number> | null)[], columns: readonly Float64Array[], r: number): number {
  let i = 0;
  while (tree.feature[i] >= 0) {
    const x = columns[tree.feature[i]][r];
    const set = leftSets[i];
    let goLeft: boolean;
    if (Number.isNaN(x) || (set !== null && x < 0)) goLeft = tree.defaultLeft[i] === 1;
    else goLeft = set === null ? x <= tree.threshold[i] : set.has(x);
    i = goLeft ? tree.left[i] : tree.right[i];
  }
  return i;
}

/** The left category sets of a compact tree, per node (null for numeric splits and leaves). */
export function leftSetsOf(tree: CompactTree): (Set<number> | null)[] {
  return tree.feature.map((_, i) => {
    const cats = tree.leftCategories?.[String(i)];
    return cats === undefined ? null : new Set(cats);
  });
}
