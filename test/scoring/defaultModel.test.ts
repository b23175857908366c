/**
 * Issue 2 acceptance for the bundled default model:
 * - `npm run train:default` is byte-identical when re-run: the script itself is run in-process
 *   (its file write captured, never reaching models/default.json), then its trainer is called a
 *   second time with the very dataset and options the script passed: both artifacts serialise to
 *   the same bytes;
 * - calibration: the bundled model's mean PD on the fixture hold-out (rows i % 10 >= 7) is within
 *   10% (relative) of the observed bad rate.
 * The hold-out AUC against the ground truth is test/scorecard/fixtureTruth.test.ts's.
 */
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultModel, loadModel, scoreApplicants } from '../../src/index.js';
import type { FixtureRow } from '../../fixtures/loadFixtureSample.js';

const captured = vi.hoisted(() => ({
  writes: [] as { path: string; data: string }[],
  trainCalls: [] as { name: string; args: unknown[]; result: unknown }[],
  samples: [] as { train: FixtureRow[]; holdout: FixtureRow[] }[],
  real: new Map<string, (...args: unknown[]) => unknown>(),
}));

// The script's only write goes here instead of models/default.json.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = vi.fn((file: unknown, data: unknown) => {
    captured.writes.push({ path: String(file), data: String(data) });
  });
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});

// Every trainer the script may call is recorded with its arguments and result.
vi.mock('../../src/train/index.js', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const wrapped: Record<string, unknown> = { ...real };
  for (const [name, value] of Object.entries(real)) {
    if (!name.startsWith('train') || typeof value !== 'function') continue;
    const fn = value as (...args: unknown[]) => unknown;
    captured.real.set(name, fn);
    wrapped[name] = (...args: unknown[]) => {
      const result = fn(...args);
      captured.trainCalls.push({ name, args, result });
      return result;
    };
  }
  return wrapped;
});

// The sample the script loads is kept for the calibration check (loaded once).
vi.mock('../../fixtures/loadFixtureSample.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../fixtures/loadFixtureSample.js')>();
  return {
    ...real,
    loadFixtureSample: (...args: Parameters<typeof real.loadFixtureSample>) => {
      const sample = real.loadFixtureSample(...args);
      captured.samples.push(sample);
      return sample;
    },
  };
});

const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

beforeAll(async () => {
  // Refuse to run the script unless its write is captured: it must never overwrite the model. Should
  // it ever write another way, the test fails (the file is not touched here: someone may be
  // retraining it).
  if (!vi.isMockFunction(fs.writeFileSync)) throw new Error('node:fs is not mocked: refusing to run scripts/trainDefault.ts');
  const modelFile = new URL('../../models/default.json', import.meta.url);
  const before = fs.statSync(modelFile).mtimeMs;
  await import('../../scripts/trainDefault.js');
  if (fs.statSync(modelFile).mtimeMs !== before) {
    throw new Error('models/default.json changed while scripts/trainDefault.ts ran: the script may write without the mocked writeFileSync (see git diff models/); update this test');
  }
});

afterAll(() => {
  stderr.mockRestore();
});

describe('npm run train:default (scripts/trainDefault.ts)', () => {
  it('trains once on the fixture train split and writes only models/default.json, which loadModel accepts', () => {
    expect(captured.samples, 'the script loads the sample through fixtures/loadFixtureSample.ts').toHaveLength(1);
    expect(captured.trainCalls, 'the script trains once through a train* export of src/train/index.ts').toHaveLength(1);
    expect(captured.writes, 'the script writes one file with writeFileSync').toHaveLength(1);
    expect(captured.writes[0].path.replaceAll('\\', '/')).toMatch(/\/models\/default\.json$/);
    const scorer = loadModel(captured.writes[0].data);
    expect(scorer.featureNames.length).toBeGreaterThan(5);
    const artifact = JSON.parse(captured.writes[0].data) as { id: string; training: { rows: number } };
    expect(artifact.id).toBe('default');
    expect(artifact.training.rows).toBe(captured.samples[0].train.length);
  });

  it('is byte-identical when re-run: the same trainer, dataset and options give the same JSON bytes', () => {
    const [{ name, args, result }] = captured.trainCalls;
    const again = (captured.real.get(name) as (...a: unknown[]) => unknown)(...args);
    expect(again).not.toBe(result);
    const first = JSON.stringify(result, null, 1);
    const second = JSON.stringify(again, null, 1);
    expect(second.length).toBe(first.length);
    expect(second === first).toBe(true);
    // What the script wrote is that artifact's JSON.
    expect(JSON.parse(captured.writes[0].data)).toEqual(JSON.parse(first));
  });
});

describe('default model on the fixture hold-out (issue 2 acceptance)', () => {
  it('defaultModel() mean PD on the hold-out is within 10% (relative) of the observed bad rate', () => {
    const { holdout } = captured.samples[0];
    expect(holdout).toHaveLength(1500);
    const results = scoreApplicants(holdout.map((row) => row.raw));
    let sumPd = 0;
    let bads = 0;
    results.forEach((r, i) => {
      if (!r.ok) throw r.error;
      sumPd += r.result.probabilityOfDefault;
      if (holdout[i].outcome.defaulted) bads += 1;
      expect(r.result.modelId).toBe(defaultModel().id);
    });
    const meanPd = sumPd / holdout.length;
    const badRate = bads / holdout.length;
    const truth = JSON.parse(fs.readFileSync(new URL('../../fixtures/truth.json', import.meta.url), 'utf8')) as { split: { holdout: { badRate: number } } };
    expect(badRate).toBeCloseTo(truth.split.holdout.badRate, 6);
    // Measured for the committed models/default.json: mean PD 0.1234 vs 0.134 observed (-7.9%).
    expect(Math.abs(meanPd / badRate - 1)).toBeLessThanOrEqual(0.1);
  });
});
