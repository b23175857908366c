import { calibratedLogOdds } from '../_lib/calibratedLogOdds.js';
import type { Calibration } from '../schema/artifactCommon.js';

/**
 * Probability of default from a model's raw log-odds of default, through the artifact's optional
 * calibration: none → `σ(z)`; Platt → `σ(a·z + b)`; isotonic → linear interpolation in raw PD through
 * the fitted points `(x[k], y[k])` (`x` ascending, flat beyond the ends). The calibrated log-odds
 * are limited to ±35, so the result is always strictly inside (0, 1) (between about 6.3e-16 and
 * 1 − 6.3e-16), never 0, 1 or NaN for a finite input. O(1), or O(log k) for k isotonic points.
 *
 * @param calibration - the artifact's `calibration`, or `undefined` for none
 * @param logOdds - raw log-odds of default, `ln(pd / (1 − pd))`, finite
 * @returns the calibrated probability of default
 * @category Scoring
 * @example
 * applyCalibration(undefined, 0); //=> 0.5
 * applyCalibration({ method: 'platt', a: 1, b: Math.log(2) }, 0); //=> 0.6666...
 * applyCalibration({ method: 'isotonic', x: [0.1, 0.9], y: [0.2, 0.4] }, 0); //=> 0.3
 */
export function applyCalibration(calibration: Calibration | undefined, logOdds: number): number {
  const z = calibratedLogOdds(calibration, logOdds);
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
