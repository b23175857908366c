/**
 * Private: the report's charts as inline SVG strings. Each returns `''` when the report has no data
 * for it. Every datum is drawn as a `path` or `rect` carrying `data-series`, so a verifier can count
 * what was drawn per chart.
 */
import type { BacktestReport } from './BacktestReport.js';
import { escapeHtml, formatInteger, formatNumber, formatPercent } from './_format.js';
import { CHART, COLORS, type LegendEntry, chartFrame, estimateTextWidth, markerPath, niceDomain, plotArea, polylinePath, px, scale } from './_svg.js';

const percentTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
const pct0 = (v: number): string => formatPercent(v, 0);

/**
 * Percentage tick formatter with as many decimals as the tick step needs to print exactly: steps of
 * 2.5% print `2.5%, 5.0%, 7.5%`, never `3%, 5%, 8%`.
 */
export function percentFormatter(ticks: readonly number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) * 100 : 1;
  let digits = 0;
  while (digits < 4 && Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) > 1e-6 * 10 ** digits) digits++;
  return (v) => `${formatNumber(v * 100, digits)}%`;
}

/** ROC curve of every model, with the chance diagonal. */
export function rocChart(report: BacktestReport): string {
  const models = report.comparison
    ? report.comparison.models.map((m) => ({ id: m.modelId, auc: m.metrics.auc, roc: m.roc }))
    : [{ id: report.modelId, auc: report.metrics.auc, roc: report.curves.roc }];
  if (models.every((m) => m.roc.length === 0)) return '';
  const { x0, x1, y0, y1 } = plotArea();
  const sx = scale(0, 1, x0, x1);
  const sy = scale(0, 1, y0, y1);
  const body: string[] = [
    `<path data-role="reference" d="${polylinePath([[sx(0), sy(0)], [sx(1), sy(1)]])}" fill="none" stroke="${COLORS.reference}" stroke-width="1.2" stroke-dasharray="5 4"/>`,
  ];
  const legend: LegendEntry[] = [];
  models.forEach((m, i) => {
    const color = i === 0 ? COLORS.champion : COLORS.challengers[(i - 1) % COLORS.challengers.length];
    const d = polylinePath(m.roc.map((p) => [sx(p.falsePositiveRate), sy(p.truePositiveRate)] as const));
    body.push(`<path data-series="${escapeHtml(m.id)}" d="${d}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`);
    legend.push({ color, label: `${shortId(m.id)} (AUC ${formatNumber(m.auc, 3)})` });
  });
  legend.push({ color: COLORS.reference, label: 'chance', dashed: true });
  return chartFrame({
    chart: 'roc',
    title: 'ROC curve',
    description: 'Share of bads declined (true positive rate) against share of goods declined (false positive rate) as the cut-off moves.',
    x: { min: 0, max: 1, ticks: percentTicks, format: pct0, label: 'Goods declined (false positive rate)' },
    y: { min: 0, max: 1, ticks: percentTicks, format: pct0, label: 'Bads declined (true positive rate)' },
    body: body.join(''),
    legend,
    legendPosition: 'bottom-right',
  });
}

