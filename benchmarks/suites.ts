/** The registered benchmark suites, in run order. Each module builds its suites from seeded data. */
import type { SuiteFactory } from './harness.js';
// suite modules import these from harness.ts (importing them from here would be a cycle)
export { mayMatch, type SuiteFactory, type SuiteOptions } from './harness.js';
import { applicantSuites, applicantValidationSuites } from './applicant.bench.js';
import { featureSuites } from './features.bench.js';
import { metricsSuites } from './metrics.bench.js';
import { scoringSuites } from './scoring.bench.js';
import { trainingSuites } from './training.bench.js';

export const suites: SuiteFactory[] = [scoringSuites, applicantSuites, featureSuites, metricsSuites, trainingSuites, applicantValidationSuites];
