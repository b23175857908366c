/**
 * Batch feature extraction: `extractFeatureMatrix` over 1,000 validated applicants (fixture
 * generator, seed 8) against `JSON.parse` of the same applicants' text — the cost of reading the
 * input at all. A ratio below 1 means extraction costs less than parsing the JSON it came from.
 */
import { applicantPool } from './_data.js';
import { mayMatch, type SuiteFactory } from './suites.js';
import { extractFeatureMatrix } from '../src/features/index.js';
import { parseApplicant } from '../src/schema/parseApplicant.js';

export const featureSuites: SuiteFactory = async (options) => {
  if (!mayMatch(options, 'features-')) return [];
  const pool = applicantPool(1_000, 8);
  const applicants = pool.raws.map((r) => parseApplicant(r));
  const n = applicants.length;
  return [
    {
      name: 'features-1k',
      reference: { name: 'JSON.parse', rowsPerOp: n, fn: () => pool.texts.map((t) => JSON.parse(t) as unknown) },
      tasks: [
        { name: 'extractFeatureMatrix', rowsPerOp: n, fn: () => extractFeatureMatrix(applicants) },
        { name: 'parseApplicant', rowsPerOp: n, fn: () => pool.raws.map((r) => parseApplicant(r)) },
      ],
    },
  ];
};
