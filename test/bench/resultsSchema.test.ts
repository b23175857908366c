/**
 * The benchmark results' published JSON Schema (benchmarks/results.schema.json) is what
 * `npm run bench -- --schema` writes from the zod schema run.ts validates with
 * (benchmarks/resultsSchema.ts): the two must not drift apart, and a results file the harness
 * writes must satisfy the schema's required fields.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BenchResultsSchema } from '../../benchmarks/resultsSchema.js';

const root = resolve(import.meta.dirname, '../..');

describe('benchmarks/results.schema.json', () => {
  it('is the JSON Schema of BenchResultsSchema (regenerate with npm run bench -- --schema)', () => {
    const published = JSON.parse(readFileSync(resolve(root, 'benchmarks/results.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(BenchResultsSchema, { io: 'input' }))));
  });

  it('rejects a task without its ratios (what bench:check reads)', () => {
    const task = { name: 's/t', reference: 's/r', clock: 'cpu', opsPerSec: 1, rowsPerOp: 1, meanNs: 1, p50Ns: 1, p99Ns: 1, samples: 1, ratio: 1, ratioMedian: 1, hotPath: false, gated: true };
    const { ratioMedian: _omitted, ...withoutMedian } = task;
    const base = { schemaVersion: 1, node: 'v20', cpu: 'x', date: '2026-11-23T00:00:00.000Z', quick: true, figures: {} };
    const good = BenchResultsSchema.safeParse({ ...base, tasks: [task] });
    const bad = BenchResultsSchema.safeParse({ ...base, tasks: [withoutMedian] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['tasks', 0, 'ratioMedian']);
    // the fixture above is complete unless the schema grew a required field
    expect(good.success, JSON.stringify(good.error?.issues)).toBe(true);
  });
});
