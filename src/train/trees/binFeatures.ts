/**
 * Histogram binning of the training features (private to the tree trainers).
 *
 * Numeric feature: at most `maxBins` value bins cut at quantiles of the training values (one bin
 * per distinct value when there are few), plus one slot for missing. Bin `t` holds the values
 * `upper[t − 1] < x <= upper[t]`; every `upper[t]` is the shortest decimal in
 * `[max value of bin t, min value of bin t + 1)`, so that `x <= upper[t]` is the split rule the
 * artifact stores as a real threshold and it sends every training value to the same side as its bin.
 *
 * Categorical feature: one bin per category seen in training (the `maxBins − 1` most frequent when
 * there are more; the rest share one last bin), plus the missing slot (`NaN` or `-1`).
 *
 * Layout: `slots` is row-major, `slots[r * features + f] = offset[f] + bin` (the global histogram
 * slot), so building a histogram reads each row's slots contiguously.
 */
import { InvalidOptionsError } from '../../errors.js';
import type { TrainingColumns } from './trainingColumns.js';

/** Binned training data. */
export interface BinnedFeatures {
  readonly rows: number;
  readonly features: number;
  /** Row-major global histogram slots: `offset[f] + bin` of row r, feature f at `r * features + f`. */
  readonly slots: Uint16Array | Uint32Array;
  /** First slot of each feature; feature f owns slots `offset[f] .. offset[f] + missingBin[f]`. */
  readonly offset: Int32Array;
  /** Number of value bins of each feature = index of its missing slot. */
  readonly missingBin: Int32Array;
  /** Column-major bins (`columns[f][r]`, missing = `missingBin[f]`): partitions read one byte per row. */
  readonly columns: Uint8Array[];
  /** Total number of slots (sum over features of value bins + 1). */
  readonly totalSlots: number;
  readonly isCategorical: Uint8Array;
  /** Numeric features: `upper[f][t]`, the real threshold between value bins t and t + 1 (length bins − 1). */
  readonly upper: (Float64Array | null)[];
  /** Categorical features: the category indices (feature dictionary) in each value bin. */
  readonly binCategories: (number[][] | null)[];
}

/** Options of {@link binFeatures}. */
export interface BinFeaturesOptions {
  /** Maximum number of value bins per feature (missing has its own slot on top). @defaultValue 255 */
  maxBins?: number;
}

/**
 * Bins every training column; see the module comment for the rules. O(p · n log n).
 *
 * @example
 * binFeatures({ rows: 3, columns: [Float64Array.of(1, NaN, 3)], kinds: ['numeric'], categoryCounts: [0] }).missingBin; //=> Int32Array [2]
 */
export function binFeatures(data: TrainingColumns, options: BinFeaturesOptions = {}): BinnedFeatures {
  const maxBins = options.maxBins ?? 255;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255) {
    throw new InvalidOptionsError(`binFeatures: maxBins must be an integer in [2, 255], received ${maxBins}`, [
      { code: 'out_of_range', path: ['maxBins'], message: 'must be an integer in [2, 255]' },
    ]);
  }
  const { rows, columns, kinds } = data;
  const p = columns.length;
  const offset = new Int32Array(p);
  const missingBin = new Int32Array(p);
  const isCategorical = new Uint8Array(p);
  const upper: (Float64Array | null)[] = [];
  const binCategories: (number[][] | null)[] = [];
  const perFeatureBins: Uint8Array[] = [];
  let total = 0;
  const lookup = new Uint8Array(LOOKUP_SIZE);
  const bits = new Float64Array(1);
  for (let f = 0; f < p; f++) {
    const col = columns[f];
    const bins = new Uint8Array(rows);
    if (kinds[f] === 'categorical') {
      isCategorical[f] = 1;
      const { binOf, groups } = categoricalBins(col, data.categoryCounts[f], maxBins);
      const miss = groups.length;
      for (let r = 0; r < rows; r++) {
        const v = col[r];
        bins[r] = Number.isNaN(v) || v < 0 ? miss : binOf[v];
      }
      missingBin[f] = miss;
      upper.push(null);
      binCategories.push(groups);
    } else {
      const edges = numericEdges(col, maxBins);
      const miss = edges.length + 1;
      assignBins(col, edges, bins, miss, lookup, bits);
      missingBin[f] = miss;
      upper.push(edges);
      binCategories.push(null);
    }
    offset[f] = total;
    total += missingBin[f] + 1;
    perFeatureBins.push(bins);
  }
  const slots = total <= 65536 ? new Uint16Array(rows * p) : new Uint32Array(rows * p);
  for (let f = 0; f < p; f++) {
    const bins = perFeatureBins[f];
    const off = offset[f];
    for (let r = 0, k = f; r < rows; r++, k += p) slots[k] = off + bins[r];
  }
  return { rows, features: p, slots, offset, missingBin, columns: perFeatureBins, totalSlots: total, isCategorical, upper, binCategories };
}

const LOOKUP_SIZE = 1 << 16;

/**
 * bins[r] = the smallest t with `col[r] <= edges[t]` (or `edges.length`), `miss` for NaN. The
 * values' range is cut into at most 2^16 buckets of their order-preserving integer key (the high
 * 32 bits of the double); `lookup[bucket]` = the number of edges in lower buckets, a lower bound of
 * the bin from which a short forward scan finishes (about one comparison per value instead of a
 * binary search's eight). `bits` is a one-element scratch array.
 */
