import { runGradeBacktest } from './_gradeBacktest.js';
import { regularizedBeta } from './_special.js';
import type { GradeBacktestInput, GradeBacktestOptions, GradeBacktestResult } from './binomialTest.js';

/**
 * Jeffreys test of each grade's PD, as described in the ECB's "Instructions for reporting the
 * validation results of internal models — IRB Pillar I models for credit risk" (PD back-testing):
 * with a Jeffreys prior
 * Beta(½, ½), the posterior of the default rate after D defaults among N obligors is
 * Beta(D + ½, N − D + ½), and the one-sided p-value is its CDF at the grade's PD,
 * `p = F_{Beta(D+½, N−D+½)}(PD) = I_PD(D + ½, N − D + ½)` — small when the posterior puts little mass
 * below the PD, i.e. the PD looks underestimated. Checked against scipy's `beta.cdf`. D and N may be
 * non-integer (e.g. weighted counts). Each grade is marked green / amber / red by
 * {@link trafficLight} (default: green p ≥ 0.05, amber 0.01 ≤ p < 0.05, red p < 0.01). Runs in
 * O(grades · √N).
 *
 * @param grades - one entry per grade: `{ grade?, probabilityOfDefault, obligors, defaults }`
 * @param options - traffic-light thresholds, see {@link GradeBacktestOptions}
 * @returns one result per grade, in input order
 * @throws {@link InvalidInputError} when a PD is outside [0, 1], N ≤ 0, or D is outside [0, N] (paths like `['grades', 2, 'defaults']`)
 * @throws {@link InvalidOptionsError} when the thresholds are not 0 < redBelow ≤ amberBelow ≤ 1
 * @category Metrics
 * @example
 * const [b] = jeffreysTest([{ grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 }]);
 * [b.pValue, b.trafficLight]; //=> [0.0162, 'amber']
 */
export function jeffreysTest(grades: readonly GradeBacktestInput[], options: GradeBacktestOptions = {}): GradeBacktestResult[] {
  return runGradeBacktest('jeffreysTest', grades, options, false, (g) =>
    regularizedBeta(g.probabilityOfDefault, g.defaults + 0.5, g.obligors - g.defaults + 0.5),
  );
}
