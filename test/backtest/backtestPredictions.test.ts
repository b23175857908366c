import { describe, expect, it } from 'vitest';
import { BacktestReportSchema, backtestPredictions } from '../../src/backtest/index.js';
import { stratifiedSplit } from '../../src/data/index.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import {
  approvalTradeoffCurve,
  auc,
  averagePrecision,
  bootstrapConfidenceInterval,
  brierScore,
  calibrationSlopeIntercept,
  calibrationTable,
  characteristicStabilityIndex,
  delongTest,
  hosmerLemeshow,
  jeffreysTest,
  ksStatistic,
  logLoss,
  populationStabilityIndex,
  rocCurve,
  scoreBandTable,
} from '../../src/metrics/index.js';
import { DEFAULT_SCALING, scoreFromProbability } from '../../src/scaling/index.js';
import { datasetToFeatureMatrix } from '../../src/data/index.js';
import { CHALLENGER, CHAMPION, SPECS, syntheticDataset, testScorer } from './_synthetic.js';

const ds = syntheticDataset(4000, 21);
const champion = testScorer('champion@00000001', CHAMPION);
const challenger = testScorer('challenger@00000002', CHALLENGER);
const matrix = datasetToFeatureMatrix(ds, SPECS);
const pdA = champion.predict(matrix);
const pdB = challenger.predict(matrix);
const labels = ds.target as Uint8Array;