/** Cumulative distributions of bads and goods by score, with the KS gap marked. */
export function ksChart(report: BacktestReport): string {
  const points = report.curves.ks;
  if (points.length === 0) return '';
  const xd = niceDomain(points[0].score, points[points.length - 1].score, 6);
  const { x0, x1, y0, y1 } = plotArea();
  const sx = scale(xd.min, xd.max, x0, x1);
  const sy = scale(0, 1, y0, y1);
  const bads = polylinePath(points.map((p) => [sx(p.score), sy(p.cumulativeBadShare)] as const));
  const goods = polylinePath(points.map((p) => [sx(p.score), sy(p.cumulativeGoodShare)] as const));
  const body: string[] = [
    `<path data-series="bads" d="${bads}" fill="none" stroke="${COLORS.bads}" stroke-width="2.5" stroke-linejoin="round"/>`,
    `<path data-series="goods" d="${goods}" fill="none" stroke="${COLORS.goods}" stroke-width="2.5" stroke-linejoin="round"/>`,
  ];
  // The KS gap: the point of the curve with the largest difference.
  let best = points[0];
  for (const p of points) if (p.cumulativeBadShare - p.cumulativeGoodShare > best.cumulativeBadShare - best.cumulativeGoodShare) best = p;
  const gx = sx(best.score);
  const top = sy(best.cumulativeBadShare);
  const bottom = sy(best.cumulativeGoodShare);
  body.push(`<path data-role="annotation" d="M${px(gx)} ${px(bottom)}L${px(gx)} ${px(top)}" stroke="#222" stroke-width="1.5" stroke-dasharray="3 3"/>`);
  const label = `KS ${formatPercent(report.metrics.ks)}${report.metrics.ksScore === null ? '' : ` at score ${formatInteger(report.metrics.ksScore)}`}`;
  // Right half: above-left of the gap's top end (the bads curve is lower to the left); left half:
  // right of the gap's middle, between the two curves.
  const isRight = gx > (x0 + x1) / 2;
  const lx = isRight ? gx - 6 : gx + 8;
  const ly = isRight ? Math.max(y1 + 12, top - 10) : (top + bottom) / 2;
  body.push(`<text class="annotation" x="${px(lx)}" y="${px(ly)}" text-anchor="${isRight ? 'end' : 'start'}">${escapeHtml(label)}</text>`);
  return chartFrame({
    chart: 'ks',
    title: 'KS chart',
    description: 'Cumulative share of bads and of goods scoring at or below each score; the KS statistic is the largest vertical gap.',
    x: { min: xd.min, max: xd.max, ticks: xd.ticks, format: formatInteger, label: 'Score (points)' },
    y: { min: 0, max: 1, ticks: percentTicks, format: pct0, label: 'Cumulative share at or below score' },
    body: body.join(''),
    legend: [
      { color: COLORS.bads, label: 'Bads' },
      { color: COLORS.goods, label: 'Goods' },
    ],
  });
}

/** Observed against expected bad rate per calibration bin, with the diagonal of perfect calibration. */
export function calibrationChart(report: BacktestReport): string {
  const bins = report.calibration.bins.filter((b) => b.count > 0);
  if (bins.length === 0) return '';
  const maxValue = Math.max(...bins.map((b) => Math.max(b.expectedBadRate, b.observedBadRate)));
  const d = niceDomain(0, maxValue > 0 ? maxValue : 0.01, 5);
  const fmt = percentFormatter(d.ticks);
  const { x0, x1, y0, y1 } = plotArea();
  const sx = scale(d.min, d.max, x0, x1);
  const sy = scale(d.min, d.max, y0, y1);
  const body: string[] = [
    `<path data-role="reference" d="${polylinePath([[sx(d.min), sy(d.min)], [sx(d.max), sy(d.max)]])}" fill="none" stroke="${COLORS.reference}" stroke-width="1.2" stroke-dasharray="5 4"/>`,
  ];
  const pts = bins.map((b) => [sx(b.expectedBadRate), sy(b.observedBadRate)] as const);
  body.push(`<path data-series="observed" d="${polylinePath(pts)}" fill="none" stroke="${COLORS.champion}" stroke-width="2" stroke-linejoin="round"/>`);
  for (const [x, y] of pts) body.push(`<path data-series="observed-point" d="${markerPath(x, y)}" fill="${COLORS.champion}" stroke="#fff" stroke-width="1"/>`);
  return chartFrame({
    chart: 'calibration',
    title: 'Calibration',
    description: 'Observed bad rate against the mean predicted PD in each calibration bin; points on the diagonal are perfectly calibrated.',
    x: { min: d.min, max: d.max, ticks: d.ticks, format: fmt, label: 'Expected bad rate (mean predicted PD)' },
    y: { min: d.min, max: d.max, ticks: d.ticks, format: fmt, label: 'Observed bad rate' },
    body: body.join(''),
    legend: [
      { color: COLORS.champion, label: 'Observed per bin' },
      { color: COLORS.reference, label: 'Perfect calibration', dashed: true },
    ],
  });
}

