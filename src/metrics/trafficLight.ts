import { checkTrafficLightThresholds } from './_trafficLightThresholds.js';

/**
 * Traffic-light status of a back-test: `'green'` = no evidence against the PD, `'amber'` = some,
 * `'red'` = strong evidence that the PD is too low.
 *
 * @category Metrics
 * @example
 * const status: TrafficLight = 'amber';
 */
export type TrafficLight = 'green' | 'amber' | 'red';

/**
 * p-value thresholds of the traffic light: green when p ≥ amberBelow, amber when
 * redBelow ≤ p < amberBelow, red when p < redBelow.
 *
 * @category Metrics
 * @example
 * const strict: TrafficLightThresholds = { amberBelow: 0.1, redBelow: 0.05 };
 */
export interface TrafficLightThresholds {
  /** p-values below this are at least amber. @defaultValue 0.05 */
  amberBelow: number;
  /** p-values below this are red. @defaultValue 0.01 */
  redBelow: number;
}

/**
 * Default traffic-light thresholds: green p ≥ 5 %, amber 1 % ≤ p < 5 %, red p < 1 % (the one-sided
 * 95 % / 99 % confidence levels common in supervisory PD back-testing).
 *
 * @category Metrics
 * @example
 * DEFAULT_TRAFFIC_LIGHT_THRESHOLDS.amberBelow; //=> 0.05
 */
export const DEFAULT_TRAFFIC_LIGHT_THRESHOLDS: Readonly<TrafficLightThresholds> = /* @__PURE__ */ Object.freeze({ amberBelow: 0.05, redBelow: 0.01 });

/**
 * Maps a back-test p-value to green / amber / red: green when p ≥ amberBelow, amber when
 * redBelow ≤ p < amberBelow, red when p < redBelow. O(1).
 *
 * @param pValue - p-value in [0, 1]
 * @param thresholds - defaults to {@link DEFAULT_TRAFFIC_LIGHT_THRESHOLDS} (0.05 / 0.01)
 * @returns the status
 * @throws {@link InvalidOptionsError} when the thresholds are not 0 < redBelow ≤ amberBelow ≤ 1
 * @category Metrics
 * @example
 * trafficLight(0.2); //=> 'green'
 * trafficLight(0.03); //=> 'amber'
 * trafficLight(0.004); //=> 'red'
 */
export function trafficLight(pValue: number, thresholds: TrafficLightThresholds = DEFAULT_TRAFFIC_LIGHT_THRESHOLDS): TrafficLight {
  checkTrafficLightThresholds('trafficLight', thresholds);
  if (pValue < thresholds.redBelow) return 'red';
  if (pValue < thresholds.amberBelow) return 'amber';
  return 'green';
}
