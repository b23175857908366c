import type { BacktestReport } from './BacktestReport.js';
import { approvalChart, bandChart, calibrationChart, distributionChart, ksChart, rocChart, stabilityChart } from './_charts.js';
import { escapeHtml, formatInteger, formatMetric, formatPercent } from './_format.js';
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
 * The Content-Security-Policy every HTML report carries: nothing may be fetched and no script
 * runs, so the file is safe to open and provably works offline.
 *
 * @category Backtest
 * @example
 * REPORT_HTML_CSP; //=> "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
 */
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Renders a backtest report as one self-contained HTML file: inline CSS and inline SVG charts (ROC
 * curve, KS chart, calibration plot, score distribution of goods vs bads, bad rate by score band,
 * approval rate vs bad rate, PSI per characteristic when a reference was given), the tables of the
 * Markdown report, readable on screen and printable on A4 (`@media print`). No network, no fonts,
 * no scripts (a CSP forbids them). Each chart is an
 * `<svg data-chart="roc|ks|calibration|distribution|bands|approval|psi">` whose data are
 * `path`/`rect` elements with a `data-series` attribute.
 *
 * @param report - a report from {@link backtest} (validated against {@link BacktestReportSchema})
 * @returns the HTML document
 * @throws {@link InvalidInputError} when `report` does not match the schema
 * @category Backtest
 * @example
 * const html = renderReportHtml(report);
 * html.startsWith('<!doctype html>'); //=> true
 */
