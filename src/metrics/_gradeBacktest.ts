/** Private: validation and result shape shared by binomialTest and jeffreysTest. */
import type { Issue } from '../errors.js';
import { throwIssues } from './_inputs.js';
import type { GradeBacktestInput, GradeBacktestOptions, GradeBacktestResult } from './binomialTest.js';
import { checkTrafficLightThresholds } from './_trafficLightThresholds.js';
import { DEFAULT_TRAFFIC_LIGHT_THRESHOLDS, trafficLight } from './trafficLight.js';

export function runGradeBacktest(
  where: string,
  grades: readonly GradeBacktestInput[],
  options: GradeBacktestOptions,
  isIntegerCounts: boolean,
  pValueOf: (grade: GradeBacktestInput) => number,
): GradeBacktestResult[] {
  const thresholds = options.thresholds ?? DEFAULT_TRAFFIC_LIGHT_THRESHOLDS;
  checkTrafficLightThresholds(where, thresholds);
  if (!Array.isArray(grades)) {
    throwIssues(where, [{ code: 'invalid_type', path: ['grades'], message: 'must be an array of { probabilityOfDefault, obligors, defaults }' }]);
  }
  const issues: Issue[] = [];
  grades.forEach((g, i) => {
    if (g === null || typeof g !== 'object') {
      issues.push({ code: 'invalid_type', path: ['grades', i], message: 'must be an object { probabilityOfDefault, obligors, defaults }' });
      return;
    }
    const pd = g.probabilityOfDefault;
    if (typeof pd !== 'number' || !(pd >= 0 && pd <= 1)) {
      issues.push({ code: 'not_probability', path: ['grades', i, 'probabilityOfDefault'], message: `must be a probability in [0, 1], received ${String(pd)}` });
    }
    const n = g.obligors;
    const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && (!isIntegerCounts || Number.isInteger(v));
    if (!isCount(n) || !(n > 0)) {
      issues.push({ code: 'invalid_count', path: ['grades', i, 'obligors'], message: `must be a positive ${isIntegerCounts ? 'integer' : 'number'}, received ${String(n)}` });
    }
    const d = g.defaults;
    if (!isCount(d) || !(d >= 0)) {
      issues.push({ code: 'invalid_count', path: ['grades', i, 'defaults'], message: `must be a non-negative ${isIntegerCounts ? 'integer' : 'number'}, received ${String(d)}` });
    } else if (isCount(n) && d > n) {
      issues.push({ code: 'too_big', path: ['grades', i, 'defaults'], message: `must be <= obligors (${n}), received ${d}` });
    }
  });
  if (issues.length > 0) throwIssues(where, issues.slice(0, 20), issues.length);
  return grades.map((g, i) => {
    const pValue = pValueOf(g);
    return {
      grade: g.grade ?? i,
      probabilityOfDefault: g.probabilityOfDefault,
      obligors: g.obligors,
      defaults: g.defaults,
      observedDefaultRate: g.defaults / g.obligors,
      pValue,
      trafficLight: trafficLight(pValue, thresholds),
    };
  });
}
