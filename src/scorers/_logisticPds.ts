import { LOG_ODDS_LIMIT, calibratedLogOdds } from '../_lib/calibratedLogOdds.js';
import type { Calibration } from '../schema/artifactCommon.js';

/**
 * Replaces each of `values[0 … n)` (raw log-odds of default) with its PD through `calibration`,
 * bit for bit what `applyCalibration(calibration, z)` returns for each (same clamp to
 * ±`LOG_ODDS_LIMIT`, same logistic formula on each side of 0), in one loop per calibration
 * method instead of one call per row. Private to the logistic scorer's batch path.
 *
 * @example
 * const v = Float64Array.of(0, 40);
 * pdsFromLogOdds(undefined, v, 2);
 * v; //=> Float64Array [0.5, 0.9999999999999993...]
 */
export function pdsFromLogOdds(calibration: Calibration | undefined, values: Float64Array, n: number): void {
  if (calibration !== undefined && calibration.method === 'isotonic') {
    for (let r = 0; r < n; r++) values[r] = sigmoidOf(calibratedLogOdds(calibration, values[r]));
    return;
  }
  const a = calibration === undefined ? 1 : calibration.a;
  const b = calibration === undefined ? 0 : calibration.b;
  const platt = calibration !== undefined;
  for (let r = 0; r < n; r++) {
    let z = values[r];
    if (platt) z = a * z + b;
    z = z > LOG_ODDS_LIMIT ? LOG_ODDS_LIMIT : z < -LOG_ODDS_LIMIT ? -LOG_ODDS_LIMIT : z;
    if (z >= 0) values[r] = 1 / (1 + Math.exp(-z));
    else {
      const e = Math.exp(z);
      values[r] = e / (1 + e);
    }
  }
}

/** `applyCalibration`'s logistic step on calibrated log-odds `z`. */
function sigmoidOf(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