export function renderReportHtml(report: BacktestReport): string {
  const r = checkReport(report, 'renderReportHtml');
  const charts = [
    figure('ROC curve', rocChart(r), 'Higher and further left is better; the dashed diagonal is a random ranking.'),
    figure('KS chart', ksChart(r), 'The KS statistic is the widest gap between the two curves.'),
    figure('Calibration: expected vs observed bad rate', calibrationChart(r), 'Points above the diagonal: more bads than the model predicted.'),
    figure('Score distribution: goods vs bads', distributionChart(r), 'Each group sums to 100%; the less the two overlap, the better the separation.'),
    figure('Bad rate by score band', bandChart(r), 'Bad rate should fall steadily as the score rises.'),
    figure('Approval rate vs bad rate', approvalChart(r), 'Approving more applicants means accepting a higher bad rate; markers are the cut-offs of the score band table.'),
    figure('Stability: PSI of the score and CSI per characteristic', stabilityChart(r), 'Below 0.10: stable; 0.10 to 0.25: moderate shift; 0.25 and above: significant shift.'),
  ].filter((f) => f !== '');
  const m = r.metrics;
  const ci = r.confidenceIntervals;
  const kpis: [string, string, string][] = [
    ['AUC', formatMetric(m.auc), ci ? `${formatPercent(ci.level, 0)} CI ${formatMetric(ci.auc.lower)}–${formatMetric(ci.auc.upper)}` : ''],
    ['Gini', formatMetric(m.gini), ci ? `CI ${formatMetric(ci.gini.lower)}–${formatMetric(ci.gini.upper)}` : ''],
    ['KS', formatMetric(m.ks), ci ? `CI ${formatMetric(ci.ks.lower)}–${formatMetric(ci.ks.upper)}` : ''],
    ['Brier', formatMetric(m.brier, 4), `log loss ${formatMetric(m.logLoss, 4)}`],
    ['Rows', formatInteger(m.count), `bad rate ${formatPercent(m.badRate, 2)}`],
  ];
  if (r.stability) kpis.push(['PSI', formatMetric(r.stability.psi.value), r.stability.psi.level]);
  const comparison = comparisonTable(r);
  const stability = stabilityTable(r);
  const body: string[] = [];
  body.push(`<header><h1>Backtest report</h1><p class="model">${escapeHtml(r.modelId)}</p><ul class="meta">${[...modelLines(r), ...dataLines(r)].map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></header>`);
  body.push(
    `<section class="kpis" aria-label="Headline metrics">${kpis.map(([label, value, sub]) => `<div class="kpi"><div class="kpi-label">${escapeHtml(label)}</div><div class="kpi-value">${escapeHtml(value)}</div><div class="kpi-sub">${escapeHtml(sub)}</div></div>`).join('')}</section>`,
  );
  body.push(`<section><h2>Discrimination and accuracy</h2>${htmlTable(headlineTable(r))}${ci ? `<p class="note">Intervals: bootstrap percentile, ${ci.resamples} resamples, seed ${escapeHtml(String(ci.seed))}.</p>` : ''}</section>`);
  const folds = foldTable(r);
  if (folds) body.push(`<section><h2>Cross-validation folds</h2>${htmlTable(folds)}<p class="note">Each fold: models trained on the other folds, measured on this one.</p></section>`);
  if (comparison) {
    body.push(`<section><h2>Champion vs challengers</h2>${htmlTable(comparison)}<p class="note">ΔAUC = challenger − champion; DeLong two-sided p-value for equal AUCs on the same rows.</p></section>`);
  }
  body.push(`<section class="charts"><h2>Charts</h2><div class="chart-grid">${charts.join('')}</div></section>`);
  body.push(`<section><h2>Calibration</h2><p>${escapeHtml(calibrationSummary(r))}.</p>${htmlTable(calibrationTable(r))}</section>`);
  if (r.grades.length > 0) {
    body.push(
      `<section><h2>PD back-test by grade</h2>${htmlTable(gradeTable(r), 8)}<p class="note">Green: PD not rejected at 5%; amber: rejected at 5% but not at 1%; red: rejected at 1% (one-sided, defaults above the PD).</p></section>`,
    );
  }
  body.push(`<section><h2>Score bands</h2>${htmlTable(bandTable(r))}</section>`);
  body.push(`<section><h2>Stability</h2><p>${escapeHtml(stabilityLine(r))}.</p>${stability ? htmlTable(stability, 2) : ''}</section>`);
  if (r.notes.length > 0) body.push(`<section><h2>Notes</h2><ul>${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`);
  body.push(`<footer>credit-scoring backtest report, format ${escapeHtml(r.format)} v${r.schemaVersion}</footer>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Backtest report: ${escapeHtml(r.modelId)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>${body.join('\n')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

function figure(title: string, svg: string, caption: string): string {
  return svg === '' ? '' : `<figure><h3>${escapeHtml(title)}</h3>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** An HTML table; `statusColumn` marks the column holding green/amber/red or a stability level. */
function htmlTable(table: TextTable, statusColumn?: number): string {
  const head = `<thead><tr>${table.header.map((h, j) => `<th${table.numeric[j] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, j) => {
            if (j === statusColumn) return `<td><span class="status status-${escapeHtml(cell)}">${escapeHtml(cell)}</span></td>`;
            return `<td${table.numeric[j] ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table>${head}<tbody>${rows}</tbody></table></div>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --panel: #f5f7fa; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
body { margin: 0; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 1.7rem; margin: 0 0 2px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
.model { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--muted); margin: 0 0 8px; }
.meta { margin: 0; padding-left: 18px; color: var(--muted); font-size: 0.92rem; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 18px; }
.kpi { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; }
.kpi-label { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.kpi-value { font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi-sub { font-size: 0.8rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; }
figure { margin: 0; border: 1px solid var(--rule); border-radius: 8px; padding: 8px 8px 4px; background: #fff; break-inside: avoid; page-break-inside: avoid; }
figure h3 { font-size: 1rem; margin: 4px 6px 0; }
figcaption { font-size: 0.82rem; color: var(--muted); padding: 2px 6px 6px; }
svg.chart { width: 100%; height: auto; display: block; font-size: 12px; }
svg.chart text { fill: var(--ink); font-family: inherit; }
svg.chart .grid line { stroke: #e7eaf0; stroke-width: 1; }
svg.chart .axis line { stroke: #8a93a3; stroke-width: 1; }
svg.chart .axis-label { font-size: 12.5px; fill: var(--muted); }
svg.chart .annotation { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
svg.chart .legend-box { fill: #fff; fill-opacity: 0.92; stroke: #d9dde5; }
svg.chart .bar-label { font-size: 10.5px; fill: var(--muted); }
svg.chart .point-label { font-size: 10.5px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; min-width: 4.2em; text-align: center; padding: 0 8px; border-radius: 10px; font-size: 0.82rem; font-weight: 600; border: 1px solid transparent; }
.status-green, .status-stable { background: #dff3ea; color: #0b5e3c; border-color: #9fd6bd; }
.status-amber, .status-moderate { background: #fdf0d5; color: #7a4d00; border-color: #f0c878; }
.status-red, .status-significant { background: #fbe3da; color: #8c2a05; border-color: #f0a585; }
.note { font-size: 0.85rem; color: var(--muted); }
footer { margin-top: 32px; font-size: 0.8rem; color: var(--muted); }
@media (max-width: 640px) { main { padding: 12px; } .chart-grid { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm; }
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .chart-grid { display: block; }
  figure { width: 100%; max-width: 17cm; margin: 0 auto 10mm; border: none; padding: 0; }
  .kpi, th { background: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-inside: auto; }
  table { font-size: 9pt; min-width: 0; }
  th, td { white-space: normal; padding: 3px 6px; }
  td.num { white-space: nowrap; }
  td:first-child { overflow-wrap: anywhere; }
  .table-wrap { overflow: visible; }
  .status { border-color: currentColor; }
}
`.trim();
