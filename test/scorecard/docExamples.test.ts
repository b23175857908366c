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
import { checkClaimsAsync } from '../metrics/_examples.js';

const root = resolve(import.meta.dirname, '../..');
const hasData = existsSync(resolve(DATASETS_DIR, 'german-credit/train.csv'));
const FILES = ['src/scorers/ScorecardScorer.ts', 'src/train/trainScorecard.ts', 'src/scorers/loadModel.ts', 'src/scoreApplicant.ts'];

/** Every `@example` in a file's TSDoc comments (declarations and class members) that makes a `//=>` claim. */
function claimedExamples(file: string): { line: number; code: string }[] {
  const text = readFileSync(resolve(root, file), 'utf8');
  const out: { line: number; code: string }[] = [];
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\//g)) {
    const body = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    const at = body.indexOf('@example');
    if (at < 0) continue;
    const rest = body.slice(at + '@example'.length);
    const next = rest.search(/\n@\w/);
    const code = (next < 0 ? rest : rest.slice(0, next)).trim();
    if (code.includes('//=>')) out.push({ line: text.slice(0, m.index).split('\n').length, code });
  }
  return out;
}

/** `scope` without the names `code` declares itself (a parameter may not be redeclared with const). */
function scopeFor(code: string, scope: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var)\s+(\{[^}]*\}|\[[^\]]*\]|[\w$]+)/g)) {
    for (const name of m[1].match(/[A-Za-z_$][\w$]*/g) ?? []) declared.add(name);
  }
  return Object.fromEntries(Object.entries(scope).filter(([k]) => !declared.has(k)));
}

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
    let claims = 0;
    const problems: string[] = [];
    for (const file of files) {
      for (const ex of claimedExamples(file)) {
        try {
          const r = await checkClaimsAsync(ex.code, scopeFor(ex.code, scope));
          claims += r.claims;
          problems.push(...r.problems.map((p) => `${file}:${ex.line}: ${p}`));
        } catch (e) {
          problems.push(`${file}:${ex.line}: the example throws ${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    }
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
    let claims = 0;
    const problems: string[] = [];
    for (const file of FILES) {
      for (const ex of claimedExamples(file)) {
        const r = await checkClaimsAsync(ex.code, scopeFor(ex.code, scope));
        claims += r.claims;
        problems.push(...r.problems.map((p) => `${file}:${ex.line}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(claims).toBe(16);
  });
});
