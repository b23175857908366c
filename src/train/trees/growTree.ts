/**
 * The histogram tree builder shared by CART, the random forest and gradient boosting (private).
 *
 * Every row carries two statistics, `g` and `h`, and every histogram slot sums `g`, `h` and the
 * row count:
 * - gradient boosting (`criterion: 'gradient'`): g = w·(p − y), h = w·p·(1 − p); a leaf's value is
 *   −G/(H + λ) and a split's gain is ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)] (XGBoost);
 * - CART (`'gini'` / `'entropy'`): g = w·y (bad weight), h = w (weight); gain is the weighted
 *   impurity decrease divided by the root weight (scikit-learn's `min_impurity_decrease` scale).
 *
 * Growth is best-first (largest gain first) until `maxLeaves`; without a leaf limit this builds the
 * same tree as depth-wise growth. Each split scans the value bins of a numeric feature in order with
 * the missing slot tried on both sides (the learned default direction); a categorical feature's
 * bins are sorted by their statistic (bad rate, or G/(H + catSmooth)) and split into a prefix set
 * and the rest (Fisher/LightGBM). A child's histogram is either built from its rows or obtained as
 * parent − sibling (the smaller child is built, the larger subtracted), except when features are
 * sampled per split (forests), where each node builds histograms of its sampled features only.
 *
 * Monotone constraints (gradient only) follow XGBoost: a split on a constrained feature is rejected
 * when its children's weights violate the direction; the children's weights bound their subtrees
 * through the midpoint, so every tree, hence the sum, is exactly monotone in that feature.
 */
import type { Random } from '../../_lib/random.js';
import type { BinnedFeatures } from './binFeatures.js';

/** Parameters of {@link growTree}. */
export interface GrowTreeParams {
  criterion: 'gradient' | 'gini' | 'entropy';
  maxDepth: number;
  maxLeaves: number;
  minSamplesLeaf: number;
  /** Minimum sum of `h` in a child (hessian for gradient, weight for CART). */
  minChildWeight: number;
  /** L2 regularisation of leaf weights (gradient). */
  lambda: number;
  /** A split must gain strictly more than this. */
  minGain: number;
  /** CART: gains are divided by this (total training weight). */
  totalWeight: number;
  /** Features available to this tree (ascending). */
  activeFeatures: Int32Array;
  /** Features drawn per split (without replacement); `>= activeFeatures.length` = all. */
  featuresPerSplit: number;
  /** Per feature: +1 leaf values non-decreasing in the feature, −1 non-increasing, 0 free. */
  monotone: Int8Array | null;
  /** Smoothing of the categorical sort key G/(H + catSmooth) (gradient). */
  catSmooth: number;
  rng: Random | null;
}

/** A grown tree in bin space, plus the rows of each leaf. */
export interface GrownTree {
  nodeCount: number;
  /** −1 for a leaf. */
  feature: number[];
  /** Numeric split: rows with bin <= thresholdBin go left. */
  thresholdBin: number[];
  /** Categorical split: membership of each bin of the feature in the left set. */
  leftBins: (Uint8Array | null)[];
  defaultLeft: number[];
  left: number[];
  right: number[];
  sumG: number[];
  sumH: number[];
  count: number[];
  /** Bounds on the (unshrunk) leaf weight from monotone constraints. */
  lower: number[];
  upper: number[];
  /** Each node's rows are `rows[start[i]] .. rows[end[i] − 1]` (leaves partition the in-sample rows). */
  start: number[];
  end: number[];
  depth: number[];
  gain: number[];
}

/** Reusable work buffers (one set per training run). */
export interface GrowBuffers {
  /** In-sample row indices; `rows[0 .. n)` on entry, partitioned by node on exit. */
  rows: Int32Array;
  scratch: Int32Array;
  pool: Float64Array[];
  featureScratch: Int32Array;
  /**
   * Set by a caller whose every tree grows from the same rows (boosting without row subsampling):
   * the root's row count per histogram slot is then computed once and kept in `rootCounts`.
   */
  sameRows: boolean;
  rootCounts: Float64Array | null;
  /** partition's table: 1 when a bin goes left. */
  goesLeft: Uint8Array;
}

