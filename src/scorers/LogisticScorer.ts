import { calibratedLogOdds } from '../_lib/calibratedLogOdds.js';
import { InvalidArtifactError, InvalidInputError, formatIssuePath, type Issue } from '../errors.js';
import { maxReasonsOf } from './_maxReasons.js';
import { clampScore, scalingConstants } from '../scaling/scaling.js';
import type { ModelArtifact } from '../schema/artifact.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { LogisticArtifact } from '../schema/artifacts/logistic.js';
import type { FeatureMatrix, FeatureRecord, FeatureVector, ScoreOptions, ScoreResult, Scorer } from '../types.js';
import { applyCalibration } from './applyCalibration.js';
import { pdsFromLogOdds } from './_logisticPds.js';
import { logisticLogOdds } from './_logisticBlocks.js';
import { decodeFeatureValue, encodeFeatures } from './encodeFeatures.js';
import { modelIdOf } from './modelIdOf.js';
import { rankReasons } from './rankReasons.js';
import { MatrixColumns } from './_matrixColumns.js';

const NUMERIC = 0;
const CATEGORICAL = 1;
/** Impacts at or below this many score points are rounding noise, not reasons. */
const IMPACT_EPSILON = 1e-9;
/** Rows per block of `predict` (a block's cells, 64 × 40 × 8 B = 20 kB for 40 columns, stay in L1 while its columns are walked). */
const BLOCK_ROWS = 64;

/**
 * Runs a logistic artifact: log-odds of default = intercept + Σ term contributions, where a numeric
 * term contributes `weight · (clip(x, lower, upper) − center)` with `weight = coefficient / scale`
 * (computed once per term; `missingCoefficient` when missing) and a categorical term `coefficients[category]` (`missingCoefficient` when missing,
 * `unseenCoefficient` for a category outside the dictionary).
 *
 * - PD = {@link applyCalibration}(artifact.calibration, log-odds); score = `offset − factor · logit(PD)`
 *   (DESIGN.md §4), clamped to `scaling.clamp` when the artifact has one (the PD is never clamped).
 * - Reason codes: each feature's cost in score points, `factor · (contribution − bestContribution)`
 *   (times Platt's `a` when the artifact is Platt-calibrated, so costs stay in calibrated points),
 *   ranked by {@link rankReasons} (shared codes summed, protected features never cited, features
 *   at their best never cited, top `maxReasons`, default 4, plus the inquiry reason).
 * - Monotone: a numeric term with a positive coefficient never lowers the PD as its value grows.
 *
 * Prefer `loadModel`, which validates untrusted JSON first; the constructor checks the artifact's
 * internal consistency only (it trusts the types).
 *
 * @category Scoring
 * @example
 * const scorer = new LogisticScorer(artifact);
 * scorer.score({ duration_in_month: 48, purpose: 'car (new)' }).reasonCodes[0].code; //=> 'R_CREDIT_AMOUNT'
 */
export class LogisticScorer implements Scorer {
  /** `"<artifact id>@<8 hex digits of its content hash>"`. */
  readonly id: string;
  /** Feature names, in the column order `predict` expects. */
  readonly featureNames: readonly string[];

  readonly #artifact: LogisticArtifact;
  readonly #specs: readonly FeatureSpec[];
  readonly #intercept: number;
  readonly #kind: Uint8Array;
  readonly #center: Float64Array;
  readonly #lower: Float64Array;
  readonly #upper: Float64Array;
  /** coefficient / scale: a numeric term's contribution is `weight · (clip(x) − center)`. */
  readonly #weight: Float64Array;
  /** Per feature: how many numeric features start at it (0 for a categorical one). */
  readonly #numericRun: Int32Array;
  /** Per feature, 5 numbers: missing, lower, upper, weight, center. */
  readonly #params: Float64Array;
  readonly #missing: Float64Array;
  readonly #unseen: Float64Array;
  readonly #best: Float64Array;
  readonly #levels: (Float64Array | null)[];
  readonly #factor: number;
  readonly #offset: number;
  readonly #impactScale: number;
  /** {@link LogisticScorer.predict}'s matrix shape check and column mapping (the last one kept). */
  readonly #columns: MatrixColumns;

