/**
 * Scaling a logistic model on WoE to points, and rounding the points. Private to trainScorecard.
 *
 * Exact points of bin k of characteristic j (n characteristics, factor and offset from the scaling):
 *   p_jk = −(β_j · woe_jk + α / n) · factor + offset / n
 * so that Σ_j p_j = offset − factor · logOdds(bad) = the exact score.
 *
 * Rounding: each characteristic's points are rounded to the unit (10^−decimals) after a shift
 * t_j ∈ (−unit/2, unit/2] chosen, characteristic by characteristic (coordinate descent, at most 20
 * sweeps, a change kept only when it strictly helps), to minimise the training population's
 * (weighted) mean squared score rounding error Σ_i w_i (Σ_j (rounded_jk(i) − p_jk(i)))². t_j = 0 is
 * plain rounding; rounding after a common shift keeps each characteristic's points in the order of
 * its exact points, so the monotone trend survives.
 */

export interface RoundedPoints {
  /** Exact points per characteristic per bin. */
  exact: Float64Array[];
  /** Rounded points per characteristic per bin. */
  rounded: number[][];
  /** Training (weighted) mean |rounded score − exact score|. */
  meanAbsError: number;
  /** Training max |rounded score − exact score|. */
  maxAbsError: number;
  /** Training root mean squared rounding error. */
  rmsError: number;
  /** Same three figures with plain nearest rounding, for the record. */
  plain: { meanAbsError: number; maxAbsError: number; rmsError: number };
  /** Largest possible |error| over every combination of bins (not only those seen in training). */
  worstCaseAbsError: number;
}

function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function scorecardPoints(
  characteristics: readonly { coefficient: number; woe: Float64Array; rowBins: Int32Array }[],
  intercept: number,
  factor: number,
  offset: number,
  decimals: number,
  weights: ArrayLike<number> | undefined,
): RoundedPoints {
  const n = characteristics.length;
  const rows = n > 0 ? characteristics[0].rowBins.length : 0;
  const unit = 10 ** -decimals;
  const exact = characteristics.map((c) => Float64Array.from(c.woe, (w) => -(c.coefficient * w + intercept / n) * factor + offset / n));
  const roundWith = (j: number, shift: number): number[] => Array.from(exact[j], (p) => roundTo(p + shift, decimals));
  const errorsOf = (j: number, rounded: number[]): Float64Array => Float64Array.from(rounded, (r, k) => r - exact[j][k]);

  // Per-row total error, kept up to date.
  const shifts = new Float64Array(n);
  const errors = characteristics.map((_, j) => errorsOf(j, roundWith(j, 0)));
  const total = new Float64Array(rows);
  for (let j = 0; j < n; j++) {
    const bins = characteristics[j].rowBins;
    const e = errors[j];
    for (let i = 0; i < rows; i++) total[i] += e[bins[i]];
  }
  const summary = (): { meanAbsError: number; maxAbsError: number; rmsError: number } => {
    let sw = 0;
    let abs = 0;
    let sq = 0;
    let max = 0;
    for (let i = 0; i < rows; i++) {
      const w = weights === undefined ? 1 : weights[i];
      const a = Math.abs(total[i]);
      sw += w;
      abs += w * a;
      sq += w * a * a;
      if (w > 0 && a > max) max = a;
    }
    return { meanAbsError: sw > 0 ? abs / sw : 0, maxAbsError: max, rmsError: sw > 0 ? Math.sqrt(sq / sw) : 0 };
  };
  const plain = summary();

  for (let sweep = 0; sweep < 20; sweep++) {
    let changed = false;
    for (let j = 0; j < n; j++) {
      const bins = characteristics[j].rowBins;
      const K = exact[j].length;
      const e = errors[j];
      // Aggregates of the residual (total error without this characteristic) per bin.
      const s1 = new Float64Array(K);
      const w0 = new Float64Array(K);
      for (let i = 0; i < rows; i++) {
        const w = weights === undefined ? 1 : weights[i];
        const k = bins[i];
        s1[k] += w * (total[i] - e[k]);
        w0[k] += w;
      }
      const cost = (err: Float64Array): number => {
        let c = 0;
        for (let k = 0; k < K; k++) c += 2 * err[k] * s1[k] + err[k] * err[k] * w0[k];
        return c;
      };
      // Candidate shifts: one inside every interval between the points where some bin's rounding flips.
      const flips = Array.from(exact[j], (p) => {
        const frac = (p / unit - Math.floor(p / unit)) * unit; // in [0, unit)
        let t = unit / 2 - frac; // shift at which p + t reaches the next half-unit
        if (t > unit / 2) t -= unit;
        return t;
      }).sort((a, b) => a - b);
      const candidates = [0];
      for (let k = 0; k < flips.length; k++) {
        const next = k + 1 < flips.length ? flips[k + 1] : flips[0] + unit;
        const mid = (flips[k] + next) / 2;
        candidates.push(mid > unit / 2 ? mid - unit : mid);
      }
      let bestCost = cost(e);
      let best: Float64Array | undefined;
      let bestShift = shifts[j];
      for (const t of candidates) {
        const err = errorsOf(j, roundWith(j, t));
        const c = cost(err);
        if (c < bestCost - 1e-9 * Math.max(1, Math.abs(bestCost))) {
          bestCost = c;
          best = err;
          bestShift = t;
        }
      }
      if (best !== undefined) {
        for (let i = 0; i < rows; i++) total[i] += best[bins[i]] - e[bins[i]];
        errors[j] = best;
        shifts[j] = bestShift;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rounded = characteristics.map((_, j) => roundWith(j, shifts[j]));
  let worst = 0;
  let worstLow = 0;
  for (let j = 0; j < n; j++) {
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (const v of errors[j]) {
      hi = Math.max(hi, v);
      lo = Math.min(lo, v);
    }
    worst += hi;
    worstLow += lo;
  }
  return { exact, rounded, ...summary(), plain, worstCaseAbsError: Math.max(Math.abs(worst), Math.abs(worstLow)) };
}
