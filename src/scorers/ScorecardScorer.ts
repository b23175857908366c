import { countAtMost } from '../_lib/countAtMost.js';
import { fixed, toCsv, toMarkdownTable } from '../binning/_lib/formatTable.js';
import { InvalidArtifactError, InvalidInputError, InvalidOptionsError, fromZodError, formatIssuePath } from '../errors.js';
import { maxReasonsOf } from './_maxReasons.js';
import { clampScore } from '../scaling/scaling.js';
import type { ModelArtifact } from '../schema/artifact.js';
import { englishMessages } from '../schema/_lib/englishMessages.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import { ScorecardArtifactSchema, type ReasonBaseline, type ScorecardArtifact } from '../schema/artifacts/scorecard.js';
import type { FeatureMatrix, FeatureRecord, FeatureVector, ScoreOptions, ScoreResult, Scorer } from '../types.js';
import { applyCalibration } from './applyCalibration.js';
import { decodeFeatureValue, encodeFeatures } from './encodeFeatures.js';
import { modelIdOf } from './modelIdOf.js';
import { rankReasons } from './rankReasons.js';
import { binLogOdds, scorecardPlan, predictRows, type ScorecardPlan } from './_scorecardPredict.js';
import { MatrixColumns } from './_matrixColumns.js';

/** Impacts at or below this many points are floating-point noise, never reasons. */
const IMPACT_EPSILON = 1e-9;

/**
 * Options of {@link ScorecardScorer.score}.
 *
 * @category Scoring
 * @example
 * const o: ScorecardScoreOptions = { maxReasons: 4, baseline: 'average' };
 */
export interface ScorecardScoreOptions extends ScoreOptions {
  /**
   * What reason codes measure points lost against: each characteristic's maximum points (`max`),
   * the training population's average points (`average`), or the average points of training
   * applicants near the cut-off (`cutoff`, when the artifact was trained with `reasonCutoff`).
   * @defaultValue the artifact's `model.reasonBaseline` (`max` unless trained otherwise)
   */
  baseline?: ReasonBaseline;
}

/**
 * One row of a scorecard's points table.
 *
 * @category Scoring
 * @example
 * const row: PointsTableRow = { feature: 'duration_in_month', bin: 0, label: '(-inf, 9)', kind: 'interval', points: 57, woe: 0.94, logOdds: -0.61, count: 71, share: 0.1, badRate: 0.14 };
 */
export interface PointsTableRow {
  feature: string;
  /** Bin index within the characteristic. */
  bin: number;
  label: string;
  kind: 'interval' | 'categories' | 'missing' | 'special';
  points: number;
  /** The bin's own WoE (from its training goods and bads). */
  woe: number;
  /**
   * The bin's term in the log-odds of default: `coefficient · woe`, plus the characteristic's
   * `missingEffect` in a missing bin that has one (then the points follow this, not the WoE alone).
   */
  logOdds: number;
  /** Training rows in the bin (weighted). */
  count: number;
  /** count / training rows. */
  share: number;
  /** Training bad rate of the bin; `null` when the bin is empty. */
  badRate: number | null;
}

/**
 * Runs a scorecard artifact: each characteristic's value falls in one bin (numeric: special value,
 * then the left-closed interval; categorical: its group; missing, special values and unseen
 * categories go where the artifact's binning maps them), and the bin is worth a number of points.
 *
 * - **score** = Σ points of the applicant's bins (the rounded points of the table, summed and
 *   rounded to the table's decimals), clamped to `scaling.clamp` when the artifact has one;
 * - **PD** from the *unrounded* log-odds `intercept + Σ coefficient · woe[bin]` (plus
 *   `missingEffect` in a missing bin that has one), through the artifact's calibration when it has
 *   one ({@link applyCalibration});
 * - **reason codes** = points below the baseline (by default each characteristic's maximum:
 *   "points lost"), ranked by {@link rankReasons}: characteristics sharing a reason code are summed,
 *   largest first, ties in feature order, at most `maxReasons` (default 4) plus the inquiry reason
 *   (`artifact.inquiryReasonCode`) as a fifth when it is a factor; characteristics at the baseline
 *   or above and protected ones are never cited. With the `max` baseline, no cap on reasons, no
 *   protected characteristic below its maximum and no display clamp (`scaling.clamp`, which limits
 *   the returned score but not `maxScore` or the impacts), the reasons' impacts plus the score add
 *   up to `maxScore`, the maximum attainable score.
 *
 * Prefer `loadModel`, which validates untrusted JSON first.
 *
 * @category Scoring
 * @example
 * const scorer = new ScorecardScorer(trainScorecard(dataset)); // German credit's train.csv
 * // characteristics left out score in their missing bin (here, with no missing value in training: the riskiest)
 * scorer.score({ duration_in_month: 48, purpose: 'car (new)' }).reasonCodes[0].code; //=> 'R_STATUS_OF_EXISTING_CHECKING_ACCOUNT'
 */
