import type { Calibration } from '../schema/artifactCommon.js';
import { applyCalibration } from './applyCalibration.js';
import { countAtMost } from '../_lib/countAtMost.js';

/**
 * Private batch kernel of `ScorecardScorer.predict`: the PD `applyCalibration(calibration,
 * intercept + Σ_j logOdds_j[bin_j])` of every row of a row-major matrix, the log-odds summed in
 * characteristic order exactly as `score()` sums them, so every result is bit-identical to the
 * one-record path.
 *
 * Layout: row-major, eight rows at a time (four in the general-depth kernel). For each
 * characteristic the rows' cells are read, their log-odds accumulate in registers (no accumulator
 * arrays), and a numeric characteristic without special values finds its bins by a branch-free
 * binary search over its cut-points padded with +Infinity to `2^depth − 1` entries (comparison
 * results are added, not branched on, so random values cost no mispredicted branches; the rows'
 * searches are independent, so the CPU overlaps them). A missing or infinite cell among the eight
 * (`v − v` is NaN for both: one test for the eight) sends the eight cells down a per-cell path:
 * finite ones still searched branch-free, the others through {@link cellBin} (categorical
 * characteristics and numeric ones with special values always take it). Same-process A/B of this
 * layout against one test per four cells: 0.94× time on complete data, 0.55× with 5% missing.
 *
 * The kernel's tables are plain arrays of doubles, not typed arrays: under tsx (the benchmark's
 * runner) V8's optimized code tests a flag of the backing ArrayBuffer on every typed-array read
 * (seen with --print-opt-code; presumably the detached-buffer check, needed once any buffer in the
 * process was detached), which plain arrays do not need (same-process A/B: −15% time per call).
 * Each characteristic has its own small cut and log-odds arrays, so the kernel's indices stay in
 * a small known range (no overflow-checked offset arithmetic: −6 to −9%).
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
  /** Per characteristic: 1 = numeric without special values (the branch-free search), else 0. */
  readonly fast: readonly number[];
  /** The fast characteristics' padded cut-points, characteristic j's at `(2^depth − 1) · j` (doubles only). */
  readonly searchCuts: readonly number[];
  /** coefficient · woe of every bin, characteristic j's at `binStride · j` (doubles only). */
  readonly logOdds: readonly number[];
  /** Most bins of any characteristic. */
  readonly binStride: number;
  /** Per characteristic: its slice of `searchCuts` (doubles only). */
  readonly cutsOf: readonly (readonly number[])[];
  /** Per characteristic: its slice of `logOdds` (doubles only). */
  readonly logOddsOf: readonly (readonly number[])[];
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
  readonly missingEffect?: number;
  readonly binning:
    | { readonly type: 'numeric'; readonly cutpoints: readonly number[]; readonly specialValues: readonly { readonly value: number; readonly bin: number }[]; readonly missingBin: number; readonly bins: readonly { readonly woe: number }[] }
    | { readonly type: 'categorical'; readonly categoryBins: readonly number[]; readonly unseenBin: number; readonly missingBin: number; readonly bins: readonly { readonly woe: number }[] };
}

/**
 * A characteristic's log-odds per bin: `coefficient * woe`, plus `missingEffect` in its missing bin.
 * The one definition `ScorecardScorer.score` and {@link predictRows} both add.
 */
export function binLogOdds(c: PlanCharacteristic): Float64Array {
  const logOdds = Float64Array.from(c.binning.bins, (bin) => c.coefficient * bin.woe);
  if (c.missingEffect !== undefined) logOdds[c.binning.missingBin] += c.missingEffect;
  return logOdds;
}

/**
 * Flattens a scorecard's characteristics for {@link predictRows}. The per-bin log-odds are
 * {@link binLogOdds}, the same values `ScorecardScorer.score` adds.
 *
 * @example
 * scorecardPlan(-1.2, characteristics).depth; //=> 3
 */
