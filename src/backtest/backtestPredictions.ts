import type { Column } from '../data/Dataset.js';
import { InvalidInputError, type Issue } from '../errors.js';
import { bootstrapConfidenceIntervals } from '../metrics/bootstrapConfidenceInterval.js';
import {
  approvalTradeoffCurve,
  auc,
  averagePrecision,
  brierScore,
  calibrationSlopeIntercept,
  calibrationTable,
  characteristicStabilityIndex,
  delongTest,
  hosmerLemeshow,
  jeffreysTest,
  binomialTest,
  ksStatistic,
  logLoss,
  populationStabilityIndex,
  rocCurve,
  scoreBandTable,
} from '../metrics/index.js';
import { DEFAULT_SCALING, type ScoreScaling, scalingConstants } from '../scaling/index.js';
import { BACKTEST_REPORT_SCHEMA_VERSION, type BacktestMetrics, type BacktestReport } from './BacktestReport.js';
import { type BacktestOptions, type ResolvedBacktestOptions, resolveBacktestOptions } from './BacktestOptions.js';
import { resolveSplit } from './_split.js';
import { downsampleCurve } from './_downsample.js';

/**
 * One model's predictions over the rows of a {@link BacktestPredictionsInput}.
 *
 * @category Backtest
 * @example
 * const m: ModelPredictions = { id: 'default@3f2a9c1e', kind: 'logistic', predictions: Float64Array.of(0.02, 0.3) };
 */
export interface ModelPredictions {
  /** Model id, e.g. `default@3f2a9c1e`. */
  readonly id: string;
  /** Model family. @defaultValue 'unknown' */
  readonly kind?: string;
  /** Number of input features. @defaultValue 0 */
  readonly featureCount?: number;
  /** Score scaling used to express PDs as points (bands, KS chart, histogram). @defaultValue DEFAULT_SCALING */
  readonly scaling?: ScoreScaling;
  /** Probability of default per row, in [0, 1]. */
  readonly predictions: ArrayLike<number>;
}

/**
 * Predictions of one or more models on the same labelled rows, plus what the report describes:
 * weights, dates, the champion's input characteristics (for CSI) and an optional stability
 * reference. This is what {@link backtest} and {@link backtestFile} accumulate (typed arrays, no row
 * objects) before evaluating.
 *
 * @category Backtest
 * @example
 * const input: BacktestPredictionsInput = {
 *   models: [{ id: 'm', predictions: Float64Array.of(0.1, 0.6, 0.2, 0.7) }],
 *   labels: Uint8Array.of(0, 1, 0, 1),
 * };
 */
export interface BacktestPredictionsInput {
  /** Champion first, then challengers; every `predictions` has one value per row. */
  readonly models: readonly ModelPredictions[];
  /** 1 = bad, 0 = good. */
  readonly labels: ArrayLike<number>;
  /** Sample weights (≥ 0). */
  readonly weights?: ArrayLike<number>;
  /** Each row's date as a day number since 1970-01-01 (`NaN` = unknown): date range and out-of-time splits. */
  readonly dates?: ArrayLike<number>;
  /** Name of the date column, for the report. @defaultValue 'date' */
  readonly dateColumn?: string;
  /** The champion's input characteristics per row (numeric `NaN` / categorical `-1` = missing), for CSI. */
  readonly characteristics?: readonly Column[];
  /** Stability reference: the champion's PDs (and characteristics) on a development sample. */
  readonly reference?: { readonly predictions: ArrayLike<number>; readonly weights?: ArrayLike<number>; readonly characteristics?: readonly Column[] };
  /** Where the rows came from. @defaultValue 'in-memory data' */
  readonly source?: string;
  /** Rows dropped before these arrays (unreadable). @defaultValue 0 */
  readonly skippedRows?: number;
  /** Caveats to carry into the report. */
  readonly notes?: readonly string[];
}

const GRADE_NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Largest score magnitude we report; PDs of exactly 0 or 1 map to ±infinity and are clipped here. */
const PD_FLOOR = 1e-12;

