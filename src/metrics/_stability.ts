/** Private: the PSI formula over binned counts, shared by populationStabilityIndex and characteristicStabilityIndex. */
import { checkNumberOption } from './_inputs.js';
import { stabilityLevel, type StabilityThresholds } from './stabilityLevel.js';
import type { StabilityBin } from './populationStabilityIndex.js';

export interface BinCounts {
  /** Describes each bin (without counts). */
  labels: Omit<StabilityBin, 'referenceCount' | 'currentCount' | 'referenceShare' | 'currentShare' | 'contribution'>[];
  reference: Float64Array;
  current: Float64Array;
}

export function resolvePseudoCount(where: string, value: unknown): number {
  return value === undefined ? 0.5 : checkNumberOption(where, 'pseudoCount', value, { min: 0, isExclusive: true });
}

/**
 * PSI = Σ_k (c_k − r_k) · ln(c_k / r_k) over the bins' shares. Bins empty in both samples are
 * dropped; when any remaining bin is empty in one sample, `pseudoCount` is added to every bin of both
 * samples before computing shares.
 */
export function stabilityFromCounts(counts: BinCounts, pseudoCount: number, thresholds: StabilityThresholds | undefined): StabilityCore {
  const keep: number[] = [];
  let isSmoothed = false;
  for (let k = 0; k < counts.reference.length; k++) {
    const r = counts.reference[k];
    const c = counts.current[k];
    if (r === 0 && c === 0) continue;
    keep.push(k);
    if (r === 0 || c === 0) isSmoothed = true;
  }
  const add = isSmoothed ? pseudoCount : 0;
  let referenceTotal = 0;
  let currentTotal = 0;
  for (const k of keep) {
    referenceTotal += counts.reference[k] + add;
    currentTotal += counts.current[k] + add;
  }
  let index = 0;
  const bins: StabilityBin[] = keep.map((k) => {
    const referenceShare = (counts.reference[k] + add) / referenceTotal;
    const currentShare = (counts.current[k] + add) / currentTotal;
    const contribution = (currentShare - referenceShare) * Math.log(currentShare / referenceShare);
    index += contribution;
    return { ...counts.labels[k], referenceCount: counts.reference[k], currentCount: counts.current[k], referenceShare, currentShare, contribution };
  });
  return { index, level: stabilityLevel(index, thresholds), isSmoothed, bins };
}

export interface StabilityCore {
  index: number;
  level: ReturnType<typeof stabilityLevel>;
  isSmoothed: boolean;
  bins: StabilityBin[];
}

/** Display label of a right-closed numeric bin. */
export function intervalLabel(lower: number | null, upper: number | null): string {
  return `(${lower === null ? '-Infinity' : String(lower)}, ${upper === null ? 'Infinity)' : `${String(upper)}]`}`;
}