/** Histogram of scores: share of goods and share of bads in each score bin. */
export function distributionChart(report: BacktestReport): string {
  const { binEdges, goods, bads } = report.scoreDistribution;
  if (goods.length === 0) return '';
  const goodTotal = goods.reduce((a, b) => a + b, 0) || 1;
  const badTotal = bads.reduce((a, b) => a + b, 0) || 1;
  const goodShare = goods.map((g) => g / goodTotal);
  const badShare = bads.map((b) => b / badTotal);
  const yd = niceDomain(0, Math.max(...goodShare, ...badShare, 1e-6), 5);
  const xd = niceDomain(binEdges[0], binEdges[binEdges.length - 1], 6);
  const { x0, x1, y0, y1 } = plotArea();
  const sx = scale(xd.min, xd.max, x0, x1);
  const sy = scale(0, yd.max, y0, y1);
  const body: string[] = [];
  const series: [string, readonly number[], string][] = [
    ['goods', goodShare, COLORS.goods],
    ['bads', badShare, COLORS.bads],
  ];
  for (const [name, shares, color] of series) {
    for (let i = 0; i < shares.length; i++) {
      const xa = sx(binEdges[i]);
      const xb = sx(binEdges[i + 1]);
      const y = sy(shares[i]);
      const h = y0 - y;
      if (h <= 0) continue;
      body.push(
        `<rect data-series="${name}" x="${px(xa + 0.5)}" y="${px(y)}" width="${px(Math.max(0.5, xb - xa - 1))}" height="${px(h)}" fill="${color}" fill-opacity="0.5" stroke="${color}" stroke-width="0.8"><title>${escapeHtml(`${name === 'goods' ? 'Goods' : 'Bads'} ${formatInteger(binEdges[i])}–${formatInteger(binEdges[i + 1])}: ${formatPercent(shares[i])}`)}</title></rect>`,
      );
    }
  }
  return chartFrame({
    chart: 'distribution',
    title: 'Score distribution: goods vs bads',
    description: 'Share of goods and share of bads in each score bin; good separation shows bads to the left (lower scores).',
    x: { min: xd.min, max: xd.max, ticks: xd.ticks, format: formatInteger, label: 'Score (points)' },
    y: { min: 0, max: yd.max, ticks: yd.ticks, format: percentFormatter(yd.ticks), label: 'Share of group' },
    body: body.join(''),
    legend: [
      { color: COLORS.goods, label: `Goods (${formatInteger(goodTotal)})`, isArea: true },
      { color: COLORS.bads, label: `Bads (${formatInteger(badTotal)})`, isArea: true },
    ],
  });
}

/** Bad rate per score band (bars), labelled with the band's bad rate; cut-off scores on the x axis. */
export function bandChart(report: BacktestReport): string {
  // The report lists bands safest first; the chart reads left to right by ascending score.
  const bands = [...report.scoreBands].sort((a, b) => (a.lowerScore ?? Number.NEGATIVE_INFINITY) - (b.lowerScore ?? Number.NEGATIVE_INFINITY));
  if (bands.length === 0) return '';
  const yd = niceDomain(0, Math.max(...bands.map((b) => b.badRate), 1e-6), 5);
  const { x0, x1, y0, y1 } = plotArea();
  const n = bands.length;
  const slot = (x1 - x0) / n;
  const sy = scale(0, yd.max, y0, y1);
  const fontSize = n > 12 ? 9 : n > 8 ? 10 : 11;
  const body: string[] = [];
  const labels: { at: number; text: string }[] = [];
  bands.forEach((b, i) => {
    const x = x0 + i * slot + slot * 0.1;
    const y = sy(b.badRate);
    const h = Math.max(0.75, y0 - y);
    body.push(
      `<rect data-series="badRate" x="${px(x)}" y="${px(y0 - h)}" width="${px(slot * 0.8)}" height="${px(h)}" fill="${COLORS.bads}" fill-opacity="0.8"><title>${escapeHtml(`${bandLabel(b.lowerScore, b.upperScore)}: bad rate ${formatPercent(b.badRate)} of ${formatInteger(b.count)}`)}</title></rect>`,
    );
    body.push(`<text class="bar-label" x="${px(x + slot * 0.4)}" y="${px(y0 - h - 4)}" text-anchor="middle" font-size="${fontSize}">${escapeHtml(formatPercent(b.badRate))}</text>`);
    // Cut-offs sit between bars: label the boundary at the left edge of every band but the first.
    if (i > 0 && b.lowerScore !== null) labels.push({ at: i, text: formatInteger(b.lowerScore) });
  });
  if (n === 1) labels.push({ at: 0.5, text: bandLabel(bands[0].lowerScore, bands[0].upperScore) });
  return chartFrame({
    chart: 'bands',
    title: 'Bad rate by score band',
    description: 'Observed bad rate in each score band, from the riskiest band (left) to the safest (right); the axis marks the cut-off scores between bands.',
    x: { min: 0, max: n, ticks: [], format: String, label: 'Score band (cut-off points between bands)' },
    y: { min: 0, max: yd.max, ticks: yd.ticks, format: percentFormatter(yd.ticks), label: 'Bad rate' },
    body: body.join(''),
    legend: [],
    xTickLabels: labels,
  });
}

