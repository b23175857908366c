/**
 * Raw log-odds of every row of a row-major matrix under a logistic model (private to
 * `LogisticScorer.predict`), column-blocked: for a block of `blockRows` rows, a run of up to
 * eight numeric features at a time (their constants in locals; each row's partial log-odds in
 * `out`, read and written once per run), so the additions of different rows overlap. Each row sums
 * intercept, term 0, term 1, … in feature order, one addition per term, with
 * `LogisticScorer#contribution`'s operations, so the results equal the row-by-row sum to the bit.
 * A run of eight or four first tests its cells at once (`Σ (v − v) === 0`: all finite) and only
 * then, for a row holding a missing or invalid cell, each cell on its own.
 *
 * `p` holds 5 numbers per feature from `5·j`: `missing, lower, upper, weight, center` (numeric) or
 * `missing, unseen, 0, 0, 0` (categorical); `numericRun[j]` is how many numeric features start at
 * feature `j` (0 for a categorical one).
 *
 * A numeric term adds `weight · (clip(v, lower, upper) − center)` for a finite cell and `missing`
 * for NaN; a categorical term `levels[v]` for a category index, `unseen` for −1, `missing` for NaN.
 * Writes `out[0 … rows)` and returns −1, or returns the first row of the block holding a cell it
 * cannot score (the caller reports the first invalid cell from there).
 *
 * @example
 * const out = new Float64Array(1);
 * logisticLogOdds(Float64Array.of(3), 1, 1, Int32Array.of(0), Int32Array.of(1), Float64Array.of(0, 0, 10, 0.5, 1), [null], -1, out, 64); //=> -1
 * out; //=> Float64Array [0]
 */