export class ScorecardScorer implements Scorer {
  /** `"<artifact id>@<8 hex digits of its content hash>"`. */
  readonly id: string;
  /** Characteristic names, in the column order `predict` expects. */
  readonly featureNames: readonly string[];
  /** Lowest attainable score (sum of each characteristic's minimum points, unclamped). */
  readonly minScore: number;
  /** Highest attainable score (sum of each characteristic's maximum points, unclamped). */
  readonly maxScore: number;

  readonly #artifact: ScorecardArtifact;
  readonly #specs: readonly FeatureSpec[];
  readonly #intercept: number;
  readonly #decimals: number;
  /** Per characteristic: 1 = categorical. */
  readonly #isCategorical: Uint8Array;
  readonly #cutpoints: Float64Array[];
  /** The batch path's copy of the cut-points, padded with +Infinity to 2^d − 1 entries (see {@link searchCuts}). */
  readonly #searchCuts: Float64Array[];
  readonly #specialValues: Float64Array[];
  readonly #specialBins: Int32Array[];
  readonly #categoryBins: Int32Array[];
  readonly #missingBin: Int32Array;
  readonly #unseenBin: Int32Array;
  /** coefficient · woe per bin. */
  readonly #logOdds: Float64Array[];
  readonly #points: Float64Array[];
  readonly #baselines: { max: Float64Array; average: Float64Array; cutoff: Float64Array | undefined };
  /** predict's flattened tables (see {@link predictRows}). */
  readonly #plan: ScorecardPlan;
  /** The matrix shape check and column of each characteristic (the last mapping kept). */
  readonly #columns: MatrixColumns;

