import { describe, expect, it } from 'vitest';
import { BacktestReportSchema, REPORT_HTML_CSP, renderReportHtml, renderReportMarkdown } from '../../src/backtest/index.js';
import { formatInteger, formatNumber, formatPercent, formatPValue } from '../../src/backtest/_format.js';
import { niceTicks } from '../../src/backtest/_svg.js';
import { downsampleCurve } from '../../src/backtest/_downsample.js';
import { InvalidInputError } from '../../src/errors.js';
import { sampleReport } from './_sampleReport.js';

const full = sampleReport({ challengers: true, stability: true });
const plain = sampleReport();

describe('renderReportMarkdown', () => {
  //#region example:renderReportMarkdown
  it('renderReportMarkdown(report) starts with the champion id as title', () => {
    const md = renderReportMarkdown(plain);
    expect(md.split('\n')[0]).toBe('# Backtest report: default@3f2a9c1e');
  });
  //#endregion

  it('renderReportMarkdown(report) renders the headline table with people-formatted numbers', () => {
    const md = renderReportMarkdown(full);
    expect(BacktestReportSchema.parse(full)).toBeTruthy();
    expect(md).toContain('| Metric | Value | 95% interval |\n| --- | ---: | ---: |\n| AUC | 0.781 | 0.771 – 0.791 |');
    expect(md).toContain('| KS cut-off | PD 4.12% / score 578 |  |');
    expect(md).toContain('- Rows read: 47,400 (3 skipped); evaluated: 47,400 with 2,061 bads (4.35%)');
    expect(md).toContain('| challenger-gbm@9bd01c22 | 0.795 | 0.785 – 0.805 | 0.591 | 0.440 | 0.0388 | 0.1491 | +0.0142 | < 0.001 |');
    expect(md).toContain('Hosmer–Lemeshow χ² = 12.35 on 8 df, p = 0.136; calibration slope 0.973 and intercept -0.021 (ideal 1 and 0).');
    expect(md).toContain('| B | 0.50% – 2.00% | 14,000 | 190 | 1.18% | 1.36% | 0.032 | 0.031 | amber |');
    expect(md).toContain('| ≥ 680 | 6,000 | 12.7% | 36 | 0.60% | 12.7% | 0.60% |');
    expect(md).toContain('| monthsSinceOldestTradeline | 0.2871 | significant |');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('renderReportMarkdown(report) leaves out the sections a report does not have', () => {
    const md = renderReportMarkdown(plain);
    expect(md).not.toContain('## Champion vs challengers');
    expect(md).toContain('No reference distribution was given');
    expect(md).toContain('## Notes\n\n- 3 rows skipped: target missing');
  });

  it('renderReportMarkdown(report) escapes pipes in model ids and notes', () => {
    const md = renderReportMarkdown({ ...plain, notes: ['a | b'], modelId: 'x|y', models: [{ ...plain.models[0], id: 'x|y' }] });
    expect(md).toContain('- a | b');
    expect(md.split('\n')[0]).toBe('# Backtest report: x|y');
  });

  it('renderReportMarkdown(report) is deterministic', () => {
    expect(renderReportMarkdown(full)).toBe(renderReportMarkdown(sampleReport({ challengers: true, stability: true })));
  });

  it('renderReportMarkdown(report) rejects a report that breaks the schema, naming the path', () => {
    try {
      renderReportMarkdown({ ...plain, metrics: { ...plain.metrics, auc: 1.5 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0].path).toEqual(['metrics', 'auc']);
    }
  });
});

describe('renderReportHtml', () => {
  //#region example:renderReportHtml
  it('renderReportHtml(report) returns a complete HTML document', () => {
    const html = renderReportHtml(plain);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });
  //#endregion

  const html = renderReportHtml(full);

  it('renderReportHtml(report) draws every chart as an svg with data-chart and path/rect data', () => {
    for (const chart of ['roc', 'ks', 'calibration', 'distribution', 'bands', 'approval', 'psi']) {
      const match = new RegExp(`<svg class="chart" data-chart="${chart}"[\\s\\S]*?</svg>`).exec(html);
      expect(match, chart).not.toBeNull();
      const svg = match?.[0] ?? '';
      expect((svg.match(/<(path|rect) data-series=/g) ?? []).length, chart).toBeGreaterThan(0);
      expect(svg).toContain('class="axis-label"');
    }
    expect((html.match(/<path data-series="challenger-gbm@9bd01c22"/g) ?? []).length).toBe(1);
  });

  it('renderReportHtml(report) is self-contained: no scripts, no external URLs, a CSP forbidding fetches', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/(https?:)?\/\/[a-z]/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}">`);
    expect(html).toContain('@media print');
  });

  it('renderReportHtml(report) leaves out the stability chart without a reference, keeps the others', () => {
    const h = renderReportHtml(plain);
    expect(h).not.toContain('data-chart="psi"');
    expect((h.match(/data-chart="/g) ?? []).length).toBe(6);
  });

  it('renderReportHtml(report) escapes text from the report', () => {
    const h = renderReportHtml({ ...plain, notes: ['<img src=x onerror=alert(1)>'], data: { ...plain.data, source: 'a&b.csv' } });
    expect(h).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(h).toContain('a&amp;b.csv');
    expect(h).not.toContain('<img');
  });

  it('renderReportHtml(report) shows grade and stability levels as labelled pills', () => {
    expect(html).toContain('<span class="status status-amber">amber</span>');
    expect(html).toContain('<span class="status status-significant">significant</span>');
  });
});

describe('report formatting helpers', () => {
  it('formatInteger / formatNumber / formatPercent / formatPValue format for people, locale-independently', () => {
    expect(formatInteger(1234567.4)).toBe('1,234,567');
    expect(formatInteger(-1000)).toBe('-1,000');
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.000123)).toBe('0.012%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPValue(0.0004)).toBe('< 0.001');
    expect(formatPValue(0.0512)).toBe('0.051');
  });

  it('niceTicks(min, max) gives round steps covering the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(480, 760, 6)).toEqual([500, 550, 600, 650, 700, 750]);
    expect(niceTicks(0, 0.031, 5)).toEqual([0, 0.01, 0.02, 0.03]);
  });

  it('downsampleCurve(x, y, max, keep) keeps at most max points, both ends and the kept index', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, k) => k / (n - 1));
    const y = x.map((v) => Math.sqrt(v));
    const idx = downsampleCurve(x, y, 200, 1234);
    expect(idx.length).toBeLessThanOrEqual(200);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(n - 1);
    expect(idx).toContain(1234);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(downsampleCurve([0, 1], [0, 1], 200, -1)).toEqual([0, 1]);
  });
});
