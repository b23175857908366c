import type { BacktestReport } from './BacktestReport.js';
import { escapeMarkdownCell } from './_format.js';
import {
  type TextTable,
  bandTable,
  calibrationSummary,
  calibrationTable,
  checkReport,
  comparisonTable,
  dataLines,
  foldTable,
  gradeTable,
  headlineTable,
  modelLines,
  stabilityLine,
  stabilityTable,
} from './_reportText.js';

/**
 * Renders a backtest report as GitHub-flavoured Markdown: headline metrics with bootstrap
 * intervals, champion vs challengers, calibration, per-grade PD tests, score bands and stability.
 * Numbers are formatted for people (percentages, thousands separators); the JSON report keeps the
 * exact values. Deterministic: the same report gives the same bytes.
 *
 * @param report - a report from {@link backtest} (validated against {@link BacktestReportSchema})
 * @returns the Markdown text, ending with a newline
 * @throws {@link InvalidInputError} when `report` does not match the schema
 * @category Backtest
 * @example
 * const md = renderReportMarkdown(report);
 * md.split('\n')[0]; //=> '# Backtest report: german-logistic@5047333f'
 */
export function renderReportMarkdown(report: BacktestReport): string {
  const r = checkReport(report, 'renderReportMarkdown');
  const out: string[] = [];
  out.push(`# Backtest report: ${r.modelId}`, '');
  for (const line of modelLines(r)) out.push(`- ${line}`);
  for (const line of dataLines(r)) out.push(`- ${line}`);
  out.push('', '## Discrimination and accuracy', '', markdownTable(headlineTable(r)));
  if (r.confidenceIntervals) {
    out.push('', `Intervals: bootstrap percentile, ${r.confidenceIntervals.resamples} resamples, seed ${r.confidenceIntervals.seed}.`);
  }
  const folds = foldTable(r);
  if (folds) out.push('', '## Cross-validation folds', '', markdownTable(folds), '', 'Each fold: models trained on the other folds, measured on this one.');
  const comparison = comparisonTable(r);
  if (comparison) {
    out.push('', '## Champion vs challengers', '', markdownTable(comparison), '', 'ΔAUC = challenger − champion; DeLong two-sided p-value for equal AUCs on the same rows.');
  }
  out.push('', '## Calibration', '', markdownTable(calibrationTable(r)), '', `${calibrationSummary(r)}.`);
  if (r.grades.length > 0) {
    out.push(
      '',
      '## PD back-test by grade',
      '',
      markdownTable(gradeTable(r)),
      '',
      'Green: PD not rejected at 5%; amber: rejected at 5% but not at 1%; red: rejected at 1% (one-sided, defaults above the PD).',
    );
  }
  out.push('', '## Score bands', '', markdownTable(bandTable(r)));
  out.push('', '## Stability', '', `${stabilityLine(r)}.`);
  const stability = stabilityTable(r);
  if (stability) out.push('', markdownTable(stability));
  if (r.notes.length > 0) {
    out.push('', '## Notes', '');
    for (const note of r.notes) out.push(`- ${note}`);
  }
  out.push('');
  return out.join('\n');
}

function markdownTable(table: TextTable): string {
  const header = `| ${table.header.map(escapeMarkdownCell).join(' | ')} |`;
  const rule = `|${table.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(escapeMarkdownCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
