/**
 * The `//=>` claims in the TSDoc `@example`s of the runtime modules (errors, types, schemas,
 * features, internal helpers) are evaluated against the real results (STYLE.md B3), like
 * test/metrics/examples.test.ts (metrics), test/data/examples.test.ts (data) and
 * test/scorecard/docExamples.test.ts (binning, scaling, scorecard, scoring). Each example runs as its
 * own function body with the names below in scope; file paths in the examples read
 * `models/default.json` or the artifacts trained here on the fixture sample (`logistic.json`,
 * `tree.json`, `forest.json`, `gbm.json`, `blend.json`).
 *
 * The last test keeps the list honest: every source file with a `//=>` claim is checked by one of
 * these tests or listed in UNCHECKED with the reason.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS_DIR, readSplit } from '../../benchmarks/reference/scorecard/_quality.js';
import { loadFixtureSample } from '../../fixtures/loadFixtureSample.js';
import { calibratedLogOdds } from '../../src/_lib/calibratedLogOdds.js';
import { countAtMost } from '../../src/_lib/countAtMost.js';
import { canonicalJson, hashCanonicalJson } from '../../src/_lib/hashCanonicalJson.js';
import { hashSha256 } from '../../src/_lib/hashSha256.js';
import * as backtestModule from '../../src/backtest/index.js';
import type { Dataset } from '../../src/data/Dataset.js';
import { datasetToFeatureMatrix } from '../../src/data/datasetToFeatureMatrix.js';
import * as features from '../../src/features/index.js';
import { FEATURE_REASON_CODES } from '../../src/features/reasonCodes.js';
import { NEW_LOAN_ASSUMED_APR, REVOLVING_PAYMENT_SHARE, THIN_FILE_MIN_TRADELINES } from '../../src/features/summarizeApplicant.js';
import * as lib from '../../src/index.js';
import * as schema from '../../src/schema/index.js';
import { logisticLogOdds } from '../../src/scorers/_logisticBlocks.js';
import { maxReasonsOf } from '../../src/scorers/_maxReasons.js';
import { pdsFromLogOdds } from '../../src/scorers/_logisticPds.js';
import * as train from '../../src/train/index.js';
import { binFeatures } from '../../src/train/trees/binFeatures.js';
import { trainingColumns } from '../../src/train/trees/trainingColumns.js';
import { checkFileClaims, claimedExamples } from '../metrics/_examples.js';

const root = resolve(import.meta.dirname, '../..');

/** Files whose claims are checked here. */
const RUNTIME_FILES = [
  'src/errors.ts',
  'src/types.ts',
  'src/schema/artifact.ts',
  'src/schema/artifactCommon.ts',
  'src/schema/artifacts/blend.ts',
  'src/schema/artifacts/logistic.ts',
  'src/schema/artifacts/trees.ts',
  'src/schema/parseApplicant.ts',
  'src/schema/primitives.ts',
  'src/features/applicantsToDataset.ts',
  'src/features/catalogueFeatureSpecs.ts',
  'src/features/extractFeatureMatrix.ts',
  'src/features/extractFeatures.ts',
  'src/features/featureCatalogue.ts',
  'src/features/featureReaders.ts',
  'src/features/featureRecordFromVector.ts',
  'src/features/reasonCodes.ts',
  'src/features/summarizeApplicant.ts',
  'src/features/types.ts',
  'src/_lib/calibratedLogOdds.ts',
  'src/_lib/countAtMost.ts',
  'src/_lib/hashCanonicalJson.ts',
  'src/_lib/hashSha256.ts',
  'src/scorers/_maxReasons.ts',
];