/**
 * Approval-rate / bad-rate trade-off: the bad rate among those approved as the cut-off score moves
 * down, with the score band cut-offs marked and labelled by their score (labels that would crowd
 * the previous one are left to the tooltip).
 */
export function approvalChart(report: BacktestReport): string {
  const curve = report.curves.approval;
  if (!curve || curve.length === 0) return '';
  const cutoffs = report.scoreBands.filter((b) => b.lowerScore !== null);
  const maxBad = Math.max(...curve.map((p) => p.badRate), ...cutoffs.map((b) => b.cumulativeBadRate), report.metrics.badRate);
  const yd = niceDomain(0, maxBad > 0 ? maxBad : 0.01, 5);
  const { x0, x1, y0, y1 } = plotArea();
  const sx = scale(0, 1, x0, x1);
  const sy = scale(0, yd.max, y0, y1);
  const overall = sy(report.metrics.badRate);
  const body: string[] = [
    `<path data-role="reference" d="M${px(x0)} ${px(overall)}L${px(x1)} ${px(overall)}" stroke="${COLORS.reference}" stroke-width="1.2" stroke-dasharray="5 4"/>`,
    `<path data-series="tradeoff" d="${polylinePath(curve.map((p) => [sx(p.approvalRate), sy(p.badRate)] as const))}" fill="none" stroke="${COLORS.champion}" stroke-width="2.5" stroke-linejoin="round"/>`,
  ];
  let lastLabelRight = Number.NEGATIVE_INFINITY;
  for (const b of cutoffs) {
    const x = sx(b.cumulativeApprovalRate);
    const y = sy(b.cumulativeBadRate);
    const text = `≥ ${formatInteger(b.lowerScore as number)}`;
    body.push(
      `<path data-series="cutoff" d="${markerPath(x, y)}" fill="${COLORS.bads}" stroke="#fff" stroke-width="1"><title>${escapeHtml(`Approve scores ${text}: ${formatPercent(b.cumulativeApprovalRate)} approved, bad rate ${formatPercent(b.cumulativeBadRate, 2)}`)}</title></path>`,
    );
    // Above-left of the marker (empty: the curve rises to the right); near the y axis, to its right
    // (below it unless that would reach the x axis).
    const width = estimateTextWidth(text) * (10.5 / 12);
    const isLeft = x - 6 - width > x0 + 4;
    const left = isLeft ? x - 6 - width : x + 6;
    if (left < lastLabelRight + 6) continue;
    lastLabelRight = left + width;
    const ty = isLeft || y + 14 > y0 - 4 ? y - 7 : y + 14;
    body.push(`<text class="point-label" x="${px(isLeft ? x - 6 : x + 6)}" y="${px(ty)}" text-anchor="${isLeft ? 'end' : 'start'}">${escapeHtml(text)}</text>`);
  }
  return chartFrame({
    chart: 'approval',
    title: 'Approval rate vs bad rate',
    description: 'Share of applicants approved against the bad rate among them, as the cut-off score moves down; markers are the score band cut-offs.',
    x: { min: 0, max: 1, ticks: percentTicks, format: pct0, label: 'Approval rate (share approved at or above the cut-off)' },
    y: { min: 0, max: yd.max, ticks: yd.ticks, format: percentFormatter(yd.ticks), label: 'Bad rate of approved' },
    body: body.join(''),
    legend: [
      { color: COLORS.champion, label: 'Approve at or above a score' },
      { color: COLORS.reference, label: 'Everyone approved', dashed: true },
    ],
  });
}