/**
 * Evaluates predictions already computed (by this library's scorers or any other system) into a
 * {@link BacktestReport}: headline metrics, bootstrap intervals, calibration, per-grade PD tests,
 * score bands, curves, the score histogram, stability against a reference and champion vs
 * challenger DeLong tests. Every statistic comes from `credit-scoring/metrics`. Synchronous and
 * deterministic (seeded bootstrap). Cost: O(models · n log n + resamples · n).
 *
 * @param input - predictions, labels and context, see {@link BacktestPredictionsInput}
 * @param options - split, bootstrap, bins, see {@link BacktestOptions}
 * @returns the report (validated by {@link BacktestReportSchema})
 * @throws {@link InvalidInputError} when arrays differ in length, a PD is outside [0, 1], a label is not 0/1
 * @throws {@link InsufficientDataError} when the evaluated rows hold only one class
 * @throws {@link InvalidOptionsError} on invalid options (an out-of-time split without dates...)
 * @category Backtest
 * @example
 * const report = backtestPredictions({
 *   models: [{ id: 'm', predictions: Float64Array.of(0.1, 0.6, 0.35, 0.7, 0.3, 0.4) }],
 *   labels: Uint8Array.of(0, 1, 0, 1, 1, 0),
 * }, { bootstrap: false });
 * report.metrics.auc; //=> 0.7777777777777778
 */
export function backtestPredictions(input: BacktestPredictionsInput, options?: BacktestOptions): BacktestReport {
  const where = 'backtestPredictions';
  const opts = resolveBacktestOptions(options, where);
  checkInput(input, where);
  const n = input.labels.length;
  const notes: string[] = [...(input.notes ?? [])];
  const split = resolveSplit(opts.split, n, input.labels, input.dates, input.dateColumn ?? 'date', where);
  notes.push(...split.notes);
  const test = split.test;
  const labels = take(input.labels, test, Uint8Array);
  const weights = input.weights === undefined ? undefined : take(input.weights, test, Float64Array);
  const pds = input.models.map((m) => take(m.predictions, test, Float64Array));
  const champion = input.models[0];
  const championPd = pds[0];
  const scaling = champion.scaling ?? DEFAULT_SCALING;
  const toScore = scoreConverter(scaling);
  const scores = new Float64Array(championPd.length);
  let clipped = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = championPd[i];
    if (!(p > PD_FLOOR && p < 1 - PD_FLOOR)) clipped++;
    scores[i] = toScore(p);
  }
  if (clipped > 0) notes.push(`${clipped} PDs of (almost) exactly 0 or 1 were clipped to [1e-12, 1 − 1e-12] to express them as scores`);

  // Headline metrics and intervals.
  const metrics = pds.map((pd, k) => modelMetrics(pd, labels, weights, input.models[k].scaling ?? DEFAULT_SCALING));
  const resamples = opts.bootstrap === false ? 0 : (opts.bootstrap.resamples ?? defaultResamples(labels.length));
  const bootstrap = opts.bootstrap;
  let intervals: { auc: { lower: number; upper: number }; gini: { lower: number; upper: number } }[] | null = null;
  let confidenceIntervals: BacktestReport['confidenceIntervals'] = null;
  if (bootstrap !== false) {
    const common = { resamples, seed: bootstrap.seed, level: bootstrap.level, weights };
    // the champion's AUC and KS over the same resamples (one draw each), the challengers' AUC with
    // the same seed (so the same resamples): identical to separate calls, at half the champion's cost
    const [championAuc, ks] = bootstrapConfidenceIntervals(championPd, labels, ['auc', 'ks'], common);
    intervals = pds.map((pd, k) => {
      const a = k === 0 ? championAuc : bootstrapConfidenceIntervals(pd, labels, ['auc'], common)[0];
      return { auc: { lower: a.lower, upper: a.upper }, gini: { lower: 2 * a.lower - 1, upper: 2 * a.upper - 1 } };
    });
    confidenceIntervals = { method: 'bootstrap', level: bootstrap.level, resamples, seed: bootstrap.seed, ...intervals[0], ks: { lower: ks.lower, upper: ks.upper } };
  }

  // Calibration.
  const calibration = calibrationSection(championPd, labels, weights, opts, notes);
  const grades = gradeSection(championPd, labels, opts.masterScale, weights !== undefined, notes);

  // Score bands, curves, histogram.
  const scoreBands = scoreBandTable(scores, labels, { weights, bands: opts.scoreBands ?? autoScoreCuts(scores), scoreDirection: 'higherIsSafer' }).map((b) => ({
    lowerScore: b.lower,
    upperScore: b.upper,
    count: b.count,
    share: b.share,
    bads: b.bads,
    badRate: b.badRate,
    cumulativeApprovalRate: b.cumulativeApprovalRate,
    cumulativeBadRate: b.cumulativeBadRate,
  }));
  const rocs = pds.map((pd) => rocCurve(pd, labels, weights));
  const rocPoints = rocs.map((r) => rocPointsOf(r.falsePositiveRate, r.truePositiveRate));
  const ksCurve = ksCurveOf(rocs[0].thresholds, rocs[0].falsePositiveRate, rocs[0].truePositiveRate, toScore);
  const approvalCurve = approvalCurveOf(scores, labels, weights);
  const scoreDistribution = histogram(scores, labels, weights, opts.histogramBins, notes);

  // Stability.
  const stability = stabilitySection(input, split, toScore, scores, weights, test, opts.stabilityBins, notes);

  // Champion vs challengers.
  let comparison: BacktestReport['comparison'] = null;
  if (input.models.length > 1) {
    comparison = {
      models: input.models.map((m, k) => ({
        modelId: m.id,
        role: k === 0 ? ('champion' as const) : ('challenger' as const),
        metrics: metrics[k],
        aucInterval: intervals ? intervals[k].auc : null,
        roc: rocPoints[k],
      })),
      tests: input.models.slice(1).map((m, j) => {
        // Challenger first: delongTest's difference is aucA − aucB, the report's challenger − champion.
        const d = delongTest(pds[j + 1], championPd, labels);
        return {
          championId: champion.id,
          challengerId: m.id,
          aucChampion: d.aucB,
          aucChallenger: d.aucA,
          aucDifference: d.difference,
          standardError: d.standardError,
          z: Number.isFinite(d.z) ? d.z : null,
          pValue: d.pValue,
        };
      }),
    };
    if (weights !== undefined) notes.push('DeLong tests ignore sample weights (the test is defined for unweighted samples)');
  }

  const evaluatedDates = input.dates === undefined ? undefined : take(input.dates, test, Float64Array);
  const totalWeight = weights === undefined ? labels.length : sum(weights);
  const bads = metrics[0].bads;
  return {
    format: 'credit-scoring/backtest-report',
    schemaVersion: BACKTEST_REPORT_SCHEMA_VERSION,
    modelId: champion.id,
    models: input.models.map((m, k) => ({ id: m.id, kind: m.kind ?? 'unknown', role: k === 0 ? 'champion' : 'challenger', featureCount: m.featureCount ?? 0 })),
    data: {
      source: input.source ?? 'in-memory data',
      rows: n,
      skippedRows: input.skippedRows ?? 0,
      evaluatedRows: labels.length,
      bads,
      goods: totalWeight - bads,
      badRate: bads / totalWeight,
      isWeighted: weights !== undefined,
      dateRange: evaluatedDates === undefined ? null : dateRange(evaluatedDates),
      split: split.description,
    },
    metrics: metrics[0],
    confidenceIntervals,
    calibration,
    grades,
    scoreBands,
    curves: { roc: rocPoints[0], ks: ksCurve, approval: approvalCurve },
    scoreDistribution,
    stability,
    comparison,
    notes,
  };
}