/** Allocates buffers for `n` rows. */
export function createGrowBuffers(n: number, features: number): GrowBuffers {
  return { rows: new Int32Array(n), scratch: new Int32Array(n), pool: [], featureScratch: new Int32Array(features), sameRows: false, rootCounts: null, goesLeft: new Uint8Array(256) };
}

interface Candidate {
  node: number;
  gain: number;
  feature: number;
  bin: number;
  leftBins: Uint8Array | null;
  defaultLeft: number;
  lg: number;
  lh: number;
  lc: number;
  rg: number;
  rh: number;
  rc: number;
  wl: number;
  wr: number;
}

function emptyCandidate(node: number): Candidate {
  return { node, gain: Number.NEGATIVE_INFINITY, feature: -1, bin: -1, leftBins: null, defaultLeft: 0, lg: 0, lh: 0, lc: 0, rg: 0, rh: 0, rc: 0, wl: 0, wr: 0 };
}

/**
 * Grows one tree on `rows[0 .. n)` of `buffers`, reading `g` and `h` per row.
 *
 * @example
 * const tree = growTree(binned, g, h, n, buffers, params); tree.nodeCount; //=> 7
 */
export function growTree(binned: BinnedFeatures, g: Float64Array, h: Float64Array, n: number, buffers: GrowBuffers, params: GrowTreeParams): GrownTree {
  const tree: GrownTree = {
    nodeCount: 0, feature: [], thresholdBin: [], leftBins: [], defaultLeft: [], left: [], right: [], sumG: [], sumH: [], count: [],
    lower: [], upper: [], start: [], end: [], depth: [], gain: [],
  };
  const { rows } = buffers;
  const sampled = params.featuresPerSplit < params.activeFeatures.length;
  // histograms cover every feature when most are active (the unrolled all-feature loop is faster
  // than an indirect one); split finding still scans only the active features
  const histFeatures = !sampled && params.activeFeatures.length * 2 >= binned.features ? allFeatures(binned.features) : params.activeFeatures;
  // root statistics
  let G = 0;
  let H = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    G += g[r];
    H += h[r];
  }
  const root = addNode(tree, 0, n, 0, G, H, n, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const heap: Candidate[] = [];
  let leaves = 1;
  const hists: (Float64Array | null)[] = [];
  const take = (): Float64Array => buffers.pool.pop() ?? new Float64Array(binned.totalSlots * 3);
  const give = (b: Float64Array | null): void => {
    if (b !== null) buffers.pool.push(b);
  };

  const consider = (node: number, hist: Float64Array | null): void => {
    if (!isSplittable(tree, node, params, leaves)) {
      give(hist);
      hists[node] = null;
      return;
    }
    let feats: Int32Array = params.activeFeatures;
    let nf = feats.length;
    let own = hist;
    if (sampled) {
      nf = sampleFeatures(params, buffers.featureScratch);
      feats = buffers.featureScratch;
      own = take();
      clearHistogram(own, binned, feats, nf);
      buildHistogram(own, binned, rows, tree.start[node], tree.end[node], g, h, feats, nf);
    }
    const c = findBestSplit(tree, node, own as Float64Array, binned, feats, nf, params);
    if (sampled) {
      give(own);
      hists[node] = null;
    } else hists[node] = own;
    if (c.feature >= 0 && c.gain > params.minGain) heapPush(heap, c);
    else {
      if (!sampled) give(own);
      hists[node] = null;
    }
  };

  let rootHist: Float64Array | null = null;
  if (!sampled && isSplittable(tree, root, params, leaves)) {
    rootHist = take();
    clearHistogram(rootHist, binned, histFeatures, histFeatures.length);
    if (buffers.sameRows && histFeatures.length === binned.features) {
      // the root's rows are those of the previous trees: its row counts are too (exact integers)
      const counts = buffers.rootCounts;
      if (counts === null) {
        buildHistogram(rootHist, binned, rows, 0, n, g, h, histFeatures, histFeatures.length);
        const saved = new Float64Array(binned.totalSlots);
        for (let t = 0; t < saved.length; t++) saved[t] = rootHist[3 * t + 2];
        buffers.rootCounts = saved;
      } else {
        buildGradientHistogram(rootHist, binned, rows, 0, n, g, h);
        for (let t = 0; t < counts.length; t++) rootHist[3 * t + 2] = counts[t];
      }
    } else buildHistogram(rootHist, binned, rows, 0, n, g, h, histFeatures, histFeatures.length);
  }
  consider(root, rootHist);

  while (heap.length > 0 && leaves < params.maxLeaves) {
    const c = heapPop(heap);
    const node = c.node;
    const parentHist = hists[node];
    hists[node] = null;
    const start = tree.start[node];
    const end = tree.end[node];
    const mid = partition(binned, buffers, start, end, c);
    const d = tree.depth[node] + 1;
    // monotone bounds of the children
    let lLower = tree.lower[node];
    let lUpper = tree.upper[node];
    let rLower = lLower;
    let rUpper = lUpper;
    const dir = params.monotone === null ? 0 : params.monotone[c.feature];
    if (dir !== 0) {
      const m = (c.wl + c.wr) / 2;
      if (dir > 0) {
        lUpper = Math.min(lUpper, m);
        rLower = Math.max(rLower, m);
      } else {
        lLower = Math.max(lLower, m);
        rUpper = Math.min(rUpper, m);
      }
    }
    const L = addNode(tree, start, mid, d, c.lg, c.lh, c.lc, lLower, lUpper);
    const R = addNode(tree, mid, end, d, c.rg, c.rh, c.rc, rLower, rUpper);
    tree.feature[node] = c.feature;
    tree.thresholdBin[node] = c.bin;
    tree.leftBins[node] = c.leftBins;
    tree.defaultLeft[node] = c.defaultLeft;
    tree.left[node] = L;
    tree.right[node] = R;
    tree.gain[node] = c.gain;
    leaves++;
    if (sampled) {
      consider(L, null);
      consider(R, null);
      continue;
    }
    const splitL = isSplittable(tree, L, params, leaves);
    const splitR = isSplittable(tree, R, params, leaves);
    const feats = histFeatures;
    const nf = feats.length;
    const nL = mid - start;
    const nR = end - mid;
    let hL: Float64Array | null = null;
    let hR: Float64Array | null = null;
    const parent = parentHist as Float64Array;
    if (splitL && splitR) {
      const small = take();
      clearHistogram(small, binned, feats, nf);
      if (nL <= nR) {
        buildHistogram(small, binned, rows, start, mid, g, h, feats, nf);
        subtractHistogram(parent, small, binned, feats, nf);
        hL = small;
        hR = parent;
      } else {
        buildHistogram(small, binned, rows, mid, end, g, h, feats, nf);
        subtractHistogram(parent, small, binned, feats, nf);
        hR = small;
        hL = parent;
      }
    } else if (splitL || splitR) {
      const wantLeft = splitL;
      const nWant = wantLeft ? nL : nR;
      const nOther = wantLeft ? nR : nL;
      if (nWant <= nOther + 64) {
        clearHistogram(parent, binned, feats, nf);
        buildHistogram(parent, binned, rows, wantLeft ? start : mid, wantLeft ? mid : end, g, h, feats, nf);
      } else {
        const other = take();
        clearHistogram(other, binned, feats, nf);
        buildHistogram(other, binned, rows, wantLeft ? mid : start, wantLeft ? end : mid, g, h, feats, nf);
        subtractHistogram(parent, other, binned, feats, nf);
        give(other);
      }
      if (wantLeft) hL = parent;
      else hR = parent;
    } else give(parent);
    if (splitL) consider(L, hL);
    if (splitR) consider(R, hR);
  }
  for (const b of hists) give(b ?? null);
  return tree;
}

