/**
 * Private: wording and table rows shared by the Markdown and HTML renderers, so both say the same
 * thing with the same numbers.
 */
import { InvalidInputError, fromZodError } from '../errors.js';
import { type BacktestReport, BacktestReportSchema } from './BacktestReport.js';
import { bandLabel } from './_charts.js';
import { formatInteger, formatMetric, formatNumber, formatPValue, formatPercent, formatScore } from './_format.js';

/** Validates a report before rendering (a report may come from a file). */
export function checkReport(report: unknown, where: string): BacktestReport {
  const parsed = BacktestReportSchema.safeParse(report);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: report`, InvalidInputError);
  return parsed.data;
}

/** A table: header cells, rows of cells, and which columns are numeric (right-aligned). */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly numeric: readonly boolean[];
}

/** Headline metrics with their bootstrap intervals. */
export function headlineTable(report: BacktestReport): TextTable {
  const m = report.metrics;
  const ci = report.confidenceIntervals;
  const range = (i: { lower: number; upper: number } | undefined): string => (i ? `${formatMetric(i.lower)} – ${formatMetric(i.upper)}` : '–');
  return {
    header: ['Metric', 'Value', ci ? `${formatPercent(ci.level, 0)} interval` : 'Interval'],
    numeric: [false, true, true],
    rows: [
      ['AUC', formatMetric(m.auc), range(ci?.auc)],
      ['Gini', formatMetric(m.gini), range(ci?.gini)],
      ['KS', formatMetric(m.ks), range(ci?.ks)],
      ['KS cut-off', `PD ${formatPercent(m.ksThreshold, 2)}${m.ksScore === null ? '' : ` / score ${formatScore(m.ksScore)}`}`, ''],
      ['Brier score', formatMetric(m.brier, 4), ''],
      ['Log loss', formatMetric(m.logLoss, 4), ''],
      ['Average precision', formatMetric(m.averagePrecision), ''],
      ['Rows evaluated', formatInteger(m.count), ''],
      ['Bad rate', formatPercent(m.badRate, 2), ''],
    ],
  };
}

/** Data and split summary lines. */
export function dataLines(report: BacktestReport): string[] {
  const d = report.data;
  const lines = [`Source: ${d.source}`];
  lines.push(
    `Rows read: ${formatInteger(d.rows)}${d.skippedRows > 0 ? ` (${formatInteger(d.skippedRows)} skipped)` : ''}; evaluated: ${formatInteger(d.evaluatedRows)} with ${formatNumber(d.bads, d.isWeighted ? 1 : 0)} bads (${formatPercent(d.badRate, 2)})${d.isWeighted ? ', weighted' : ''}`,
  );
  if (d.dateRange) lines.push(`Dates: ${d.dateRange.from} to ${d.dateRange.to}`);
  const s = d.split;
  if (s.kind === 'stratified') lines.push(`Split: stratified random, test fraction ${formatPercent(s.testFraction, 0)}, seed ${s.seed} (train ${formatInteger(s.trainRows)}, test ${formatInteger(s.testRows)})`);
  else if (s.kind === 'oot') lines.push(`Split: out of time on ${s.dateColumn}, test from ${s.cutoff} (train ${formatInteger(s.trainRows)}, test ${formatInteger(s.testRows)})`);
  else if (s.kind === 'kfold') lines.push(`Split: ${s.k}-fold cross-validation, stratified, seed ${s.seed} (models retrained on each fold's other rows; metrics pool the out-of-fold predictions)`);
  else lines.push('Split: none (every row evaluated)');
  return lines;
}

/** Models evaluated. */
export function modelLines(report: BacktestReport): string[] {
  return report.models.map((m) => `${m.role === 'champion' ? 'Champion' : 'Challenger'}: ${m.id} (${m.kind}, ${m.featureCount} features)`);
}

/** Champion vs challengers side by side, with DeLong p-values. */
export function comparisonTable(report: BacktestReport): TextTable | null {
  const c = report.comparison;
  if (!c) return null;
  const rows = c.models.map((m) => {
    const test = c.tests.find((t) => t.challengerId === m.modelId);
    return [
      `${m.modelId}${m.role === 'champion' ? ' (champion)' : ''}`,
      formatMetric(m.metrics.auc),
      m.aucInterval ? `${formatMetric(m.aucInterval.lower)} – ${formatMetric(m.aucInterval.upper)}` : '–',
      formatMetric(m.metrics.gini),
      formatMetric(m.metrics.ks),
      formatMetric(m.metrics.brier, 4),
      formatMetric(m.metrics.logLoss, 4),
      test ? signed(test.aucDifference, 4) : '–',
      test ? formatPValue(test.pValue) : '–',
    ];
  });
  return {
    header: ['Model', 'AUC', 'AUC interval', 'Gini', 'KS', 'Brier', 'Log loss', 'ΔAUC vs champion', 'DeLong p'],
    numeric: [false, true, true, true, true, true, true, true, true],
    rows,
  };
}

/** Calibration bins. */
export function calibrationTable(report: BacktestReport): TextTable {
  return {
    header: ['PD range', 'Rows', 'Bads', 'Expected bad rate', 'Observed bad rate'],
    numeric: [false, true, true, true, true],
    rows: report.calibration.bins.map((b) => [
      `${formatPercent(b.lowerPd, 2)} – ${formatPercent(b.upperPd, 2)}`,
      formatInteger(b.count),
      formatNumber(b.bads, report.data.isWeighted ? 1 : 0),
      formatPercent(b.expectedBadRate, 2),
      formatPercent(b.observedBadRate, 2),
    ]),
  };
}

/** Hosmer–Lemeshow and calibration slope / intercept in one line. */
export function calibrationSummary(report: BacktestReport): string {
  const c = report.calibration;
  const parts: string[] = [];
  if (c.hosmerLemeshow) {
    parts.push(`Hosmer–Lemeshow χ² = ${formatNumber(c.hosmerLemeshow.statistic, 2)} on ${c.hosmerLemeshow.degreesOfFreedom} df, p = ${formatPValue(c.hosmerLemeshow.pValue)}`);
  }
  if (c.slope !== null && c.intercept !== null) {
    parts.push(`calibration slope ${formatNumber(c.slope, 3)} and intercept ${formatNumber(c.intercept, 3)} (ideal 1 and 0)`);
  }
  return parts.length === 0 ? 'Calibration statistics unavailable for this sample' : capitalise(parts.join('; '));
}

/** Per-grade PD back-tests. */
export function gradeTable(report: BacktestReport): TextTable {
  return {
    header: ['Grade', 'PD range', 'Rows', 'Defaults', 'Mean PD', 'Default rate', 'Binomial p', 'Jeffreys p', 'Status'],
    numeric: [false, false, true, true, true, true, true, true, false],
    rows: report.grades.map((g) => [
      g.grade,
      `${formatPercent(g.lowerPd, 2)} – ${formatPercent(g.upperPd, 2)}`,
      formatInteger(g.count),
      formatInteger(g.defaults),
      formatPercent(g.meanPd, 2),
      formatPercent(g.observedDefaultRate, 2),
      formatPValue(g.binomialPValue),
      formatPValue(g.jeffreysPValue),
      g.status,
    ]),
  };
}

/** Score bands with cumulative approval and bad rates. */
export function bandTable(report: BacktestReport): TextTable {
  return {
    header: ['Score band', 'Rows', 'Share', 'Bads', 'Bad rate', 'Approval rate at cut-off', 'Bad rate of approved'],
    numeric: [false, true, true, true, true, true, true],
    rows: report.scoreBands.map((b) => [
      bandLabel(b.lowerScore, b.upperScore),
      formatInteger(b.count),
      formatPercent(b.share),
      formatNumber(b.bads, report.data.isWeighted ? 1 : 0),
      formatPercent(b.badRate, 2),
      formatPercent(b.cumulativeApprovalRate),
      formatPercent(b.cumulativeBadRate, 2),
    ]),
  };
}

/** PSI and CSI rows. */
export function stabilityTable(report: BacktestReport): TextTable | null {
  const s = report.stability;
  if (!s) return null;
  return {
    header: ['Characteristic', 'Index', 'Level'],
    numeric: [false, true, false],
    rows: [
      ['Score (PSI)', formatNumber(s.psi.value, 4), s.psi.level],
      ...[...s.csi].sort((a, b) => b.value - a.value || (a.characteristic < b.characteristic ? -1 : a.characteristic > b.characteristic ? 1 : 0)).map((c) => [c.characteristic, formatNumber(c.value, 4), c.level]),
    ],
  };
}

/**
 * Per-fold metrics of a k-fold cross-validation: AUC of every model, KS and Brier of the champion,
 * then the mean and the standard deviation (n − 1) over the folds. `null` for other splits.
 */
export function foldTable(report: BacktestReport): TextTable | null {
  const s = report.data.split;
  if (s.kind !== 'kfold') return null;
  type Fold = Extract<BacktestReport['data']['split'], { kind: 'kfold' }>['folds'][number];
  const names = s.folds[0].models.map((m) => m.modelId.replace(/@[^@]*$/, ''));
  const columns: { header: string; value: (f: Fold) => number; digits: number }[] = [
    ...names.map((name, j) => ({ header: `AUC ${name}`, value: (f: Fold) => f.models[j].metrics.auc, digits: 3 })),
    { header: `KS ${names[0]}`, value: (f) => f.models[0].metrics.ks, digits: 3 },
    { header: `Brier ${names[0]}`, value: (f) => f.models[0].metrics.brier, digits: 4 },
  ];
  const rows = s.folds.map((f, i) => [String(i + 1), formatInteger(f.trainRows), formatInteger(f.testRows), ...columns.map((c) => formatMetric(c.value(f), c.digits))]);
  const stats = columns.map((c) => {
    const v = s.folds.map(c.value);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
    return { mean: formatMetric(mean, c.digits), sd: formatMetric(sd, c.digits) };
  });
  rows.push(['Mean', '', '', ...stats.map((x) => x.mean)], ['Standard deviation', '', '', ...stats.map((x) => x.sd)]);
  return { header: ['Fold', 'Train rows', 'Test rows', ...columns.map((c) => c.header)], numeric: [false, true, true, ...columns.map(() => true)], rows };
}

/** Where the stability reference came from. */
export function stabilityLine(report: BacktestReport): string {
  const s = report.stability;
  if (!s) return 'No reference distribution was given, so stability (PSI, CSI) was not measured';
  const source = s.reference.source === 'split-train' ? 'the training part of the split' : 'the reference data';
  return `Reference: ${source} (${formatInteger(s.reference.rows)} rows). Levels: < 0.10 stable, 0.10–0.25 moderate shift, ≥ 0.25 significant shift`;
}

function signed(v: number, digits: number): string {
  return `${v > 0 ? '+' : ''}${formatNumber(v, digits)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