function assignBins(col: Float64Array, edges: Float64Array, bins: Uint8Array, miss: number, lookup: Uint8Array, bits: Float64Array): void {
  const rows = col.length;
  const E = edges.length;
  const words = new Int32Array(bits.buffer);
  const hi = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  // order-preserving int32 key of the high word: negatives have their 31 low bits flipped
  const keyOf = (v: number): number => {
    bits[0] = v;
    const h = words[hi];
    return h ^ ((h >> 31) & 0x7fffffff);
  };
  let kmin = 0x7fffffff;
  let kmax = -0x80000000;
  for (let r = 0; r < rows; r++) {
    const v = col[r];
    if (Number.isNaN(v)) continue;
    const k = keyOf(v);
    if (k < kmin) kmin = k;
    if (k > kmax) kmax = k;
  }
  let scale = 1;
  while ((kmax - kmin) * scale >= LOOKUP_SIZE) scale /= 2;
  const buckets = Math.floor((kmax - kmin) * scale) + 1;
  let b = 0;
  for (let t = 0; t < E; t++) {
    const k = keyOf(edges[t]);
    const be = k < kmin ? -1 : k > kmax ? buckets - 1 : Math.floor((k - kmin) * scale);
    while (b <= be) lookup[b++] = t;
  }
  while (b < buckets) lookup[b++] = E;
  for (let r = 0; r < rows; r++) {
    const v = col[r];
    if (Number.isNaN(v)) {
      bins[r] = miss;
      continue;
    }
    let bin = lookup[Math.floor((keyOf(v) - kmin) * scale)];
    while (bin < E && v > edges[bin]) bin++;
    bins[r] = bin;
  }
}

/** Thresholds between consecutive value bins (length = value bins − 1). */
function numericEdges(col: Float64Array, maxBins: number): Float64Array {
  let m = 0;
  const sorted = new Float64Array(col.length);
  for (let r = 0; r < col.length; r++) if (!Number.isNaN(col[r])) sorted[m++] = col[r];
  const values = sorted.subarray(0, m).sort();
  // distinct values and their counts (in place: distinct values overwrite the sorted ones)
  const distinct = sorted;
  const counts = new Int32Array(m);
  let d = 0;
  for (let i = 0; i < m; i++) {
    const v = values[i];
    if (d > 0 && distinct[d - 1] === v) counts[d - 1]++;
    else {
      distinct[d] = v === 0 ? 0 : v; // -0 → 0
      counts[d++] = 1;
    }
  }
  if (d <= 1) return new Float64Array(0);
  const cuts: number[] = []; // index i: cut between distinct[i] and distinct[i + 1]
  if (d <= maxBins) {
    for (let i = 0; i < d - 1; i++) cuts.push(i);
  } else {
    // greedy quantile cuts: each bin takes about (remaining rows / remaining bins); a heavy value
    // (more rows than that) ends up alone in its bin
    let remainingRows = m;
    let remainingBins = maxBins;
    let inBin = 0;
    for (let i = 0; i < d - 1 && remainingBins > 1; i++) {
      inBin += counts[i];
      const target = remainingRows / remainingBins;
      // cut here when the bin is full, or when the next value alone would overfill it badly
      if (inBin >= target || inBin + counts[i + 1] > target * 1.5) {
        cuts.push(i);
        remainingRows -= inBin;
        remainingBins--;
        inBin = 0;
      }
    }
  }
  const edges = new Float64Array(cuts.length);
  for (let k = 0; k < cuts.length; k++) edges[k] = shortestDecimalIn(distinct[cuts[k]], distinct[cuts[k] + 1]);
  return edges;
}

/**
 * The number with the fewest significant decimal digits in `[a, b)` (a < b), preferring the value
 * closest to the middle among equally short ones is not needed: any value in the interval splits
 * the training data identically. Falls back to `a`.
 */
export function shortestDecimalIn(a: number, b: number): number {
  for (let digits = 1; digits <= 17; digits++) {
    let t = Number(a.toPrecision(digits));
    if (t < a) {
      // round up at this precision: add one unit in the last kept digit
      const exponent = Math.floor(Math.log10(Math.abs(a) || 1));
      const unit = 10 ** (exponent - digits + 1);
      t = Number((t + unit).toPrecision(digits));
      if (t < a) t = Number((t + unit).toPrecision(digits + 1));
    }
    if (t >= a && t < b) return t === 0 ? 0 : t;
  }
  return a;
}

/** Category → bin (by training frequency when there are more categories than bins). */
function categoricalBins(col: Float64Array, categoryCount: number, maxBins: number): { binOf: Int32Array; groups: number[][] } {
  const counts = new Float64Array(categoryCount);
  for (let r = 0; r < col.length; r++) {
    const v = col[r];
    if (v >= 0) counts[v]++;
  }
  const seen: number[] = [];
  for (let c = 0; c < categoryCount; c++) if (counts[c] > 0) seen.push(c);
  const binOf = new Int32Array(categoryCount).fill(-1);
  const groups: number[][] = [];
  if (seen.length <= maxBins) {
    for (const c of seen) {
      binOf[c] = groups.length;
      groups.push([c]);
    }
  } else {
    const byCount = [...seen].sort((x, y) => counts[y] - counts[x] || x - y);
    const kept = new Set(byCount.slice(0, maxBins - 1));
    const other: number[] = [];
    for (const c of seen) {
      if (kept.has(c)) {
        binOf[c] = groups.length;
        groups.push([c]);
      } else other.push(c);
    }
    for (const c of other) binOf[c] = groups.length;
    groups.push(other);
  }
  // categories never seen in training cannot occur in training rows; give them the missing slot
  for (let c = 0; c < categoryCount; c++) if (binOf[c] < 0) binOf[c] = groups.length;
  return { binOf, groups };
}