describe('backtestPredictions', () => {
  //#region example:backtestPredictions
  it('backtestPredictions(input) computes the headline metrics of a tiny sample', () => {
    const report = backtestPredictions(
      {
        models: [{ id: 'm', predictions: Float64Array.of(0.1, 0.6, 0.35, 0.7, 0.3, 0.4) }],
        labels: Uint8Array.of(0, 1, 0, 1, 1, 0),
      },
      { bootstrap: false },
    );
    expect(report.metrics.auc).toBe(0.7777777777777778);
  });
  //#endregion

  const report = backtestPredictions(
    { models: [{ id: champion.id, kind: 'logistic', featureCount: 3, predictions: pdA }, { id: challenger.id, kind: 'logistic', featureCount: 3, predictions: pdB }], labels },
    { bootstrap: { resamples: 200, seed: 3 } },
  );

  it('backtestPredictions(input) matches direct metric calls to the last digit', () => {
    const ks = ksStatistic(pdA, labels);
    expect(report.metrics).toEqual({
      count: 4000,
      bads: labels.reduce((a, b) => a + b, 0),
      badRate: labels.reduce((a, b) => a + b, 0) / 4000,
      auc: auc(pdA, labels),
      gini: 2 * auc(pdA, labels) - 1,
      ks: ks.ks,
      ksThreshold: ks.threshold,
      ksScore: scoreFromProbability(ks.threshold, DEFAULT_SCALING),
      brier: brierScore(pdA, labels),
      logLoss: logLoss(pdA, labels),
      averagePrecision: averagePrecision(pdA, labels),
    });
    expect(report.metrics.ksScore).toBeCloseTo(scoreFromProbability(ks.threshold, DEFAULT_SCALING), 9);
  });

  it('backtestPredictions(input) reports the seeded bootstrap intervals of the metrics module', () => {
    const a = bootstrapConfidenceInterval(pdA, labels, { metric: 'auc', resamples: 200, seed: 3 });
    const k = bootstrapConfidenceInterval(pdA, labels, { metric: 'ks', resamples: 200, seed: 3 });
    const g = bootstrapConfidenceInterval(pdA, labels, { metric: 'gini', resamples: 200, seed: 3 });
    const ci = report.confidenceIntervals;
    expect(ci).not.toBeNull();
    expect(ci?.auc).toEqual({ lower: a.lower, upper: a.upper });
    expect(ci?.ks).toEqual({ lower: k.lower, upper: k.upper });
    expect(ci?.gini.lower).toBeCloseTo(g.lower, 12);
    expect(ci?.gini.upper).toBeCloseTo(g.upper, 12);
    expect(ci?.resamples).toBe(200);
    expect(ci?.seed).toBe(3);
  });

  it('backtestPredictions(input) carries calibration, HL, slope/intercept and grade tests from the metrics module', () => {
    const table = calibrationTable(pdA, labels, { bands: 10 });
    expect(report.calibration.bins.map((b) => [b.count, b.bads, b.expectedBadRate, b.observedBadRate])).toEqual(
      table.map((b) => [b.count, b.observedBads, b.expectedBadRate, b.observedBadRate]),
    );
    const hl = hosmerLemeshow(pdA, labels, { groups: 10 });
    expect(report.calibration.hosmerLemeshow).toEqual({ statistic: hl.statistic, degreesOfFreedom: hl.degreesOfFreedom, pValue: hl.pValue });
    const slope = calibrationSlopeIntercept(pdA, labels);
    expect([report.calibration.slope, report.calibration.intercept]).toEqual([slope.slope, slope.intercept]);
    const grades = calibrationTable(pdA, labels, { bands: [0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32] });
    const jeffreys = jeffreysTest(grades.map((b) => ({ probabilityOfDefault: b.expectedBadRate, obligors: b.count, defaults: b.observedBads })));
    expect(report.grades.map((g) => [g.count, g.defaults, g.meanPd, g.jeffreysPValue, g.status])).toEqual(
      grades.map((b, k) => [b.count, b.observedBads, b.expectedBadRate, jeffreys[k].pValue, jeffreys[k].trafficLight]),
    );
    expect(report.grades.every((g) => 'ABCDEFGHI'.includes(g.grade))).toBe(true);
  });

  it('backtestPredictions(input) lists score bands safest first, as scoreBandTable does on scores', () => {
    const scores = Float64Array.from(pdA, (p) => scoreFromProbability(p, DEFAULT_SCALING));
    const cuts = report.scoreBands.map((b) => b.lowerScore).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const direct = scoreBandTable(scores, labels, { bands: cuts, scoreDirection: 'higherIsSafer' });
    expect(report.scoreBands.map((b) => [b.count, b.bads, b.cumulativeApprovalRate])).toEqual(direct.map((b) => [b.count, b.bads, b.cumulativeApprovalRate]));
    expect(report.scoreBands[0].upperScore).toBeNull();
    expect(report.scoreBands.at(-1)?.lowerScore).toBeNull();
    // Round cut-offs (multiples of 5 points).
    for (const c of cuts) expect(c % 5).toBe(0);
    expect(report.scoreBands.reduce((a, b) => a + b.count, 0)).toBe(4000);
  });

  it('backtestPredictions(input) carries the approval / bad-rate trade-off curve of approvalTradeoffCurve, ≤ 200 points, agreeing with the band table at its cut-offs', () => {
    const scores = Float64Array.from(pdA, (p) => scoreFromProbability(p, DEFAULT_SCALING));
    const direct = approvalTradeoffCurve(scores, labels, { scoreDirection: 'higherIsSafer' });
    const curve = report.curves.approval ?? [];
    expect(curve.length).toBeLessThanOrEqual(200);
    expect(curve[0]).toEqual({ score: direct.cutoffs[0], approvalRate: direct.approvalRate[0], badRate: direct.badRate[0] });
    expect(curve.at(-1)?.approvalRate).toBe(1);
    expect(curve.at(-1)?.badRate).toBeCloseTo(report.metrics.badRate, 14);
    const at = new Map(Array.from(direct.cutoffs, (c, k) => [c, k]));
    for (const p of curve) {
      const k = at.get(p.score) as number;
      expect([p.approvalRate, p.badRate]).toEqual([Math.min(1, direct.approvalRate[k]), direct.badRate[k]]);
    }
    for (let k = 1; k < curve.length; k++) expect(curve[k].approvalRate).toBeGreaterThan(curve[k - 1].approvalRate);
    // At each band cut-off the curve's point is the band table's cumulative columns.
    for (const band of report.scoreBands.filter((b) => b.lowerScore !== null)) {
      let k = -1;
      for (let j = 0; j < direct.cutoffs.length; j++) if (direct.cutoffs[j] >= (band.lowerScore as number)) k = j;
      expect(direct.approvalRate[k]).toBeCloseTo(band.cumulativeApprovalRate, 12);
      expect(direct.badRate[k]).toBeCloseTo(band.cumulativeBadRate, 12);
    }
  });

  it('backtestPredictions(input) downsamples the ROC to at most 200 points with exact endpoints', () => {
    const full = rocCurve(pdA, labels);
    expect(full.thresholds.length).toBeGreaterThan(200);
    const roc = report.curves.roc;
    expect(roc.length).toBeLessThanOrEqual(200);
    expect(roc[0]).toEqual({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(roc.at(-1)).toEqual({ falsePositiveRate: 1, truePositiveRate: 1 });
    // Every kept point is a point of the exact curve.
    const exact = new Set(Array.from(full.falsePositiveRate, (f, k) => `${f}:${full.truePositiveRate[k]}`));
    for (const p of roc) expect(exact.has(`${p.falsePositiveRate}:${p.truePositiveRate}`)).toBe(true);
    for (let k = 1; k < roc.length; k++) {
      expect(roc[k].falsePositiveRate).toBeGreaterThanOrEqual(roc[k - 1].falsePositiveRate);
      expect(roc[k].truePositiveRate).toBeGreaterThanOrEqual(roc[k - 1].truePositiveRate);
    }
  });

  it('backtestPredictions(input) keeps the KS point exactly on the KS curve', () => {
    const ks = report.curves.ks;
    expect(ks.length).toBeLessThanOrEqual(200);
    const gap = Math.max(...ks.map((p) => p.cumulativeBadShare - p.cumulativeGoodShare));
    expect(gap).toBe(report.metrics.ks);
    for (let k = 1; k < ks.length; k++) expect(ks[k].score).toBeGreaterThan(ks[k - 1].score);
    expect(ks.at(-1)?.cumulativeBadShare).toBe(1);
  });

  it('backtestPredictions(input) histograms every row once, goods and bads apart', () => {
    const d = report.scoreDistribution;
    expect(d.binEdges.length).toBe(d.goods.length + 1);
    expect(d.goods.reduce((a, b) => a + b, 0) + d.bads.reduce((a, b) => a + b, 0)).toBe(4000);
    expect(d.bads.reduce((a, b) => a + b, 0)).toBe(report.metrics.bads);
  });

  it('backtestPredictions(input) compares champion and challenger with DeLong', () => {
    const d = delongTest(pdB, pdA, labels);
    expect(report.comparison?.tests).toEqual([
      { championId: champion.id, challengerId: challenger.id, aucChampion: d.aucB, aucChallenger: d.aucA, aucDifference: d.difference, standardError: d.standardError, z: d.z, pValue: d.pValue },
    ]);
    // The published sign: challenger − champion (positive when the challenger ranks better).
    const t = report.comparison?.tests[0];
    expect(t?.aucChampion).toBeCloseTo(auc(pdA, labels), 14);
    expect(t?.aucChallenger).toBeCloseTo(auc(pdB, labels), 14);
    expect(t?.aucDifference).toBeCloseTo(auc(pdB, labels) - auc(pdA, labels), 14);
    expect(Math.sign(t?.z ?? 0)).toBe(Math.sign(auc(pdB, labels) - auc(pdA, labels)));
    expect(t?.pValue).toBeCloseTo(delongTest(pdA, pdB, labels).pValue, 14);
    expect(report.comparison?.models.map((m) => [m.modelId, m.role, m.metrics.auc])).toEqual([
      [champion.id, 'champion', auc(pdA, labels)],
      [challenger.id, 'challenger', auc(pdB, labels)],
    ]);
    expect(report.models.map((m) => m.role)).toEqual(['champion', 'challenger']);
  });

  it('backtestPredictions(input) validates against the published schema, also after a JSON round trip', () => {
    expect(BacktestReportSchema.parse(report)).toEqual(report);
    expect(BacktestReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.schemaVersion).toBe(1);
  });

  it('backtestPredictions(input) is deterministic: same data and seed, deep-equal report', () => {
    const again = backtestPredictions(
      { models: [{ id: champion.id, kind: 'logistic', featureCount: 3, predictions: pdA }, { id: challenger.id, kind: 'logistic', featureCount: 3, predictions: pdB }], labels },
      { bootstrap: { resamples: 200, seed: 3 } },
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it('backtestPredictions(input) does not mutate its input', () => {
    const pd = Float64Array.from(pdA);
    const y = Uint8Array.from(labels);
    backtestPredictions({ models: [{ id: 'm', predictions: pd }], labels: y }, { bootstrap: false, split: { kind: 'stratified', testFraction: 0.3, seed: 1 } });
    expect(pd).toEqual(pdA);
    expect(y).toEqual(labels);
  });

  it('backtestPredictions(input, { split: stratified }) evaluates exactly the test rows of stratifiedSplit and measures PSI against the train rows', () => {
    const r = backtestPredictions(
      { models: [{ id: 'm', predictions: pdA }], labels, characteristics: ds.columns.slice(0, 3) },
      { bootstrap: false, split: { kind: 'stratified', testFraction: 0.3, seed: 9 } },
    );
    const parts = stratifiedSplit(ds, { testFraction: 0.3, seed: 9 });
    const test = Array.from(parts.test).sort((a, b) => a - b);
    const train = Array.from(parts.train).sort((a, b) => a - b);
    const pick = <T extends Float64Array | Uint8Array>(a: T, idx: number[]): number[] => idx.map((i) => a[i]);
    expect(r.metrics.auc).toBe(auc(pick(pdA, test), pick(labels, test)));
    expect(r.data.split).toEqual({ kind: 'stratified', testFraction: 0.3, seed: 9, trainRows: train.length, testRows: test.length });
    const toScore = (p: number): number => scoreFromProbability(p, DEFAULT_SCALING);
    const psi = populationStabilityIndex(pick(pdA, train).map(toScore), pick(pdA, test).map(toScore), { bins: 10 });
    expect(r.stability?.psi.value).toBeCloseTo(psi.psi, 12);
    expect(r.stability?.reference).toEqual({ source: 'split-train', rows: train.length });
    const util = (ds.columns[0] as { values: Float64Array }).values;
    const csi = characteristicStabilityIndex(pick(util, train), pick(util, test), { bins: 10 });
    expect(r.stability?.csi.find((c) => c.characteristic === 'utilization')?.value).toBeCloseTo(csi.csi, 12);
    expect(r.stability?.csi.map((c) => c.characteristic)).toEqual(['utilization', 'inquiries', 'housing']);
  });

  it('backtestPredictions(input, { split: oot }) evaluates rows dated from the cutoff month on', () => {
    const dates = (ds.columns[3] as { values: Float64Array }).values;
    const r = backtestPredictions({ models: [{ id: 'm', predictions: pdA }], labels, dates, dateColumn: 'opened' }, { bootstrap: false, split: { kind: 'oot', cutoff: '2023-01' } });
    const cutoff = Date.UTC(2023, 0, 1) / 86_400_000;
    const test = Array.from(dates.keys()).filter((i) => dates[i] >= cutoff);
    expect(r.metrics.count).toBe(test.length);
    expect(r.metrics.auc).toBe(auc(test.map((i) => pdA[i]), test.map((i) => labels[i])));
    expect(r.data.dateRange?.from).toBe('2023-01-01');
    expect(r.data.split.kind).toBe('oot');
  });

  it('backtestPredictions(input) uses sample weights in metrics and counts', () => {
    const wds = syntheticDataset(3000, 5, { weights: true });
    const pd = champion.predict(datasetToFeatureMatrix(wds, SPECS));
    const w = wds.weights as Float64Array;
    const y = wds.target as Uint8Array;
    const r = backtestPredictions({ models: [{ id: 'm', predictions: pd }], labels: y, weights: w }, { bootstrap: false });
    expect(r.metrics.auc).toBe(auc(pd, y, w));
    expect(r.metrics.brier).toBe(brierScore(pd, y, w));
    expect(r.data.isWeighted).toBe(true);
    expect(r.data.goods + r.data.bads).toBeCloseTo(w.reduce((a, b) => a + b, 0), 9);
    expect(r.notes.some((n) => n.includes('unweighted'))).toBe(true);
  });

  it('backtestPredictions(input) throws InsufficientDataError when the evaluated rows hold one class', () => {
    expect(() => backtestPredictions({ models: [{ id: 'm', predictions: Float64Array.of(0.1, 0.2, 0.3) }], labels: Uint8Array.of(0, 0, 0) }, { bootstrap: false })).toThrow(InsufficientDataError);
  });

  it('backtestPredictions(input) throws InvalidInputError naming the array whose length differs', () => {
    try {
      backtestPredictions({ models: [{ id: 'm', predictions: Float64Array.of(0.1, 0.2) }], labels: Uint8Array.of(0, 1, 1) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([['models', 0, 'predictions']]);
    }
  });

  it('backtestPredictions(input, options) rejects invalid options with their path', () => {
    try {
      backtestPredictions({ models: [{ id: 'm', predictions: pdA }], labels }, { split: { kind: 'stratified', testFraction: 1.5, seed: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).issues[0].path).toEqual(['split', 'testFraction']);
    }
    expect(() => backtestPredictions({ models: [{ id: 'm', predictions: pdA }], labels }, { split: { kind: 'oot', cutoff: '2023-13' } })).toThrow(InvalidOptionsError);
    expect(() => backtestPredictions({ models: [{ id: 'm', predictions: pdA }], labels }, { split: { kind: 'oot', cutoff: '2023-01' } })).toThrow(/date/);
  });

  it('backtestPredictions(input) rejects duplicate model ids', () => {
    expect(() => backtestPredictions({ models: [{ id: 'm', predictions: pdA }, { id: 'm', predictions: pdB }], labels })).toThrow(InvalidInputError);
  });
});
