/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2), ported from the reference implementation
 * (shap's `tree_shap.h`: extend / unwind / unwound-sum on the unique feature path).
 *
 * The value of a coalition S is the path-dependent conditional expectation: walk the tree, follow
 * x at splits on features in S, and average both children by training cover elsewhere. The
 * contributions φ_j are that game's Shapley values, so Σ_j φ_j = f(x) − E[f] exactly (up to float
 * rounding), where E[f] is the cover-weighted expectation ({@link CompiledTrees.expectedValue}).
 * O(T · L · D²) for T trees, L leaves and depth D.
 */
import { nextNode, type CompiledTrees } from './trees/compileTrees.js';

/** Work buffers for {@link treeShap}, sized for a compiled model. */
export interface TreeShapWork {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
}

/**
 * Allocates TreeSHAP work buffers for trees up to `maxDepth` deep.
 *
 * @example
 * const work = createTreeShapWork(compiled.maxDepth);
 */
export function createTreeShapWork(maxDepth: number): TreeShapWork {
  const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + 1;
  return { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
}

/**
 * Adds each feature's TreeSHAP contribution to the log-odds of `row` into `phi` (zero it first).
 *
 * @param compiled - the compiled ensemble (log-odds = base + Σ leaf values)
 * @param row - the encoded feature row (model order; NaN = missing)
 * @param phi - one slot per feature; contributions are added
 * @param work - buffers from {@link createTreeShapWork}
 * @example
 * const phi = new Float64Array(p);
 * treeShap(compiled, row, phi, work);
 * phi.reduce((a, b) => a + b, 0); //=> logOddsOfRow(compiled, row) − compiled.expectedValue
 */
export function treeShap(compiled: CompiledTrees, row: Float64Array, phi: Float64Array, work: TreeShapWork): void {
  for (let t = 0; t < compiled.trees; t++) recurse(compiled, row, phi, work, compiled.roots[t], 0, 0, 1, 1, -1);
}

function recurse(
  c: CompiledTrees,
  row: Float64Array,
  phi: Float64Array,
  work: TreeShapWork,
  node: number,
  uniqueDepth: number,
  parentOffset: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  const { feature: pf, zero: pz, one: po, weight: pw } = work;
  const off = parentOffset + uniqueDepth + 1;
  // copy the parent's path (uniqueDepth elements are valid; the last slot is rewritten below)
  for (let i = 0; i < uniqueDepth; i++) {
    pf[off + i] = pf[parentOffset + i];
    pz[off + i] = pz[parentOffset + i];
    po[off + i] = po[parentOffset + i];
    pw[off + i] = pw[parentOffset + i];
  }
  extendPath(work, off, uniqueDepth, parentZero, parentOne, parentFeature);
  const split = c.feature[node];
  if (split < 0) {
    const v = c.value[node];
    for (let i = 1; i <= uniqueDepth; i++) {
      const w = unwoundPathSum(work, off, uniqueDepth, i);
      phi[pf[off + i]] += w * (po[off + i] - pz[off + i]) * v;
    }
    return;
  }
  const hot = nextNode(c, node, row[split]);
  const isHotLeft = hot === c.left[node];
  const cold = isHotLeft ? c.right[node] : c.left[node];
  const hotZero = isHotLeft ? c.leftFraction[node] : c.rightFraction[node];
  const coldZero = isHotLeft ? c.rightFraction[node] : c.leftFraction[node];
  let incomingZero = 1;
  let incomingOne = 1;
  let depth = uniqueDepth;
  let k = 0;
  for (; k <= depth; k++) if (pf[off + k] === split) break;
  if (k <= depth) {
    incomingZero = pz[off + k];
    incomingOne = po[off + k];
    unwindPath(work, off, depth, k);
    depth -= 1;
  }
  recurse(c, row, phi, work, hot, depth + 1, off, hotZero * incomingZero, incomingOne, split);
  recurse(c, row, phi, work, cold, depth + 1, off, coldZero * incomingZero, 0, split);
}

function extendPath(work: TreeShapWork, off: number, depth: number, zero: number, one: number, feature: number): void {
  const { feature: pf, zero: pz, one: po, weight: pw } = work;
  pf[off + depth] = feature;
  pz[off + depth] = zero;
  po[off + depth] = one;
  pw[off + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    pw[off + i + 1] += (one * pw[off + i] * (i + 1)) / (depth + 1);
    pw[off + i] = (zero * pw[off + i] * (depth - i)) / (depth + 1);
  }
}

function unwindPath(work: TreeShapWork, off: number, depth: number, pathIndex: number): void {
  const { feature: pf, zero: pz, one: po, weight: pw } = work;
  const one = po[off + pathIndex];
  const zero = pz[off + pathIndex];
  let nextOnePortion = pw[off + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = pw[off + i];
      pw[off + i] = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      nextOnePortion = tmp - (pw[off + i] * zero * (depth - i)) / (depth + 1);
    } else {
      pw[off + i] = (pw[off + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    pf[off + i] = pf[off + i + 1];
    pz[off + i] = pz[off + i + 1];
    po[off + i] = po[off + i + 1];
  }
}

function unwoundPathSum(work: TreeShapWork, off: number, depth: number, pathIndex: number): number {
  const { zero: pz, one: po, weight: pw } = work;
  const one = po[off + pathIndex];
  const zero = pz[off + pathIndex];
  let nextOnePortion = pw[off + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOnePortion = pw[off + i] - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += pw[off + i] / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}
