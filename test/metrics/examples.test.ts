/**
 * The TSDoc `@example` of every value exported from `./metrics` (STYLE.md B3): each is written below
 * in an `example:<name>` region that runs (and type-checks) as a test, must equal the TSDoc text, and
 * every `//=>` claim in it is evaluated against the real result (4+ decimals = rounded, else exact).
 */
import { describe, expect, it } from 'vitest';
import * as metrics from '../../src/metrics/index.js';
import {
  DEFAULT_TRAFFIC_LIGHT_THRESHOLDS,
  STABILITY_THRESHOLDS,
  approvalTradeoffCurve,
  auc,
  averagePrecision,
  binomialTest,
  bootstrapConfidenceInterval,
  brierScore,
  calibrationSlopeIntercept,
  calibrationTable,
  characteristicStabilityIndex,
  delongTest,
  gini,
  hosmerLemeshow,
  jeffreysTest,
  ksStatistic,
  logLoss,
  populationStabilityIndex,
  rocCurve,
  scoreBandTable,
  stabilityLevel,
  trafficLight,
} from '../../src/metrics/index.js';
import { checkClaims, docExamples, exampleRegions, normalise } from './_examples.js';

describe('metrics examples', () => {
  it('approvalTradeoffCurve example runs', () => {
    //#region example:approvalTradeoffCurve
    const curve = approvalTradeoffCurve([0.1, 0.2, 0.2, 0.6], [0, 0, 1, 1]);
    Array.from(curve.approvalRate); //=> [0.25, 0.75, 1]
    Array.from(curve.badRate); //=> [0, 0.3333, 0.5]
    //#endregion
  });

  it('auc example runs', () => {
    //#region example:auc
    auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.75
    auc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]); //=> 0.875
    auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], [1, 3, 1, 1]); //=> 0.625
    //#endregion
  });

  it('averagePrecision example runs', () => {
    //#region example:averagePrecision
    averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.8333
    //#endregion
  });

  it('binomialTest example runs', () => {
    //#region example:binomialTest
    const [b] = binomialTest([{ grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 }]);
    [b.pValue, b.trafficLight]; //=> [0.0207, 'amber']
    //#endregion
  });

  it('bootstrapConfidenceInterval example runs', () => {
    //#region example:bootstrapConfidenceInterval
    const scores = [0.1, 0.3, 0.2, 0.8, 0.4, 0.7, 0.35, 0.9, 0.05, 0.6];
    const labels = [0, 0, 0, 1, 0, 1, 1, 1, 0, 0];
    const ci = bootstrapConfidenceInterval(scores, labels, { metric: 'auc', resamples: 500, seed: 42 });
    ci.estimate; //=> 0.9167
    ci.lower <= ci.estimate && ci.estimate <= ci.upper; //=> true
    //#endregion
  });

  it('brierScore example runs', () => {
    //#region example:brierScore
    brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); //=> 0.0375
    //#endregion
  });

  it('calibrationSlopeIntercept example runs', () => {
    //#region example:calibrationSlopeIntercept
    const r = calibrationSlopeIntercept([0.1, 0.2, 0.3, 0.4, 0.6, 0.7], [0, 0, 1, 0, 1, 1]);
    [r.slope, r.intercept, r.calibrationInTheLarge]; //=> [2.3463, 1.3914, 0.5916]
    //#endregion
  });

  it('calibrationTable example runs', () => {
    //#region example:calibrationTable
    const table = calibrationTable([0.05, 0.1, 0.2, 0.3], [0, 0, 0, 1], { bands: [0.15] });
    table.map((b) => [b.expectedBadRate, b.observedBadRate]); //=> [[0.075, 0], [0.25, 0.5]]
    //#endregion
  });

  it('characteristicStabilityIndex example runs', () => {
    //#region example:characteristicStabilityIndex
    const reference = ['rent', 'rent', 'own', 'own', 'own', null];
    const current = ['rent', 'rent', 'rent', 'own', 'own', null];
    const r = characteristicStabilityIndex(reference, current);
    r.bins.map((b) => b.label); //=> ['own', 'rent', 'missing']
    r.csi; //=> 0.1352
    //#endregion
  });

  it('delongTest example runs', () => {
    //#region example:delongTest
    const labels = [0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0];
    const champion = [0.1, 0.2, 0.3, 0.45, 0.5, 0.7, 0.8, 0.55, 0.35, 0.15, 0.6, 0.25];
    const challenger = [0.2, 0.5, 0.4, 0.3, 0.6, 0.35, 0.5, 0.7, 0.25, 0.45, 0.3, 0.1];
    const t = delongTest(champion, challenger, labels);
    [t.aucA, t.aucB, t.z, t.pValue]; //=> [0.9143, 0.5429, 2.1961, 0.0281]
    //#endregion
  });

  it('gini example runs', () => {
    //#region example:gini
    gini([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); //=> 0.5
    //#endregion
  });

  it('hosmerLemeshow example runs', () => {
    //#region example:hosmerLemeshow
    const p = [0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.5, 0.5];
    const y = [0, 0, 0, 1, 0, 1, 1, 1];
    const hl = hosmerLemeshow(p, y, { groups: 4 });
    [hl.statistic, hl.degreesOfFreedom, hl.pValue]; //=> [3.7282, 2, 0.1550]
    //#endregion
  });

  it('jeffreysTest example runs', () => {
    //#region example:jeffreysTest
    const [b] = jeffreysTest([{ grade: 'B', probabilityOfDefault: 0.02, obligors: 1000, defaults: 30 }]);
    [b.pValue, b.trafficLight]; //=> [0.0162, 'amber']
    //#endregion
  });

  it('ksStatistic example runs', () => {
    //#region example:ksStatistic
    ksStatistic([0.1, 0.4, 0.35, 0.8, 0.2], [0, 0, 1, 1, 0]);
    //=> { ks: 0.6667, threshold: 0.35, cumulativeBadShare: 1, cumulativeGoodShare: 0.3333 }
    ksStatistic([720, 610, 650, 580], [0, 0, 1, 1], { scoreDirection: 'higherIsSafer' }).threshold; //=> 580
    //#endregion
  });

  it('logLoss example runs', () => {
    //#region example:logLoss
    logLoss([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); //=> 0.1976
    logLoss([0, 1], [1, 1]); //=> 17.2694
    //#endregion
  });

  it('populationStabilityIndex example runs', () => {
    //#region example:populationStabilityIndex
    const reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const current = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    populationStabilityIndex(reference, current, { bins: 5 }).psi; //=> 0.1099
    populationStabilityIndex(reference, current, { bins: 5 }).level; //=> 'moderate'
    //#endregion
  });

  it('rocCurve example runs', () => {
    //#region example:rocCurve
    const roc = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    Array.from(roc.truePositiveRate); //=> [0, 0.5, 0.5, 1, 1]
    Array.from(roc.falsePositiveRate); //=> [0, 0, 0.5, 0.5, 1]
    //#endregion
  });

  it('scoreBandTable example runs', () => {
    //#region example:scoreBandTable
    const table = scoreBandTable([720, 700, 650, 640, 600, 580], [0, 0, 0, 1, 0, 1], { bands: [620, 680], scoreDirection: 'higherIsSafer' });
    table.map((b) => [b.badRate, b.cumulativeApprovalRate, b.cumulativeBadRate]);
    //=> [[0, 0.3333, 0], [0.5, 0.6667, 0.25], [0.5, 1, 0.3333]]
    //#endregion
  });

  it('STABILITY_THRESHOLDS example runs', () => {
    //#region example:STABILITY_THRESHOLDS
    STABILITY_THRESHOLDS.significant; //=> 0.25
    //#endregion
  });

  it('stabilityLevel example runs', () => {
    //#region example:stabilityLevel
    stabilityLevel(0.04); //=> 'stable'
    stabilityLevel(0.1); //=> 'moderate'
    stabilityLevel(0.31); //=> 'significant'
    //#endregion
  });

  it('DEFAULT_TRAFFIC_LIGHT_THRESHOLDS example runs', () => {
    //#region example:DEFAULT_TRAFFIC_LIGHT_THRESHOLDS
    DEFAULT_TRAFFIC_LIGHT_THRESHOLDS.amberBelow; //=> 0.05
    //#endregion
  });

  it('trafficLight example runs', () => {
    //#region example:trafficLight
    trafficLight(0.2); //=> 'green'
    trafficLight(0.03); //=> 'amber'
    trafficLight(0.004); //=> 'red'
    //#endregion
  });

  it('every exported value has an example region equal to its TSDoc @example', () => {
    const regions = exampleRegions(import.meta.filename);
    const mismatched: string[] = [];
    for (const ex of docExamples()) {
      if (ex.kind === 'type') continue;
      if (normalise(ex.code) !== regions.get(ex.name)) mismatched.push(ex.name);
    }
    expect(mismatched).toEqual([]);
    const exported = Object.keys(metrics).sort();
    const documented = docExamples().filter((e) => e.kind !== 'type').map((e) => e.name).sort();
    expect(documented).toEqual(exported);
  });

  it('every //=> claim in the metrics TSDoc holds', () => {
    let claims = 0;
    const problems: string[] = [];
    for (const ex of docExamples()) {
      if (!ex.code.includes('//=>')) continue;
      const r = checkClaims(ex.code, metrics as Record<string, unknown>);
      claims += r.claims;
      problems.push(...r.problems.map((p) => `${ex.name}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(claims).toBeGreaterThan(30);
  });
});
