import { calibratedLogOdds } from '../_lib/calibratedLogOdds.js';
import { InvalidArtifactError } from '../errors.js';
import { maxReasonsOf } from './_maxReasons.js';
import type { ModelArtifact } from '../schema/artifact.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { BlendArtifact } from '../schema/artifacts/blend.js';
import { clampScore, scalingConstants } from '../scaling/scaling.js';
import type { FeatureMatrix, FeatureRecord, FeatureVector, ScoreOptions, ScoreResult, Scorer } from '../types.js';
import { decodeFeatureValue, encodeFeatures } from './encodeFeatures.js';
import { modelIdOf } from './modelIdOf.js';
import { rankReasons } from './rankReasons.js';
import { checkMatrix } from './TreeEnsembleScorer.js';

/**
 * Scores a `blend` artifact: log-odds = Σ wₖ·logit(PDₖ) / Σ wₖ over the member scorers (each with
 * its own calibration), then the blend's calibration. `loadModel` constructs it, passing itself
 * as `load` so members of any kind (blends too) are validated and built the same way.
 *
 * Reason codes: each member's reasons (all of them) are turned back into log-odds through that
 * member's points factor, weighted like the log-odds, expressed in the blend's points and ranked
 * again by `rankReasons` — so a reason's impact is the weighted sum of the members' impacts for it
 * (members cite only risk-increasing, non-protected factors).
 *
 * @category Scoring
 * @example
 * const scorer = new BlendScorer(blendArtifact, loadModel);
 * Array.from(scorer.predict(matrix).subarray(0, 2)); //=> [0.3951, 0.1278]
 */
export class BlendScorer implements Scorer {
  /** Artifact id plus content-hash prefix. */
  readonly id: string;
  /** Feature names in matrix column order (the union of the members' features). */
  readonly featureNames: readonly string[];
  /** The member scorers, in artifact order. */
  readonly members: readonly Scorer[];
  private readonly artifact: BlendArtifact;
  private readonly specs: readonly FeatureSpec[];
  private readonly weights: Float64Array;
  /** Per member, the blend column of each of its features. */
  private readonly columns: Int32Array[];
  private readonly memberFactors: Float64Array;
  private readonly factor: number;
  private readonly offset: number;

  constructor(artifact: BlendArtifact, load: (member: ModelArtifact) => Scorer) {
    this.artifact = artifact;
    this.specs = artifact.features;
    this.featureNames = artifact.features.map((f) => f.name);
    this.id = modelIdOf(artifact);
    this.members = artifact.model.members.map((m, k) => {
      try {
        return load(m.artifact);
      } catch (error) {
        if (!(error instanceof InvalidArtifactError)) throw error;
        // report member issues with their path from the blend's root
        const prefix = ['model', 'members', k, 'artifact'];
        const code = error.code === 'unsupported_artifact_version' || error.code === 'unknown_feature' ? error.code : 'invalid_artifact';
        throw new InvalidArtifactError(`blend member ${k}: ${error.message}`, error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })), { cause: error, code });
      }
    });
    const total = artifact.model.members.reduce((s, m) => s + m.weight, 0);
    this.weights = Float64Array.from(artifact.model.members, (m) => m.weight / total);
    const index = new Map(this.featureNames.map((n, j) => [n, j]));
    this.columns = this.members.map((s) => Int32Array.from(s.featureNames, (n) => index.get(n) ?? -1));
    this.memberFactors = Float64Array.from(artifact.model.members, (m) => scalingConstants(m.artifact.scaling).factor);
    const { factor, offset } = scalingConstants(artifact.scaling);
    this.factor = factor;
    this.offset = offset;
  }

  /**
   * Score, PD and reason codes of one applicant.
   *
   * @throws {@link InvalidOptionsError} when `maxReasons` is neither a non-negative integer nor `Infinity` (no cap)
   */
  score(x: FeatureRecord | FeatureVector, options: ScoreOptions = {}): ScoreResult {
    const maxReasons = maxReasonsOf(options.maxReasons);
    const row = encodeFeatures(this.specs, x, new Float64Array(this.specs.length), 'score');
    const impacts = new Float64Array(this.specs.length);
    const index = new Map(this.featureNames.map((n, j) => [n, j]));
    let z = 0;
    this.members.forEach((member, k) => {
      const cols = this.columns[k];
      const values = Float64Array.from(cols, (j) => row[j]);
      const r = member.score({ names: member.featureNames, values }, { maxReasons: member.featureNames.length });
      z += this.weights[k] * logit(r.probabilityOfDefault);
      for (const reason of r.reasonCodes) {
        const j = index.get(reason.feature);
        if (j !== undefined) impacts[j] += (this.weights[k] * reason.impact * this.factor) / this.memberFactors[k];
      }
    });
    const zc = calibratedLogOdds(this.artifact.calibration, z);
    const values = this.specs.map((s, j) => decodeFeatureValue(s, row[j]));
    return {
      score: clampScore(this.offset - this.factor * zc, this.artifact.scaling),
      probabilityOfDefault: sigmoid(zc),
      reasonCodes: rankReasons(this.specs, impacts, values, { maxReasons, inquiryReasonCode: this.artifact.inquiryReasonCode }),
      modelId: this.id,
    };
  }

  /** Calibrated PDs of every row of `m` (columns = `featureNames`). */
  predict(m: FeatureMatrix): Float64Array {
    checkMatrix(m, this.featureNames);
    const p = this.featureNames.length;
    const z = new Float64Array(m.rows);
    this.members.forEach((member, k) => {
      const cols = this.columns[k];
      const q = cols.length;
      const values = new Float64Array(m.rows * q);
      for (let r = 0; r < m.rows; r++) for (let j = 0; j < q; j++) values[r * q + j] = m.values[r * p + cols[j]];
      const pd = member.predict({ names: member.featureNames, rows: m.rows, values });
      const w = this.weights[k];
      for (let r = 0; r < m.rows; r++) z[r] += w * logit(pd[r]);
    });
    const cal = this.artifact.calibration;
    for (let r = 0; r < m.rows; r++) z[r] = sigmoid(calibratedLogOdds(cal, z[r]));
    return z;
  }

  /** The artifact this scorer runs. */
  toArtifact(): BlendArtifact {
    return this.artifact;
  }
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