/** Files whose claims are checked here on German credit (train.csv as `dataset`, test.csv as `testSet`). */
const MODEL_FILES = [
  'src/backtest/BacktestReport.ts',
  'src/backtest/backtest.ts',
  'src/backtest/backtestFile.ts',
  'src/backtest/backtestPredictions.ts',
  'src/backtest/backtestReportJsonSchema.ts',
  'src/backtest/backtestWithTraining.ts',
  'src/backtest/evaluateGates.ts',
  'src/backtest/renderReportHtml.ts',
  'src/backtest/renderReportMarkdown.ts',
  'src/scorers/BlendScorer.ts',
  'src/scorers/LogisticScorer.ts',
  'src/scorers/TreeEnsembleScorer.ts',
  'src/scorers/_logisticBlocks.ts',
  'src/scorers/_logisticPds.ts',
  'src/train/featureSpecsFromDataset.ts',
  'src/train/fitLogisticRegression.ts',
  'src/train/trainLogistic.ts',
  'src/train/trees/binFeatures.ts',
  'src/train/trees/blendArtifacts.ts',
  'src/train/trees/fitCalibration.ts',
  'src/train/trees/trainForest.ts',
  'src/train/trees/trainGradientBoosting.ts',
  'src/train/trees/trainTree.ts',
  'src/train/trees/trainingColumns.ts',
];

/** Files checked by the other example tests (see the header). */
const CHECKED_ELSEWHERE = [/^src\/metrics\//, /^src\/data\//, /^src\/binning\//, /^src\/scaling\//, /^src\/schema\/artifacts\/scorecard\.ts$/,
  /^src\/scorers\/(ScorecardScorer|loadModel|applyCalibration|encodeFeatures|modelIdOf|rankReasons)\.ts$/, /^src\/train\/trainScorecard\.ts$/, /^src\/scoreApplicant\.ts$/];

/** Files with claims not executed, and why. */
const UNCHECKED: Record<string, string> = {
  'src/scorers/_scorecardPredict.ts': 'internal kernel; its inputs (a plan, an output buffer) come from ScorecardScorer, whose examples are checked',
  'src/scorers/treeShap.ts': 'internal; the claim is the TreeSHAP additivity identity, asserted by test/trees (TreeSHAP against shap)',
  'src/scorers/trees/compileTrees.ts': 'internal; the inputs are a compiled ensemble, whose scores the tree scorer examples check',
  'src/train/trees/growTree.ts': 'internal; the inputs are the histogram trainer\'s buffers',
  'src/train/trees/toCompactTree.ts': 'internal; the inputs are a grown tree and its binned rows',
};

