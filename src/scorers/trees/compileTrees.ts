/**
 * Compiles the trees of an artifact into flat typed arrays for fast prediction and TreeSHAP
 * (private to the tree scorers). All trees share one node space; `roots[t]` is tree t's root.
 */
import { InvalidArtifactError } from '../../errors.js';
import type { CompactTree } from '../../schema/artifacts/trees.js';

/** Deepest tree the scorers accept (TreeSHAP and the expectation recurse once per level). */
export const MAX_TREE_DEPTH = 512;

/** Flat node arrays of a tree ensemble whose log-odds is `base + Σ_t value[leaf_t(x)]`. */
export interface CompiledTrees {
  readonly trees: number;
  readonly nodes: number;
  readonly roots: Int32Array;
  /** −1 for a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly defaultLeft: Uint8Array;
  /** Leaf contribution to the log-odds (already divided by the tree count for forests). */
  readonly value: Float64Array;
  /** Fractions of the node's cover going left / right (TreeSHAP's zero fractions). */
  readonly leftFraction: Float64Array;
  readonly rightFraction: Float64Array;
  /** Categorical split: offset of its category bitmap in `categoryBits`, −1 for numeric splits. */
  readonly categoryOffset: Int32Array;
  readonly categoryBits: Uint8Array;
  /** Size of each node's category bitmap (the feature's dictionary size). */
  readonly categoryCount: Int32Array;
  readonly hasCategorical: boolean;
  readonly base: number;
  /** Depth of the deepest leaf (root = 0). */
  readonly maxDepth: number;
  /** The path-dependent expected value E[f(X)] = base + Σ_t cover-weighted mean of leaf values. */
  readonly expectedValue: number;
  /**
   * The prediction layout (numeric splits): nodes renumbered in pre-order so that a split's left
   * child is the next node; `packed[2k]` = feature (−1 leaf), `packed[2k + 1]` = right child;
   * `packedValue[k]` = threshold, or the leaf value; `packedMissing[k]` = child for a missing value.
   */
  readonly packedRoots: Int32Array;
  readonly packed: Int32Array;
  readonly packedValue: Float64Array;
  readonly packedMissing: Int32Array;
}

/**
 * Compiles `trees`; `leafValue(v)` maps an artifact leaf value to its log-odds contribution.
 *
 * @example
 * compileTrees(artifact.model.trees, artifact.features.map((f) => f.categories?.length ?? 0), (v) => v, artifact.model.baseLogOdds).nodes; //=> 2540
 */
export function compileTrees(trees: readonly CompactTree[], categoryCounts: readonly number[], leafValue: (v: number) => number, base: number): CompiledTrees {
  let nodes = 0;
  let bits = 0;
  for (const t of trees) {
    nodes += t.feature.length;
    for (const key of Object.keys(t.leftCategories ?? {})) bits += categoryCounts[t.feature[Number(key)]] ?? 0;
  }
  const roots = new Int32Array(trees.length);
  const feature = new Int32Array(nodes);
  const threshold = new Float64Array(nodes);
  const left = new Int32Array(nodes);
  const right = new Int32Array(nodes);
  const defaultLeft = new Uint8Array(nodes);
  const value = new Float64Array(nodes);
  const leftFraction = new Float64Array(nodes);
  const rightFraction = new Float64Array(nodes);
  const categoryOffset = new Int32Array(nodes).fill(-1);
  const categoryCount = new Int32Array(nodes);
  const categoryBits = new Uint8Array(bits);
  let at = 0;
  let bitAt = 0;
  let maxDepth = 0;
  let expected = base;
  const depth: number[] = [];
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t];
    const n = tree.feature.length;
    roots[t] = at;
    depth.length = 0;
    depth[0] = 0;
    for (let i = 0; i < n; i++) {
      const k = at + i;
      const f = tree.feature[i];
      feature[k] = f;
      if (f < 0) {
        left[k] = -1;
        right[k] = -1;
        value[k] = leafValue(tree.value[i]);
        if (depth[i] > maxDepth) maxDepth = depth[i];
        continue;
      }
      threshold[k] = tree.threshold[i];
      left[k] = at + tree.left[i];
      right[k] = at + tree.right[i];
      depth[tree.left[i]] = depth[i] + 1;
      depth[tree.right[i]] = depth[i] + 1;
      defaultLeft[k] = tree.defaultLeft[i];
      const c = tree.cover[i];
      const cl = tree.cover[tree.left[i]];
      const cr = tree.cover[tree.right[i]];
      if (c > 0) {
        leftFraction[k] = cl / c;
        rightFraction[k] = cr / c;
      } else {
        leftFraction[k] = 0.5;
        rightFraction[k] = 0.5;
      }
      const cats = tree.leftCategories?.[String(i)];
      if (cats !== undefined) {
        const size = categoryCounts[f] ?? 0;
        categoryOffset[k] = bitAt;
        categoryCount[k] = size;
        for (const cat of cats) if (cat < size) categoryBits[bitAt + cat] = 1;
        bitAt += size;
      }
    }
    if (maxDepth > MAX_TREE_DEPTH) {
      throw new InvalidArtifactError(`loadModel: tree ${t} is deeper than ${MAX_TREE_DEPTH} levels`, [
        { code: 'too_deep', path: ['model', 'trees', t], message: `trees may be at most ${MAX_TREE_DEPTH} levels deep` },
      ]);
    }
    expected += expectation(roots[t], left, right, value, leftFraction, rightFraction);
    at += n;
  }
  // pre-order layout for prediction
  const packedRoots = new Int32Array(trees.length);
  const packed = new Int32Array(2 * nodes);
  const packedValue = new Float64Array(nodes);
  const packedMissing = new Int32Array(nodes);
  let next = 0;
  const stack: number[] = [];
  for (let t = 0; t < trees.length; t++) {
    packedRoots[t] = next;
    // iterative pre-order walk; `slot` of a right child is patched when it is emitted
    const patch: number[] = [];
    stack.push(roots[t], -1);
    while (stack.length > 0) {
      const from = stack.pop() as number;
      const k = stack.pop() as number;
      const at = next++;
      if (from >= 0) patch.push(from, at);
      packed[2 * at] = feature[k];
      if (feature[k] < 0) {
        packedValue[at] = value[k];
        packed[2 * at + 1] = -1;
        continue;
      }
      packedValue[at] = threshold[k];
      // right child first on the stack so the left child is emitted next (at + 1)
      stack.push(right[k], at, left[k], -1);
      packedMissing[at] = defaultLeft[k] === 1 ? -1 : -2; // resolved below
    }
    for (let i = 0; i < patch.length; i += 2) packed[2 * patch[i] + 1] = patch[i + 1];
    for (let k = packedRoots[t]; k < next; k++) {
      if (packed[2 * k] < 0) continue;
      packedMissing[k] = packedMissing[k] === -1 ? k + 1 : packed[2 * k + 1];
    }
  }
  return {
    trees: trees.length, nodes, roots, feature, threshold, left, right, defaultLeft, value, leftFraction, rightFraction, categoryOffset, categoryBits, categoryCount,
    hasCategorical: bits > 0, base, maxDepth, expectedValue: expected, packedRoots, packed, packedValue, packedMissing,
  };
}