export function scorecardPlan(intercept: number, characteristics: readonly PlanCharacteristic[]): ScorecardPlan {
  const k = characteristics.length;
  const fast: number[] = [];
  const categorical = new Uint8Array(k);
  const missingBin = new Int32Array(k);
  const unseenBin = new Int32Array(k);
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
    fast.push(b.type === 'numeric' && b.specialValues.length === 0 ? 1 : 0);
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
      if (fast[j] === 1) while (2 ** depth - 1 < b.cutpoints.length) depth++;
    }
  });
  const stride = 2 ** depth - 1;
  const searchCuts = doubles(stride * k, Number.POSITIVE_INFINITY);
  const logOdds = doubles(binStride * k, 0);
  characteristics.forEach((c, j) => {
    if (fast[j] === 1) cutpoints[j].forEach((cut, s) => (searchCuts[stride * j + s] = cut));
    binLogOdds(c).forEach((v, s) => (logOdds[binStride * j + s] = v));
  });
  const cutsOf = fast.map((_, j) => doublesOf(searchCuts.slice(stride * j, stride * (j + 1))));
  const logOddsOf = fast.map((_, j) => doublesOf(logOdds.slice(binStride * j, binStride * (j + 1))));
  return { intercept, k, depth, fast, searchCuts, logOdds, binStride, cutsOf, logOddsOf, categorical, missingBin, unseenBin, cutpoints, specialValues, specialBins, categoryBins };
}

/** Smallest search depth: up to 7 cut-points (8 bins, the default `maxBins`) share one unrolled kernel. */
const MIN_DEPTH = 3;

/**
 * A packed array of n copies of `fill` whose elements V8 stores as doubles whatever is written
 * later (integers included), so every plan's tables have the same elements kind and the kernel
 * stays monomorphic.
 */
function doubles(n: number, fill: number): number[] {
  const out = [0.5];
  out.pop();
  for (let i = 0; i < n; i++) out.push(fill);
  return out;
}

/** {@link doubles} holding `values`. */
function doublesOf(values: readonly number[]): number[] {
  const out = doubles(0, 0);
  for (const v of values) out.push(v);
  return out;
}

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
  return countAtMost(plan.cutpoints[j], v);
}

/**
 * The PD of every row into `out` (length ≥ rows): log-odds summed as `score()` sums them (the
 * kernels write them to `out`), then {@link applyCalibration} over `out` in a loop of its own (in
 * the kernels' big bodies the JIT did not inline it: same-process A/B 0.92–0.94× time per call). `columnOf[j]` is characteristic j's column in the
 * row-major `values` (`rows × width`). Returns -1 when every cell was valid, else a row at or
 * before the first invalid cell such that every earlier row is valid (the caller scans from there
 * for the error it reports).
 *
 * @example
 * predictRows(plan, matrix.values, matrix.rows, matrix.names.length, [0, 1, 2], artifact.calibration, out); //=> -1
 */
export function predictRows(plan: ScorecardPlan, values: Float64Array, rows: number, width: number, columnOf: readonly number[], calibration: Calibration | undefined, out: Float64Array): number {
  let done = 0;
  if (plan.depth <= MIN_DEPTH + 1) {
    done = rows - (rows % 8);
    const bad = plan.depth === MIN_DEPTH ? predictRows8Depth3(plan, values, done, width, columnOf, out) : predictRows8Depth4(plan, values, done, width, columnOf, out);
    if (bad >= 0) return bad;
  }
  const end = rows - ((rows - done) % 4);
  const bad = predictRows4(plan, values, done, end, width, columnOf, out);
  if (bad >= 0) return bad;
  const k = plan.k;
  const logOdds = plan.logOdds;
  const binStride = plan.binStride;
  for (let i = end; i < rows; i++) {
    const base = i * width;
    let z = plan.intercept;
    for (let j = 0; j < k; j++) {
      const b = cellBin(plan, j, values[base + columnOf[j]]);
      if (b < 0) return i;
      z += logOdds[binStride * j + b];
    }
    out[i] = z;
  }
  calibrate(calibration, out, rows);
  return -1;
}

/** `out[i] = applyCalibration(calibration, out[i])` for the first `rows` entries: a loop of its own, small enough for the JIT to inline the call. */
function calibrate(calibration: Calibration | undefined, out: Float64Array, rows: number): void {
  for (let i = 0; i < rows; i++) out[i] = applyCalibration(calibration, out[i]);
}

