/**
 * A hand-made, plausible backtest report for renderer tests (no metrics computed: the renderers
 * must draw whatever a valid report holds).
 */
import type { BacktestReport } from '../../src/backtest/index.js';

/** ROC points of a binormal curve with separation `d` (≤ 200 points, exact endpoints). */
function binormalRoc(d: number, points = 60): { falsePositiveRate: number; truePositiveRate: number }[] {
  const out = [{ falsePositiveRate: 0, truePositiveRate: 0 }];
  for (let k = 1; k < points; k++) {
    const fpr = k / points;
    // TPR = fpr^(1 / (1 + d)) is a simple concave stand-in for a binormal ROC.
    out.push({ falsePositiveRate: fpr, truePositiveRate: Math.min(1, fpr ** (1 / (1 + d))) });
  }
  out.push({ falsePositiveRate: 1, truePositiveRate: 1 });
  return out;
}

/** A trade-off curve through the band cut-offs (strictest first), with points between them. */
function approvalCurve(bands: BacktestReport['scoreBands']): NonNullable<BacktestReport['curves']['approval']> {
  const points: NonNullable<BacktestReport['curves']['approval']> = [];
  let previous = { approvalRate: 0, badRate: bands[0].badRate };
  for (const b of bands) {
    for (let k = 1; k <= 4; k++) {
      const f = k / 4;
      points.push({
        score: (b.lowerScore ?? 500) + (1 - f) * 20,
        approvalRate: previous.approvalRate + f * (b.cumulativeApprovalRate - previous.approvalRate),
        badRate: previous.badRate + f * (b.cumulativeBadRate - previous.badRate),
      });
    }
    previous = { approvalRate: b.cumulativeApprovalRate, badRate: b.cumulativeBadRate };
  }
  return points;
}

