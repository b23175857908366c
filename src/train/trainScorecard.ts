import { checkTargetAndWeights } from '../binning/_lib/parseBinningOptions.js';
import { applyBinning } from '../binning/applyBinning.js';
import { fitCategoricalBinning } from '../binning/fitCategoricalBinning.js';
import { fitNumericBinning } from '../binning/fitNumericBinning.js';
import type { Column, Dataset } from '../data/Dataset.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../errors.js';
import { scalingConstants } from '../scaling/scaling.js';
import { ARTIFACT_SCHEMA_VERSION, type FeatureSpec } from '../schema/artifactCommon.js';
import { ScorecardArtifactSchema, type Binning, type ScorecardArtifact, type ScorecardCharacteristic } from '../schema/artifacts/scorecard.js';
import { featureSpecsFromDataset } from './featureSpecsFromDataset.js';
import { fitLogisticRegression } from './fitLogisticRegression.js';
import { parseTrainScorecardOptions, type ParsedTrainScorecardOptions, type TrainScorecardOptions } from './scorecard/options.js';
import { binLogOdds } from '../scorers/_scorecardPredict.js';
import { scorecardPoints } from './scorecard/points.js';
import { correlationMatrix, negativeLogLikelihood, varianceInflationFactors } from './scorecard/selection.js';

const WHERE = 'trainScorecard';

/** One entry of the selection log (`artifact.training.selection`). */
interface SelectionEntry {
  feature: string;
  type: 'numeric' | 'categorical';
  iv: number;
  bins: number;
  status: 'selected' | 'dropped';
  /** Why it was dropped: iv_below_minimum | correlated | vif | max_characteristics | stepwise | sign_flip. */
  reason?: string;
  detail?: string;
  coefficient?: number;
  /** `missingBins: 'fitted'`: the missing term as fitted, when the cap of {@link capMissingEffect} changed it. */
  fittedMissingEffect?: number;
}

interface Candidate {
  spec: FeatureSpec;
  binning: Binning;
  rowBins: Int32Array;
  woe: Float64Array;
  entry: SelectionEntry;
}

/**
 * Trains a points-based scorecard on a {@link Dataset}: every candidate characteristic is binned,
 * the useful ones selected, a logistic regression fitted on their WoE, and the result scaled to
 * points.
 *
 * 1. **Binning** of every candidate column ({@link fitNumericBinning} for numeric and date columns,
 *    {@link fitCategoricalBinning} for categorical ones; options from `binning`, overridden per
 *    column by `binningByFeature`). Candidates come from `featureSpecsFromDataset` (protected
 *    attributes refused unless `allowProtected`).
 * 2. **Selection**, each drop logged with its reason in `artifact.training.selection`: IV below
 *    `minIv`; then, in decreasing IV order, a characteristic whose WoE column correlates above
 *    `maxCorrelation` (|weighted Pearson r|) with an already kept one; then, while some VIF exceeds
 *    `maxVif`, the highest-VIF one; then `maxCharacteristics` (highest IV kept); then optional
 *    forward stepwise by AIC or BIC.
 * 3. **Fit**: L2 logistic regression of the bad flag on the WoE columns (`fitLogisticRegression`,
 *    weights from the dataset). WoE is ln(goods share / bads share), so every coefficient must be
 *    negative; while one is not (its sign contradicts its WoE), the characteristic with the largest
 *    coefficient is dropped (`sign_flip`) and the model refitted. A characteristic dropped by the
 *    VIF filter or the sign check leaves the pool for good, and the correlation filter is rerun
 *    without it: characteristics it had shadowed (`correlated`) get their chance again.
 * 4. **Points** (DESIGN.md §4, `factor = pdo / ln 2`, `offset = baseScore − factor · ln(baseOdds)`,
 *    n characteristics): bin points = `−(β · WoE + α / n) · factor + offset / n`, so the points
 *    sum to `offset − factor · logOdds(bad)`. Points are rounded to `pointsDecimals` after a
 *    per-characteristic shift below half a unit that minimises the training population's squared
 *    score rounding error (order within a characteristic is kept); the training mean / max rounding
 *    error is recorded in `training.rounding`.
 * 5. **Reason baselines**: each characteristic's population average points and, with
 *    `reasonCutoff`, the average points of training applicants scoring within `window` points of the
 *    cut-off.
 *
 * The artifact has no timestamp and the fit draws no random numbers: the same data and options
 * give byte-identical JSON. O(candidates · n log n + n · characteristics² · Newton iterations).
 *
 * @param dataset - training table with a target (1 = bad) and optional weights
 * @param options - see {@link TrainScorecardOptions}
 * @returns a validated scorecard artifact (load it with `loadModel`)
 * @throws {@link InvalidOptionsError} for out-of-range options, unknown columns, protected columns without `allowProtected`
 * @throws {@link InsufficientDataError} when the dataset has no target, one class only, or no characteristic survives selection
 * @throws {@link ConvergenceError} when the logistic fit does not converge
 * @category Training
 * @example
 * const { dataset } = await readTable('german-credit/train.csv', { target: 'creditability', bad: 'bad' });
 * const artifact = trainScorecard(dataset, { id: 'german-scorecard' });
 * artifact.model.characteristics.length; //=> 13
 * loadModel(artifact).score({ duration_in_month: 48 }).reasonCodes.length; //=> 4
 */