/** The eight-row kernel for depth 3 (every fast characteristic has at most 7 cut-points): rows [0, end), end a multiple of 8. */
function predictRows8Depth3(plan: ScorecardPlan, values: Float64Array, end: number, width: number, columnOf: readonly number[], out: Float64Array): number {
  const k = plan.k;
  const fast = plan.fast;
  const cutsOf = plan.cutsOf;
  const logOddsOf = plan.logOddsOf;
  const intercept = plan.intercept;
  const w2 = 2 * width;
  const w3 = 3 * width;
  const w4 = 4 * width;
  for (let i = 0; i < end; i += 8) {
    const base = i * width;
    let z0 = intercept;
    let z1 = intercept;
    let z2 = intercept;
    let z3 = intercept;
    let z4 = intercept;
    let z5 = intercept;
    let z6 = intercept;
    let z7 = intercept;
    for (let j = 0; j < k; j++) {
      const cuts = cutsOf[j];
      const logOdds = logOddsOf[j];
      const p = base + columnOf[j];
      const p4 = p + w4;
      const f = fast[j];
      const top = cuts[3];
      const v0 = values[p];
      const v1 = values[p + width];
      const v2 = values[p + w2];
      const v3 = values[p + w3];
      const v4 = values[p4];
      const v5 = values[p4 + width];
      const v6 = values[p4 + w2];
      const v7 = values[p4 + w3];
      if (f === 1 && (v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3) + (v4 - v4) + (v5 - v5) + (v6 - v6) + (v7 - v7) === 0) {
        let a0 = +(top <= v0) * 4;
        let a1 = +(top <= v1) * 4;
        let a2 = +(top <= v2) * 4;
        let a3 = +(top <= v3) * 4;
        let a4 = +(top <= v4) * 4;
        let a5 = +(top <= v5) * 4;
        let a6 = +(top <= v6) * 4;
        let a7 = +(top <= v7) * 4;
        a0 += +(cuts[a0 + 1] <= v0) * 2;
        a1 += +(cuts[a1 + 1] <= v1) * 2;
        a2 += +(cuts[a2 + 1] <= v2) * 2;
        a3 += +(cuts[a3 + 1] <= v3) * 2;
        a4 += +(cuts[a4 + 1] <= v4) * 2;
        a5 += +(cuts[a5 + 1] <= v5) * 2;
        a6 += +(cuts[a6 + 1] <= v6) * 2;
        a7 += +(cuts[a7 + 1] <= v7) * 2;
        a0 += +(cuts[a0] <= v0);
        a1 += +(cuts[a1] <= v1);
        a2 += +(cuts[a2] <= v2);
        a3 += +(cuts[a3] <= v3);
        a4 += +(cuts[a4] <= v4);
        a5 += +(cuts[a5] <= v5);
        a6 += +(cuts[a6] <= v6);
        a7 += +(cuts[a7] <= v7);
        z0 += logOdds[a0];
        z1 += logOdds[a1];
        z2 += logOdds[a2];
        z3 += logOdds[a3];
        z4 += logOdds[a4];
        z5 += logOdds[a5];
        z6 += logOdds[a6];
        z7 += logOdds[a7];
      } else {
        const b0 = f === 1 && v0 - v0 === 0 ? search7(cuts, v0) : cellBin(plan, j, v0);
        const b1 = f === 1 && v1 - v1 === 0 ? search7(cuts, v1) : cellBin(plan, j, v1);
        const b2 = f === 1 && v2 - v2 === 0 ? search7(cuts, v2) : cellBin(plan, j, v2);
        const b3 = f === 1 && v3 - v3 === 0 ? search7(cuts, v3) : cellBin(plan, j, v3);
        const b4 = f === 1 && v4 - v4 === 0 ? search7(cuts, v4) : cellBin(plan, j, v4);
        const b5 = f === 1 && v5 - v5 === 0 ? search7(cuts, v5) : cellBin(plan, j, v5);
        const b6 = f === 1 && v6 - v6 === 0 ? search7(cuts, v6) : cellBin(plan, j, v6);
        const b7 = f === 1 && v7 - v7 === 0 ? search7(cuts, v7) : cellBin(plan, j, v7);
        if ((b0 | b1 | b2 | b3 | b4 | b5 | b6 | b7) < 0) return i;
        z0 += logOdds[b0];
        z1 += logOdds[b1];
        z2 += logOdds[b2];
        z3 += logOdds[b3];
        z4 += logOdds[b4];
        z5 += logOdds[b5];
        z6 += logOdds[b6];
        z7 += logOdds[b7];
      }
    }
    out[i] = z0;
    out[i + 1] = z1;
    out[i + 2] = z2;
    out[i + 3] = z3;
    out[i + 4] = z4;
    out[i + 5] = z5;
    out[i + 6] = z6;
    out[i + 7] = z7;
  }
  return -1;
}