/** A dataset row as a FeatureRecord (numbers, category text, null for missing). */
function recordOf(d: Dataset, i: number): Record<string, number | string | null> {
  const entries: [string, number | string | null][] = [];
  for (const c of d.columns) {
    if (c.type === 'numeric') entries.push([c.name, Number.isNaN(c.values[i]) ? null : c.values[i]]);
    else if (c.type === 'categorical') entries.push([c.name, c.codes[i] < 0 ? null : c.categories[c.codes[i]]]);
  }
  return Object.fromEntries(entries);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

describe('runtime TSDoc examples', () => {
  it('every //=> claim in the errors, types, schema, features and internal-helper examples holds', async () => {
    const fixtures = loadFixtureSample().train;
    const dataset = features.applicantsToDataset(fixtures);
    const logistic = train.trainLogistic(dataset, { id: 'logistic' });
    const gbm = train.trainGradientBoosting(dataset, { id: 'gbm', trees: 20 });
    const files: Record<string, string> = {
      'models/default.json': readFileSync(resolve(root, 'models/default.json'), 'utf8'),
      'logistic.json': JSON.stringify(logistic),
      'tree.json': JSON.stringify(train.trainTree(dataset, { id: 'tree' })),
      'forest.json': JSON.stringify(train.trainForest(dataset, { id: 'forest', trees: 10 })),
      'gbm.json': JSON.stringify(gbm),
      'blend.json': JSON.stringify(train.blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: logistic }], { id: 'blend' })),
    };
    const applicant = lib.parseApplicant({
      asOf: '2024-06-15',
      application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
      bureau: { status: 'hit', inquiries: [{ date: '2024-04-02', type: 'hard' }] },
    });
    const scope: Record<string, unknown> = {
      ...lib,
      ...schema,
      ...features,
      ...train,
      FEATURE_REASON_CODES,
      NEW_LOAN_ASSUMED_APR,
      REVOLVING_PAYMENT_SHARE,
      THIN_FILE_MIN_TRADELINES,
      calibratedLogOdds,
      countAtMost,
      canonicalJson,
      hashCanonicalJson,
      hashSha256,
      maxReasonsOf,
      z,
      applicant,
      applicantA: fixtures[0].applicant,
      applicantB: fixtures[1].applicant,
      artifactJson: files['models/default.json'],
      dataset,
      readFileSync: (path: string): string => {
        const text = files[path];
        if (text === undefined) throw new Error(`no file ${path} in the examples' scope`);
        return text;
      },
    };
    const { problems, claims } = await checkFileClaims(RUNTIME_FILES, () => scope);
    expect(problems).toEqual([]);
    expect(claims).toBe(43);
  });

  it.skipIf(!existsSync(resolve(DATASETS_DIR, 'german-credit/train.csv')))('every //=> claim in the backtest, logistic, tree and blend examples holds on German credit (skipped: ../shared/datasets is absent)', async () => {
    const { train: dataset, test: testSet } = await readSplit('german-credit');
    const logistic = train.trainLogistic(dataset, { id: 'german-logistic' });
    const gbm = train.trainGradientBoosting(dataset, { id: 'german-gbm', trees: 50, seed: 1 });
    const scorecard = train.trainScorecard(dataset, { id: 'german-scorecard' });
    const matrix = datasetToFeatureMatrix(testSet, train.featureSpecsFromDataset(dataset));
    const report = await backtestModule.backtest(lib.loadModel(logistic), testSet);
    const common: Record<string, unknown> = {
      ...lib,
      ...train,
      ...backtestModule,
      binFeatures,
      trainingColumns,
      logisticLogOdds,
      pdsFromLogOdds,
      datasetToFeatureMatrix,
      dataset,
      testSet,
      matrix,
      report,
      jsonText: JSON.stringify(report),
      gbm,
      scorecard,
      record: recordOf(testSet, 0),
      champion: lib.loadModel(scorecard),
      challenger: lib.loadModel(logistic),
      specs: [{ name: 'a', type: 'numeric', description: '', reasonCode: 'R_A', reasonText: 'A', riskDirection: 'none', isProtected: false }],
      // paths in the examples are relative to ../shared/datasets
      backtestFile: (models: Parameters<typeof backtestModule.backtestFile>[0], path: string, options: Parameters<typeof backtestModule.backtestFile>[2]) =>
        backtestModule.backtestFile(models, resolve(DATASETS_DIR, path), options),
    };
    const byFile: Record<string, Record<string, unknown>> = {
      'src/backtest/backtest.ts': { scorer: lib.loadModel(logistic), dataset: testSet },
      'src/scorers/LogisticScorer.ts': { artifact: logistic, scorer: new lib.LogisticScorer(logistic) },
      'src/scorers/TreeEnsembleScorer.ts': { artifact: gbm },
      'src/scorers/BlendScorer.ts': { blendArtifact: train.blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: scorecard }], { id: 'blend' }) },
    };
    const { problems, claims } = await checkFileClaims(MODEL_FILES, (file) => ({ ...common, ...byFile[file] }));
    expect(problems).toEqual([]);
    expect(claims).toBe(36);
  });

  it('every source file with a //=> claim is checked by an example test or listed in UNCHECKED with a reason', () => {
    const withClaims = sourceFiles(resolve(root, 'src')).filter((f) => claimedExamples(f).length > 0);
    const unaccounted = withClaims.filter((f) => !RUNTIME_FILES.includes(f) && !MODEL_FILES.includes(f) && !CHECKED_ELSEWHERE.some((re) => re.test(f)) && UNCHECKED[f] === undefined);
    expect(unaccounted).toEqual([]);
    expect(Object.keys(UNCHECKED).filter((f) => !withClaims.includes(f)), 'UNCHECKED entries without claims').toEqual([]);
  });
});