export function trainScorecard(dataset: Dataset, options: TrainScorecardOptions = {}): ScorecardArtifact {
  const o = parseTrainScorecardOptions(options);
  const target = dataset.target;
  if (target === undefined) {
    throw new InsufficientDataError(`${WHERE}: the dataset has no target`, [{ code: 'missing_target', path: ['target'], message: 'training needs a target (1 = bad)' }]);
  }
  if (target.length !== dataset.rows) {
    throw new InvalidInputError(`${WHERE}: target has ${target.length} values for ${dataset.rows} rows`, [{ code: 'length_mismatch', path: ['target'], message: 'one value per row' }]);
  }
  const weights = dataset.weights;
  // before the class totals: a NaN weight would otherwise surface as "needs both classes"
  checkTargetAndWeights(WHERE, dataset.rows, target, weights);
  let goods = 0;
  let bads = 0;
  for (let i = 0; i < dataset.rows; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (target[i] === 1) bads += w;
    else goods += w;
  }
  if (!(goods > 0 && bads > 0)) {
    throw new InsufficientDataError(`${WHERE}: the target needs both goods and bads (goods ${goods}, bads ${bads})`, [{ code: 'one_class', path: ['target'], message: 'needs both classes' }]);
  }
  const unknownOverrides = Object.keys(o.binningByFeature).filter((name) => !dataset.columns.some((c) => c.name === name));
  if (unknownOverrides.length > 0) {
    throw new InvalidOptionsError(`${WHERE}: binningByFeature names unknown columns (${unknownOverrides.join(', ')})`,
      unknownOverrides.map((name) => ({ code: 'unknown_column', path: ['binningByFeature', name], message: 'no such column in the dataset' })));
  }

  // 1. Binning of every candidate.
  const specs = featureSpecsFromDataset(dataset, { include: o.include, exclude: o.exclude, allowProtected: o.allowProtected });
  const columns = new Map(dataset.columns.map((c) => [c.name, c]));
  const candidates: Candidate[] = specs.map((spec) => binCandidate(spec, columns.get(spec.name) as Column, target, o, weights));

  // 2–3. Selection and fit. The correlation filter only shadows a characteristic in favour of a
  // stronger one; when that stronger one is later dropped (VIF or sign check), the filter is rerun
  // without it so that the characteristics it shadowed get their chance again.
  const log = candidates.map((c) => c.entry);
  const pool = candidates.filter((c) => {
    if (c.entry.iv >= o.minIv) return true;
    drop(c, 'iv_below_minimum', `IV ${c.entry.iv.toFixed(4)} < ${o.minIv}`);
    return false;
  });
  if (pool.length === 0) {
    throw new InsufficientDataError(`${WHERE}: no characteristic has IV >= ${o.minIv} (highest ${Math.max(...log.map((e) => e.iv)).toFixed(4)})`, [
      { code: 'no_characteristic', path: ['minIv'], message: 'no characteristic survives selection' },
    ]);
  }
  // ties by name in code-unit order, not localeCompare: the artifact must not depend on the locale
  pool.sort((a, b) => b.entry.iv - a.entry.iv || (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  const r = correlationMatrix(pool.map((c) => c.woe), weights);
  const P = pool.length;
  /** Pool positions removed for good (VIF or sign check), with the drop already logged. */
  const removed = new Uint8Array(P);
  let kept: Candidate[];
  let fit: ReturnType<typeof fitOnWoe>;
  for (;;) {
    // Correlation filter in decreasing IV order over what is left of the pool.
    const survivors: number[] = [];
    for (let a = 0; a < P; a++) {
      if (removed[a] === 1) continue;
      const clash = survivors.find((b) => Math.abs(r[a * P + b]) > o.maxCorrelation);
      if (clash === undefined) survivors.push(a);
      else drop(pool[a], 'correlated', `|r| = ${Math.abs(r[a * P + clash]).toFixed(3)} > ${o.maxCorrelation} with ${pool[clash].spec.name} (higher IV)`);
    }
    // VIF: drop the highest one (ties: the lower IV) and rerun the filter. With two left, VIF =
    // 1 / (1 - r²) for both, so the lower-IV one goes.
    if (survivors.length >= 2) {
      const q = survivors.length;
      const sub = new Float64Array(q * q);
      for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) sub[i * q + j] = r[survivors[i] * P + survivors[j]];
      const vif = varianceInflationFactors(sub, q);
      let worst = 0;
      for (let j = 1; j < q; j++) {
        // equal up to rounding (two survivors always tie: 1 / (1 - r²) each) → the lower IV goes
        const tie = vif[j] === vif[worst] || Math.abs(vif[j] - vif[worst]) <= 1e-9 * vif[worst];
        if ((!tie && vif[j] > vif[worst]) || (tie && pool[survivors[j]].entry.iv < pool[survivors[worst]].entry.iv)) worst = j;
      }
      if (vif[worst] > o.maxVif) {
        drop(pool[survivors[worst]], 'vif', `VIF ${Number.isFinite(vif[worst]) ? vif[worst].toFixed(2) : 'Infinity'} > ${o.maxVif}`);
        removed[survivors[worst]] = 1;
        continue;
      }
    }
    kept = survivors.map((a) => pool[a]);
    if (o.maxCharacteristics !== undefined && kept.length > o.maxCharacteristics) {
      for (const c of kept.slice(o.maxCharacteristics)) drop(c, 'max_characteristics', `beyond the ${o.maxCharacteristics} highest-IV characteristics`);
      kept = kept.slice(0, o.maxCharacteristics);
    }
    if (o.stepwise !== 'none') {
      kept = forwardStepwise(kept, target, weights, o);
      if (kept.length === 0) {
        throw new InsufficientDataError(`${WHERE}: forward stepwise (${o.stepwise.toUpperCase()}) added no characteristic: none improves on the intercept-only model`, [
          { code: 'no_characteristic', path: ['stepwise'], message: 'no characteristic survives selection' },
        ]);
      }
    }
    // Fit, with the sign check: the characteristic with the largest wrong-signed coefficient goes.
    fit = fitOnWoe(kept, target, weights, o.l2, o.missingBins === 'fitted');
    let worst = -1;
    for (let j = 0; j < kept.length; j++) if (fit.coefficients[j] >= 0 && (worst < 0 || fit.coefficients[j] > fit.coefficients[worst])) worst = j;
    if (worst < 0) break;
    const last = removed.reduce((sum, v) => sum + v, 0) === P - 1;
    if (last) {
      throw new InsufficientDataError(`${WHERE}: the only characteristic left (${kept[worst].spec.name}) has a coefficient of the wrong sign`, [
        { code: 'no_characteristic', path: [], message: 'no characteristic survives the sign check' },
      ]);
    }
    drop(kept[worst], 'sign_flip', `coefficient ${fit.coefficients[worst].toPrecision(4)} >= 0 contradicts its WoE (higher WoE must mean lower risk)`);
    removed[pool.indexOf(kept[worst])] = 1;
  }
  kept.forEach((c, j) => {
    c.entry.status = 'selected';
    delete c.entry.reason;
    delete c.entry.detail;
    c.entry.coefficient = fit.coefficients[j];
  });
  /** The missing term of each characteristic the fit gave one (capped), else undefined. */
  const missingEffectOf = new Map(kept.map((c, j) => [c, fit.missingGroup[j] < 0 ? undefined : capMissingEffect(c, fit.coefficients[j], fit.missingEffects[j])]));
  const missingGroupOf = new Map(kept.map((c, j) => [c, fit.missingGroup[j]]));

  // 4. Points. Characteristics keep the dataset's column order.
  kept.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
  const coefficientOf = new Map(kept.map((c) => [c, c.entry.coefficient as number]));
  const { factor, offset } = scalingConstants(o.scaling);
  // Every computation below depends on a row only through its bins: work on the patterns.
  const patterns = patternsOf(kept, target, weights);
  const m = patterns.goods.length;
  const patternWeight = Float64Array.from(patterns.goods, (g, q) => g + patterns.bads[q]);
  const points = scorecardPoints(
    kept.map((c, j) => ({ logOdds: binLogOdds({ coefficient: coefficientOf.get(c) as number, missingEffect: missingEffectOf.get(c), binning: c.binning }), rowBins: patterns.bins[j] })),
    fit.intercept,
    factor,
    offset,
    o.pointsDecimals,
    patternWeight,
  );

  // 5. Reason baselines.
  const n = dataset.rows;
  const scores = new Float64Array(m);
  kept.forEach((_, j) => {
    const pts = points.rounded[j];
    const bins = patterns.bins[j];
    for (let q = 0; q < m; q++) scores[q] += pts[bins[q]];
  });
  const average = (j: number, isIn: (q: number) => boolean): { mean: number; weight: number } => {
    let s = 0;
    let sw = 0;
    const pts = points.rounded[j];
    const bins = patterns.bins[j];
    for (let q = 0; q < m; q++) {
      if (!isIn(q)) continue;
      s += patternWeight[q] * pts[bins[q]];
      sw += patternWeight[q];
    }
    return { mean: sw > 0 ? s / sw : 0, weight: sw };
  };
  let cutoff: ScorecardArtifact['model']['cutoff'];
  if (o.reasonCutoff !== undefined) {
    const { score, window } = o.reasonCutoff;
    const near = (q: number): boolean => Math.abs(scores[q] - score) <= window;
    const weight = average(0, near).weight;
    if (!(weight > 0)) {
      throw new InvalidOptionsError(`${WHERE}: no training applicant scores within ${window} points of the cut-off ${score}`, [
        { code: 'empty_cutoff_window', path: ['reasonCutoff'], message: 'no training applicant in the window' },
      ]);
    }
    cutoff = { score, window, count: weight };
  }
  const characteristics: ScorecardCharacteristic[] = kept.map((c, j) => {
    const missingEffect = missingEffectOf.get(c);
    const out: ScorecardCharacteristic = {
      coefficient: coefficientOf.get(c) as number,
      ...(missingEffect === undefined ? {} : { missingEffect, missingGroup: (missingGroupOf.get(c) as number) + 1 }),
      binning: c.binning,
      points: points.rounded[j],
      averagePoints: average(j, () => true).mean,
    };
    if (cutoff !== undefined) {
      const { score, window } = cutoff;
      out.cutoffPoints = average(j, (q) => Math.abs(scores[q] - score) <= window).mean;
    }
    return out;
  });

  const features = kept.map((c) => (c.binning.type === 'categorical' ? { ...c.spec, categories: [...c.binning.categories] } : { ...c.spec }));
  const artifact = {
    format: 'credit-scoring/model' as const,
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    id: o.id,
    ...(o.description === undefined ? {} : { description: o.description }),
    kind: 'scorecard' as const,
    features,
    scaling: o.scaling,
    ...(o.target === undefined ? {} : { target: o.target }),
    ...(o.inquiryReasonCode === undefined ? {} : { inquiryReasonCode: o.inquiryReasonCode }),
    training: {
      trainer: WHERE,
      seed: o.seed,
      rows: n,
      goods,
      bads,
      badRate: bads / (goods + bads),
      woe: 'ln(goods share / bads share), smoothed: each class share + smoothing / rows (higher = safer)',
      options: jsonOptions(o),
      fit: { intercept: fit.intercept, iterations: fit.iterations, objective: fit.objective, l2: o.l2, patterns: fit.patterns.goods.length },
      rounding: {
        decimals: o.pointsDecimals,
        meanAbsError: points.meanAbsError,
        maxAbsError: points.maxAbsError,
        rmsError: points.rmsError,
        plainRounding: points.plain,
        worstCaseAbsError: points.worstCaseAbsError,
      },
      selection: log.map((e) => ({ ...e })),
    },
    model: {
      intercept: fit.intercept,
      pointsDecimals: o.pointsDecimals,
      reasonBaseline: o.reasonBaseline,
      ...(cutoff === undefined ? {} : { cutoff }),
      characteristics,
    },
  };
  return ScorecardArtifactSchema.parse(JSON.parse(JSON.stringify(artifact)));
}

/**
 * A fitted missing term may not make the missing bin score better than both the characteristic's
 * best observed bin and the missing bin's own WoE: withholding data must not beat the best record
 * (a no-hit applicant out-scoring one with no public record, no bills out-scoring bills all paid on
 * time), and an applicant in the best observed bin must not be given that characteristic as a
 * reason. When the missing bin's own WoE already puts it first ("never delinquent" coded as
 * missing), it keeps that place and no more. The term is raised to that bound, the fitted value kept
 * in the selection log (`fittedMissingEffect`); the other coefficients are not refitted (the cap moves
 * one bin's log-odds by the amount it over-reached, typically a few hundredths).
 */
function capMissingEffect(c: Candidate, coefficient: number, effect: number): number {
  const { bins, missingBin } = c.binning;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < bins.length; k++) if (k !== missingBin && bins[k].count > 0) best = Math.min(best, coefficient * bins[k].woe);
  const own = coefficient * bins[missingBin].woe;
  const bound = Math.min(best, own);
  if (own + effect >= bound) return effect;
  c.entry.fittedMissingEffect = effect;
  return bound - own;
}

