import { runGradeBacktest } from './_gradeBacktest.js';
import { binomialUpperTail } from './_special.js';
import type { TrafficLight, TrafficLightThresholds } from './trafficLight.js';

/**
 * One rating grade (or pool) to back-test: its assigned PD, the number of obligors at the start of
 * the period, and how many of them defaulted during it.
 *
 * @category Metrics
 * @example
 * const grade: GradeBacktestInput = { grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 };
 */
export interface GradeBacktestInput {
  /** Label of the grade; defaults to its index. */
  grade?: string | number;
  /** The grade's PD over the back-test horizon, in [0, 1]. */
  probabilityOfDefault: number;
  /** N: obligors in the grade (a positive integer for the binomial test; any positive number for Jeffreys). */
  obligors: number;
  /** D: defaults observed, 0 ≤ D ≤ N. */
  defaults: number;
}

/**
 * Options of {@link binomialTest} and {@link jeffreysTest}.
 *
 * @category Metrics
 * @example
 * const options: GradeBacktestOptions = { thresholds: { amberBelow: 0.1, redBelow: 0.01 } };
 */
export interface GradeBacktestOptions {
  /** p-value thresholds of the traffic light. @defaultValue {@link DEFAULT_TRAFFIC_LIGHT_THRESHOLDS} (0.05 / 0.01) */
  thresholds?: TrafficLightThresholds;
}

/**
 * One back-tested grade.
 *
 * @category Metrics
 * @example
 * const r: GradeBacktestResult = { grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30, observedDefaultRate: 0.03, pValue: 0.0207, trafficLight: 'amber' };
 */
export interface GradeBacktestResult {
  /** The grade label, or its index when none was given. */
  grade: string | number;
  probabilityOfDefault: number;
  obligors: number;
  defaults: number;
  /** D / N. */
  observedDefaultRate: number;
  /** One-sided p-value against H₀ "the PD is not underestimated"; small = too many defaults. */
  pValue: number;
  /** green / amber / red from the p-value and the thresholds. */
  trafficLight: TrafficLight;
}

/**
 * Binomial test of each grade's PD (one-sided, exact): the p-value is the probability of observing at
 * least D defaults among N independent obligors if the true default probability were the grade's PD,
 * `p = P(X ≥ D), X ~ Binomial(N, PD) = I_PD(D, N − D + 1)` (regularized incomplete beta; p = 1 when
 * D = 0), checked against scipy's `binom.sf(D − 1, N, PD)`. Each grade is marked green / amber / red
 * by {@link trafficLight} (default: green p ≥ 0.05, amber 0.01 ≤ p < 0.05, red p < 0.01). The test
 * assumes independent defaults; with default correlation it rejects too often. Runs in O(grades ·
 * √N) for the continued fraction.
 * https://www.bis.org/publ/bcbs_wp14.pdf
 *
 * @param grades - one entry per grade: `{ grade?, probabilityOfDefault, obligors, defaults }`
 * @param options - traffic-light thresholds, see {@link GradeBacktestOptions}
 * @returns one result per grade, in input order
 * @throws {@link InvalidInputError} when a PD is outside [0, 1], N is not a positive integer, or D is not an integer in [0, N] (paths like `['grades', 2, 'defaults']`)
 * @throws {@link InvalidOptionsError} when the thresholds are not 0 < redBelow ≤ amberBelow ≤ 1
 * @category Metrics
 * @example
 * const [b] = binomialTest([{ grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 }]);
 * [b.pValue, b.trafficLight]; //=> [0.0207, 'amber']
 */
export function binomialTest(grades: readonly GradeBacktestInput[], options: GradeBacktestOptions = {}): GradeBacktestResult[] {
  return runGradeBacktest('binomialTest', grades, options, true, (g) => binomialUpperTail(g.defaults, g.obligors, g.probabilityOfDefault));
}
