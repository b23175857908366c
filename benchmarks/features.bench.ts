/**
 * Feature extraction: `extractFeatureMatrix` over validated applicants (fixture generator, seed 8)
 * against `JSON.parse` of the same applicants' text — the cost of reading the input at all. A ratio
 * below 1 means extraction costs less than parsing the JSON it came from; `parseApplicant` of the
 * same raw objects is timed alongside.
 *
 * - `features-16`: batches of 16 consecutive applicants cycling through 1,024 (quick and full);
 * - `features-1k`: all of the first 1,000 in one call (full mode).
 */
import { applicantPool } from './_data.js';
import { type Suite, mayMatch, type SuiteFactory } from './harness.js';
import { extractFeatureMatrix } from '../src/features/index.js';
import { parseApplicant } from '../src/schema/parseApplicant.js';
import type { Applicant } from '../src/schema/applicant.js';

const BATCH = 16;

export const featureSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'features-')) return [];
  const pool = applicantPool(1_024, 8);
  const applicants = pool.raws.map((r) => parseApplicant(r));
  const batches: { texts: string[]; raws: unknown[]; applicants: Applicant[] }[] = [];
  for (let i = 0; i < pool.texts.length; i += BATCH) {
    batches.push({ texts: pool.texts.slice(i, i + BATCH), raws: pool.raws.slice(i, i + BATCH), applicants: applicants.slice(i, i + BATCH) });
  }
  const nb = batches.length;
  const next = (() => {
    const cursors = new Map<string, number>();
    return (key: string): number => {
      const c = ((cursors.get(key) ?? -1) + 1) % nb;
      cursors.set(key, c);
      return c;
    };
  })();
  const small: Suite = {
    name: `features-${BATCH}`,
    reference: { name: 'JSON.parse', rowsPerOp: BATCH, fn: () => batches[next('ref')].texts.map((t) => JSON.parse(t) as unknown) },
    tasks: [
      { name: 'extractFeatureMatrix', rowsPerOp: BATCH, fn: () => extractFeatureMatrix(batches[next('x')].applicants) },
      { name: 'parseApplicant', rowsPerOp: BATCH, fn: () => batches[next('p')].raws.map((r) => parseApplicant(r)) },
    ],
  };
  if (options.quick) return [small];
  const n = 1_000;
  const texts = pool.texts.slice(0, n);
  const raws = pool.raws.slice(0, n);
  const first = applicants.slice(0, n);
  const large: Suite = {
    name: 'features-1k',
    reference: { name: 'JSON.parse', rowsPerOp: n, fn: () => texts.map((t) => JSON.parse(t) as unknown) },
    tasks: [
      { name: 'extractFeatureMatrix', rowsPerOp: n, fn: () => extractFeatureMatrix(first) },
      { name: 'parseApplicant', rowsPerOp: n, fn: () => raws.map((r) => parseApplicant(r)) },
    ],
  };
  return [small, large];
};
