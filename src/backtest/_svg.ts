/**
 * Private inline-SVG plotting primitives for the HTML report: nice ticks, linear scales and a chart
 * frame with labelled axes. No DOM, no dependencies: strings in, strings out, deterministic.
 */
import { escapeHtml } from './_format.js';

/** One axis: its domain, tick values, tick formatter and label. */
export interface AxisSpec {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly format: (v: number) => string;
  readonly label: string;
}

/** A legend entry: colour, dash and text. */
export interface LegendEntry {
  readonly color: string;
  readonly label: string;
  readonly dashed?: boolean;
  readonly isArea?: boolean;
}

/** Plot geometry shared by all charts (SVG user units; the SVG scales to its container). */
export const CHART = { width: 640, height: 380, left: 72, right: 20, top: 40, bottom: 58 } as const;

/** Colour-blind-safe palette (Okabe–Ito). */
export const COLORS = {
  champion: '#0072B2',
  goods: '#0072B2',
  bads: '#D55E00',
  challengers: ['#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'],
  reference: '#6b6b6b',
  stable: '#009E73',
  moderate: '#E69F00',
  significant: '#D55E00',
} as const;

/** "Nice" tick values (1, 2, 2.5, 5 × 10^k steps) covering [min, max] with about `target` ticks. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual > 5 ? 10 : residual > 2.5 ? 5 : residual > 2 ? 2.5 : residual > 1 ? 2 : 1) * magnitude;
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Extends [min, max] outward to the nearest nice ticks; returns the domain and the ticks. */
export function niceDomain(min: number, max: number, target = 5): { min: number; max: number; ticks: number[] } {
  let ticks = niceTicks(min, max, target);
  if (ticks.length < 2) ticks = niceTicks(min - 1, max + 1, target);
  const step = ticks[1] - ticks[0];
  let lo = ticks[0];
  let hi = ticks[ticks.length - 1];
  if (lo > min + 1e-12) lo = Number((lo - step).toPrecision(12));
  if (hi < max - 1e-12) hi = Number((hi + step).toPrecision(12));
  const all: number[] = [];
  for (let v = lo; v <= hi + step * 1e-6; v += step) all.push(Number(v.toPrecision(12)));
  return { min: lo, max: hi, ticks: all };
}

/** Maps a domain value to pixels. */
export function scale(domainMin: number, domainMax: number, rangeFrom: number, rangeTo: number): (v: number) => number {
  const span = domainMax - domainMin || 1;
  return (v) => rangeFrom + ((v - domainMin) / span) * (rangeTo - rangeFrom);
}

/** A coordinate rounded to 0.01 user units (compact, deterministic text). */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** An SVG path `d` through pixel points. */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('');
}

/** A small circle marker as a path (so every drawn datum is a path or rect). */
export function markerPath(x: number, y: number, r = 3.5): string {
  return `M${px(x - r)} ${px(y)}a${r} ${r} 0 1 0 ${px(2 * r)} 0a${r} ${r} 0 1 0 ${px(-2 * r)} 0Z`;
}

/** The plotting area of {@link CHART}. */
export function plotArea(height: number = CHART.height, left: number = CHART.left): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: left, x1: CHART.width - CHART.right, y0: height - CHART.bottom, y1: CHART.top };
}

/**
 * A chart: an `<svg data-chart=...>` with gridlines, ticks and labels on both axes, a legend and the
 * caller's data layer (`body`, already in pixel coordinates of {@link plotArea}).
 */
