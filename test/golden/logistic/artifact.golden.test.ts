/**
 * Golden files for the logistic family (STYLE.md B4): a committed schemaVersion-1 artifact, a set
 * of feature records (missing values, unseen categories, values beyond the clip points) and the
 * expected results. Scoring must match exactly (score and reason codes) and PD to 1e-12; retraining
 * on the same synthetic data must reproduce the artifact (numbers to 1e-9 relative).
 *
 * Regenerate (then review the diff): UPDATE_GOLDEN=1 npx vitest run test/golden/logistic/artifact.golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/scorers/loadModel.js';
import { trainLogistic } from '../../../src/train/trainLogistic.js';
import type { FeatureRecord, ScoreResult } from '../../../src/types.js';
import { syntheticDataset } from '../../logistic/_data.js';

const here = import.meta.dirname;
const artifactFile = resolve(here, 'artifact.v1.json');
const recordsFile = resolve(here, 'records.jsonl');
const expectedFile = resolve(here, 'expected.jsonl');
const update = process.env.UPDATE_GOLDEN === '1';

const RECORDS: FeatureRecord[] = [
  { utilization: 0.35, income: 42_000, housing: 'own' },
  { utilization: 0.95, income: 18_000, housing: 'rent' },
  { utilization: null, income: 30_000, housing: 'mortgage' },
  { utilization: 0.1, income: null, housing: null },
  { utilization: 0.6, income: 55_000, housing: 'boat' },
  { utilization: 0.6, income: 55_000, housing: 'caravan' },
  { utilization: 5, income: 1e9, housing: 'own' },
  { utilization: -3, income: 1, housing: 'rent' },
  {},
  { utilization: 0.4 },
];

function trained(): unknown {
  return JSON.parse(JSON.stringify(trainLogistic(syntheticDataset(600, 11), { id: 'golden-logistic', target: { name: 'synthetic default' } })));
}

/** Deep comparison: numbers to 1e-9 relative, everything else exactly. */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
    for (const [k, e] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

if (update) {
  const artifact = trained();
  writeFileSync(artifactFile, `${JSON.stringify(artifact, null, 1)}\n`);
  const scorer = loadModel(artifact);
  writeFileSync(recordsFile, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(expectedFile, RECORDS.map((r) => JSON.stringify(scorer.score(r))).join('\n') + '\n');
}

describe('logistic golden files', () => {
  const present = existsSync(artifactFile) && existsSync(recordsFile) && existsSync(expectedFile);

  it('golden files exist (run with UPDATE_GOLDEN=1 to create them)', () => {
    expect(present).toBe(true);
  });

  (present ? it : it.skip)('loadModel(artifact.v1.json).score(records) reproduces expected.jsonl: score and reasons exactly, PD to 1e-12', () => {
    const scorer = loadModel(readFileSync(artifactFile, 'utf8'));
    const records = readFileSync(recordsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FeatureRecord);
    const expected = readFileSync(expectedFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ScoreResult);
    expect(records.length).toBe(expected.length);
    records.forEach((record, i) => {
      const result = scorer.score(record);
      expect(result.score, `record ${i}`).toBe(expected[i].score);
      expect(Math.abs(result.probabilityOfDefault - expected[i].probabilityOfDefault)).toBeLessThanOrEqual(1e-12);
      expect(result.reasonCodes, `record ${i}`).toEqual(expected[i].reasonCodes);
      expect(result.modelId).toBe(expected[i].modelId);
    });
  });

  (present ? it : it.skip)('trainLogistic(same synthetic data) reproduces artifact.v1.json (numbers to 1e-9 relative)', () => {
    expectClose(trained(), JSON.parse(readFileSync(artifactFile, 'utf8')));
  });
});