function allFeatures(p: number): Int32Array {
  const a = new Int32Array(p);
  for (let j = 0; j < p; j++) a[j] = j;
  return a;
}

function addNode(tree: GrownTree, start: number, end: number, depth: number, G: number, H: number, C: number, lower: number, upper: number): number {
  const i = tree.nodeCount++;
  tree.feature.push(-1);
  tree.thresholdBin.push(-1);
  tree.leftBins.push(null);
  tree.defaultLeft.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.sumG.push(G);
  tree.sumH.push(H);
  tree.count.push(C);
  tree.lower.push(lower);
  tree.upper.push(upper);
  tree.start.push(start);
  tree.end.push(end);
  tree.depth.push(depth);
  tree.gain.push(0);
  return i;
}

function isSplittable(tree: GrownTree, node: number, params: GrowTreeParams, leaves: number): boolean {
  if (leaves >= params.maxLeaves) return false;
  if (tree.depth[node] >= params.maxDepth) return false;
  if (tree.count[node] < 2 * params.minSamplesLeaf) return false;
  if (tree.sumH[node] < 2 * params.minChildWeight) return false;
  if (params.criterion !== 'gradient') {
    // a pure node cannot gain
    const B = tree.sumG[node];
    const W = tree.sumH[node];
    if (B <= 0 || B >= W) return false;
  }
  return true;
}