export function sampleReport(options: { challengers?: boolean; stability?: boolean } = {}): BacktestReport {
  const edges: number[] = [];
  for (let s = 480; s <= 760; s += 10) edges.push(s);
  const goods = edges.slice(0, -1).map((e) => Math.round(4000 * Math.exp(-(((e - 640) / 45) ** 2))));
  const bads = edges.slice(0, -1).map((e) => Math.round(400 * Math.exp(-(((e - 570) / 45) ** 2))));
  const ks: BacktestReport['curves']['ks'] = [];
  const gTot = goods.reduce((a, b) => a + b, 0);
  const bTot = bads.reduce((a, b) => a + b, 0);
  let cg = 0;
  let cb = 0;
  for (let i = 0; i < goods.length; i++) {
    cg += goods[i];
    cb += bads[i];
    ks.push({ score: edges[i + 1], cumulativeBadShare: cb / bTot, cumulativeGoodShare: cg / gTot });
  }
  const bandEdges = [null, 540, 560, 580, 600, 620, 640, 660, 680, null] as const;
  const bandCounts = [2100, 2600, 4100, 5900, 7200, 7600, 6700, 5200, 6000];
  const bandBadRates = [0.31, 0.22, 0.15, 0.1, 0.066, 0.041, 0.025, 0.015, 0.006];
  const total = bandCounts.reduce((a, b) => a + b, 0);
  const scoreBands: BacktestReport['scoreBands'] = [];
  for (let i = 0; i < bandCounts.length; i++) {
    let approved = 0;
    let approvedBads = 0;
    for (let j = i; j < bandCounts.length; j++) {
      approved += bandCounts[j];
      approvedBads += bandCounts[j] * bandBadRates[j];
    }
    scoreBands.push({
      lowerScore: bandEdges[i],
      upperScore: bandEdges[i + 1],
      count: bandCounts[i],
      share: bandCounts[i] / total,
      bads: Math.round(bandCounts[i] * bandBadRates[i]),
      badRate: bandBadRates[i],
      cumulativeApprovalRate: approved / total,
      cumulativeBadRate: approvedBads / approved,
    });
  }
  const calibrationBins = [0.004, 0.009, 0.015, 0.022, 0.031, 0.043, 0.058, 0.081, 0.12, 0.22].map((e, i) => ({
    lowerPd: i === 0 ? 0.001 : [0.004, 0.009, 0.015, 0.022, 0.031, 0.043, 0.058, 0.081, 0.12][i - 1] + 0.0005,
    upperPd: e + 0.004,
    count: 4750,
    bads: Math.round(4750 * e * (i % 2 === 0 ? 1.08 : 0.95)),
    expectedBadRate: e,
    observedBadRate: Math.round(4750 * e * (i % 2 === 0 ? 1.08 : 0.95)) / 4750,
  }));
  const grades: BacktestReport['grades'] = [
    { grade: 'A', lowerPd: 0, upperPd: 0.005, count: 9000, defaults: 31, meanPd: 0.0031, observedDefaultRate: 31 / 9000, binomialPValue: 0.31, jeffreysPValue: 0.3, status: 'green' },
    { grade: 'B', lowerPd: 0.005, upperPd: 0.02, count: 14000, defaults: 190, meanPd: 0.0118, observedDefaultRate: 190 / 14000, binomialPValue: 0.032, jeffreysPValue: 0.031, status: 'amber' },
    { grade: 'C', lowerPd: 0.02, upperPd: 0.08, count: 17000, defaults: 760, meanPd: 0.041, observedDefaultRate: 760 / 17000, binomialPValue: 0.004, jeffreysPValue: 0.0038, status: 'red' },
    { grade: 'D', lowerPd: 0.08, upperPd: 1, count: 7400, defaults: 1080, meanPd: 0.15, observedDefaultRate: 1080 / 7400, binomialPValue: 0.62, jeffreysPValue: 0.6, status: 'green' },
  ];
  const championRoc = binormalRoc(1.6);
  const metrics = {
    count: total,
    bads: 2061,
    badRate: 2061 / total,
    auc: 0.7812345,
    gini: 0.562469,
    ks: 0.4213,
    ksThreshold: 0.0412,
    ksScore: 578.3,
    brier: 0.03921,
    logLoss: 0.15123,
    averagePrecision: 0.2412,
  };
  const report: BacktestReport = {
    format: 'credit-scoring/backtest-report',
    schemaVersion: 1,
    modelId: 'default@3f2a9c1e',
    models: [{ id: 'default@3f2a9c1e', kind: 'logistic', role: 'champion', featureCount: 14 }],
    data: {
      source: 'fixtures/applicants.jsonl.gz',
      rows: total,
      skippedRows: 3,
      evaluatedRows: total,
      bads: 2061,
      goods: total - 2061,
      badRate: 2061 / total,
      isWeighted: false,
      dateRange: { from: '2021-01-03', to: '2023-12-28' },
      split: { kind: 'none' },
    },
    metrics,
    confidenceIntervals: { method: 'bootstrap', level: 0.95, resamples: 200, seed: 7, auc: { lower: 0.771, upper: 0.7911 }, gini: { lower: 0.542, upper: 0.5822 }, ks: { lower: 0.405, upper: 0.438 } },
    calibration: {
      bins: calibrationBins,
      hosmerLemeshow: { statistic: 12.345, degreesOfFreedom: 8, pValue: 0.1364 },
      slope: 0.973,
      intercept: -0.021,
    },
    grades,
    scoreBands: [...scoreBands].reverse(),
    curves: { roc: championRoc, ks, approval: approvalCurve(scoreBands) },
    scoreDistribution: { binEdges: edges, goods, bads },
    stability: null,
    comparison: null,
    notes: ['3 rows skipped: target missing'],
  };
  if (options.challengers) {
    report.models.push({ id: 'challenger-gbm@9bd01c22', kind: 'gbm', role: 'challenger', featureCount: 22 });
    report.comparison = {
      models: [
        { modelId: report.modelId, role: 'champion', metrics, aucInterval: { lower: 0.771, upper: 0.7911 }, roc: championRoc },
        {
          modelId: 'challenger-gbm@9bd01c22',
          role: 'challenger',
          metrics: { ...metrics, auc: 0.7954, gini: 0.5908, ks: 0.4401, brier: 0.0388, logLoss: 0.1491, averagePrecision: 0.259 },
          aucInterval: { lower: 0.785, upper: 0.8051 },
          roc: binormalRoc(1.85),
        },
      ],
      tests: [
        {
          championId: report.modelId,
          challengerId: 'challenger-gbm@9bd01c22',
          aucChampion: 0.7812345,
          aucChallenger: 0.7954,
          aucDifference: 0.0141655,
          standardError: 0.0042,
          z: 3.3727,
          pValue: 0.000744,
        },
      ],
    };
  }
  if (options.stability) {
    report.stability = {
      reference: { source: 'split-train', rows: 110_000 },
      psi: {
        value: 0.0412,
        level: 'stable',
        bins: [
          { lowerScore: null, upperScore: 560, referenceShare: 0.1, currentShare: 0.11, contribution: 0.00095 },
          { lowerScore: 560, upperScore: null, referenceShare: 0.9, currentShare: 0.89, contribution: 0.00011 },
        ],
      },
      csi: [
        { characteristic: 'revolvingUtilization', value: 0.0213, level: 'stable' },
        { characteristic: 'hardInquiries6m', value: 0.1342, level: 'moderate' },
        { characteristic: 'monthsSinceOldestTradeline', value: 0.2871, level: 'significant' },
        { characteristic: 'debtToIncome', value: 0.0088, level: 'stable' },
      ],
    };
  }
  return report;
}
