import type { Calibration } from '../schema/artifactCommon.js';
import { applyCalibration } from './applyCalibration.js';

/**
 * Private batch kernel of `ScorecardScorer.predict`: the PD `applyCalibration(calibration,
 * intercept + Σ_j logOdds_j[bin_j])` of every row of a row-major matrix, the log-odds summed in
 * characteristic order exactly as `score()` sums them, so every result is bit-identical to the
 * one-record path.
 *
 * Layout: row-major, four rows at a time. For each characteristic the four rows' cells are read
 * (sequential memory), their log-odds accumulate in four registers (no accumulator arrays), and a
 * numeric characteristic without special values finds its bins by a branch-free binary search over
 * its cut-points padded with +Infinity to `2^depth − 1` entries (comparison results are added, not
 * branched on, so random values cost no mispredicted branches; the four searches are independent,
 * so the CPU overlaps them). A missing or infinite cell among the four (`v − v` is NaN for both)
 * sends that characteristic's four cells through {@link cellBin}, as do categorical
 * characteristics and numeric ones with special values.
 */

/**
 * Everything the kernel reads, flattened at construction.
 *
 * @example
 * const plan = scorecardPlan(artifact.model.intercept, artifact.model.characteristics);
 */
export interface ScorecardPlan {
  readonly intercept: number;
  /** Number of characteristics. */
  readonly k: number;
  /** Binary-search steps of the fast path: fast characteristics' cuts are padded to `2^depth − 1`. */
  readonly depth: number;
  /** Per characteristic: 1 = numeric without special values (the branch-free search). */
  readonly fast: Uint8Array;
  /** The fast characteristics' padded cut-points, each at `cutOffset[j] = (2^depth − 1) · j`. */
  readonly searchCuts: Float64Array;
  readonly cutOffset: Int32Array;
  /** coefficient · woe of every bin, each characteristic's bins at `binOffset[j]`. */
  readonly logOdds: Float64Array;
  readonly binOffset: Int32Array;
  /** `binOffset[j] = binStride · j`. */
  readonly binStride: number;
  /** Per characteristic: 1 = categorical. */
  readonly categorical: Uint8Array;
  readonly missingBin: Int32Array;
  readonly unseenBin: Int32Array;
  /** Per characteristic: its cut-points (unpadded; empty for categorical ones). */
  readonly cutpoints: readonly Float64Array[];
  readonly specialValues: readonly Float64Array[];
  readonly specialBins: readonly Int32Array[];
  readonly categoryBins: readonly Int32Array[];
}

/** The part of a characteristic the kernel needs (a structural subset of the artifact's). */
export interface PlanCharacteristic {
  readonly coefficient: number;
  readonly binning:
    | { readonly type: 'numeric'; readonly cutpoints: readonly number[]; readonly specialValues: readonly { readonly value: number; readonly bin: number }[]; readonly missingBin: number; readonly bins: readonly { readonly woe: number }[] }
    | { readonly type: 'categorical'; readonly categoryBins: readonly number[]; readonly unseenBin: number; readonly missingBin: number; readonly bins: readonly { readonly woe: number }[] };
}

/**
 * Flattens a scorecard's characteristics for {@link predictRows}. The per-bin log-odds are
 * `coefficient * woe`, the same products `ScorecardScorer.score` adds.
 *
 * @example
 * scorecardPlan(-1.2, characteristics).depth; //=> 3
 */
export function scorecardPlan(intercept: number, characteristics: readonly PlanCharacteristic[]): ScorecardPlan {
  const k = characteristics.length;
  const fast = new Uint8Array(k);
  const categorical = new Uint8Array(k);
  const missingBin = new Int32Array(k);
  const unseenBin = new Int32Array(k);
  const cutOffset = new Int32Array(k);
  const binOffset = new Int32Array(k);
  const cutpoints: Float64Array[] = [];
  const specialValues: Float64Array[] = [];
  const specialBins: Int32Array[] = [];
  const categoryBins: Int32Array[] = [];
  let depth = MIN_DEPTH;
  let binStride = 1;
  characteristics.forEach((c, j) => {
    const b = c.binning;
    missingBin[j] = b.missingBin;
    binStride = Math.max(binStride, b.bins.length);
    if (b.type === 'categorical') {
      categorical[j] = 1;
      unseenBin[j] = b.unseenBin;
      categoryBins.push(Int32Array.from(b.categoryBins));
      cutpoints.push(new Float64Array(0));
      specialValues.push(new Float64Array(0));
      specialBins.push(new Int32Array(0));
    } else {
      categoryBins.push(new Int32Array(0));
      cutpoints.push(Float64Array.from(b.cutpoints));
      specialValues.push(Float64Array.from(b.specialValues, (s) => s.value));
      specialBins.push(Int32Array.from(b.specialValues, (s) => s.bin));
      if (b.specialValues.length === 0) {
        fast[j] = 1;
        while (2 ** depth - 1 < b.cutpoints.length) depth++;
      }
    }
  });
  const stride = 2 ** depth - 1;
  const searchCuts = new Float64Array(stride * k).fill(Number.POSITIVE_INFINITY);
  const logOdds = new Float64Array(binStride * k);
  characteristics.forEach((c, j) => {
    cutOffset[j] = stride * j;
    binOffset[j] = binStride * j;
    if (fast[j] === 1) searchCuts.set(cutpoints[j], stride * j);
    c.binning.bins.forEach((bin, s) => {
      logOdds[binOffset[j] + s] = c.coefficient * bin.woe;
    });
  });
  return { intercept, k, depth, binStride, fast, searchCuts, cutOffset, logOdds, binOffset, categorical, missingBin, unseenBin, cutpoints, specialValues, specialBins, categoryBins };
}