function sampleFeatures(params: GrowTreeParams, out: Int32Array): number {
  const active = params.activeFeatures;
  const m = active.length;
  const k = Math.max(1, params.featuresPerSplit);
  out.set(active);
  const rng = params.rng as Random;
  // partial Fisher–Yates, then sort the chosen ones (deterministic scan order)
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(m - i);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  out.subarray(0, k).sort();
  return k;
}

function clearHistogram(hist: Float64Array, binned: BinnedFeatures, feats: Int32Array, nf: number): void {
  if (nf === binned.features) {
    hist.fill(0);
    return;
  }
  for (let k = 0; k < nf; k++) {
    const f = feats[k];
    hist.fill(0, binned.offset[f] * 3, (binned.offset[f] + binned.missingBin[f] + 1) * 3);
  }
}

/**
 * Adds rows[start..end) into `hist` for the listed features. All features: each row's slots are
 * read contiguously, eight per loop iteration (V8 re-checks the arrays and the loop bound once per
 * iteration, so the unrolled loop runs about a fifth fewer instructions per update than a
 * two-way one); the sums of every slot are still taken in row order.
 */
function buildHistogram(
  hist: Float64Array,
  binned: BinnedFeatures,
  rows: Int32Array,
  start: number,
  end: number,
  g: Float64Array,
  h: Float64Array,
  feats: Int32Array,
  nf: number,
): void {
  const P = binned.features;
  const slots = binned.slots;
  if (nf === P) {
    const P8 = P & ~7;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      const gr = g[r];
      const hr = h[r];
      let k = r * P;
      const stop8 = k + P8;
      const stop = k + P;
      let s = 0;
      for (; k < stop8; k += 8) {
        s = slots[k + 0] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 1] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 2] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 3] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 4] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 5] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 6] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
        s = slots[k + 7] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
      }
      for (; k < stop; k++) {
        s = slots[k] * 3;
        hist[s] += gr;
        hist[s + 1] += hr;
        hist[s + 2] += 1;
      }
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const gr = g[r];
    const hr = h[r];
    const base = r * P;
    for (let k = 0; k < nf; k++) {
      const s = slots[base + feats[k]] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      hist[s + 2] += 1;
    }
  }
}

/** buildHistogram over all features without the row counts (the root's, when they are known). */
function buildGradientHistogram(hist: Float64Array, binned: BinnedFeatures, rows: Int32Array, start: number, end: number, g: Float64Array, h: Float64Array): void {
  const P = binned.features;
  const slots = binned.slots;
  const P8 = P & ~7;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const gr = g[r];
    const hr = h[r];
    let k = r * P;
    const stop8 = k + P8;
    const stop = k + P;
    let s = 0;
    for (; k < stop8; k += 8) {
      s = slots[k + 0] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 1] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 2] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 3] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 4] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 5] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 6] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
      s = slots[k + 7] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
    }
    for (; k < stop; k++) {
      s = slots[k] * 3;
      hist[s] += gr;
      hist[s + 1] += hr;
    }
  }
}