function drop(c: Candidate, reason: string, detail: string): void {
  c.entry.status = 'dropped';
  c.entry.reason = reason;
  c.entry.detail = detail;
}

function binCandidate(spec: FeatureSpec, column: Column, target: Uint8Array, o: ParsedTrainScorecardOptions, weights: Float64Array | undefined): Candidate {
  const own = o.binningByFeature[spec.name] ?? {};
  const merged = { ...o.binning, ...own };
  let binning: Binning;
  if (column.type === 'categorical') {
    const { trend: _trend, specialValues: _special, ...categorical } = merged;
    binning = fitCategoricalBinning(column.codes, column.categories, target, { ...categorical, weights });
  } else {
    const { rareCategoryShare: _rare, ...numeric } = merged;
    if (o.trendSource === 'riskDirection' && own.trend === undefined && spec.riskDirection !== 'none') {
      numeric.trend = spec.riskDirection === 'increasing' ? 'ascending' : 'descending';
    }
    binning = fitNumericBinning(column.values, target, { ...numeric, weights });
  }
  const rowBins = applyBinning(binning, column);
  const woeOfBin = Float64Array.from(binning.bins, (b) => b.woe);
  const woe = new Float64Array(rowBins.length);
  for (let i = 0; i < woe.length; i++) woe[i] = woeOfBin[rowBins[i]];
  const intervals = binning.type === 'numeric' ? binning.cutpoints.length + 1 : binning.bins.filter((b) => b.kind === 'categories').length;
  return { spec, binning, rowBins, woe, entry: { feature: spec.name, type: spec.type, iv: binning.iv, bins: intervals, status: 'dropped' } };
}