/** The eight-row kernel for depth 4 (every fast characteristic has at most 15 cut-points): rows [0, end), end a multiple of 8. */
function predictRows8Depth4(plan: ScorecardPlan, values: Float64Array, end: number, width: number, columnOf: readonly number[], out: Float64Array): number {
  const k = plan.k;
  const fast = plan.fast;
  const cutsOf = plan.cutsOf;
  const logOddsOf = plan.logOddsOf;
  const intercept = plan.intercept;
  const w2 = 2 * width;
  const w3 = 3 * width;
  const w4 = 4 * width;
  for (let i = 0; i < end; i += 8) {
    const base = i * width;
    let z0 = intercept;
    let z1 = intercept;
    let z2 = intercept;
    let z3 = intercept;
    let z4 = intercept;
    let z5 = intercept;
    let z6 = intercept;
    let z7 = intercept;
    for (let j = 0; j < k; j++) {
      const cuts = cutsOf[j];
      const logOdds = logOddsOf[j];
      const p = base + columnOf[j];
      const p4 = p + w4;
      const f = fast[j];
      const top = cuts[7];
      const v0 = values[p];
      const v1 = values[p + width];
      const v2 = values[p + w2];
      const v3 = values[p + w3];
      const v4 = values[p4];
      const v5 = values[p4 + width];
      const v6 = values[p4 + w2];
      const v7 = values[p4 + w3];
      if (f === 1 && (v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3) + (v4 - v4) + (v5 - v5) + (v6 - v6) + (v7 - v7) === 0) {
        let a0 = +(top <= v0) * 8;
        let a1 = +(top <= v1) * 8;
        let a2 = +(top <= v2) * 8;
        let a3 = +(top <= v3) * 8;
        let a4 = +(top <= v4) * 8;
        let a5 = +(top <= v5) * 8;
        let a6 = +(top <= v6) * 8;
        let a7 = +(top <= v7) * 8;
        a0 += +(cuts[a0 + 3] <= v0) * 4;
        a1 += +(cuts[a1 + 3] <= v1) * 4;
        a2 += +(cuts[a2 + 3] <= v2) * 4;
        a3 += +(cuts[a3 + 3] <= v3) * 4;
        a4 += +(cuts[a4 + 3] <= v4) * 4;
        a5 += +(cuts[a5 + 3] <= v5) * 4;
        a6 += +(cuts[a6 + 3] <= v6) * 4;
        a7 += +(cuts[a7 + 3] <= v7) * 4;
        a0 += +(cuts[a0 + 1] <= v0) * 2;
        a1 += +(cuts[a1 + 1] <= v1) * 2;
        a2 += +(cuts[a2 + 1] <= v2) * 2;
        a3 += +(cuts[a3 + 1] <= v3) * 2;
        a4 += +(cuts[a4 + 1] <= v4) * 2;
        a5 += +(cuts[a5 + 1] <= v5) * 2;
        a6 += +(cuts[a6 + 1] <= v6) * 2;
        a7 += +(cuts[a7 + 1] <= v7) * 2;
        a0 += +(cuts[a0] <= v0);
        a1 += +(cuts[a1] <= v1);
        a2 += +(cuts[a2] <= v2);
        a3 += +(cuts[a3] <= v3);
        a4 += +(cuts[a4] <= v4);
        a5 += +(cuts[a5] <= v5);
        a6 += +(cuts[a6] <= v6);
        a7 += +(cuts[a7] <= v7);
        z0 += logOdds[a0];
        z1 += logOdds[a1];
        z2 += logOdds[a2];
        z3 += logOdds[a3];
        z4 += logOdds[a4];
        z5 += logOdds[a5];
        z6 += logOdds[a6];
        z7 += logOdds[a7];
      } else {
        const b0 = f === 1 && v0 - v0 === 0 ? search15(cuts, v0) : cellBin(plan, j, v0);
        const b1 = f === 1 && v1 - v1 === 0 ? search15(cuts, v1) : cellBin(plan, j, v1);
        const b2 = f === 1 && v2 - v2 === 0 ? search15(cuts, v2) : cellBin(plan, j, v2);
        const b3 = f === 1 && v3 - v3 === 0 ? search15(cuts, v3) : cellBin(plan, j, v3);
        const b4 = f === 1 && v4 - v4 === 0 ? search15(cuts, v4) : cellBin(plan, j, v4);
        const b5 = f === 1 && v5 - v5 === 0 ? search15(cuts, v5) : cellBin(plan, j, v5);
        const b6 = f === 1 && v6 - v6 === 0 ? search15(cuts, v6) : cellBin(plan, j, v6);
        const b7 = f === 1 && v7 - v7 === 0 ? search15(cuts, v7) : cellBin(plan, j, v7);
        if ((b0 | b1 | b2 | b3 | b4 | b5 | b6 | b7) < 0) return i;
        z0 += logOdds[b0];
        z1 += logOdds[b1];
        z2 += logOdds[b2];
        z3 += logOdds[b3];
        z4 += logOdds[b4];
        z5 += logOdds[b5];
        z6 += logOdds[b6];
        z7 += logOdds[b7];
      }
    }
    out[i] = z0;
    out[i + 1] = z1;
    out[i + 2] = z2;
    out[i + 3] = z3;
    out[i + 4] = z4;
    out[i + 5] = z5;
    out[i + 6] = z6;
    out[i + 7] = z7;
  }
  return -1;
}