/** parent ← parent − child over the listed features. */
function subtractHistogram(parent: Float64Array, child: Float64Array, binned: BinnedFeatures, feats: Int32Array, nf: number): void {
  if (nf === binned.features) {
    for (let s = 0, e = binned.totalSlots * 3; s < e; s++) parent[s] -= child[s];
    return;
  }
  for (let k = 0; k < nf; k++) {
    const f = feats[k];
    for (let s = binned.offset[f] * 3, e = (binned.offset[f] + binned.missingBin[f] + 1) * 3; s < e; s++) parent[s] -= child[s];
  }
}

/**
 * Stable partition of rows[start..end) by the candidate split; returns the first right index.
 * Branch-free: a 0/1 table over the feature's bins (missing included) says which rows go left;
 * every row is written to both outputs and only the cursor of its side advances.
 */
function partition(binned: BinnedFeatures, buffers: GrowBuffers, start: number, end: number, c: Candidate): number {
  const { rows, scratch, goesLeft } = buffers;
  const col = binned.columns[c.feature];
  const miss = binned.missingBin[c.feature];
  for (let b = 0; b < miss; b++) goesLeft[b] = c.leftBins === null ? (b <= c.bin ? 1 : 0) : c.leftBins[b];
  goesLeft[miss] = c.defaultLeft === 1 ? 1 : 0;
  let w = start;
  let k = 0;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const l = goesLeft[col[r]];
    rows[w] = r;
    scratch[k] = r;
    w += l;
    k += 1 - l;
  }
  rows.set(scratch.subarray(0, k), w);
  return w;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** −(2Gw + (H + λ)w²): the objective reduction of weight w (XGBoost CalcGainGivenWeight). */
function gainGivenWeight(G: number, H: number, lambda: number, w: number): number {
  return -(2 * G * w + (H + lambda) * w * w);
}

function impurity(criterion: 'gini' | 'entropy' | 'gradient', B: number, W: number): number {
  if (W <= 0) return 0;
  const good = W - B;
  if (B <= 0 || good <= 0) return 0;
  if (criterion === 'gini') return (2 * B * good) / W;
  return -(B * Math.log2(B / W) + good * Math.log2(good / W));
}

