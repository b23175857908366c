/**
 * Public interfaces shared by every module: feature vectors and matrices, score results, reason
 * codes and the {@link Scorer} contract that every model family implements.
 *
 * @module
 */
import type { ModelArtifact } from './schema/artifact.js';

/**
 * A feature record as a plain object: feature name to value. Numbers for numeric features, strings
 * for categorical features, `null` (or an absent key) for missing.
 *
 * @category Scoring
 * @example
 * const record: FeatureRecord = { revolvingUtilization: 0.42, monthsSinceLastDelinquency: null, purpose: 'auto' };
 */
export type FeatureRecord = Readonly<Record<string, number | string | null | undefined>>;

/**
 * One applicant's features as a dense vector aligned with `names`. `NaN` means missing.
 * Categorical features hold the category's index in the model's dictionary (`-1` = unseen).
 *
 * @category Scoring
 * @example
 * const v: FeatureVector = { names: ['a', 'b'], values: Float64Array.of(0.5, NaN) };
 */
export interface FeatureVector {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/**
 * Many rows of features, row-major: value of row `i`, column `j` is `values[i * names.length + j]`.
 * `NaN` means missing.
 *
 * @category Scoring
 * @example
 * const m: FeatureMatrix = { names: ['a', 'b'], rows: 2, values: Float64Array.of(1, 2, 3, NaN) };
 */
export interface FeatureMatrix {
  readonly names: readonly string[];
  readonly rows: number;
  readonly values: Float64Array;
}

/**
 * One adverse factor behind a score.
 *
 * @category Scoring
 * @example
 * const rc: ReasonCode = {
 *   code: 'RC03', feature: 'hardInquiries6m', description: 'Too many recent credit inquiries',
 *   impact: 12.4, value: 5,
 * };
 */
export interface ReasonCode {
  /** Stable reason id, e.g. `"RC07"`. Several features may share one code. */
  code: string;
  /** The feature (or, when aggregated, the largest-impact feature) behind the reason. */
  feature: string;
  /** Adverse-action wording, e.g. "Too many recent credit inquiries". */
  description: string;
  /** Score points this factor costs relative to the model's baseline; > 0 hurts. */
  impact: number;
  /** The applicant's value of `feature`; `null` when missing. */
  value: number | string | null;
}

/**
 * What every scorer returns for one applicant.
 *
 * @category Scoring
 * @example
 * const r: ScoreResult = { score: 642, probabilityOfDefault: 0.0061, reasonCodes: [], modelId: 'default@3f2a9c1e' };
 */
export interface ScoreResult {
  /** Scaled points; higher = lower risk (DESIGN.md §4). */
  score: number;
  /** Probability of default over the model's stated horizon, in (0, 1). */
  probabilityOfDefault: number;
  /** Adverse factors, largest first, at most `maxReasons`. */
  reasonCodes: ReasonCode[];
  /** Artifact id plus a prefix of its content hash. */
  modelId: string;
}

/**
 * Options accepted by {@link Scorer.score}.
 *
 * @category Scoring
 * @example
 * const o: ScoreOptions = { maxReasons: 4 };
 */
export interface ScoreOptions {
  /**
   * Maximum number of reason codes returned.
   * @defaultValue 4
   */
  maxReasons?: number;
}

/**
 * The single interface behind which every model family runs.
 *
 * @category Scoring
 * @example
 * const scorer: Scorer = loadModel(artifactJson);
 * scorer.score({ revolvingUtilization: 0.9 }).probabilityOfDefault; //=> 0.2782...
 */
export interface Scorer {
  /** Artifact id plus content-hash prefix. */
  readonly id: string;
  /** Feature names in the order `predict` expects its matrix columns. */
  readonly featureNames: readonly string[];
  /** Scores one applicant: score, PD and reason codes. Throws `InvalidInputError` on bad input. */
  score(x: FeatureRecord | FeatureVector, options?: ScoreOptions): ScoreResult;
  /** PDs for every row of a matrix whose columns are `featureNames`: the fast batch path. */
  predict(m: FeatureMatrix): Float64Array;
  /** The plain-data artifact this scorer runs. */
  toArtifact(): ModelArtifact;
}

/**
 * Result of a batch call: one per input, in order; a bad record never stops the others.
 *
 * @category Scoring
 * @example
 * const r: BatchResult<number> = { ok: false, error: new InvalidInputError('bad row') };
 */
export type BatchResult<T> = { ok: true; result: T } | { ok: false; error: import('./errors.js').CreditScoreError };