/**
 * The training rows grouped by their combination of bins over the given characteristics. A WoE
 * model only sees that combination, so fitting on one weighted row per (combination, class) gives
 * exactly the same objective as fitting on every row, and is much faster (105,000 rows of 9
 * characteristics fold into a few thousand patterns).
 */
interface Patterns {
  /** bins[j][q]: bin of characteristic j in pattern q. */
  bins: Int32Array[];
  goods: Float64Array;
  bads: Float64Array;
  /** Pattern of every training row. */
  rowPattern: Int32Array;
}

function patternsOf(kept: readonly Candidate[], target: Uint8Array, weights: Float64Array | undefined): Patterns {
  const n = target.length;
  const p = kept.length;
  const rowPattern = new Int32Array(n);
  const index = new Map<number | string, number>();
  let radix = 1;
  for (const c of kept) radix *= c.binning.bins.length;
  const isNumericKey = radix < Number.MAX_SAFE_INTEGER;
  const firstRow: number[] = [];
  for (let i = 0; i < n; i++) {
    let key: number | string;
    if (isNumericKey) {
      let k = 0;
      for (let j = 0; j < p; j++) k = k * kept[j].binning.bins.length + kept[j].rowBins[i];
      key = k;
    } else {
      key = kept.map((c) => c.rowBins[i]).join(',');
    }
    let q = index.get(key);
    if (q === undefined) {
      q = firstRow.length;
      index.set(key, q);
      firstRow.push(i);
    }
    rowPattern[i] = q;
  }
  const m = firstRow.length;
  const goods = new Float64Array(m);
  const bads = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (target[i] === 1) bads[rowPattern[i]] += w;
    else goods[rowPattern[i]] += w;
  }
  const bins = kept.map((c) => Int32Array.from(firstRow, (i) => c.rowBins[i]));
  return { bins, goods, bads, rowPattern };
}

