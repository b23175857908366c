/**
 * The `//=>` claims in the TSDoc `@example`s of src/binning and of the scorecard's scoring and training API (STYLE.md B3)
 * are evaluated against the real results: the scorer's method examples on German credit (a
 * scorecard trained with default options on train.csv as `dataset`, test.csv as `testSet`), the
 * default model's, and the error a claim says is thrown. A claim that goes stale (a retrained default
 * model, a changed default option) fails here instead of misleading a reader.
 *
 * Each example runs as its own function body with the names below in scope (a name the example
 * declares itself is left out of scope); 4+ decimals are read as rounded, other numbers exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS_DIR, readSplit } from '../../benchmarks/reference/scorecard/_quality.js';
import { loadFixtureSample } from '../../fixtures/loadFixtureSample.js';
import { datasetToFeatureMatrix } from '../../src/data/datasetToFeatureMatrix.js';
import { readTable } from '../../src/data/readTable.js';
import { defaultModel, scoreApplicant, scoreApplicants } from '../../src/scoreApplicant.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { ScorecardScorer } from '../../src/scorers/ScorecardScorer.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import * as binning from '../../src/binning/index.js';
import * as scaling from '../../src/scaling/index.js';
import * as scorecardSchema from '../../src/schema/artifacts/scorecard.js';
import { applyCalibration } from '../../src/scorers/applyCalibration.js';
import { encodeFeatures } from '../../src/scorers/encodeFeatures.js';
import { modelIdOf } from '../../src/scorers/modelIdOf.js';
import { rankReasons } from '../../src/scorers/rankReasons.js';
import { checkFileClaims } from '../metrics/_examples.js';

const root = resolve(import.meta.dirname, '../..');
const hasData = existsSync(resolve(DATASETS_DIR, 'german-credit/train.csv'));
const FILES = ['src/scorers/ScorecardScorer.ts', 'src/train/trainScorecard.ts', 'src/scorers/loadModel.ts', 'src/scoreApplicant.ts'];

describe('binning, scaling, scorecard-schema and reason TSDoc examples', () => {
  it('every //=> claim in src/binning, src/scaling, the scorecard artifact schema and the scorers\' calibration / encoding / id / reason helpers holds (those modules in scope)', async () => {
    const files = [
      ...readdirSync(resolve(root, 'src/binning')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort().map((f) => `src/binning/${f}`),
      'src/scaling/scaling.ts',
      'src/schema/artifacts/scorecard.ts',
      'src/scorers/applyCalibration.ts',
      'src/scorers/encodeFeatures.ts',
      'src/scorers/modelIdOf.ts',
      'src/scorers/rankReasons.ts',
    ];
    const text = readFileSync(resolve(root, 'models/default.json'), 'utf8');
    const scope = { ...binning, ...scaling, ...scorecardSchema, applyCalibration, encodeFeatures, modelIdOf, rankReasons, text, artifact: JSON.parse(text) as unknown };
    const { problems, claims } = await checkFileClaims(files, () => scope);
    expect(problems).toEqual([]);
    expect(claims).toBe(39);
  });
});

describe.skipIf(!hasData)('scorecard TSDoc examples (skipped: ../shared/datasets is absent)', () => {
  it('every //=> claim in the scorecard, trainScorecard, loadModel and scoreApplicant examples holds', async () => {
    const { train, test } = await readSplit('german-credit');
    const fixtures = loadFixtureSample().holdout;
    const thick = fixtures.find((r) => r.applicant.bureau?.status === 'hit' && !scoreApplicant(r.applicant).isThinFile);
    expect(thick, 'a thick-file hold-out applicant').toBeDefined();
    const scope: Record<string, unknown> = {
      dataset: train,
      testSet: test,
      scorer: new ScorecardScorer(trainScorecard(train)),
      artifact: JSON.parse(readFileSync(resolve(root, 'models/default.json'), 'utf8')) as unknown,
      raw: thick?.applicant,
      good: thick?.applicant,
      // paths in the examples are relative to ../shared/datasets (CSV) and the repository (models/)
      readTable: (path: string, options: Parameters<typeof readTable>[1]) => readTable(resolve(DATASETS_DIR, path), options),
      readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(resolve(root, path), encoding),
      datasetToFeatureMatrix,
      defaultModel,
      loadModel,
      scoreApplicant,
      scoreApplicants,
      ScorecardScorer,
      trainScorecard,
    };
    const { problems, claims } = await checkFileClaims(FILES, () => scope);
    expect(problems).toEqual([]);
    expect(claims).toBe(16);
  });
});