function checkInput(input: BacktestPredictionsInput, where: string): void {
  const issues: Issue[] = [];
  if (!input || typeof input !== 'object') throw new InvalidInputError(`${where}: input must be an object`, [{ code: 'invalid_type', path: [], message: 'expected an object' }]);
  if (!Array.isArray(input.models) || input.models.length === 0) issues.push({ code: 'too_small', path: ['models'], message: 'needs at least one model' });
  const n = input.labels?.length;
  if (typeof n !== 'number') issues.push({ code: 'invalid_type', path: ['labels'], message: 'expected an array of 0/1 labels' });
  else {
    (input.models ?? []).forEach((m, k) => {
      if (typeof m?.id !== 'string' || m.id === '') issues.push({ code: 'invalid_type', path: ['models', k, 'id'], message: 'expected a non-empty string' });
      if (m?.predictions?.length !== n) issues.push({ code: 'length_mismatch', path: ['models', k, 'predictions'], message: `must have one value per label (${n})` });
    });
    if (input.weights !== undefined && input.weights.length !== n) issues.push({ code: 'length_mismatch', path: ['weights'], message: `must have one value per label (${n})` });
    if (input.dates !== undefined && input.dates.length !== n) issues.push({ code: 'length_mismatch', path: ['dates'], message: `must have one value per label (${n})` });
    (input.characteristics ?? []).forEach((c, j) => {
      const len = c.type === 'categorical' ? c.codes.length : c.values.length;
      if (len !== n) issues.push({ code: 'length_mismatch', path: ['characteristics', j], message: `must have one value per label (${n})` });
    });
    const ids = new Set<string>();
    (input.models ?? []).forEach((m, k) => {
      if (ids.has(m?.id)) issues.push({ code: 'duplicate_model', path: ['models', k, 'id'], message: 'model ids must be distinct' });
      ids.add(m?.id);
    });
  }
  if (issues.length > 0) throw new InvalidInputError(`${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);
}

/** The metrics object of one model (the `--json` contract). Internal: not re-exported by the index. */
export function modelMetrics(pd: Float64Array, labels: Uint8Array, weights: Float64Array | undefined, scaling: ScoreScaling): BacktestMetrics {
  const a = auc(pd, labels, weights);
  const ks = ksStatistic(pd, labels, weights);
  let bads = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    total += w;
    if (labels[i] === 1) bads += w;
  }
  const toScore = scoreConverter(scaling);
  return {
    count: labels.length,
    bads,
    badRate: bads / total,
    auc: a,
    gini: 2 * a - 1,
    ks: ks.ks,
    ksThreshold: ks.threshold,
    ksScore: ks.threshold > 0 && ks.threshold < 1 ? toScore(ks.threshold) : null,
    brier: brierScore(pd, labels, weights),
    logLoss: logLoss(pd, labels, weights),
    averagePrecision: averagePrecision(pd, labels, weights),
  };
}

function calibrationSection(
  pd: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  opts: ResolvedBacktestOptions,
  notes: string[],
): BacktestReport['calibration'] {
  const bins = calibrationTable(pd, labels, { weights, bands: opts.calibrationBins }).map((b) => ({
    lowerPd: b.minProbability,
    upperPd: b.maxProbability,
    count: b.count,
    bads: b.observedBads,
    expectedBadRate: b.expectedBadRate,
    observedBadRate: b.observedBadRate,
  }));
  let hl: BacktestReport['calibration']['hosmerLemeshow'] = null;
  try {
    const r = hosmerLemeshow(pd, labels, { weights, groups: opts.calibrationBins });
    hl = { statistic: r.statistic, degreesOfFreedom: r.degreesOfFreedom, pValue: r.pValue };
  } catch (error) {
    notes.push(`Hosmer–Lemeshow test not computed: ${messageOf(error)}`);
  }
  let slope: number | null = null;
  let intercept: number | null = null;
  try {
    const r = calibrationSlopeIntercept(pd, labels, { weights });
    slope = r.slope;
    intercept = r.intercept;
  } catch (error) {
    notes.push(`calibration slope and intercept not computed: ${messageOf(error)}`);
  }
  return { bins, hosmerLemeshow: hl, slope, intercept };
}

function gradeSection(pd: Float64Array, labels: Uint8Array, masterScale: readonly number[], isWeighted: boolean, notes: string[]): BacktestReport['grades'] {
  // Supervisory PD tests count obligors: unweighted by design.
  const table = calibrationTable(pd, labels, { bands: masterScale });
  if (isWeighted) notes.push('per-grade PD tests count obligors (unweighted), as the binomial and Jeffreys tests require');
  const inputs = table.map((b) => ({
    grade: GRADE_NAMES[b.band] ?? `G${b.band + 1}`,
    probabilityOfDefault: b.expectedBadRate,
    obligors: b.count,
    defaults: Math.round(b.observedBads),
  }));
  const binomial = binomialTest(inputs);
  const jeffreys = jeffreysTest(inputs);
  return table.map((b, k) => ({
    grade: String(inputs[k].grade),
    lowerPd: b.band === 0 ? 0 : masterScale[b.band - 1],
    upperPd: b.band >= masterScale.length ? 1 : masterScale[b.band],
    count: b.count,
    defaults: inputs[k].defaults,
    meanPd: b.expectedBadRate,
    observedDefaultRate: b.observedBadRate,
    binomialPValue: binomial[k].pValue,
    jeffreysPValue: jeffreys[k].pValue,
    status: jeffreys[k].trafficLight,
  }));
}

function stabilitySection(
  input: BacktestPredictionsInput,
  split: ReturnType<typeof resolveSplit>,
  toScore: (pd: number) => number,
  scores: Float64Array,
  weights: Float64Array | undefined,
  test: Int32Array | null,
  bins: number,
  notes: string[],
): BacktestReport['stability'] {
  let referenceScores: Float64Array;
  let referenceWeights: Float64Array | undefined;
  let referenceCharacteristics: readonly Column[] | undefined;
  let source: 'split-train' | 'reference-data';
  const currentCharacteristics: readonly Column[] | undefined = input.characteristics?.map((c) => takeColumn(c, test));
  if (input.reference) {
    const champion = input.reference.predictions;
    referenceScores = new Float64Array(champion.length);
    for (let i = 0; i < champion.length; i++) referenceScores[i] = toScore(champion[i]);
    referenceWeights = input.reference.weights === undefined ? undefined : Float64Array.from(input.reference.weights);
    referenceCharacteristics = input.reference.characteristics;
    source = 'reference-data';
  } else if (split.train !== null) {
    const pd = take(input.models[0].predictions, split.train, Float64Array);
    referenceScores = pd.map(toScore);
    referenceWeights = input.weights === undefined ? undefined : take(input.weights, split.train, Float64Array);
    referenceCharacteristics = input.characteristics?.map((c) => takeColumn(c, split.train));
    source = 'split-train';
  } else {
    return null;
  }
  if (referenceScores.length === 0) {
    notes.push('stability not measured: the reference sample is empty');
    return null;
  }
  const psi = populationStabilityIndex(referenceScores, scores, { bins, referenceWeights, currentWeights: weights });
  if (psi.isSmoothed) notes.push('PSI: a score bin was empty in one sample; every bin count got a pseudo-count of 0.5');
  const csi: NonNullable<BacktestReport['stability']>['csi'] = [];
  if (referenceCharacteristics && currentCharacteristics) {
    const byName = new Map(referenceCharacteristics.map((c) => [c.name, c]));
    for (const current of currentCharacteristics) {
      const reference = byName.get(current.name);
      if (!reference) continue;
      const r = characteristicStabilityIndex(reference, current, { bins, referenceWeights, currentWeights: weights });
      csi.push({ characteristic: current.name, value: r.csi, level: r.level });
    }
  }
  return {
    reference: { source, rows: referenceScores.length },
    psi: {
      value: psi.psi,
      level: psi.level,
      bins: psi.bins.map((b) => ({ lowerScore: b.lower, upperScore: b.upper, referenceShare: b.referenceShare, currentShare: b.currentShare, contribution: b.contribution })),
    },
    csi,
  };
}

/** PD → score under a scaling, PDs clipped away from 0 and 1. */
function scoreConverter(scaling: ScoreScaling): (pd: number) => number {
  const { factor, offset } = scalingConstants(scaling);
  return (pd) => {
    const p = Math.min(1 - PD_FLOOR, Math.max(PD_FLOOR, pd));
    return offset - factor * Math.log(p / (1 - p));
  };
}

function rocPointsOf(fpr: Float64Array, tpr: Float64Array): { falsePositiveRate: number; truePositiveRate: number }[] {
  const keep = downsampleCurve(fpr, tpr, 200, -1);
  return keep.map((k) => ({ falsePositiveRate: fpr[k], truePositiveRate: tpr[k] }));
}

/**
 * KS curve by score: ROC point k (k ≥ 1) is the share of bads / goods with PD ≥ threshold k, i.e.
 * scoring at or below that threshold's score. Keeps the KS point exactly.
 */
function ksCurveOf(thresholds: Float64Array, fpr: Float64Array, tpr: Float64Array, toScore: (pd: number) => number): BacktestReport['curves']['ks'] {
  const m = thresholds.length - 1;
  const x = fpr.subarray(1);
  const y = tpr.subarray(1);
  let best = 0;
  for (let k = 1; k < m; k++) if (y[k] - x[k] > y[best] - x[best]) best = k;
  const keep = downsampleCurve(x, y, 200, best);
  return keep.map((k) => ({ score: toScore(thresholds[k + 1]), cumulativeBadShare: y[k], cumulativeGoodShare: x[k] }));
}

/** The champion's approval-rate / bad-rate trade-off by score cut-off, downsampled to ≤ 200 points (both ends kept). */
function approvalCurveOf(scores: Float64Array, labels: Uint8Array, weights: Float64Array | undefined): NonNullable<BacktestReport['curves']['approval']> {
  const curve = approvalTradeoffCurve(scores, labels, { weights, scoreDirection: 'higherIsSafer' });
  const keep = downsampleCurve(curve.approvalRate, curve.badRate, 200, -1);
  return keep.map((k) => ({ score: curve.cutoffs[k], approvalRate: Math.min(1, curve.approvalRate[k]), badRate: curve.badRate[k] }));
}

/** Round interior score cut points: a 10/20/25/50... step giving about 8 bands over the 2nd–98th percentile. */
function autoScoreCuts(scores: Float64Array): number[] | number {
  const sorted = Float64Array.from(scores).sort();
  const lo = quantile(sorted, 0.02);
  const hi = quantile(sorted, 0.98);
  if (!(hi > lo)) return 2;
  const step = niceStep((hi - lo) / 8);
  const cuts: number[] = [];
  for (let c = Math.ceil(lo / step) * step; c < hi; c += step) cuts.push(Number(c.toPrecision(12)));
  return cuts.length === 0 ? 2 : cuts;
}

/**
 * Histogram of scores on round bins. The range is the full min–max unless a few outliers stretch it
 * beyond three times the 0.5–99.5 percentile range; then those outliers are counted in the end bins
 * (with a note).
 */
function histogram(scores: Float64Array, labels: Uint8Array, weights: Float64Array | undefined, targetBins: number, notes: string[]): BacktestReport['scoreDistribution'] {
  const sorted = Float64Array.from(scores).sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  let lo = min;
  let hi = max;
  const qlo = quantile(sorted, 0.005);
  const qhi = quantile(sorted, 0.995);
  if (max - min > 3 * (qhi - qlo) && qhi > qlo) {
    lo = qlo;
    hi = qhi;
  }
  if (!(hi > lo)) {
    lo -= 5;
    hi += 5;
  }
  const step = niceStep((hi - lo) / targetBins);
  const start = Math.floor(lo / step) * step;
  const bins = Math.floor((hi - start) / step) + 1;
  const binEdges: number[] = [];
  for (let k = 0; k <= bins; k++) binEdges.push(Number((start + k * step).toPrecision(12)));
  if (lo > min || hi < max) {
    notes.push(`score histogram: scores below ${Math.round(binEdges[0])} or above ${Math.round(binEdges[bins])} (outliers) are counted in the end bins`);
  }
  const goods = new Array<number>(bins).fill(0);
  const bads = new Array<number>(bins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((scores[i] - start) / step)));
    const w = weights === undefined ? 1 : weights[i];
    if (labels[i] === 1) bads[k] += w;
    else goods[k] += w;
  }
  return { binEdges, goods, bads };
}

/** A 1, 2, 2.5 or 5 × 10^k step at or above `raw`. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const r = raw / magnitude;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * magnitude;
}

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function dateRange(dates: Float64Array): { from: string; to: string } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const d of dates) {
    if (Number.isNaN(d)) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (!Number.isFinite(min)) return null;
  const iso = (d: number): string => new Date(Math.round(d) * 86_400_000).toISOString().slice(0, 10);
  return { from: iso(min), to: iso(max) };
}

/** Bootstrap resamples by default: 1000 up to 50,000 rows, then fewer (5·10⁷ / rows, at least 200) to bound the work. */
function defaultResamples(rows: number): number {
  return Math.min(1000, Math.max(200, Math.round(5e7 / Math.max(1, rows))));
}

type TypedArrayConstructor<T> = { new (n: number): T; from(a: ArrayLike<number>): T };

function take<T extends Float64Array | Uint8Array>(values: ArrayLike<number>, idx: Int32Array | null, Ctor: TypedArrayConstructor<T>): T {
  if (idx === null) return values instanceof Ctor ? values : Ctor.from(values);
  const out = new Ctor(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

function takeColumn(c: Column, idx: Int32Array | null): Column {
  if (idx === null) return c;
  if (c.type === 'categorical') {
    const codes = new Int32Array(idx.length);
    for (let i = 0; i < idx.length; i++) codes[i] = c.codes[idx[i]];
    return { name: c.name, type: 'categorical', codes, categories: c.categories };
  }
  return { name: c.name, type: c.type, values: take(c.values, idx, Float64Array) };
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
