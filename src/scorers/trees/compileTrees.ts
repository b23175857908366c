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
  /** The complete-tree layout of shallow numeric ensembles (see {@link CompleteTrees}), else `null`. */
  readonly complete: CompleteTrees | null;
}

/**
 * The prediction layout of shallow numeric ensembles, whose tree walks have no data-dependent branch:
 * - each tree is padded to a complete binary tree of its own depth D (a leaf above depth D becomes
 *   splits whose subtrees all end in copies of it) and stored heap-ordered: split i has children
 *   2i + 1 (left) and 2i + 2 (right), so a row walks exactly D levels and computes, rather than
 *   loads, the next index;
 * - thresholds become integer ranks: per feature, the distinct thresholds u_0 < u_1 < … of every
 *   tree; a value x is coded once per row as q(x) = #{j : u_j < x} (−1 when missing), and
 *   `x > u_j ⇔ q(x) > j`, a comparison of integers done with arithmetic.
 */
export interface CompleteTrees {
  /** Per tree: depth D, first split in `feature`/`rankKey`, and `leaf` index of heap position 0 (first leaf − (2^D − 1)). */
  readonly depth: Int32Array;
  readonly splitStart: Int32Array;
  readonly leafBase: Int32Array;
  readonly feature: Int32Array;
  /** 2 × rank of the split's threshold among its feature's thresholds, + 1 when a missing value goes right. */
  readonly rankKey: Int32Array;
  readonly leaf: Float64Array;
  /** Feature f's sorted distinct thresholds: `cuts[cutStart[f] .. cutStart[f + 1])`. */
  readonly cuts: Float64Array;
  readonly cutStart: Int32Array;
  /**
   * Per feature, a bucket table over the order-preserving integer key of a value (the high 32 bits
   * of the double): `lookup[bucketStart[f] + b]` = how many thresholds lie in buckets below b, where
   * to start counting q(x). Bucket b = ⌊(key − keyMin[f]) · keyScale[f]⌋, clamped to the table.
   */
  readonly keyMin: Float64Array;
  readonly keyScale: Float64Array;
  readonly bucketStart: Int32Array;
  readonly lookup: Int32Array;
}

/**
 * When the complete layout is used: every tree at most COMPLETE_MAX_DEPTH deep, at most
 * COMPLETE_MAX_LEAVES padded leaves in all, and at most COMPLETE_MAX_PADDING times the real leaves
 * (deep, sparse trees walk fewer levels through the packed layout).
 */
const COMPLETE_MAX_DEPTH = 10;
const COMPLETE_MAX_LEAVES = 1 << 21;
const COMPLETE_MAX_PADDING = 4;

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
  const treeDepth = new Int32Array(trees.length);
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
        if (depth[i] > treeDepth[t]) treeDepth[t] = depth[i];
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
  const complete = bits > 0 ? null : completeTrees(roots, treeDepth, categoryCounts.length, feature, threshold, left, right, defaultLeft, value);
  return {
    trees: trees.length, nodes, roots, feature, threshold, left, right, defaultLeft, value, leftFraction, rightFraction, categoryOffset, categoryBits, categoryCount,
    hasCategorical: bits > 0, base, maxDepth, expectedValue: expected, packedRoots, packed, packedValue, packedMissing, complete,
  };
}

/** The complete-tree layout, or `null` when a tree is deeper than COMPLETE_MAX_DEPTH or the whole is too large. */
function completeTrees(
  roots: Int32Array, treeDepth: Int32Array, features: number, feature: Int32Array, threshold: Float64Array, left: Int32Array, right: Int32Array, defaultLeft: Uint8Array, value: Float64Array,
): CompleteTrees | null {
  const T = roots.length;
  let splits = 0;
  let leaves = 0;
  for (let t = 0; t < T; t++) {
    if (treeDepth[t] > COMPLETE_MAX_DEPTH) return null;
    leaves += 2 ** treeDepth[t];
    splits += 2 ** treeDepth[t] - 1;
    if (leaves > COMPLETE_MAX_LEAVES) return null;
  }
  let realLeaves = 0;
  for (let k = 0; k < feature.length; k++) if (feature[k] < 0) realLeaves++;
  if (leaves > COMPLETE_MAX_PADDING * realLeaves) return null;
  // distinct thresholds per feature (−0 as +0: the comparisons treat them alike)
  const perFeature: number[][] = Array.from({ length: features }, () => []);
  for (let k = 0; k < feature.length; k++) if (feature[k] >= 0) perFeature[feature[k]].push(threshold[k] + 0);
  const cutStart = new Int32Array(features + 1);
  const cutList: number[] = [];
  for (let f = 0; f < features; f++) {
    const u = [...new Set(perFeature[f])].sort((a, b) => a - b);
    cutStart[f] = cutList.length;
    cutList.push(...u);
  }
  cutStart[features] = cutList.length;
  const cuts = Float64Array.from(cutList);
  const { keyMin, keyScale, bucketStart, lookup } = bucketTables(cuts, cutStart);
  const rank = (f: number, u: number): number => {
    // binary search of u + 0 in the feature's cuts (present by construction)
    let lo = cutStart[f];
    let hi = cutStart[f + 1] - 1;
    const v = u + 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo - cutStart[f];
  };
  const out = {
    depth: Int32Array.from(treeDepth), splitStart: new Int32Array(T), leafBase: new Int32Array(T),
    feature: new Int32Array(splits), rankKey: new Int32Array(splits), leaf: new Float64Array(leaves), cuts, cutStart, keyMin, keyScale, bucketStart, lookup,
  };
  let s0 = 0;
  let l0 = 0;
  for (let t = 0; t < T; t++) {
    const D = treeDepth[t];
    out.splitStart[t] = s0;
    const firstLeaf = 2 ** D - 1;
    out.leafBase[t] = l0 - firstLeaf;
    // (node, heap index, level) triples; padding splits keep feature 0 and rank key 0: whichever
    // way a row goes, it reaches a copy of the same leaf
    const stack = [roots[t], 0, 0];
    while (stack.length > 0) {
      const d = stack.pop() as number;
      const i = stack.pop() as number;
      const k = stack.pop() as number;
      if (d === D) {
        out.leaf[l0 + i - firstLeaf] = value[k];
        continue;
      }
      if (feature[k] < 0) {
        stack.push(k, 2 * i + 1, d + 1, k, 2 * i + 2, d + 1);
        continue;
      }
      out.feature[s0 + i] = feature[k];
      out.rankKey[s0 + i] = 2 * rank(feature[k], threshold[k]) + (defaultLeft[k] === 1 ? 0 : 1);
      stack.push(left[k], 2 * i + 1, d + 1, right[k], 2 * i + 2, d + 1);
    }
    s0 += firstLeaf;
    l0 += 2 ** D;
  }
  return out;
}