export function chartFrame(options: {
  chart: string;
  title: string;
  description: string;
  x: AxisSpec;
  y: AxisSpec;
  body: string;
  legend: readonly LegendEntry[];
  height?: number;
  left?: number;
  /** Category labels on the y axis (horizontal bar charts) instead of numeric ticks. */
  yTickLabels?: readonly { at: number; text: string }[];
  xTickLabels?: readonly { at: number; text: string }[];
  /** Legend above the plot (one row) or stacked in a box inside the plot's lower-right corner. @defaultValue 'top' */
  legendPosition?: 'top' | 'bottom-right';
}): string {
  const height = options.height ?? CHART.height;
  const { x0, x1, y0, y1 } = plotArea(height, options.left);
  const sx = scale(options.x.min, options.x.max, x0, x1);
  const sy = scale(options.y.min, options.y.max, y0, y1);
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" data-chart="${escapeHtml(options.chart)}" viewBox="0 0 ${CHART.width} ${height}" role="img" aria-labelledby="${options.chart}-title ${options.chart}-desc" xmlns="http://www.w3.org/2000/svg">`,
  );
  parts.push(`<title id="${options.chart}-title">${escapeHtml(options.title)}</title><desc id="${options.chart}-desc">${escapeHtml(options.description)}</desc>`);
  // Grid and ticks.
  parts.push('<g class="grid">');
  if (!options.yTickLabels) {
    for (const t of options.y.ticks) {
      const y = sy(t);
      parts.push(`<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(y)}" y2="${px(y)}"/>`);
    }
  }
  if (!options.xTickLabels) {
    for (const t of options.x.ticks) {
      const x = sx(t);
      parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${px(y0)}" y2="${px(y1)}"/>`);
    }
  }
  parts.push('</g>');
  parts.push('<g class="axis">');
  parts.push(`<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(y0)}" y2="${px(y0)}"/><line x1="${px(x0)}" x2="${px(x0)}" y1="${px(y0)}" y2="${px(y1)}"/>`);
  const yLabels = options.yTickLabels ?? options.y.ticks.map((t) => ({ at: t, text: options.y.format(t) }));
  for (const { at, text } of yLabels) {
    const y = sy(at);
    parts.push(`<line x1="${px(x0 - 5)}" x2="${px(x0)}" y1="${px(y)}" y2="${px(y)}"/><text x="${px(x0 - 8)}" y="${px(y)}" dy="0.32em" text-anchor="end">${escapeHtml(text)}</text>`);
  }
  const xLabels = options.xTickLabels ?? options.x.ticks.map((t) => ({ at: t, text: options.x.format(t) }));
  for (const { at, text } of xLabels) {
    const x = sx(at);
    parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${px(y0)}" y2="${px(y0 + 5)}"/><text x="${px(x)}" y="${px(y0 + 18)}" text-anchor="middle">${escapeHtml(text)}</text>`);
  }
  parts.push(`<text class="axis-label" x="${px((x0 + x1) / 2)}" y="${px(height - 12)}" text-anchor="middle">${escapeHtml(options.x.label)}</text>`);
  parts.push(
    `<text class="axis-label" transform="translate(16 ${px((y0 + y1) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(options.y.label)}</text>`,
  );
  parts.push('</g>');
  parts.push(`<g class="data">${options.body}</g>`);
  parts.push(options.legendPosition === 'bottom-right' ? boxedLegend(options.legend, x1, y0) : legend(options.legend, x0, y1));
  parts.push('</svg>');
  return parts.join('');
}

function swatch(e: LegendEntry, x: number, y: number): string {
  return e.isArea
    ? `<rect x="${px(x)}" y="${px(y - 5)}" width="14" height="10" fill="${e.color}" fill-opacity="0.55" stroke="${e.color}"/>`
    : `<line x1="${px(x)}" x2="${px(x + 16)}" y1="${px(y)}" y2="${px(y)}" stroke="${e.color}" stroke-width="2.5"${e.dashed ? ' stroke-dasharray="5 4"' : ''}/>`;
}

/** Entries stacked in a framed box whose lower-right corner sits inside the plot's corner. */
function boxedLegend(entries: readonly LegendEntry[], xRight: number, yBottom: number): string {
  if (entries.length === 0) return '';
  const lineHeight = 18;
  const width = 21 + Math.max(...entries.map((e) => estimateTextWidth(e.label))) + 16;
  const height = entries.length * lineHeight + 10;
  const x = xRight - width - 10;
  const y = yBottom - height - 10;
  const out: string[] = [`<g class="legend"><rect class="legend-box" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" rx="4"/>`];
  entries.forEach((e, i) => {
    const cy = y + 5 + lineHeight * (i + 0.5);
    out.push(`${swatch(e, x + 8, cy)}<text x="${px(x + 29)}" y="${px(cy)}" dy="0.32em">${escapeHtml(e.label)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

/** Entries in one row above the plot, from its left edge, moved left as far as needed to fit the chart. */
function legend(entries: readonly LegendEntry[], x0: number, yTop: number): string {
  if (entries.length === 0) return '';
  const out: string[] = ['<g class="legend">'];
  const total = entries.reduce((w, e) => w + 21 + estimateTextWidth(e.label) + 20, -20);
  let x = Math.max(8, Math.min(x0, CHART.width - CHART.right - total));
  const y = yTop - 20;
  for (const e of entries) {
    out.push(`${swatch(e, x, y)}<text x="${px(x + 21)}" y="${px(y)}" dy="0.32em">${escapeHtml(e.label)}</text>`);
    x += 21 + estimateTextWidth(e.label) + 20;
  }
  out.push('</g>');
  return out.join('');
}

/**
 * Generous width of a label at the chart font size (12 px sans-serif; DejaVu Sans, the widest usual
 * fallback, measures about 7.3 px per lower-case letter), for laying out legends and label columns.
 */
export function estimateTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[MWmw@%…]/.test(ch) ? 11 : /[A-Z0-9#&_]/.test(ch) ? 8.6 : /[ilj.,:;!|' ()\[\]]/.test(ch) ? 4 : 7.4;
  return width;
}