/** The branch-free search of a fast characteristic's 7 padded cut-points for one finite value. */
function search7(cuts: readonly number[], v: number): number {
  let a = +(cuts[3] <= v) * 4;
  a += +(cuts[a + 1] <= v) * 2;
  return a + +(cuts[a] <= v);
}

/** {@link search7} for 15 padded cut-points. */
function search15(cuts: readonly number[], v: number): number {
  let a = +(cuts[7] <= v) * 8;
  a += +(cuts[a + 3] <= v) * 4;
  a += +(cuts[a + 1] <= v) * 2;
  return a + +(cuts[a] <= v);
}

/** The four-row kernel for any depth: rows [start, end), end − start a multiple of 4. */
function predictRows4(plan: ScorecardPlan, values: Float64Array, start: number, end: number, width: number, columnOf: readonly number[], out: Float64Array): number {
  const k = plan.k;
  const fast = plan.fast;
  const cutsOf = plan.cutsOf;
  const logOddsOf = plan.logOddsOf;
  const intercept = plan.intercept;
  const top = 2 ** (plan.depth - 1);
  const w2 = 2 * width;
  const w3 = 3 * width;
  for (let i = start; i < end; i += 4) {
    const base = i * width;
    let z0 = intercept;
    let z1 = intercept;
    let z2 = intercept;
    let z3 = intercept;
    for (let j = 0; j < k; j++) {
      const cuts = cutsOf[j];
      const logOdds = logOddsOf[j];
      const p = base + columnOf[j];
      const v0 = values[p];
      const v1 = values[p + width];
      const v2 = values[p + w2];
      const v3 = values[p + w3];
      if (fast[j] === 1 && v0 - v0 + (v1 - v1) + (v2 - v2) + (v3 - v3) === 0) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let h = top; h > 0; h >>= 1) {
          a0 += +(cuts[a0 + h - 1] <= v0) * h;
          a1 += +(cuts[a1 + h - 1] <= v1) * h;
          a2 += +(cuts[a2 + h - 1] <= v2) * h;
          a3 += +(cuts[a3 + h - 1] <= v3) * h;
        }
        z0 += logOdds[a0];
        z1 += logOdds[a1];
        z2 += logOdds[a2];
        z3 += logOdds[a3];
      } else {
        const b0 = cellBin(plan, j, v0);
        const b1 = cellBin(plan, j, v1);
        const b2 = cellBin(plan, j, v2);
        const b3 = cellBin(plan, j, v3);
        if ((b0 | b1 | b2 | b3) < 0) return i;
        z0 += logOdds[b0];
        z1 += logOdds[b1];
        z2 += logOdds[b2];
        z3 += logOdds[b3];
      }
    }
    out[i] = z0;
    out[i + 1] = z1;
    out[i + 2] = z2;
    out[i + 3] = z3;
  }
  return -1;
}
