/** Private: validation of traffic-light thresholds. */
import { InvalidOptionsError } from '../errors.js';
import type { TrafficLightThresholds } from './trafficLight.js';

/** Validates thresholds: 0 < redBelow <= amberBelow <= 1. */
export function checkTrafficLightThresholds(where: string, thresholds: TrafficLightThresholds): void {
  const { amberBelow, redBelow } = thresholds ?? ({} as TrafficLightThresholds);
  const isValid = typeof amberBelow === 'number' && typeof redBelow === 'number' && redBelow > 0 && redBelow <= amberBelow && amberBelow <= 1;
  if (!isValid) {
    throw new InvalidOptionsError(`${where}: thresholds must satisfy 0 < redBelow <= amberBelow <= 1, received amberBelow ${String(amberBelow)}, redBelow ${String(redBelow)}`, [
      { code: 'invalid_value', path: ['thresholds'], message: 'must satisfy 0 < redBelow <= amberBelow <= 1' },
    ]);
  }
}