/** Finds the best split of `node` over the listed features. */
function findBestSplit(tree: GrownTree, node: number, hist: Float64Array, binned: BinnedFeatures, feats: Int32Array, nf: number, params: GrowTreeParams): Candidate {
  const best = emptyCandidate(node);
  const G = tree.sumG[node];
  const H = tree.sumH[node];
  const C = tree.count[node];
  const lower = tree.lower[node];
  const upper = tree.upper[node];
  const { lambda, minSamplesLeaf, minChildWeight, criterion } = params;
  const isGradient = criterion === 'gradient';
  const bounded = lower > Number.NEGATIVE_INFINITY || upper < Number.POSITIVE_INFINITY;
  const parentWeight = clamp(-G / (H + lambda), lower, upper);
  const parentScore = isGradient ? (bounded ? gainGivenWeight(G, H, lambda, parentWeight) : (G * G) / (H + lambda)) : impurity(criterion, G, H);
  const norm = isGradient ? 0.5 : 1 / params.totalWeight;

  // evaluates one (left, right) partition; returns the gain or −Infinity when not allowed
  let wl = 0;
  let wr = 0;
  const evaluate = (lg: number, lh: number, lc: number, rg: number, rh: number, rc: number, dir: number): number => {
    if (lc < minSamplesLeaf || rc < minSamplesLeaf || lh < minChildWeight || rh < minChildWeight) return Number.NEGATIVE_INFINITY;
    if (!isGradient) return (parentScore - impurity(criterion, lg, lh) - impurity(criterion, rg, rh)) * norm;
    if (!bounded && dir === 0) return ((lg * lg) / (lh + lambda) + (rg * rg) / (rh + lambda) - parentScore) * norm;
    wl = clamp(-lg / (lh + lambda), lower, upper);
    wr = clamp(-rg / (rh + lambda), lower, upper);
    if ((dir > 0 && wl > wr) || (dir < 0 && wl < wr)) return Number.NEGATIVE_INFINITY;
    return (gainGivenWeight(lg, lh, lambda, wl) + gainGivenWeight(rg, rh, lambda, wr) - parentScore) * norm;
  };
  // best.gain, kept in a local for the scans
  let bestGain = best.gain;
  const record = (gain: number, f: number, bin: number, leftBins: Uint8Array | null, dl: number, lg: number, lh: number, lc: number, rg: number, rh: number, rc: number): void => {
    best.gain = gain;
    bestGain = gain;
    best.feature = f;
    best.bin = bin;
    best.leftBins = leftBins;
    best.defaultLeft = dl;
    best.lg = lg;
    best.lh = lh;
    best.lc = lc;
    best.rg = rg;
    best.rh = rh;
    best.rc = rc;
    best.wl = clamp(-lg / (lh + lambda), lower, upper);
    best.wr = clamp(-rg / (rh + lambda), lower, upper);
  };

  for (let k = 0; k < nf; k++) {
    const f = feats[k];
    const off = binned.offset[f];
    const mb = binned.missingBin[f];
    const ms = (off + mb) * 3;
    const mg = hist[ms];
    const mh = hist[ms + 1];
    const mc = hist[ms + 2];
    const ng = G - mg;
    const nh = H - mh;
    const nc = C - mc;
    const dir = params.monotone === null || binned.isCategorical[f] === 1 ? 0 : params.monotone[f];
    if (binned.isCategorical[f] === 0) {
      const fast = isGradient && !bounded && dir === 0;
      let lg = 0;
      let lh = 0;
      let lc = 0;
      for (let t = 0; t < mb - 1; t++) {
        const s = (off + t) * 3;
        const bc = hist[s + 2];
        if (bc === 0) continue;
        lg += hist[s];
        lh += hist[s + 1];
        lc += bc;
        if (nc - lc <= 0) break;
        // no later threshold leaves enough rows on the right, and none before this one on the left
        if (nc - lc + mc < minSamplesLeaf) break;
        if (lc + mc < minSamplesLeaf) continue;
        if (fast) {
          // evaluate() inlined for the common case (gradient, no bounds, no constraint): same expressions
          const rg = ng - lg + mg;
          const rh = nh - lh + mh;
          const rc = nc - lc + mc;
          if (lc >= minSamplesLeaf && rc >= minSamplesLeaf && lh >= minChildWeight && rh >= minChildWeight) {
            const g1 = ((lg * lg) / (lh + lambda) + (rg * rg) / (rh + lambda) - parentScore) * norm;
            if (g1 > bestGain) record(g1, f, t, null, mc > 0 ? 0 : lh > nh - lh ? 1 : 0, lg, lh, lc, rg, rh, rc);
          }
          if (mc > 0) {
            const lg2 = lg + mg;
            const lh2 = lh + mh;
            const rg2 = ng - lg;
            const rh2 = nh - lh;
            if (lc + mc >= minSamplesLeaf && nc - lc >= minSamplesLeaf && lh2 >= minChildWeight && rh2 >= minChildWeight) {
              const g2 = ((lg2 * lg2) / (lh2 + lambda) + (rg2 * rg2) / (rh2 + lambda) - parentScore) * norm;
              if (g2 > bestGain) record(g2, f, t, null, 1, lg2, lh2, lc + mc, rg2, rh2, nc - lc);
            }
          }
          continue;
        }
        // missing right
        const g1 = evaluate(lg, lh, lc, ng - lg + mg, nh - lh + mh, nc - lc + mc, dir);
        if (g1 > best.gain) {
          const dl = mc > 0 ? 0 : lh > nh - lh ? 1 : 0;
          record(g1, f, t, null, dl, lg, lh, lc, ng - lg + mg, nh - lh + mh, nc - lc + mc);
        }
        if (mc > 0) {
          const g2 = evaluate(lg + mg, lh + mh, lc + mc, ng - lg, nh - lh, nc - lc, dir);
          if (g2 > best.gain) record(g2, f, t, null, 1, lg + mg, lh + mh, lc + mc, ng - lg, nh - lh, nc - lc);
        }
      }
    } else {
      // categorical: sort the non-empty bins by their statistic, split into prefix / rest
      const order: number[] = [];
      for (let t = 0; t < mb; t++) if (hist[(off + t) * 3 + 2] > 0) order.push(t);
      if (order.length < 2) continue;
      const key = (t: number): number => {
        const s = (off + t) * 3;
        return isGradient ? hist[s] / (hist[s + 1] + params.catSmooth) : hist[s] / hist[s + 1];
      };
      const keys = new Map(order.map((t) => [t, key(t)]));
      order.sort((a, b) => (keys.get(a) as number) - (keys.get(b) as number) || a - b);
      let lg = 0;
      let lh = 0;
      let lc = 0;
      let bestK = -1;
      let bestDl = 0;
      let bestGain = best.gain;
      for (let i = 0; i < order.length - 1; i++) {
        const s = (off + order[i]) * 3;
        lg += hist[s];
        lh += hist[s + 1];
        lc += hist[s + 2];
        const g1 = evaluate(lg, lh, lc, ng - lg + mg, nh - lh + mh, nc - lc + mc, 0);
        if (g1 > bestGain) {
          bestGain = g1;
          bestK = i;
          bestDl = mc > 0 ? 0 : lh > nh - lh ? 1 : 0;
        }
        if (mc > 0) {
          const g2 = evaluate(lg + mg, lh + mh, lc + mc, ng - lg, nh - lh, nc - lc, 0);
          if (g2 > bestGain) {
            bestGain = g2;
            bestK = i;
            bestDl = 1;
          }
        }
      }
      if (bestK >= 0) {
        const leftBins = new Uint8Array(mb + 1);
        let sg = 0;
        let sh = 0;
        let sc = 0;
        for (let i = 0; i <= bestK; i++) {
          leftBins[order[i]] = 1;
          const s = (off + order[i]) * 3;
          sg += hist[s];
          sh += hist[s + 1];
          sc += hist[s + 2];
        }
        if (bestDl === 1 && mc > 0) record(bestGain, f, -1, leftBins, 1, sg + mg, sh + mh, sc + mc, ng - sg, nh - sh, nc - sc);
        else record(bestGain, f, -1, leftBins, bestDl, sg, sh, sc, ng - sg + mg, nh - sh + mh, nc - sc + mc);
      }
    }
  }
  void wl;
  void wr;
  return best;
}

// binary max-heap on (gain desc, node asc)
function above(a: Candidate, b: Candidate): boolean {
  return a.gain > b.gain || (a.gain === b.gain && a.node < b.node);
}

function heapPush(heap: Candidate[], c: Candidate): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!above(heap[i], heap[p])) break;
    [heap[i], heap[p]] = [heap[p], heap[i]];
    i = p;
  }
}

function heapPop(heap: Candidate[]): Candidate {
  const top = heap[0];
  const last = heap.pop() as Candidate;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && above(heap[l], heap[m])) m = l;
      if (r < heap.length && above(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

/**
 * Leaf reached by training row `r` (binned traversal), for rows outside the tree's sample.
 *
 * @example
 * leafOfBinnedRow(tree, binned, 17); //=> 4
 */
export function leafOfBinnedRow(tree: GrownTree, binned: BinnedFeatures, r: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const f = tree.feature[node];
    const b = binned.columns[f][r];
    let goLeft: boolean;
    if (b === binned.missingBin[f]) goLeft = tree.defaultLeft[node] === 1;
    else {
      const lb = tree.leftBins[node];
      goLeft = lb === null ? b <= tree.thresholdBin[node] : lb[b] === 1;
    }
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return node;
}