/** PSI of the score and CSI per characteristic as horizontal bars, with the 0.10 / 0.25 levels. */
export function stabilityChart(report: BacktestReport): string {
  const stability = report.stability;
  if (!stability) return '';
  const rows = [
    { name: 'Score (PSI)', value: stability.psi.value, level: stability.psi.level },
    ...[...stability.csi].sort((a, b) => b.value - a.value || (a.characteristic < b.characteristic ? -1 : a.characteristic > b.characteristic ? 1 : 0)).map((c) => ({ name: c.characteristic, value: c.value, level: c.level })),
  ];
  const rowHeight = 24;
  const height = CHART.top + CHART.bottom + rows.length * rowHeight;
  // Names longer than the label column are shortened with an ellipsis (the bar's tooltip has them whole).
  const labels = rows.map((r) => fitText(r.name, MAX_CATEGORY_LABEL_WIDTH));
  const left = Math.max(CHART.left, 16 + Math.max(...labels.map(estimateTextWidth)));
  const xd = niceDomain(0, Math.max(0.3, ...rows.map((r) => r.value)), 5);
  const { x0, x1, y0, y1 } = plotArea(height, left);
  const sx = scale(0, xd.max, x0, x1);
  const body: string[] = [];
  for (const threshold of [0.1, 0.25]) {
    body.push(`<path data-role="reference" d="M${px(sx(threshold))} ${px(y0)}L${px(sx(threshold))} ${px(y1)}" stroke="${threshold === 0.1 ? COLORS.moderate : COLORS.significant}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  }
  const yLabels: { at: number; text: string }[] = [];
  rows.forEach((r, i) => {
    const yTop = y1 + i * rowHeight + 4;
    const w = Math.max(1, sx(r.value) - x0);
    body.push(
      `<rect data-series="${i === 0 ? 'psi' : 'csi'}" x="${px(x0)}" y="${px(yTop)}" width="${px(w)}" height="${rowHeight - 8}" fill="${COLORS[r.level]}" fill-opacity="0.85"><title>${escapeHtml(`${r.name}: ${formatNumber(r.value, 4)} (${r.level})`)}</title></rect>`,
    );
    body.push(`<text class="bar-label" x="${px(x0 + w + 4)}" y="${px(yTop + (rowHeight - 8) / 2)}" dy="0.32em">${escapeHtml(formatNumber(r.value, 3))}</text>`);
    yLabels.push({ at: rows.length - i - 0.5, text: labels[i] });
  });
  return chartFrame({
    chart: 'psi',
    title: 'Population stability',
    description: 'PSI of the score and CSI of each characteristic between the reference and the evaluated sample; 0.10 and 0.25 mark moderate and significant shifts.',
    x: { min: 0, max: xd.max, ticks: xd.ticks, format: (v) => formatNumber(v, 2), label: 'Stability index (PSI / CSI)' },
    y: { min: 0, max: rows.length, ticks: [], format: String, label: '' },
    yTickLabels: yLabels,
    body: body.join(''),
    legend: [
      { color: COLORS.stable, label: '< 0.10 stable', isArea: true },
      { color: COLORS.moderate, label: '0.10–0.25 moderate', isArea: true },
      { color: COLORS.significant, label: '≥ 0.25 significant', isArea: true },
    ],
    height,
    left,
  });
}

/** Widest category label of a horizontal bar chart, in SVG units (the chart is 640 wide). */
const MAX_CATEGORY_LABEL_WIDTH = 230;

/** `text` itself when it fits `width` (estimated), else its longest prefix that fits with an ellipsis. */
export function fitText(text: string, width: number): string {
  if (estimateTextWidth(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** A score band as people write it: `< 540`, `540–560`, `≥ 700`. */
export function bandLabel(lower: number | null, upper: number | null): string {
  if (lower === null && upper === null) return 'all';
  if (lower === null) return `< ${formatInteger(upper as number)}`;
  if (upper === null) return `≥ ${formatInteger(lower)}`;
  return `${formatInteger(lower)}–${formatInteger(upper)}`;
}

/** A model id without its hash suffix when long, for legends. */
export function shortId(id: string): string {
  return id.length > 28 ? `${id.slice(0, 25)}…` : id;
}