  /**
   * @param artifact - a schema-valid logistic artifact (see `loadModel` for untrusted input)
   * @throws {@link InvalidArtifactError} when terms and features disagree (count, type, category count, bounds)
   */
  constructor(artifact: LogisticArtifact) {
    const issues = logisticArtifactIssues(artifact);
    if (issues.length > 0) {
      throw new InvalidArtifactError(
        `LogisticScorer: inconsistent artifact, ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues
          .slice(0, 10)
          .map((i) => `${formatIssuePath(i.path)}: ${i.message}`)
          .join('; ')})`,
        issues,
      );
    }
    this.#artifact = structuredClone(artifact);
    this.#specs = this.#artifact.features;
    this.featureNames = Object.freeze(this.#specs.map((s) => s.name));
    this.#columns = new MatrixColumns(this.featureNames, 'model feature');
    this.id = modelIdOf(this.#artifact);
    const m = this.#specs.length;
    const terms = this.#artifact.model.terms;
    this.#intercept = this.#artifact.model.intercept;
    this.#kind = new Uint8Array(m);
    this.#center = new Float64Array(m);
    this.#lower = new Float64Array(m);
    this.#upper = new Float64Array(m);
    this.#weight = new Float64Array(m);
    this.#missing = new Float64Array(m);
    this.#unseen = new Float64Array(m);
    this.#best = new Float64Array(m);
    this.#levels = [];
    for (let j = 0; j < m; j++) {
      const t = terms[j];
      this.#missing[j] = t.missingCoefficient;
      this.#best[j] = t.bestContribution;
      if (t.type === 'numeric') {
        this.#kind[j] = NUMERIC;
        this.#center[j] = t.center;
        this.#lower[j] = t.lower;
        this.#upper[j] = t.upper;
        this.#weight[j] = t.coefficient / t.scale;
        this.#levels.push(null);
      } else {
        this.#kind[j] = CATEGORICAL;
        this.#unseen[j] = t.unseenCoefficient;
        this.#levels.push(Float64Array.from(t.coefficients));
      }
    }
    this.#numericRun = new Int32Array(m);
    this.#params = new Float64Array(5 * m);
    for (let j = m - 1; j >= 0; j--) {
      this.#numericRun[j] = this.#kind[j] === NUMERIC ? 1 + (j + 1 < m ? this.#numericRun[j + 1] : 0) : 0;
      this.#params.set(this.#kind[j] === NUMERIC ? [this.#missing[j], this.#lower[j], this.#upper[j], this.#weight[j], this.#center[j]] : [this.#missing[j], this.#unseen[j], 0, 0, 0], 5 * j);
    }
    const { factor, offset } = scalingConstants(this.#artifact.scaling);
    this.#factor = factor;
    this.#offset = offset;
    const calibration = this.#artifact.calibration;
    this.#impactScale = calibration?.method === 'platt' ? calibration.a : 1;
  }

  /**
   * Scores one applicant's features: score, PD, reason codes. O(features · log features).
   *
   * @param x - a feature record (`{ name: value }`, `null` = missing) or a feature vector
   * @param options - `maxReasons` (default 4)
   * @throws {@link InvalidInputError} for an unknown feature, a wrong type or a non-finite number (path = feature name)
   * @throws {@link InvalidOptionsError} when `maxReasons` is neither a non-negative integer nor `Infinity` (no cap)
   * @example
   * scorer.score(record, { maxReasons: 2 }).probabilityOfDefault; //=> 0.4789
   */
  score(x: FeatureRecord | FeatureVector, options: ScoreOptions = {}): ScoreResult {
    const maxReasons = maxReasonsOf(options.maxReasons);
    const row = encodeFeatures(this.#specs, x);
    const m = row.length;
    const impacts = new Float64Array(m);
    const values: (number | string | null)[] = new Array<number | string | null>(m);
    let logOdds = this.#intercept;
    const pointsPerUnit = this.#factor * this.#impactScale;
    for (let j = 0; j < m; j++) {
      const contribution = this.#contribution(j, row[j]);
      logOdds += contribution;
      const impact = pointsPerUnit * (contribution - this.#best[j]);
      impacts[j] = impact > IMPACT_EPSILON ? impact : 0; // rounding never makes a feature at its best a reason
      values[j] = decodeFeatureValue(this.#specs[j], row[j]);
    }
    const calibration = this.#artifact.calibration;
    const z = calibratedLogOdds(calibration, logOdds);
    return {
      score: clampScore(this.#offset - this.#factor * z, this.#artifact.scaling),
      probabilityOfDefault: applyCalibration(calibration, logOdds),
      reasonCodes: rankReasons(this.#specs, impacts, values, { maxReasons, inquiryReasonCode: this.#artifact.inquiryReasonCode }),
      modelId: this.id,
    };
  }

  /**
   * PDs for every row of a matrix: the batch path, no allocation per row. Columns are matched to
   * {@link LogisticScorer.featureNames} by name (any order; extra columns are ignored).
   * Numeric cells: finite or `NaN` (missing); categorical cells: a category index, `-1` (unseen)
   * or `NaN` (missing). O(rows · features).
   *
   * @throws {@link InvalidInputError} when a model feature has no column (`missing_feature`) or a
   *   cell is invalid (path `[row, feature]`)
   * @example
   * Array.from(scorer.predict(datasetToFeatureMatrix(testSet, scorer.toArtifact().features)).subarray(0, 2)); //=> [0.4789, 0.0647]
   */
  predict(m: FeatureMatrix): Float64Array {
    const width = m.names.length;
    const columnOf = this.#columns.of(m, 'predict');
    const rows = m.rows;
    const out = new Float64Array(rows);
    // Column-blocked (logisticLogOdds): each row still sums intercept + term 0 + term 1 + ... in
    // feature order with score()'s arithmetic (#contribution), and pdsFromLogOdds is
    // applyCalibration's arithmetic, so PDs equal score()'s to the bit.
    const values = m.values;
    const bad = logisticLogOdds(values, width, rows, columnOf, this.#numericRun, this.#params, this.#levels, this.#intercept, out, BLOCK_ROWS);
    if (bad >= 0) throw this.#firstInvalidCell(values, width, columnOf, bad, Math.min(BLOCK_ROWS, rows - bad));
    const calibration = this.#artifact.calibration;
    pdsFromLogOdds(calibration, out, rows);
    return out;
  }

  /**
   * The artifact this scorer runs (a copy: changing it does not change the scorer).
   *
   * @example
   * loadModel(JSON.stringify(scorer.toArtifact())).id === scorer.id; //=> true
   */
  toArtifact(): ModelArtifact {
    return structuredClone(this.#artifact);
  }

  /** Contribution of feature `j` to the log-odds at encoded value `v` (see the class summary). */
  #contribution(j: number, v: number): number {
    if (Number.isNaN(v)) return this.#missing[j];
    if (this.#kind[j] === NUMERIC) {
      const clipped = v < this.#lower[j] ? this.#lower[j] : v > this.#upper[j] ? this.#upper[j] : v;
      return this.#weight[j] * (clipped - this.#center[j]);
    }
    return v < 0 ? this.#unseen[j] : (this.#levels[j] as Float64Array)[v];
  }

  /** The first invalid cell of a block in row-major order (what a row-by-row pass reports). */
  #firstInvalidCell(values: Float64Array, width: number, columnOf: readonly number[], i0: number, n: number): InvalidInputError {
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < columnOf.length; j++) {
        const v = values[(i0 + r) * width + columnOf[j]];
        if (Number.isNaN(v)) continue;
        if (this.#kind[j] === NUMERIC) {
          if (!Number.isFinite(v)) return this.#cellError(i0 + r, j, 'not_finite', 'must be a finite number or NaN for missing');
        } else if (!(v === -1 || (Number.isInteger(v) && v >= 0 && v < (this.#levels[j] as Float64Array).length))) {
          return this.#cellError(i0 + r, j, 'invalid_category_index', 'must be a category index of the model, -1 for unseen or NaN for missing');
        }
      }
    }
    return new InvalidInputError('predict: invalid cell', []); // unreachable: the caller saw one
  }

  #cellError(row: number, j: number, code: string, message: string): InvalidInputError {
    const name = this.#specs[j].name;
    return new InvalidInputError(`predict: ${formatIssuePath([row, name])}: ${message}`, [{ code, path: [row, name], message }]);
  }
}

/**
 * Consistency of a (schema-valid) logistic artifact: one term per feature, of the same type; a
 * categorical term has one coefficient per category; numeric bounds ordered. Paths point into the artifact.
 */
function logisticArtifactIssues(artifact: LogisticArtifact): Issue[] {
  const issues: Issue[] = [];
  const { features } = artifact;
  const { terms } = artifact.model;
  if (terms.length !== features.length) {
    issues.push({ code: 'length_mismatch', path: ['model', 'terms'], message: `expected one term per feature (${features.length}), got ${terms.length}` });
    return issues;
  }
  terms.forEach((term, j) => {
    const spec = features[j];
    if (term.type !== spec.type) {
      issues.push({ code: 'type_mismatch', path: ['model', 'terms', j, 'type'], message: `feature ${JSON.stringify(spec.name)} is ${spec.type}, its term is ${term.type}` });
    } else if (term.type === 'categorical') {
      const count = spec.categories?.length ?? 0;
      if (term.coefficients.length !== count) {
        issues.push({ code: 'length_mismatch', path: ['model', 'terms', j, 'coefficients'], message: `expected one coefficient per category of ${JSON.stringify(spec.name)} (${count}), got ${term.coefficients.length}` });
      }
    } else if (!(term.lower <= term.upper)) {
      issues.push({ code: 'invalid_bounds', path: ['model', 'terms', j, 'upper'], message: 'upper must be >= lower' });
    } else {
      // scoring computes (coefficient / scale) · (clip(x) − center): each finite schema number can
      // still overflow here (scale 1e-300), and Infinity · 0 would be a silent NaN PD
      const weight = term.coefficient / term.scale;
      if (!(Number.isFinite(weight) && Number.isFinite(weight * (term.lower - term.center)) && Number.isFinite(weight * (term.upper - term.center)))) {
        issues.push({ code: 'not_finite', path: ['model', 'terms', j, 'scale'], message: 'coefficient / scale · (bound − center) overflows: the term cannot be evaluated' });
      }
    }
  });
  return issues;
}
