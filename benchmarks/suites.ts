/** The registered benchmark suites, in run order. Each module builds its suites from seeded data. */
import type { Suite } from './harness.js';
import { applicantSuites, applicantValidationSuites } from './applicant.bench.js';
import { featureSuites } from './features.bench.js';
import { metricsSuites } from './metrics.bench.js';
import { scoringSuites } from './scoring.bench.js';
import { trainingSuites } from './training.bench.js';

export interface SuiteOptions {
  /** Smaller inputs (CI). */
  quick: boolean;
  /** `--only NAME`: a factory may skip building suites whose names cannot contain NAME. */
  only?: string;
}

export type SuiteFactory = (options: SuiteOptions) => Promise<Suite[]>;

/** Whether suites named `prefix…` can match `--only` (so a factory can skip its setup). */
export function mayMatch(options: SuiteOptions, prefix: string): boolean {
  return options.only === undefined || prefix.includes(options.only) || options.only.startsWith(prefix);
}

export const suites: SuiteFactory[] = [scoringSuites, applicantSuites, featureSuites, metricsSuites, trainingSuites, applicantValidationSuites];