/**
 * One weighted row per (pattern, class) with positive weight: the WoE design, then one column per
 * missing group (the share of the group's characteristics in their missing bin), labels and weights.
 */
function patternDesign(kept: readonly Candidate[], patterns: Patterns, missing: MissingGroups): { X: Float64Array; y: Uint8Array; w: Float64Array; rows: number; columns: number } {
  const k = kept.length;
  const p = k + missing.size.length;
  const m = patterns.goods.length;
  let rows = 0;
  for (let q = 0; q < m; q++) rows += (patterns.goods[q] > 0 ? 1 : 0) + (patterns.bads[q] > 0 ? 1 : 0);
  const X = new Float64Array(rows * p);
  const y = new Uint8Array(rows);
  const w = new Float64Array(rows);
  const woe = kept.map((c) => Float64Array.from(c.binning.bins, (b) => b.woe));
  let r = 0;
  for (let q = 0; q < m; q++) {
    for (const isBad of [false, true]) {
      const weight = isBad ? patterns.bads[q] : patterns.goods[q];
      if (!(weight > 0)) continue;
      for (let j = 0; j < k; j++) {
        const bin = patterns.bins[j][q];
        X[r * p + j] = woe[j][bin];
        const g = missing.group[j];
        if (g >= 0 && bin === kept[j].binning.missingBin) X[r * p + k + g] += 1 / missing.size[g];
      }
      y[r] = isBad ? 1 : 0;
      w[r] = weight;
      r++;
    }
  }
  return { X, y, w, rows, columns: p };
}

