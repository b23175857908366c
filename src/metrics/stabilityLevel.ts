import { InvalidOptionsError } from '../errors.js';

/**
 * Reading of a stability index: `'stable'` (< 0.10), `'moderate'` (0.10 ≤ index < 0.25, investigate),
 * `'significant'` (≥ 0.25, the population has shifted; re-develop or re-calibrate).
 *
 * @category Metrics
 * @example
 * const level: StabilityLevel = 'moderate';
 */
export type StabilityLevel = 'stable' | 'moderate' | 'significant';

/**
 * Thresholds of the stability levels: moderate from `moderate`, significant from `significant`.
 *
 * @category Metrics
 * @example
 * const stricter: StabilityThresholds = { moderate: 0.05, significant: 0.2 };
 */
export interface StabilityThresholds {
  /** Index at and above which the level is 'moderate'. @defaultValue 0.1 */
  moderate: number;
  /** Index at and above which the level is 'significant'. @defaultValue 0.25 */
  significant: number;
}

/**
 * The industry rule of thumb for PSI and CSI: stable < 0.10 ≤ moderate < 0.25 ≤ significant.
 *
 * @category Metrics
 * @example
 * STABILITY_THRESHOLDS.significant; //=> 0.25
 */
export const STABILITY_THRESHOLDS: Readonly<StabilityThresholds> = /* @__PURE__ */ Object.freeze({ moderate: 0.1, significant: 0.25 });

/**
 * Classifies a PSI or CSI value: `'stable'` below `moderate` (0.10), `'moderate'` from 0.10 up to
 * `significant` (0.25), `'significant'` from 0.25. O(1).
 *
 * @param index - a PSI or CSI value (≥ 0)
 * @param thresholds - defaults to {@link STABILITY_THRESHOLDS}
 * @returns the level
 * @throws {@link InvalidOptionsError} when the thresholds are not 0 < moderate ≤ significant
 * @category Metrics
 * @example
 * stabilityLevel(0.04); //=> 'stable'
 * stabilityLevel(0.1); //=> 'moderate'
 * stabilityLevel(0.31); //=> 'significant'
 */
export function stabilityLevel(index: number, thresholds: StabilityThresholds = STABILITY_THRESHOLDS): StabilityLevel {
  const { moderate, significant } = thresholds ?? ({} as StabilityThresholds);
  if (!(typeof moderate === 'number' && typeof significant === 'number' && moderate > 0 && moderate <= significant && Number.isFinite(significant))) {
    throw new InvalidOptionsError(`stabilityLevel: thresholds must satisfy 0 < moderate <= significant, received moderate ${String(moderate)}, significant ${String(significant)}`, [
      { code: 'invalid_value', path: ['thresholds'], message: 'must satisfy 0 < moderate <= significant' },
    ]);
  }
  if (index >= significant) return 'significant';
  if (index >= moderate) return 'moderate';
  return 'stable';
}
