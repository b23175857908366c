import { calibratedLogOdds } from '../_lib/calibratedLogOdds.js';
import { InvalidInputError } from '../errors.js';
import { maxReasonsOf } from './_maxReasons.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { ForestArtifact, GradientBoostingArtifact, TreeArtifact } from '../schema/artifacts/trees.js';
import { clampScore, scalingConstants } from '../scaling/scaling.js';
import type { FeatureMatrix, FeatureRecord, FeatureVector, ReasonCode, ScoreOptions, ScoreResult, Scorer } from '../types.js';
import { decodeFeatureValue, encodeFeatures } from './encodeFeatures.js';
import { modelIdOf } from './modelIdOf.js';
import { rankReasons } from './rankReasons.js';
import { createTreeShapWork, treeShap, type TreeShapWork } from './treeShap.js';
import { compileTrees, logOddsOfRow, predictLogOdds, type CompiledTrees } from './trees/compileTrees.js';
import { checkRows } from './_checkRows.js';

/**
 * An artifact a {@link TreeEnsembleScorer} runs.
 *
 * @category Scoring
 * @example
 * const a: TreeEnsembleArtifact = trainGradientBoosting(dataset);
 */
export type TreeEnsembleArtifact = TreeArtifact | ForestArtifact | GradientBoostingArtifact;

/**
 * Scores a decision tree, random forest or gradient-boosted artifact (validate it first, e.g.
 * with `loadModel`, which constructs this class).
 *
 * - Log-odds of default: tree → logit of the leaf probability; forest → mean over trees of the
 *   leaf logits; boosting → `baseLogOdds` + Σ leaf values. The artifact's calibration, if any,
 *   maps it to the PD (`applyCalibration`).
 * - `predict(matrix)`: the trees compiled into flat typed arrays (feature, threshold, left, right,
 *   defaultLeft, value), walked for blocks of 64 rows per tree; no allocation per row.
 * - Reason codes: exact path-dependent TreeSHAP contributions φ_j of the raw log-odds (they sum to
 *   log-odds − E[log-odds], the cover-weighted expectation); a feature's impact in points is
 *   `factor · φ_j` (factor = pdo / ln 2), positive = pushes toward default; ranked by
 *   `rankReasons` (grouped by reason code, protected features never cited).
 *
 * @category Scoring
 * @example
 * const scorer = new TreeEnsembleScorer(artifact);
 * scorer.score({ duration_in_month: 48, credit_amount: 9000 }).reasonCodes[0].code; //=> 'R_DURATION_IN_MONTH'
 */
export class TreeEnsembleScorer implements Scorer {
  /** Artifact id plus content-hash prefix. */
  readonly id: string;
  /** Feature names in matrix column order. */
  readonly featureNames: readonly string[];
  /** The compiled trees (flat typed arrays). */
  readonly compiled: CompiledTrees;
  private readonly artifact: TreeEnsembleArtifact;
  private readonly specs: readonly FeatureSpec[];
  private readonly factor: number;
  private readonly offset: number;
  private readonly row: Float64Array;
  private readonly phi: Float64Array;
  private readonly work: TreeShapWork;

  constructor(artifact: TreeEnsembleArtifact) {
    this.artifact = artifact;
    this.specs = artifact.features;
    this.featureNames = artifact.features.map((f) => f.name);
    this.id = modelIdOf(artifact);
    const counts = artifact.features.map((f) => f.categories?.length ?? 0);
    const logit = (p: number): number => Math.log(p / (1 - p));
    if (artifact.kind === 'gbm') this.compiled = compileTrees(artifact.model.trees, counts, (v) => v, artifact.model.baseLogOdds);
    else if (artifact.kind === 'tree') this.compiled = compileTrees([artifact.model.tree], counts, logit, 0);
    else {
      const T = artifact.model.trees.length;
      this.compiled = compileTrees(artifact.model.trees, counts, (v) => logit(v) / T, 0);
    }
    const { factor, offset } = scalingConstants(artifact.scaling);
    this.factor = factor;
    this.offset = offset;
    this.row = new Float64Array(this.specs.length);
    this.phi = new Float64Array(this.specs.length);
    this.work = createTreeShapWork(this.compiled.maxDepth);
  }