export function logisticLogOdds(
  values: Float64Array,
  width: number,
  rows: number,
  columnOf: readonly number[],
  numericRun: Int32Array,
  p: Float64Array,
  levels: readonly (Float64Array | null)[],
  intercept: number,
  out: Float64Array,
  blockRows: number,
): number {
  const k = columnOf.length;
  for (let i0 = 0; i0 < rows; i0 += blockRows) {
    const n = rows - i0 < blockRows ? rows - i0 : blockRows;
    const end = i0 + n;
    for (let r = i0; r < end; r++) out[r] = intercept;
    for (let j = 0; j < k; j++) {
      const start = i0 * width + columnOf[j];
      const run = numericRun[j];
      const q = 5 * j;
      if (run >= 8) {
        const d1 = columnOf[j + 1] - columnOf[j];
        const d2 = columnOf[j + 2] - columnOf[j];
        const d3 = columnOf[j + 3] - columnOf[j];
        const d4 = columnOf[j + 4] - columnOf[j];
        const d5 = columnOf[j + 5] - columnOf[j];
        const d6 = columnOf[j + 6] - columnOf[j];
        const d7 = columnOf[j + 7] - columnOf[j];
        const m0 = p[q + 0], l0 = p[q + 1], h0 = p[q + 2], w0 = p[q + 3], c0 = p[q + 4];
        const m1 = p[q + 5], l1 = p[q + 6], h1 = p[q + 7], w1 = p[q + 8], c1 = p[q + 9];
        const m2 = p[q + 10], l2 = p[q + 11], h2 = p[q + 12], w2 = p[q + 13], c2 = p[q + 14];
        const m3 = p[q + 15], l3 = p[q + 16], h3 = p[q + 17], w3 = p[q + 18], c3 = p[q + 19];
        const m4 = p[q + 20], l4 = p[q + 21], h4 = p[q + 22], w4 = p[q + 23], c4 = p[q + 24];
        const m5 = p[q + 25], l5 = p[q + 26], h5 = p[q + 27], w5 = p[q + 28], c5 = p[q + 29];
        const m6 = p[q + 30], l6 = p[q + 31], h6 = p[q + 32], w6 = p[q + 33], c6 = p[q + 34];
        const m7 = p[q + 35], l7 = p[q + 36], h7 = p[q + 37], w7 = p[q + 38], c7 = p[q + 39];
        let bad = false;
        if (d1 === 1 && d2 === 2 && d3 === 3 && d4 === 4 && d5 === 5 && d6 === 6 && d7 === 7) {
          // the eight columns side by side in the matrix (the usual layout): constant offsets
          for (let r = i0, i = start; r < end; r++, i += width) {
            const v0 = values[i];
            const v1 = values[i + 1];
            const v2 = values[i + 2];
            const v3 = values[i + 3];
            const v4 = values[i + 4];
            const v5 = values[i + 5];
            const v6 = values[i + 6];
            const v7 = values[i + 7];
            let a = out[r];
            // v − v is 0 for a finite cell, NaN for NaN or ±Infinity: one test for the eight cells
            if ((v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3) + (v4 - v4) + (v5 - v5) + (v6 - v6) + (v7 - v7) === 0) {
              a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
              a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
              a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
              a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
              a += w4 * ((v4 < l4 ? l4 : v4 > h4 ? h4 : v4) - c4);
              a += w5 * ((v5 < l5 ? l5 : v5 > h5 ? h5 : v5) - c5);
              a += w6 * ((v6 < l6 ? l6 : v6 > h6 ? h6 : v6) - c6);
              a += w7 * ((v7 < l7 ? l7 : v7 > h7 ? h7 : v7) - c7);
            } else {
              if (v0 - v0 === 0) a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
              else if (v0 !== v0) a += m0;
              else bad = true;
              if (v1 - v1 === 0) a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
              else if (v1 !== v1) a += m1;
              else bad = true;
              if (v2 - v2 === 0) a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
              else if (v2 !== v2) a += m2;
              else bad = true;
              if (v3 - v3 === 0) a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
              else if (v3 !== v3) a += m3;
              else bad = true;
              if (v4 - v4 === 0) a += w4 * ((v4 < l4 ? l4 : v4 > h4 ? h4 : v4) - c4);
              else if (v4 !== v4) a += m4;
              else bad = true;
              if (v5 - v5 === 0) a += w5 * ((v5 < l5 ? l5 : v5 > h5 ? h5 : v5) - c5);
              else if (v5 !== v5) a += m5;
              else bad = true;
              if (v6 - v6 === 0) a += w6 * ((v6 < l6 ? l6 : v6 > h6 ? h6 : v6) - c6);
              else if (v6 !== v6) a += m6;
              else bad = true;
              if (v7 - v7 === 0) a += w7 * ((v7 < l7 ? l7 : v7 > h7 ? h7 : v7) - c7);
              else if (v7 !== v7) a += m7;
              else bad = true;
            }
            out[r] = a;
          }
        } else {
          for (let r = i0, i = start; r < end; r++, i += width) {
            const v0 = values[i];
            const v1 = values[i + d1];
            const v2 = values[i + d2];
            const v3 = values[i + d3];
            const v4 = values[i + d4];
            const v5 = values[i + d5];
            const v6 = values[i + d6];
            const v7 = values[i + d7];
            let a = out[r];
            // v − v is 0 for a finite cell, NaN for NaN or ±Infinity: one test for the eight cells
            if ((v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3) + (v4 - v4) + (v5 - v5) + (v6 - v6) + (v7 - v7) === 0) {
              a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
              a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
              a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
              a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
              a += w4 * ((v4 < l4 ? l4 : v4 > h4 ? h4 : v4) - c4);
              a += w5 * ((v5 < l5 ? l5 : v5 > h5 ? h5 : v5) - c5);
              a += w6 * ((v6 < l6 ? l6 : v6 > h6 ? h6 : v6) - c6);
              a += w7 * ((v7 < l7 ? l7 : v7 > h7 ? h7 : v7) - c7);
            } else {
              if (v0 - v0 === 0) a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
              else if (v0 !== v0) a += m0;
              else bad = true;
              if (v1 - v1 === 0) a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
              else if (v1 !== v1) a += m1;
              else bad = true;
              if (v2 - v2 === 0) a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
              else if (v2 !== v2) a += m2;
              else bad = true;
              if (v3 - v3 === 0) a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
              else if (v3 !== v3) a += m3;
              else bad = true;
              if (v4 - v4 === 0) a += w4 * ((v4 < l4 ? l4 : v4 > h4 ? h4 : v4) - c4);
              else if (v4 !== v4) a += m4;
              else bad = true;
              if (v5 - v5 === 0) a += w5 * ((v5 < l5 ? l5 : v5 > h5 ? h5 : v5) - c5);
              else if (v5 !== v5) a += m5;
              else bad = true;
              if (v6 - v6 === 0) a += w6 * ((v6 < l6 ? l6 : v6 > h6 ? h6 : v6) - c6);
              else if (v6 !== v6) a += m6;
              else bad = true;
              if (v7 - v7 === 0) a += w7 * ((v7 < l7 ? l7 : v7 > h7 ? h7 : v7) - c7);
              else if (v7 !== v7) a += m7;
              else bad = true;
            }
            out[r] = a;
          }
        }
        if (bad) return i0;
        j += 7;
      } else if (run >= 4) {
        const d1 = columnOf[j + 1] - columnOf[j];
        const d2 = columnOf[j + 2] - columnOf[j];
        const d3 = columnOf[j + 3] - columnOf[j];
        const m0 = p[q], l0 = p[q + 1], h0 = p[q + 2], w0 = p[q + 3], c0 = p[q + 4];
        const m1 = p[q + 5], l1 = p[q + 6], h1 = p[q + 7], w1 = p[q + 8], c1 = p[q + 9];
        const m2 = p[q + 10], l2 = p[q + 11], h2 = p[q + 12], w2 = p[q + 13], c2 = p[q + 14];
        const m3 = p[q + 15], l3 = p[q + 16], h3 = p[q + 17], w3 = p[q + 18], c3 = p[q + 19];
        let bad = false;
        for (let r = i0, i = start; r < end; r++, i += width) {
          const v0 = values[i];
          const v1 = values[i + d1];
          const v2 = values[i + d2];
          const v3 = values[i + d3];
          let a = out[r];
          if ((v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3) === 0) {
            a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
            a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
            a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
            a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
          } else {
            if (v0 - v0 === 0) a += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
            else if (v0 !== v0) a += m0;
            else bad = true;
            if (v1 - v1 === 0) a += w1 * ((v1 < l1 ? l1 : v1 > h1 ? h1 : v1) - c1);
            else if (v1 !== v1) a += m1;
            else bad = true;
            if (v2 - v2 === 0) a += w2 * ((v2 < l2 ? l2 : v2 > h2 ? h2 : v2) - c2);
            else if (v2 !== v2) a += m2;
            else bad = true;
            if (v3 - v3 === 0) a += w3 * ((v3 < l3 ? l3 : v3 > h3 ? h3 : v3) - c3);
            else if (v3 !== v3) a += m3;
            else bad = true;
          }
          out[r] = a;
        }
        if (bad) return i0;
        j += 3;
      } else if (run >= 1) {
        const m0 = p[q], l0 = p[q + 1], h0 = p[q + 2], w0 = p[q + 3], c0 = p[q + 4];
        let bad = false;
        for (let r = i0, i = start; r < end; r++, i += width) {
          const v0 = values[i];
          if (v0 - v0 === 0) out[r] += w0 * ((v0 < l0 ? l0 : v0 > h0 ? h0 : v0) - c0);
          else if (v0 !== v0) out[r] += m0;
          else bad = true;
        }
        if (bad) return i0;
      } else {
        const lv = levels[j] as Float64Array;
        const m0 = p[q];
        const un = p[q + 1];
        const count = lv.length;
        let bad = false;
        for (let r = i0, i = start; r < end; r++, i += width) {
          const v = values[i];
          if (v !== v) out[r] += m0;
          else if (v === -1) out[r] += un;
          else if (v >= 0 && v < count && Math.floor(v) === v) out[r] += lv[v];
          else bad = true;
        }
        if (bad) return i0;
      }
    }
  }
  return -1;
}