/**
 * The bin a characteristic's missing values fall in, when it is a bin of their own with training
 * data and the WoE varies among the other bins with data (the only case `missingBins: 'fitted'`
 * gives it a free log-odds term); else -1. A characteristic with a single non-missing WoE value has a
 * WoE column equal to a constant plus a multiple of its missing indicator: a missing term beside it
 * would make the fit singular and its coefficient meaningless.
 */
function ownMissingBin(c: Candidate): number {
  const { bins, missingBin } = c.binning;
  if (bins[missingBin].kind !== 'missing' || !(bins[missingBin].count > 0)) return -1;
  let woe: number | undefined;
  for (let k = 0; k < bins.length; k++) {
    if (k === missingBin || !(bins[k].count > 0)) continue;
    if (woe === undefined) woe = bins[k].woe;
    else if (bins[k].woe !== woe) return missingBin;
  }
  return -1;
}

/**
 * Characteristics with a missing bin of their own, grouped by the training rows that are missing:
 * characteristics missing on (nearly) the same rows, such as every bureau characteristic of an
 * applicant without a bureau file, form one group and share one free parameter. A characteristic
 * joins the first group whose first member's missing rows overlap its own with a Jaccard index of
 * at least {@link MISSING_GROUP_OVERLAP} (by weight); the group's design column is the share of its
 * members missing on the row, so that each member adds `1 / size` of the group's effect.
 */
interface MissingGroups {
  /** group[j]: group of characteristic j, -1 without a fitted missing term. */
  group: Int32Array;
  /** size[g]: characteristics in group g. */
  size: number[];
}

/** Smallest overlap (Jaccard index of the missing rows, by weight) for two characteristics to share a missing term. */
const MISSING_GROUP_OVERLAP = 0.9;