  /**
   * @param artifact - a scorecard artifact (see `loadModel` for untrusted input)
   * @throws {@link InvalidArtifactError} when the artifact is not a valid, consistent scorecard (paths into the artifact)
   */
  constructor(artifact: ScorecardArtifact) {
    const parsed = ScorecardArtifactSchema.safeParse(artifact, englishMessages());
    if (!parsed.success) throw fromZodError(parsed.error, 'ScorecardScorer', InvalidArtifactError);
    this.#artifact = parsed.data;
    this.#specs = this.#artifact.features;
    this.featureNames = Object.freeze(this.#specs.map((s) => s.name));
    this.#columns = new MatrixColumns(this.featureNames, 'characteristic');
    this.id = modelIdOf(this.#artifact);
    const chars = this.#artifact.model.characteristics;
    const m = chars.length;
    this.#intercept = this.#artifact.model.intercept;
    this.#decimals = this.#artifact.model.pointsDecimals;
    this.#isCategorical = new Uint8Array(m);
    this.#cutpoints = [];
    this.#searchCuts = [];
    this.#specialValues = [];
    this.#specialBins = [];
    this.#categoryBins = [];
    this.#missingBin = new Int32Array(m);
    this.#unseenBin = new Int32Array(m);
    this.#logOdds = [];
    this.#points = [];
    const max = new Float64Array(m);
    const min = new Float64Array(m);
    const average = new Float64Array(m);
    const cutoff = new Float64Array(m);
    let hasCutoff = true;
    chars.forEach((c, j) => {
      const b = c.binning;
      this.#missingBin[j] = b.missingBin;
      if (b.type === 'categorical') {
        this.#isCategorical[j] = 1;
        this.#unseenBin[j] = b.unseenBin;
        this.#categoryBins.push(Int32Array.from(b.categoryBins));
        this.#cutpoints.push(new Float64Array(0));
        this.#searchCuts.push(new Float64Array(0));
        this.#specialValues.push(new Float64Array(0));
        this.#specialBins.push(new Int32Array(0));
      } else {
        this.#categoryBins.push(new Int32Array(0));
        this.#cutpoints.push(Float64Array.from(b.cutpoints));
        this.#searchCuts.push(searchCuts(b.cutpoints));
        this.#specialValues.push(Float64Array.from(b.specialValues, (s) => s.value));
        this.#specialBins.push(Int32Array.from(b.specialValues, (s) => s.bin));
      }
      this.#logOdds.push(binLogOdds(c));
      this.#points.push(Float64Array.from(c.points));
      max[j] = Math.max(...c.points);
      min[j] = Math.min(...c.points);
      average[j] = c.averagePoints;
      if (c.cutoffPoints === undefined) hasCutoff = false;
      else cutoff[j] = c.cutoffPoints;
    });
    this.#baselines = { max, average, cutoff: hasCutoff ? cutoff : undefined };
    this.maxScore = this.#roundPoints(max.reduce((s, v) => s + v, 0));
    this.minScore = this.#roundPoints(min.reduce((s, v) => s + v, 0));
    this.#plan = scorecardPlan(this.#intercept, chars);
  }

  /**
   * Scores one applicant: score (sum of points), PD (from the unrounded log-odds) and reason codes
   * (points below the baseline). O(characteristics · log bins).
   *
   * @param x - a feature record (`{ name: value }`, `null` = missing) or a feature vector
   * @param options - `maxReasons` (default 4), `baseline` (default the artifact's)
   * @throws {@link InvalidInputError} for an unknown feature, a wrong type or a non-finite number (path = feature name)
   * @throws {@link InvalidOptionsError} for a bad `maxReasons`, or the `cutoff` baseline on an artifact trained without a cut-off
   * @example
   * scorer.score({ duration_in_month: 6 }, { maxReasons: 2, baseline: 'average' }).score; //=> 410
   */
  score(x: FeatureRecord | FeatureVector, options: ScorecardScoreOptions = {}): ScoreResult {
    const maxReasons = maxReasonsOf(options.maxReasons);
    const baseline = this.#baselineOf(options.baseline ?? this.#artifact.model.reasonBaseline);
    const row = encodeFeatures(this.#specs, x);
    const m = row.length;
    const impacts = new Float64Array(m);
    const values: (number | string | null)[] = new Array<number | string | null>(m);
    let logOdds = this.#intercept;
    let points = 0;
    for (let j = 0; j < m; j++) {
      const bin = this.#binOf(j, row[j]);
      logOdds += this.#logOdds[j][bin];
      const p = this.#points[j][bin];
      points += p;
      const impact = baseline[j] - p;
      impacts[j] = impact > IMPACT_EPSILON ? this.#roundImpact(impact) : 0;
      values[j] = decodeFeatureValue(this.#specs[j], row[j]);
    }
    return {
      score: clampScore(this.#roundPoints(points), this.#artifact.scaling),
      probabilityOfDefault: applyCalibration(this.#artifact.calibration, logOdds),
      reasonCodes: rankReasons(this.#specs, impacts, values, { maxReasons, inquiryReasonCode: this.#artifact.inquiryReasonCode }),
      modelId: this.id,
    };
  }

  /**
   * PDs for every row of a matrix (the batch path, no allocation per row). Columns are matched to
   * {@link ScorecardScorer.featureNames} by name (any order; extra columns ignored). Numeric cells:
   * a number or `NaN` (missing); categorical cells: a category index, `-1` (unseen) or `NaN`.
   * O(rows · characteristics · log bins).
   *
   * @throws {@link InvalidInputError} when a characteristic has no column (`missing_feature`) or a cell is invalid (path `[row, feature]`)
   * @example
   * const pd = scorer.predict(datasetToFeatureMatrix(testSet, scorer.toArtifact().features));
   * Array.from(pd.subarray(0, 2)); //=> [0.3750, 0.1329]
   */
  predict(m: FeatureMatrix): Float64Array {
    const columnOf = this.#columns.of(m, 'predict');
    const rows = m.rows;
    const width = m.names.length;
    const out = new Float64Array(rows);
    const bad = predictRows(this.#plan, m.values, rows, width, columnOf, this.#artifact.calibration, out);
    if (bad >= 0) throw this.#firstInvalidCell('predict', m.values, width, columnOf, bad, rows - bad);
    return out;
  }

  /**
   * Scores (sums of points, clamped like {@link ScorecardScorer.score}) for every row of a matrix:
   * the batch form of `score(x).score`. Same matrix rules as {@link ScorecardScorer.predict}.
   *
   * @throws {@link InvalidInputError} as {@link ScorecardScorer.predict}
   * @example
   * scorer.scorePoints(datasetToFeatureMatrix(testSet, scorer.toArtifact().features))[0]; //=> 502
   */
  scorePoints(m: FeatureMatrix): Float64Array {
    const out = new Float64Array(m.rows);
    this.#eachBlock(m, 'scorePoints', true, (i0, n, _logOdds, points) => {
      for (let r = 0; r < n; r++) out[i0 + r] = clampScore(this.#roundPoints(points[r]), this.#artifact.scaling);
    });
    return out;
  }

  /**
   * The artifact this scorer runs (a copy).
   *
   * @example
   * loadModel(JSON.stringify(scorer.toArtifact())).id === scorer.id; //=> true
   */
  toArtifact(): ModelArtifact {
    return structuredClone(this.#artifact);
  }

  /**
   * The points table as data: one row per bin of every characteristic, in artifact order.
   *
   * @example
   * const [first] = scorer.pointsTable();
   * [first.feature, first.bin, first.label, first.points]; //=> ['status_of_existing_checking_account', 0, 'no checking account', 64]
   */
  pointsTable(): PointsTableRow[] {
    const rows: PointsTableRow[] = [];
    this.#artifact.model.characteristics.forEach((c, j) => {
      const total = c.binning.bins.reduce((s, b) => s + b.count, 0);
      c.binning.bins.forEach((b, k) => {
        rows.push({
          feature: this.#specs[j].name,
          bin: k,
          label: b.label,
          kind: b.kind,
          points: c.points[k],
          woe: b.woe,
          logOdds: this.#logOdds[j][k],
          count: b.count,
          share: total > 0 ? b.count / total : 0,
          badRate: b.count > 0 ? b.bads / b.count : null,
        });
      });
    });
    return rows;
  }

  /**
   * The points table as GitHub-flavoured Markdown: scaling line, one table (characteristic, bin,
   * points, WoE, share, bad rate), then where missing values and unseen categories are scored and
   * which missing bins carry a fitted missing-data term (`missingEffect`).
   *
   * @example
   * scorer.pointsTableMarkdown().split('\n')[2]; //=> '| Characteristic | Bin | Points | WoE | Share | Bad rate |'
   */
  pointsTableMarkdown(): string {
    const s = this.#artifact.scaling;
    const head = `**${this.#artifact.id}**: ${s.baseScore} points at ${s.baseOdds}:1 good:bad odds, ${s.pdo} points to double the odds; score range ${this.minScore}–${this.maxScore}.\n\n`;
    const pct = (v: number | null): string => (v === null ? '' : `${fixed(100 * v, 1)}%`);
    const rows = this.pointsTable().map((r) => [r.bin === 0 ? r.feature : '', r.label, fixed(r.points, this.#decimals), fixed(r.woe, 4), pct(r.share), pct(r.badRate)]);
    const table = toMarkdownTable(['Characteristic', 'Bin', 'Points', 'WoE', 'Share', 'Bad rate'], ['l', 'l', 'r', 'r', 'r', 'r'], rows);
    const notes: string[] = [];
    this.#artifact.model.characteristics.forEach((c, j) => {
      const b = c.binning;
      const name = this.#specs[j].name;
      if (b.bins[b.missingBin].kind !== 'missing') notes.push(`${name}: missing values (none in training) score as ${b.bins[b.missingBin].label}`);
      else if (c.missingEffect !== undefined) {
        const others = c.missingGroup === undefined ? [] : this.#artifact.model.characteristics.flatMap((o, k) => (k !== j && o.missingGroup === c.missingGroup ? [this.#specs[k].name] : []));
        notes.push(`${name}: the Missing bin's points add a fitted missing-data term of ${fixed(c.missingEffect, 4)} log-odds to its WoE's${others.length > 0 ? ` (one share of a term split with ${others.join(', ')}, missing on nearly the same applicants)` : ''}`);
      }
      if (b.type === 'categorical') notes.push(`${name}: unseen categories score as ${b.bins[b.unseenBin].label}`);
    });
    return head + table + (notes.length > 0 ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : '');
  }

  /**
   * The points table as CSV (RFC 4180, header, full precision): `feature,bin,label,kind,points,woe,count,share,bad_rate`.
   *
   * @example
   * scorer.pointsTableCsv().split('\n')[0]; //=> 'feature,bin,label,kind,points,woe,count,share,bad_rate'
   */
  pointsTableCsv(): string {
    return toCsv(
      ['feature', 'bin', 'label', 'kind', 'points', 'woe', 'count', 'share', 'bad_rate'],
      this.pointsTable().map((r) => [r.feature, r.bin, r.label, r.kind, r.points, r.woe, r.count, r.share, r.badRate]),
    );
  }

  #baselineOf(kind: ReasonBaseline): Float64Array {
    if (kind === 'max') return this.#baselines.max;
    if (kind === 'average') return this.#baselines.average;
    if (kind === 'cutoff' && this.#baselines.cutoff !== undefined) return this.#baselines.cutoff;
    if (kind === 'cutoff') {
      throw new InvalidOptionsError('score: the cutoff baseline needs an artifact trained with reasonCutoff', [
        { code: 'unavailable_baseline', path: ['baseline'], message: 'this scorecard stores no cut-off baseline' },
      ]);
    }
    throw new InvalidOptionsError(`score: unknown baseline ${JSON.stringify(kind)}`, [{ code: 'invalid_value', path: ['baseline'], message: "must be 'max', 'average' or 'cutoff'" }]);
  }

  /** Bin of characteristic j for an encoded value (validated by encodeFeatures; predict's kernels in _scorecardPredict.ts apply the same rules). */
  #binOf(j: number, v: number): number {
    if (Number.isNaN(v)) return this.#missingBin[j];
    if (this.#isCategorical[j] === 1) return v < 0 ? this.#unseenBin[j] : this.#categoryBins[j][v];
    const specials = this.#specialValues[j];
    for (let s = 0; s < specials.length; s++) if (specials[s] === v) return this.#specialBins[j][s];
    return countAtMost(this.#cutpoints[j], v);
  }

  /**
   * The batch path, column-blocked: for a block of rows, one characteristic at a time (its bins in
   * registers, no kind test per cell), each row's log-odds and points in their own accumulators.
   * Each row still sums intercept + term 0 + term 1 + ... in characteristic order, exactly as
   * {@link ScorecardScorer.score} does, so results equal score()'s to the bit. `visit` sees each
   * block's accumulators (valid for `n` rows) before the next block overwrites them.
   */
  #eachBlock(m: FeatureMatrix, where: string, withPoints: boolean, visit: (i0: number, n: number, logOdds: Float64Array, points: Float64Array) => void): void {
    const width = m.names.length;
    const columnOf = this.#columns.of(m, where);
    const k = columnOf.length;
    const values = m.values;
    const rows = m.rows;
    const logOdds = new Float64Array(BLOCK_ROWS);
    const points = new Float64Array(BLOCK_ROWS);
    const pts = withPoints ? points : undefined;
    for (let i0 = 0; i0 < rows; i0 += BLOCK_ROWS) {
      const n = rows - i0 < BLOCK_ROWS ? rows - i0 : BLOCK_ROWS;
      logOdds.fill(this.#intercept);
      points.fill(0);
      for (let j = 0; j < k; j++) {
        const start = i0 * width + columnOf[j];
        const ok =
          this.#isCategorical[j] === 1
            ? addCategoricalColumn(values, start, width, n, this.#categoryBins[j], this.#missingBin[j], this.#unseenBin[j], this.#logOdds[j], this.#points[j], logOdds, pts)
            : addNumericColumn(values, start, width, n, this.#searchCuts[j], this.#specialValues[j], this.#specialBins[j], this.#missingBin[j], this.#logOdds[j], this.#points[j], logOdds, pts);
        if (!ok) throw this.#firstInvalidCell(where, values, width, columnOf, i0, n);
      }
      visit(i0, n, logOdds, points);
    }
  }

  /** The first invalid cell of a block in row-major order (earlier blocks were all valid). */
  #firstInvalidCell(where: string, values: Float64Array, width: number, columnOf: readonly number[], i0: number, n: number): InvalidInputError {
    for (let i = i0; i < i0 + n; i++) {
      for (let j = 0; j < columnOf.length; j++) {
        const v = values[i * width + columnOf[j]];
        if (this.#isCategorical[j] === 1) {
          if (!(Number.isNaN(v) || v === -1 || (Number.isInteger(v) && v >= 0 && v < this.#categoryBins[j].length))) {
            return this.#cellError(where, i, j, 'invalid_category_index', 'must be a category index of the model, -1 for unseen or NaN for missing');
          }
        } else if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
          return this.#cellError(where, i, j, 'not_finite', 'must be a finite number or NaN for missing');
        }
      }
    }
    return new InvalidInputError(`${where}: invalid cell`, []); // unreachable: the caller saw one
  }

  #cellError(where: string, row: number, j: number, code: string, message: string): InvalidInputError {
    const name = this.#specs[j].name;
    return new InvalidInputError(`${where}: ${formatIssuePath([row, name])}: ${message}`, [{ code, path: [row, name], message }]);
  }

  #roundPoints(v: number): number {
    const f = 10 ** this.#decimals;
    const r = Math.round(v * f) / f;
    return Object.is(r, -0) ? 0 : r;
  }

  /** Impacts keep a few more decimals than the points (averages are not on the points grid). */
  #roundImpact(v: number): number {
    const f = 10 ** (this.#decimals + 6);
    return Math.round(v * f) / f;
  }
}

/** Rows per block of the batch path (a block's accumulators and cells stay in L1 cache). */
const BLOCK_ROWS = 64;

/**
 * Cut-points padded with +Infinity to `2^d − 1` entries (the smallest such length holding them all,
 * at least 7: up to 8 bins share one unrolled loop), for the branch-free search of
 * {@link addNumericColumn}.
 */
function searchCuts(cuts: readonly number[]): Float64Array {
  let size = 8;
  while (size < cuts.length + 1) size *= 2;
  const out = new Float64Array(size - 1).fill(Number.POSITIVE_INFINITY);
  out.set(cuts);
  return out;
}

/**
 * Adds one numeric characteristic's bin values to a block's accumulators. Bin = the special
 * value's bin, else the number of cut points ≤ v (its left-closed interval: what `#binOf`'s binary
 * search returns, the cut-points being strictly increasing), NaN = missing bin. The count is a
 * branch-free binary search over `cuts` padded to `2^d − 1` entries with +Infinity (never ≤ a
 * finite v): comparison results are added, not branched on, so random values cost no branch
 * mispredictions. Returns false on an infinite cell (the caller reports it).
 */
function addNumericColumn(
  values: Float64Array,
  start: number,
  width: number,
  n: number,
  cuts: Float64Array,
  specials: Float64Array,
  specialBins: Int32Array,
  missingBin: number,
  logOddsOfBin: Float64Array,
  pointsOfBin: Float64Array,
  logOdds: Float64Array,
  points: Float64Array | undefined,
): boolean {
  const size = cuts.length + 1;
  const nSpecials = specials.length;
  let p = start;
  for (let r = 0; r < n; r++, p += width) {
    const v = values[p];
    let bin = -1;
    if (v !== v) bin = missingBin;
    else if (v - v !== 0) return false; // ±Infinity
    else {
      for (let s = 0; s < nSpecials; s++) {
        if (specials[s] === v) {
          bin = specialBins[s];
          break;
        }
      }
      if (bin < 0) {
        // unrolled up to 15 cut-points (16 bins); a loop beyond
        let a = 0;
        if (size <= 16) {
          if (size === 16) a = +(cuts[7] <= v) * 8;
          if (size >= 8) a += +(cuts[a + 3] <= v) * 4;
          if (size >= 4) a += +(cuts[a + 1] <= v) * 2;
          if (size >= 2) a += +(cuts[a] <= v);
        } else {
          for (let h = size >> 1; h > 0; h >>= 1) a += +(cuts[a + h - 1] <= v) * h;
        }
        bin = a;
      }
    }
    logOdds[r] += logOddsOfBin[bin];
    if (points !== undefined) points[r] += pointsOfBin[bin];
  }
  return true;
}

/** Categorical counterpart of {@link addNumericColumn}: a category index, -1 = unseen, NaN = missing. */
function addCategoricalColumn(
  values: Float64Array,
  start: number,
  width: number,
  n: number,
  categoryBins: Int32Array,
  missingBin: number,
  unseenBin: number,
  logOddsOfBin: Float64Array,
  pointsOfBin: Float64Array,
  logOdds: Float64Array,
  points: Float64Array | undefined,
): boolean {
  const levels = categoryBins.length;
  let p = start;
  for (let r = 0; r < n; r++, p += width) {
    const v = values[p];
    let bin: number;
    if (v !== v) bin = missingBin;
    else if (v === -1) bin = unseenBin;
    else if (Number.isInteger(v) && v >= 0 && v < levels) bin = categoryBins[v];
    else return false;
    logOdds[r] += logOddsOfBin[bin];
    if (points !== undefined) points[r] += pointsOfBin[bin];
  }
  return true;
}