function expectation(node: number, left: Int32Array, right: Int32Array, value: Float64Array, lf: Float64Array, rf: Float64Array): number {
  if (left[node] < 0) return value[node];
  return lf[node] * expectation(left[node], left, right, value, lf, rf) + rf[node] * expectation(right[node], left, right, value, lf, rf);
}

/**
 * The child of split node `k` that value `x` goes to.
 *
 * @example
 * nextNode(compiled, 0, 3.5); //=> 1
 */
export function nextNode(c: CompiledTrees, k: number, x: number): number {
  const off = c.categoryOffset[k];
  if (off < 0) {
    if (x <= c.threshold[k]) return c.left[k];
    if (x > c.threshold[k]) return c.right[k];
    return c.defaultLeft[k] === 1 ? c.left[k] : c.right[k];
  }
  if (!(x >= 0)) return c.defaultLeft[k] === 1 ? c.left[k] : c.right[k];
  return x < c.categoryCount[k] && c.categoryBits[off + x] === 1 ? c.left[k] : c.right[k];
}

/**
 * Raw log-odds of every row of a row-major matrix with `p` columns in the model's feature order.
 * No allocation; trees are walked in blocks of rows so that each tree's nodes stay in cache.
 *
 * @example
 * predictLogOdds(compiled, matrix.values, matrix.rows, 12, out);
 */
export function predictLogOdds(c: CompiledTrees, X: Float64Array, rows: number, p: number, out: Float64Array): void {
  if (c.hasCategorical) {
    for (let r = 0; r < rows; r++) {
      const base = r * p;
      let s = c.base;
      for (let t = 0; t < c.trees; t++) {
        let k = c.roots[t];
        while (c.feature[k] >= 0) k = nextNode(c, k, X[base + c.feature[k]]);
        s += c.value[k];
      }
      out[r] = s;
    }
    return;
  }
  const { packedRoots, packed, packedValue, packedMissing } = c;
  const T = c.trees;
  const BLOCK = 64;
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = r0 + BLOCK < rows ? r0 + BLOCK : rows;
    for (let r = r0; r < r1; r++) out[r] = c.base;
    for (let t = 0; t < T; t++) {
      const root = packedRoots[t];
      for (let r = r0; r < r1; r++) {
        const base = r * p;
        let k = root;
        let f = packed[2 * k];
        while (f >= 0) {
          const x = X[base + f];
          const thr = packedValue[k];
          k = x <= thr ? k + 1 : x > thr ? packed[2 * k + 1] : packedMissing[k];
          f = packed[2 * k];
        }
        out[r] += packedValue[k];
      }
    }
  }
}

/**
 * Raw log-odds of one encoded row.
 *
 * @example
 * logOddsOfRow(compiled, row); //=> -2.91
 */
export function logOddsOfRow(c: CompiledTrees, row: Float64Array): number {
  let s = c.base;
  for (let t = 0; t < c.trees; t++) {
    let k = c.roots[t];
    while (c.feature[k] >= 0) k = nextNode(c, k, row[c.feature[k]]);
    s += c.value[k];
  }
  return s;
}
