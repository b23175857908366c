/** The registered benchmark suites, in run order. Each module builds its suites from seeded data. */
import type { SuiteFactory } from './harness.js';
// suite modules import these from harness.ts (importing them from here would be a cycle)
export { mayMatch, type SuiteFactory, type SuiteOptions } from './harness.js';
import { applicantSuites, applicantValidationSuites } from './applicant.bench.js';
import { featureSuites } from './features.bench.js';
import { metricsSuites } from './metrics.bench.js';
import { scoringSuites } from './scoring.bench.js';
import { trainingSuites } from './training.bench.js';

/**
 * One entry per suite factory, in run order; `prefix` starts the name of every suite the factory
 * builds (run.ts starts no child process for a factory that `--only` excludes). Each factory runs in
 * a child process of its own.
 */
export interface RegisteredFactory {
  prefix: string;
  make: SuiteFactory;
}

export const suites: RegisteredFactory[] = [
  { prefix: 'scoring-', make: scoringSuites },
  { prefix: 'applicant', make: applicantSuites },
  { prefix: 'features-', make: featureSuites },
  { prefix: 'metrics-', make: metricsSuites },
  { prefix: 'train-', make: trainingSuites },
  { prefix: 'applicant-validation', make: applicantValidationSuites },
];
