/** The registered benchmark suites, in run order. Each module builds its suites from seeded data. */
import type { Suite } from './harness.js';

export type SuiteFactory = (options: { quick: boolean }) => Promise<Suite[]>;

export const suites: SuiteFactory[] = [];
