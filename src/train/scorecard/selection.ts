/**
 * Statistics behind the scorecard's characteristic selection: weighted Pearson correlation of WoE
 * columns, variance inflation factors, and the negative log-likelihood for AIC / BIC. Private to
 * trainScorecard.
 */

/** Weighted means, standard deviations (population form) of columns. */
function moments(column: Float64Array, w: ArrayLike<number> | undefined, totalWeight: number): { mean: number; sd: number } {
  let s = 0;
  for (let i = 0; i < column.length; i++) s += (w === undefined ? 1 : w[i]) * column[i];
  const mean = s / totalWeight;
  let v = 0;
  for (let i = 0; i < column.length; i++) {
    const d = column[i] - mean;
    v += (w === undefined ? 1 : w[i]) * d * d;
  }
  return { mean, sd: Math.sqrt(v / totalWeight) };
}

/** Weighted correlation matrix (p × p, row-major); a constant column correlates 0 with the others. */
export function correlationMatrix(columns: readonly Float64Array[], w: ArrayLike<number> | undefined): Float64Array {
  const p = columns.length;
  const n = p > 0 ? columns[0].length : 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += w === undefined ? 1 : w[i];
  const m = columns.map((c) => moments(c, w, total));
  const r = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    r[a * p + a] = 1;
    for (let b = a + 1; b < p; b++) {
      let s = 0;
      const ca = columns[a];
      const cb = columns[b];
      const ma = m[a].mean;
      const mb = m[b].mean;
      for (let i = 0; i < n; i++) s += (w === undefined ? 1 : w[i]) * (ca[i] - ma) * (cb[i] - mb);
      const denominator = total * m[a].sd * m[b].sd;
      const v = denominator > 0 ? s / denominator : 0;
      r[a * p + b] = v;
      r[b * p + a] = v;
    }
  }
  return r;
}

/**
 * VIF_j = (R⁻¹)_jj for the correlation matrix R of the columns (equivalently 1 / (1 − R²_j) of
 * regressing column j on the others). Gauss–Jordan with partial pivoting; a (numerically) singular
 * R gives Infinity for the columns involved.
 */
export function varianceInflationFactors(correlation: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(correlation);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  const singular = new Uint8Array(p);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(a[r * p + col]) > Math.abs(a[pivot * p + col])) pivot = r;
    if (Math.abs(a[pivot * p + col]) < 1e-12) {
      singular[col] = 1;
      continue;
    }
    if (pivot !== col) {
      for (let k = 0; k < p; k++) {
        [a[col * p + k], a[pivot * p + k]] = [a[pivot * p + k], a[col * p + k]];
        [inv[col * p + k], inv[pivot * p + k]] = [inv[pivot * p + k], inv[col * p + k]];
      }
    }
    const d = a[col * p + col];
    for (let k = 0; k < p; k++) {
      a[col * p + k] /= d;
      inv[col * p + k] /= d;
    }
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const f = a[r * p + col];
      if (f === 0) continue;
      for (let k = 0; k < p; k++) {
        a[r * p + k] -= f * a[col * p + k];
        inv[r * p + k] -= f * inv[col * p + k];
      }
    }
  }
  const vif = new Float64Array(p);
  const isSingular = singular.some((s) => s === 1);
  for (let j = 0; j < p; j++) vif[j] = isSingular ? Number.POSITIVE_INFINITY : inv[j * p + j];
  return vif;
}

/** Σ wᵢ · logloss of a logistic model on a row-major matrix. */
export function negativeLogLikelihood(
  X: Float64Array,
  p: number,
  y: ArrayLike<number>,
  w: ArrayLike<number> | undefined,
  intercept: number,
  coefficients: ArrayLike<number>,
): number {
  const n = y.length;
  let nll = 0;
  for (let i = 0; i < n; i++) {
    let z = intercept;
    for (let j = 0; j < p; j++) z += coefficients[j] * X[i * p + j];
    // log(1 + e^z) − y·z, computed stably.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    nll += (w === undefined ? 1 : w[i]) * (softplus - (y[i] === 1 ? z : 0));
  }
  return nll;
}
