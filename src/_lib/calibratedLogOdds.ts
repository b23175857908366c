import type { Calibration } from '../schema/artifactCommon.js';

/**
 * Log-odds are kept within ±`LOG_ODDS_LIMIT` (PD between about 6.3e-16 and 1 − 6.3e-16) so that a
 * probability of default is always strictly inside (0, 1) and every score is finite.
 */
export const LOG_ODDS_LIMIT = 35;

/**
 * Calibrated log-odds of default from a model's raw log-odds `z`:
 * none → `z`; Platt → `a·z + b`; isotonic → `logit(f(σ(z)))` where `f` interpolates linearly through
 * the points `(x[k], y[k])` (raw PD → calibrated PD, `x` ascending) and is flat outside `[x[0], x[last]]`.
 * The result is limited to ±{@link LOG_ODDS_LIMIT}. O(1) for none/Platt, O(log k) for isotonic.
 * Private helper shared by every scorer. `NaN` in → `NaN` out (callers never pass it).
 *
 * @example
 * calibratedLogOdds({ method: 'platt', a: 2, b: 1 }, 0.5); //=> 2
 */
export function calibratedLogOdds(calibration: Calibration | undefined, z: number): number {
  let out: number;
  if (calibration === undefined) out = z;
  else if (calibration.method === 'platt') out = calibration.a * z + calibration.b;
  else {
    const { x, y } = calibration;
    const raw = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    let pd: number;
    const last = x.length - 1;
    if (raw <= x[0]) pd = y[0];
    else if (raw >= x[last]) pd = y[last];
    else {
      // largest k with x[k] <= raw (binary search); then x[k] <= raw < x[k + 1]
      let lo = 0;
      let hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid] <= raw) lo = mid;
        else hi = mid;
      }
      const span = x[lo + 1] - x[lo];
      pd = span > 0 ? y[lo] + ((raw - x[lo]) / span) * (y[lo + 1] - y[lo]) : y[lo + 1];
    }
    out = pd <= 0 ? -Infinity : pd >= 1 ? Infinity : Math.log(pd / (1 - pd));
  }
  return out > LOG_ODDS_LIMIT ? LOG_ODDS_LIMIT : out < -LOG_ODDS_LIMIT ? -LOG_ODDS_LIMIT : out;
}