  /**
   * Score, calibrated PD and reason codes of one applicant's features.
   *
   * @throws {@link InvalidOptionsError} when `maxReasons` is neither a non-negative integer nor `Infinity` (no cap)
   */
  score(x: FeatureRecord | FeatureVector, options: ScoreOptions = {}): ScoreResult {
    const row = encodeFeatures(this.specs, x, this.row, 'score');
    const raw = logOddsOfRow(this.compiled, row);
    const z = calibratedLogOdds(this.artifact.calibration, raw);
    const phi = this.phi;
    phi.fill(0);
    treeShap(this.compiled, row, phi, this.work);
    const impacts = new Float64Array(phi.length);
    for (let j = 0; j < phi.length; j++) impacts[j] = this.factor * phi[j];
    const values = this.specs.map((s, j) => decodeFeatureValue(s, row[j]));
    const reasonCodes: ReasonCode[] = rankReasons(this.specs, impacts, values, {
      maxReasons: maxReasonsOf(options.maxReasons),
      inquiryReasonCode: this.artifact.inquiryReasonCode,
    });
    return {
      score: clampScore(this.offset - this.factor * z, this.artifact.scaling),
      probabilityOfDefault: sigmoid(z),
      reasonCodes,
      modelId: this.id,
    };
  }

  /** Calibrated PDs of every row of `m` (columns = `featureNames`). */
  predict(m: FeatureMatrix): Float64Array {
    const out = this.predictLogOdds(m);
    const cal = this.artifact.calibration;
    for (let r = 0; r < out.length; r++) out[r] = sigmoid(calibratedLogOdds(cal, out[r]));
    return out;
  }

  /**
   * Raw (uncalibrated) log-odds of default of every row of `m`: the input of `fitCalibration`.
   *
   * @example
   * fitCalibration(scorer.predictLogOdds(validationMatrix), labels, 'platt');
   */
  predictLogOdds(m: FeatureMatrix): Float64Array {
    checkMatrix(m, this.featureNames);
    const out = new Float64Array(m.rows);
    predictLogOdds(this.compiled, m.values, m.rows, this.featureNames.length, out);
    return out;
  }

  /**
   * TreeSHAP contributions of each feature to the raw log-odds of one applicant, with the
   * expected value they start from: `expectedValue + Σ contributions = raw log-odds`.
   *
   * @example
   * const { expectedValue, contributions } = scorer.explainLogOdds({ utilization: 0.93 });
   */
  explainLogOdds(x: FeatureRecord | FeatureVector): { expectedValue: number; logOdds: number; contributions: Float64Array } {
    const row = encodeFeatures(this.specs, x, new Float64Array(this.specs.length), 'explainLogOdds');
    const contributions = new Float64Array(this.specs.length);
    treeShap(this.compiled, row, contributions, this.work);
    return { expectedValue: this.compiled.expectedValue, logOdds: logOddsOfRow(this.compiled, row), contributions };
  }

  /** The artifact this scorer runs. */
  toArtifact(): TreeEnsembleArtifact {
    return this.artifact;
  }
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Checks that a matrix's columns are the model's features in order. */
export function checkMatrix(m: FeatureMatrix, names: readonly string[]): void {
  const p = names.length;
  const same = m.names.length === p && names.every((n, j) => m.names[j] === n);
  if (!same) {
    const missing = names.filter((n) => !m.names.includes(n));
    throw new InvalidInputError(`predict: the matrix columns must be the model's features in order (${missing.length > 0 ? `missing ${missing.slice(0, 5).join(', ')}` : 'different order or extra columns'})`, [
      { code: 'feature_mismatch', path: ['names'], message: 'must equal the scorer featureNames' },
    ]);
  }
  checkRows(m.rows, 'predict');
  if (m.values.length !== m.rows * p) {
    throw new InvalidInputError(`predict: values has ${m.values.length} entries, expected rows × features = ${m.rows * p}`, [
      { code: 'length_mismatch', path: ['values'], message: 'must have rows × features entries' },
    ]);
  }
}