function missingGroupsOf(kept: readonly Candidate[], patterns: Patterns, fitted: boolean): MissingGroups {
  const group = new Int32Array(kept.length).fill(-1);
  const size: number[] = [];
  if (!fitted) return { group, size };
  const m = patterns.goods.length;
  const weight = Float64Array.from(patterns.goods, (g, q) => g + patterns.bads[q]);
  const leaders: Uint8Array[] = [];
  const leaderWeight: number[] = [];
  kept.forEach((c, j) => {
    if (ownMissingBin(c) < 0) return;
    const bins = patterns.bins[j];
    const mask = new Uint8Array(m);
    let own = 0;
    for (let q = 0; q < m; q++) {
      if (bins[q] !== c.binning.missingBin) continue;
      mask[q] = 1;
      own += weight[q];
    }
    let g = leaders.findIndex((leader, h) => {
      let both = 0;
      for (let q = 0; q < m; q++) if (leader[q] === 1 && mask[q] === 1) both += weight[q];
      return both / (own + leaderWeight[h] - both) >= MISSING_GROUP_OVERLAP;
    });
    if (g < 0) {
      g = leaders.length;
      leaders.push(mask);
      leaderWeight.push(own);
      size.push(0);
    }
    group[j] = g;
    size[g]++;
  });
  return { group, size };
}

/**
 * L2 logistic fit on the WoE columns of `kept`; with `fittedMissing`, one more column per missing
 * group (see {@link missingGroupsOf}): its coefficient is the log-odds the group's missing bins add
 * to `coefficient · woe`, shrunk towards 0 (the univariate WoE) by the same L2, and shared equally by
 * the group's characteristics. `coefficients` are the WoE columns' only; `missingEffects[j]` is 0
 * without a missing term.
 */
function fitOnWoe(kept: readonly Candidate[], target: Uint8Array, weights: Float64Array | undefined, l2: number, fittedMissing: boolean) {
  const patterns = patternsOf(kept, target, weights);
  const missing = missingGroupsOf(kept, patterns, fittedMissing);
  const d = patternDesign(kept, patterns, missing);
  const names = [...kept.map((c) => c.spec.name), ...missing.size.map((_, g) => `missing group ${g + 1}`)];
  const fit = fitLogisticRegression({ names, rows: d.rows, values: d.X }, d.y, { l2, weights: d.w });
  const p = kept.length;
  const missingEffects = Float64Array.from(missing.group, (g) => (g < 0 ? 0 : fit.coefficients[p + g] / missing.size[g]));
  return { ...fit, coefficients: fit.coefficients.subarray(0, p), allCoefficients: fit.coefficients, missingEffects, missingGroup: missing.group, parameters: d.columns, patterns, design: d };
}

/**
 * Forward stepwise by AIC (penalty 2 per parameter) or BIC (ln(total weight) per parameter):
 * starting from the intercept alone, add the candidate (in IV order) that lowers the criterion
 * most, until none does. Not added → dropped with reason `stepwise`.
 */
function forwardStepwise(pool: Candidate[], target: Uint8Array, weights: Float64Array | undefined, o: ParsedTrainScorecardOptions): Candidate[] {
  let totalWeight = 0;
  let badWeight = 0;
  for (let i = 0; i < target.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    totalWeight += w;
    if (target[i] === 1) badWeight += w;
  }
  const penalty = o.stepwise === 'bic' ? Math.log(totalWeight) : 2;
  const rate = badWeight / totalWeight;
  let current = -2 * (badWeight * Math.log(rate) + (totalWeight - badWeight) * Math.log(1 - rate)) + penalty;
  const chosen: Candidate[] = [];
  const remaining = [...pool];
  while (remaining.length > 0) {
    let best = -1;
    let bestCriterion = current;
    remaining.forEach((c, k) => {
      const trial = [...chosen, c];
      const fit = fitOnWoe(trial, target, weights, o.l2, o.missingBins === 'fitted');
      const p = fit.parameters;
      const criterion = 2 * negativeLogLikelihood(fit.design.X, p, fit.design.y, fit.design.w, fit.intercept, fit.allCoefficients) + penalty * (p + 1);
      if (criterion < bestCriterion - 1e-9) {
        bestCriterion = criterion;
        best = k;
      }
    });
    if (best < 0) break;
    chosen.push(remaining[best]);
    remaining.splice(best, 1);
    current = bestCriterion;
  }
  for (const c of remaining) drop(c, 'stepwise', `not added by forward stepwise (${o.stepwise.toUpperCase()})`);
  return chosen;
}

/** The resolved options as plain JSON for the artifact's training record. */
function jsonOptions(o: ParsedTrainScorecardOptions): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}