/** Smallest search depth: up to 7 cut-points (8 bins, the default `maxBins`) share one unrolled kernel. */
const MIN_DEPTH = 3;

/**
 * Bin of characteristic `j` for one cell, or -1 when the cell is invalid (an infinite number; for
 * a categorical characteristic anything but a category index, -1 (unseen) or NaN (missing)). The
 * rules of `ScorecardScorer`'s one-record path: NaN → missing bin; special value → its bin; else
 * the number of cut-points ≤ v (the left-closed interval).
 */
function cellBin(plan: ScorecardPlan, j: number, v: number): number {
  if (v !== v) return plan.missingBin[j];
  if (plan.categorical[j] === 1) {
    if (v === -1) return plan.unseenBin[j];
    const bins = plan.categoryBins[j];
    return Number.isInteger(v) && v >= 0 && v < bins.length ? bins[v] : -1;
  }
  if (v - v !== 0) return -1; // ±Infinity
  const specials = plan.specialValues[j];
  for (let s = 0; s < specials.length; s++) if (specials[s] === v) return plan.specialBins[j][s];
  const cuts = plan.cutpoints[j];
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The PD of every row into `out` (length ≥ rows): log-odds summed as `score()` sums them, then
 * {@link applyCalibration} (inlined by the JIT). `columnOf[j]` is characteristic j's column
 * in the row-major `values` (`rows × width`). Returns -1 when every cell was valid, else a row at
 * or before the first invalid cell such that every earlier row is valid (the caller scans from
 * there for the error it reports).
 *
 * @example
 * predictRows(plan, matrix.values, matrix.rows, matrix.names.length, columnOf, artifact.calibration, out); //=> -1
 */
export function predictRows(plan: ScorecardPlan, values: Float64Array, rows: number, width: number, columnOf: Int32Array, calibration: Calibration | undefined, out: Float64Array): number {
  const end = rows - (rows % 4);
  const bad = plan.depth === MIN_DEPTH ? sumRows4Depth3(plan, values, end, width, columnOf, calibration, out) : sumRows4(plan, values, end, width, columnOf, calibration, out);
  if (bad >= 0) return bad;
  const k = plan.k;
  const logOdds = plan.logOdds;
  const binOffset = plan.binOffset;
  for (let i = end; i < rows; i++) {
    const base = i * width;
    let z = plan.intercept;
    for (let j = 0; j < k; j++) {
      const b = cellBin(plan, j, values[base + columnOf[j]]);
      if (b < 0) return i;
      z += logOdds[binOffset[j] + b];
    }
    out[i] = applyCalibration(calibration, z);
  }
  return -1;
}

/** The four-row kernel for depth 3 (every fast characteristic has at most 7 cut-points): rows [0, end), end a multiple of 4. */
function sumRows4Depth3(plan: ScorecardPlan, values: Float64Array, end: number, width: number, columnOf: Int32Array, calibration: Calibration | undefined, out: Float64Array): number {
  const k = plan.k;
  const fast = plan.fast;
  const cuts = plan.searchCuts;
  const logOdds = plan.logOdds;
  const binStride = plan.binStride;
  const intercept = plan.intercept;
  const w2 = 2 * width;
  const w3 = 3 * width;
  for (let i = 0; i < end; i += 4) {
    const base = i * width;
    let z0 = intercept;
    let z1 = intercept;
    let z2 = intercept;
    let z3 = intercept;
    for (let j = 0, q = 0, t = 0; j < k; j++, q += 7, t += binStride) {
      const p = (base + columnOf[j]) | 0;
      const v0 = values[p];
      const v1 = values[(p + width) | 0];
      const v2 = values[(p + w2) | 0];
      const v3 = values[(p + w3) | 0];
      if (fast[j] === 1 && v0 - v0 + (v1 - v1) + (v2 - v2) + (v3 - v3) === 0) {
        const c3 = cuts[(q + 3) | 0];
        let a0 = +(c3 <= v0) << 2;
        let a1 = +(c3 <= v1) << 2;
        let a2 = +(c3 <= v2) << 2;
        let a3 = +(c3 <= v3) << 2;
        a0 = (a0 + (+(cuts[(q + a0 + 1) | 0] <= v0) << 1)) | 0;
        a1 = (a1 + (+(cuts[(q + a1 + 1) | 0] <= v1) << 1)) | 0;
        a2 = (a2 + (+(cuts[(q + a2 + 1) | 0] <= v2) << 1)) | 0;
        a3 = (a3 + (+(cuts[(q + a3 + 1) | 0] <= v3) << 1)) | 0;
        a0 = (a0 + +(cuts[(q + a0) | 0] <= v0)) | 0;
        a1 = (a1 + +(cuts[(q + a1) | 0] <= v1)) | 0;
        a2 = (a2 + +(cuts[(q + a2) | 0] <= v2)) | 0;
        a3 = (a3 + +(cuts[(q + a3) | 0] <= v3)) | 0;
        z0 += logOdds[(t + a0) | 0];
        z1 += logOdds[(t + a1) | 0];
        z2 += logOdds[(t + a2) | 0];
        z3 += logOdds[(t + a3) | 0];
      } else {
        const b0 = cellBin(plan, j, v0);
        const b1 = cellBin(plan, j, v1);
        const b2 = cellBin(plan, j, v2);
        const b3 = cellBin(plan, j, v3);
        if ((b0 | b1 | b2 | b3) < 0) return i;
        z0 += logOdds[(t + b0) | 0];
        z1 += logOdds[(t + b1) | 0];
        z2 += logOdds[(t + b2) | 0];
        z3 += logOdds[(t + b3) | 0];
      }
    }
    out[i] = applyCalibration(calibration, z0);
    out[i + 1] = applyCalibration(calibration, z1);
    out[i + 2] = applyCalibration(calibration, z2);
    out[i + 3] = applyCalibration(calibration, z3);
  }
  return -1;
}

/** {@link sumRows4Depth3} for any depth (more than 7 cut-points somewhere): the search steps in a loop. */
function sumRows4(plan: ScorecardPlan, values: Float64Array, end: number, width: number, columnOf: Int32Array, calibration: Calibration | undefined, out: Float64Array): number {
  const k = plan.k;
  const fast = plan.fast;
  const cuts = plan.searchCuts;
  const cutOffset = plan.cutOffset;
  const logOdds = plan.logOdds;
  const binOffset = plan.binOffset;
  const intercept = plan.intercept;
  const top = 2 ** (plan.depth - 1);
  const w2 = 2 * width;
  const w3 = 3 * width;
  for (let i = 0; i < end; i += 4) {
    const base = i * width;
    let z0 = intercept;
    let z1 = intercept;
    let z2 = intercept;
    let z3 = intercept;
    for (let j = 0; j < k; j++) {
      const p = base + columnOf[j];
      const v0 = values[p];
      const v1 = values[p + width];
      const v2 = values[p + w2];
      const v3 = values[p + w3];
      const t = binOffset[j];
      if (fast[j] === 1 && v0 - v0 + (v1 - v1) + (v2 - v2) + (v3 - v3) === 0) {
        const q = cutOffset[j] - 1;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let h = top; h > 0; h >>= 1) {
          a0 += +(cuts[q + a0 + h] <= v0) * h;
          a1 += +(cuts[q + a1 + h] <= v1) * h;
          a2 += +(cuts[q + a2 + h] <= v2) * h;
          a3 += +(cuts[q + a3 + h] <= v3) * h;
        }
        z0 += logOdds[t + a0];
        z1 += logOdds[t + a1];
        z2 += logOdds[t + a2];
        z3 += logOdds[t + a3];
      } else {
        const b0 = cellBin(plan, j, v0);
        const b1 = cellBin(plan, j, v1);
        const b2 = cellBin(plan, j, v2);
        const b3 = cellBin(plan, j, v3);
        if ((b0 | b1 | b2 | b3) < 0) return i;
        z0 += logOdds[t + b0];
        z1 += logOdds[t + b1];
        z2 += logOdds[t + b2];
        z3 += logOdds[t + b3];
      }
    }
    out[i] = applyCalibration(calibration, z0);
    out[i + 1] = applyCalibration(calibration, z1);
    out[i + 2] = applyCalibration(calibration, z2);
    out[i + 3] = applyCalibration(calibration, z3);
  }
  return -1;
}
