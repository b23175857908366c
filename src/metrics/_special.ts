/**
 * Private special functions for the metrics' p-values (never exported from `./metrics`; tested
 * against scipy in test/metrics/specialFunctions.test.ts).
 *
 * - ln Γ(x): Stirling's series with Bernoulli terms up to x⁻¹⁵ for x ≥ 10 (truncation error < 1e-17),
 *   and the recurrence Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)) below 10.
 * - ln B(a, b): as R's `lbeta`, with the Stirling remainders so that large arguments (grades with a
 *   million obligors) do not lose digits to cancellation.
 * - Regularized incomplete gamma P(a, x), Q(a, x): power series for x < a + 1, Lentz's continued
 *   fraction otherwise (Numerical Recipes §6.2).
 * - Regularized incomplete beta Iₓ(a, b): Lentz's continued fraction, with the symmetry
 *   Iₓ(a, b) = 1 − I₁₋ₓ(b, a) above x = (a + 1)/(a + b + 2) (Numerical Recipes §6.4).
 */
import { ConvergenceError } from '../errors.js';

const LN_SQRT_2PI = 0.91893853320467274178; // ln √(2π)
const TINY = 1e-300;
const EPS = Number.EPSILON;

/** Stirling remainder: ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], for x ≥ 10. */
export function stirlingRemainder(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  // B₂ₖ / (2k (2k − 1) x^(2k−1)), k = 1..8
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be > 0, received ${x}`);
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingRemainder(x);
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
  }
  return (y - 0.5) * Math.log(y) - y + LN_SQRT_2PI + stirlingRemainder(y) - Math.log(product);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) throw new RangeError(`logBeta: a and b must be > 0, received ${a}, ${b}`);
  const ratio = p / (p + q);
  if (p >= 10) {
    const correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + correction + (p - 0.5) * Math.log(ratio) + q * Math.log1p(-ratio);
  }
  if (q >= 10) {
    const correction = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-ratio);
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

function maxIterationsFor(size: number): number {
  return 1000 + Math.ceil(20 * Math.sqrt(size));
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), a > 0, x ≥ 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

function gammaPrefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  const limit = maxIterationsFor(a + x);
  for (let n = 0; n < limit; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * gammaPrefactor(a, x);
  }
  throw new ConvergenceError(`regularizedGamma: series did not converge for a = ${a}, x = ${x}`);
}

function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = maxIterationsFor(a + x);
  for (let i = 1; i <= limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return gammaPrefactor(a, x) * h;
  }
  throw new ConvergenceError(`regularizedGamma: continued fraction did not converge for a = ${a}, x = ${x}`);
}

/** Regularized incomplete beta Iₓ(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const limit = maxIterationsFor(Math.max(a, b));
  for (let m = 1; m <= limit; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new ConvergenceError(`regularizedBeta: continued fraction did not converge for x = ${x}, a = ${a}, b = ${b}`);
}

/** Survival function of the chi-square distribution: P(X > x) = Q(df/2, x/2). */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}

/** Two-sided normal p-value 2·Φ(−|z|) = erfc(|z|/√2) = Q(½, z²/2). */
export function normalTwoSidedPValue(z: number): number {
  return regularizedGammaQ(0.5, (z * z) / 2);
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  const half = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? 1 - half : half;
}

/** Upper binomial tail P(X ≥ k) for X ~ Bin(n, p): 1 when k ≤ 0, else I_p(k, n − k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularizedBeta(p, k, n - k + 1);
}

/** Quantile of the standard normal (Acklam's rational approximation refined by Newton steps on normalCdf). */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) throw new RangeError(`normalQuantile: probability must be in (0, 1), received ${probability}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let z: number;
  if (probability < low) {
    const q = Math.sqrt(-2 * Math.log(probability));
    z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (probability <= 1 - low) {
    const q = probability - 0.5;
    const r = q * q;
    z = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-probability));
    z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  for (let i = 0; i < 3; i++) {
    const error = normalCdf(z) - probability;
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    if (density === 0) break;
    z -= error / density;
  }
  return z;
}