/** Order-preserving int32 key of the high word of `v`, read through the one-element `bits`/`words` view. */
function orderedKey(v: number, bits: Float64Array, words: Int32Array, hi: number): number {
  bits[0] = v;
  const h = words[hi];
  return h ^ ((h >> 31) & 0x7fffffff);
}

/** Index of the high 32-bit word of a double in an Int32Array view (platform byte order). */
function highWordIndex(): number {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
}

/** The bucket tables of {@link CompleteTrees}: about 16 buckets per threshold, at most 4,096 per feature. */
function bucketTables(cuts: Float64Array, cutStart: Int32Array): { keyMin: Float64Array; keyScale: Float64Array; bucketStart: Int32Array; lookup: Int32Array } {
  const features = cutStart.length - 1;
  const keyMin = new Float64Array(features);
  const keyScale = new Float64Array(features);
  const bucketStart = new Int32Array(features + 1);
  const sizes = new Int32Array(features);
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  const hi = highWordIndex();
  for (let f = 0; f < features; f++) {
    const m = cutStart[f + 1] - cutStart[f];
    if (m === 0) {
      sizes[f] = 1;
      continue;
    }
    const kmin = orderedKey(cuts[cutStart[f]], bits, words, hi);
    const kmax = orderedKey(cuts[cutStart[f + 1] - 1], bits, words, hi);
    const target = Math.min(4096, 16 * m);
    let scale = 1;
    while ((kmax - kmin) * scale >= target) scale /= 2;
    keyMin[f] = kmin;
    keyScale[f] = scale;
    sizes[f] = Math.floor((kmax - kmin) * scale) + 1;
  }
  for (let f = 0; f < features; f++) bucketStart[f + 1] = bucketStart[f] + sizes[f];
  const lookup = new Int32Array(bucketStart[features]);
  for (let f = 0; f < features; f++) {
    const c0 = cutStart[f];
    const m = cutStart[f + 1] - c0;
    const b0 = bucketStart[f];
    let b = 0;
    for (let j = 0; j < m; j++) {
      const be = Math.floor((orderedKey(cuts[c0 + j], bits, words, hi) - keyMin[f]) * keyScale[f]);
      while (b <= be) lookup[b0 + b++] = j;
    }
    while (b < sizes[f]) lookup[b0 + b++] = m;
  }
  return { keyMin, keyScale, bucketStart, lookup };
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
  if (c.complete !== null) {
    predictComplete(c.complete, c.base, X, rows, p, out);
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
 * predictLogOdds over the complete-tree layout, in blocks of 64 rows: each row's values are first
 * coded as threshold ranks q (bucket lookup, then a short forward scan), then every tree is walked
 * by every row of the block (its splits stay in cache), D steps per row:
 * `i ← 2i + 1 + [q > rank]`, or `+ missingRight` when q = −1, in integer arithmetic. The rows'
 * walks are independent, so the processor overlaps them. Leaf values are added in tree order, as
 * logOddsOfRow adds them, so both give the same doubles.
 */
function predictComplete(c: CompleteTrees, base: number, X: Float64Array, rows: number, p: number, out: Float64Array): void {
  const { depth, splitStart, leafBase, feature, rankKey, leaf, cuts, cutStart, keyMin, keyScale, bucketStart, lookup } = c;
  const T = depth.length;
  const BLOCK = 64;
  const codes = new Int32Array(BLOCK * p);
  // the high 32-bit word of X[i] is words[2i + hi]: the values' integer keys read in place
  const words = new Int32Array(X.buffer, X.byteOffset, 2 * X.length);
  const hi = highWordIndex();
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = r0 + BLOCK < rows ? r0 + BLOCK : rows;
    for (let r = r0; r < r1; r++) out[r] = base;
    // feature by feature, so that its bucket table stays in cache over the block
    for (let f = 0; f < p; f++) {
      const c0 = cutStart[f];
      const m = cutStart[f + 1] - c0;
      const l0 = bucketStart[f];
      const last = bucketStart[f + 1] - l0 - 1;
      const kmin = keyMin[f];
      const scale = keyScale[f];
      for (let r = r0, xb = r0 * p + f, cb = f; r < r1; r++, xb += p, cb += p) {
        const x = X[xb];
        if (x !== x) {
          codes[cb] = -1;
          continue;
        }
        const h = words[2 * xb + hi];
        const b = Math.floor(((h ^ ((h >> 31) & 0x7fffffff)) - kmin) * scale);
        let q = lookup[l0 + (b < 0 ? 0 : b > last ? last : b)];
        while (q < m && cuts[c0 + q] < x) q++;
        codes[cb] = q;
      }
    }
    for (let t = 0; t < T; t++) {
      const D = depth[t];
      const s0 = splitStart[t];
      const l0 = leafBase[t];
      let r = r0;
      // eight rows in lockstep: eight independent chains of loads for the processor to overlap
      for (; r + 8 <= r1; r += 8) {
        const c0 = (r - r0) * p;
        const c1 = c0 + p;
        const c2 = c1 + p;
        const c3 = c2 + p;
        const c4 = c3 + p;
        const c5 = c4 + p;
        const c6 = c5 + p;
        const c7 = c6 + p;
        let i0 = 0;
        let i1 = 0;
        let i2 = 0;
        let i3 = 0;
        let i4 = 0;
        let i5 = 0;
        let i6 = 0;
        let i7 = 0;
        for (let d = 0; d < D; d++) {
          const k0 = s0 + i0;
          const k1 = s0 + i1;
          const k2 = s0 + i2;
          const k3 = s0 + i3;
          const k4 = s0 + i4;
          const k5 = s0 + i5;
          const k6 = s0 + i6;
          const k7 = s0 + i7;
          const q0 = codes[c0 + feature[k0]];
          const q1 = codes[c1 + feature[k1]];
          const q2 = codes[c2 + feature[k2]];
          const q3 = codes[c3 + feature[k3]];
          const q4 = codes[c4 + feature[k4]];
          const q5 = codes[c5 + feature[k5]];
          const q6 = codes[c6 + feature[k6]];
          const q7 = codes[c7 + feature[k7]];
          const e0 = rankKey[k0];
          const e1 = rankKey[k1];
          const e2 = rankKey[k2];
          const e3 = rankKey[k3];
          const e4 = rankKey[k4];
          const e5 = rankKey[k5];
          const e6 = rankKey[k6];
          const e7 = rankKey[k7];
          // [q > rank] = sign bit of (rank − q); q = −1 (missing) takes the key's missing bit
          i0 = 2 * i0 + 1 + ((((e0 >> 1) - q0) >>> 31) | ((q0 >>> 31) & e0));
          i1 = 2 * i1 + 1 + ((((e1 >> 1) - q1) >>> 31) | ((q1 >>> 31) & e1));
          i2 = 2 * i2 + 1 + ((((e2 >> 1) - q2) >>> 31) | ((q2 >>> 31) & e2));
          i3 = 2 * i3 + 1 + ((((e3 >> 1) - q3) >>> 31) | ((q3 >>> 31) & e3));
          i4 = 2 * i4 + 1 + ((((e4 >> 1) - q4) >>> 31) | ((q4 >>> 31) & e4));
          i5 = 2 * i5 + 1 + ((((e5 >> 1) - q5) >>> 31) | ((q5 >>> 31) & e5));
          i6 = 2 * i6 + 1 + ((((e6 >> 1) - q6) >>> 31) | ((q6 >>> 31) & e6));
          i7 = 2 * i7 + 1 + ((((e7 >> 1) - q7) >>> 31) | ((q7 >>> 31) & e7));
        }
        out[r] += leaf[l0 + i0];
        out[r + 1] += leaf[l0 + i1];
        out[r + 2] += leaf[l0 + i2];
        out[r + 3] += leaf[l0 + i3];
        out[r + 4] += leaf[l0 + i4];
        out[r + 5] += leaf[l0 + i5];
        out[r + 6] += leaf[l0 + i6];
        out[r + 7] += leaf[l0 + i7];
      }
      for (; r < r1; r++) {
        const cb = (r - r0) * p;
        let i = 0;
        for (let d = 0; d < D; d++) {
          const k = s0 + i;
          const q = codes[cb + feature[k]];
          const key = rankKey[k];
          i = 2 * i + 1 + ((((key >> 1) - q) >>> 31) | ((q >>> 31) & key));
        }
        out[r] += leaf[l0 + i];
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
