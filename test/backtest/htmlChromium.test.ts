/**
 * Opens real HTML reports in headless Chromium (Debian `chromium`, started here, driven over the
 * DevTools protocol on a pipe: see `_chromium.ts`) and checks, in a real browser, the acceptance
 * points of the report:
 * - no console message, uncaught exception or browser log error or warning (CSP refusals and SVG
 *   attribute errors are logged there);
 * - the page is self-contained: the only request is the file itself, nothing fails to load, no
 *   element points anywhere (`src`, `href`), no resource timing entry;
 * - every chart has drawn data: per chart, the number of data elements (`[data-series]` paths and
 *   rects) equals what the report holds, each with finite, non-degenerate coordinates inside the
 *   chart, curves with the report's number of vertices and a positive length;
 * - readable: both axes titled, tick labels formatted for people (thousands separators, equal steps,
 *   no float noise), no two texts of a chart overlapping and none cut off by the chart's edge, no
 *   horizontal scrolling at 1280 px, numeric table cells formatted for people; printed (print media)
 *   on A4, no table or chart is wider than the paper.
 *
 * Reports: German credit (a scorecard champion and a logistic challenger trained on train.csv,
 * backtested on test.csv with train.csv as stability reference), the fixture hold-out with the
 * bundled default model (the fixture train rows as reference), and a hand-made report with every
 * status colour. A negative control shows the checks are not vacuous.
 *
 * Skipped, with a message, only where /usr/bin/chromium is absent (German credit also needs
 * ../shared/datasets). Set REPORT_SCREENSHOT_DIR to keep full-page screenshots of each report.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHoldoutRow } from '../../fixtures/generator/index.js';
import { type BacktestReport, type LabelledApplicant, backtest, backtestFile, renderReportHtml } from '../../src/backtest/index.js';
import { readTable } from '../../src/data/index.js';
import { defaultModel, loadModel } from '../../src/index.js';
import { trainLogistic, trainScorecard } from '../../src/train/index.js';
import { CHROMIUM_PATH, Chromium, type OpenedPage, hasChromium } from './_chromium.js';
import { sampleReport } from './_sampleReport.js';

const german = resolve(import.meta.dirname, '../../../shared/datasets/german-credit');
const hasGerman = existsSync(join(german, 'test.csv'));
const fixtureFile = resolve(import.meta.dirname, '../../fixtures/applicants.jsonl.gz');
const screenshotDir = process.env.REPORT_SCREENSHOT_DIR;

/** Measurements the page gives back, taken by {@link INSPECT} outside the page's CSP. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface DataElement extends Box {
  tag: string;
  series: string;
  /** Path length (paths only). */
  length: number | null;
  /** Vertices of a polyline path (`M`/`L` commands), 0 for other shapes. */
  vertices: number;
}
interface TextElement extends Box {
  kind: 'xTick' | 'yTick' | 'axisLabel' | 'legend' | 'barLabel' | 'annotation' | 'other';
  text: string;
}
interface ChartInspection {
  chart: string;
  box: Box;
  data: DataElement[];
  texts: TextElement[];
}
interface PageInspection {
  title: string;
  headings: string[];
  charts: ChartInspection[];
  linkedElements: string[];
  resources: string[];
  scripts: number;
  scrollWidth: number;
  viewportWidth: number;
  numericCells: string[];
}

/** Runs in the page (through Runtime.evaluate, so the report's no-script CSP still applies to the page itself). */
const INSPECT = `(() => {
  const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; };
  const charts = [...document.querySelectorAll('svg[data-chart]')].map((svg) => {
    const data = [...svg.querySelectorAll('[data-series]')].map((el) => {
      const d = el.getAttribute('d') || '';
      return {
        ...rect(el),
        tag: el.tagName.toLowerCase(),
        series: el.getAttribute('data-series'),
        length: el.tagName.toLowerCase() === 'path' ? el.getTotalLength() : null,
        vertices: /^M[^a-zA-Z]*(L[^a-zA-Z]*)*$/.test(d) ? (d.match(/[ML]/g) || []).length : 0,
      };
    });
    const texts = [...svg.querySelectorAll('text')].map((el) => {
      const cls = el.getAttribute('class') || '';
      const inAxis = el.closest('g.axis') !== null;
      const kind = cls.includes('axis-label') ? 'axisLabel'
        : inAxis && el.getAttribute('text-anchor') === 'middle' ? 'xTick'
        : inAxis && el.getAttribute('text-anchor') === 'end' ? 'yTick'
        : el.closest('g.legend') ? 'legend'
        : cls.includes('bar-label') ? 'barLabel'
        : cls.includes('annotation') ? 'annotation' : 'other';
      return { ...rect(el), kind, text: el.textContent };
    });
    return { chart: svg.getAttribute('data-chart'), box: rect(svg), data, texts };
  });
  return {
    title: document.title,
    headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent),
    charts,
    linkedElements: [...document.querySelectorAll('[src], [href], [srcset], link, iframe, object, embed')].map((el) => el.outerHTML.slice(0, 120)),
    resources: performance.getEntriesByType('resource').map((e) => e.name),
    scripts: document.scripts.length,
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: innerWidth,
    numericCells: [...document.querySelectorAll('td.num')].map((td) => td.textContent),
  };
})()`;

/** What each chart must hold, from the report itself. */
function expectedSeries(report: BacktestReport): Record<string, Record<string, { count: number; vertices?: number }>> {
  const rocModels = report.comparison ? report.comparison.models.map((m) => ({ id: m.modelId, points: m.roc.length })) : [{ id: report.modelId, points: report.curves.roc.length }];
  const calibrationBins = report.calibration.bins.filter((b) => b.count > 0).length;
  const expected: Record<string, Record<string, { count: number; vertices?: number }>> = {
    roc: Object.fromEntries(rocModels.map((m) => [m.id, { count: 1, vertices: m.points }])),
    ks: { bads: { count: 1, vertices: report.curves.ks.length }, goods: { count: 1, vertices: report.curves.ks.length } },
    calibration: { observed: { count: 1, vertices: calibrationBins }, 'observed-point': { count: calibrationBins } },
    distribution: {
      goods: { count: report.scoreDistribution.goods.filter((g) => g > 0).length },
      bads: { count: report.scoreDistribution.bads.filter((b) => b > 0).length },
    },
    bands: { badRate: { count: report.scoreBands.length } },
  };
  if (report.curves.approval) {
    expected.approval = { tradeoff: { count: 1, vertices: report.curves.approval.length }, cutoff: { count: report.scoreBands.filter((b) => b.lowerScore !== null).length } };
  }
  if (report.stability) expected.psi = { psi: { count: 1 }, csi: { count: report.stability.csi.length } };
  return expected;
}

const inside = (inner: Box, outer: Box, tolerance = 1): boolean =>
  inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance && inner.x + inner.width <= outer.x + outer.width + tolerance && inner.y + inner.height <= outer.y + outer.height + tolerance;
const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** A number as people read it: thousands separators, at most 4 decimals, an optional %. */
const PEOPLE_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d{1,4})?%?$/;

/** Every problem found in one chart (empty when the chart is drawn and readable). */
function chartProblems(c: ChartInspection, expected: Record<string, { count: number; vertices?: number }> | undefined): string[] {
  const problems: string[] = [];
  const at = (what: string): string => `${c.chart}: ${what}`;
  if (c.box.width < 300 || c.box.height < 150) problems.push(at(`rendered ${c.box.width}×${c.box.height} px`));
  // Data: finite, non-degenerate, inside the chart; curves with their vertices and a length.
  if (c.data.length === 0) problems.push(at('no data elements'));
  for (const d of c.data) {
    const label = `${d.tag}[${d.series}]`;
    if (![d.x, d.y, d.width, d.height].every(Number.isFinite)) problems.push(at(`${label} has non-finite coordinates`));
    if (!(d.width > 0 || d.height > 0)) problems.push(at(`${label} has an empty bounding box`));
    if (!inside(d, c.box)) problems.push(at(`${label} lies outside the chart`));
    if (d.vertices >= 2 && !(d.width > 10 && d.height > 10 && (d.length ?? 0) > 0)) problems.push(at(`${label} is a degenerate curve (${d.width}×${d.height}, length ${d.length})`));
  }
  const marks = c.data.filter((d) => d.vertices < 2);
  if (marks.length > 1 && new Set(marks.map((d) => Math.round(d.x + d.width / 2))).size < 2) problems.push(at('all bars and markers drawn at one x position'));
  if (expected) {
    const bySeries = new Map<string, DataElement[]>();
    for (const d of c.data) bySeries.set(d.series, [...(bySeries.get(d.series) ?? []), d]);
    for (const [series, e] of Object.entries(expected)) {
      const drawn = bySeries.get(series) ?? [];
      if (drawn.length !== e.count) problems.push(at(`series ${series}: ${drawn.length} elements drawn, ${e.count} expected`));
      if (e.vertices !== undefined && drawn.some((d) => d.vertices !== e.vertices)) problems.push(at(`series ${series}: ${drawn.map((d) => d.vertices).join(',')} vertices, ${e.vertices} expected`));
    }
    for (const series of bySeries.keys()) if (!(series in expected)) problems.push(at(`unexpected series ${series}`));
  }
  // Text: axis titles, people-formatted equally spaced ticks, nothing cut off, nothing overlapping.
  const axisLabels = c.texts.filter((t) => t.kind === 'axisLabel' && t.text.trim() !== '');
  if (axisLabels.length < (c.chart === 'psi' ? 1 : 2)) problems.push(at(`axis titles: ${axisLabels.map((t) => t.text).join(' | ')}`));
  for (const kind of ['xTick', 'yTick'] as const) {
    const ticks = c.texts.filter((t) => t.kind === kind);
    const categorical = (c.chart === 'psi' && kind === 'yTick') || (c.chart === 'bands' && kind === 'xTick');
    if (categorical) continue;
    if (ticks.length < 3) problems.push(at(`${ticks.length} ${kind} labels`));
    for (const t of ticks) if (!PEOPLE_NUMBER.test(t.text)) problems.push(at(`${kind} label '${t.text}' is not a people-formatted number`));
    const values = ticks.map((t) => Number(t.text.replace(/[,%]/g, '')));
    const steps = values.slice(1).map((v, i) => v - values[i]);
    if (steps.some((s) => Math.abs(s - steps[0]) > 1e-9 * Math.max(1, Math.abs(steps[0])))) problems.push(at(`${kind} labels not equally spaced: ${ticks.map((t) => t.text).join(' ')}`));
  }
  const shown = c.texts.filter((t) => t.text.trim() !== '');
  for (const t of shown) if (!inside(t, c.box, 0.5)) problems.push(at(`text '${t.text}' is cut off by the chart's edge`));
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      if (overlapArea(shown[i], shown[j]) > 2) problems.push(at(`texts '${shown[i].text}' and '${shown[j].text}' overlap`));
    }
  }
  return problems;
}

/** Every problem of the page as a whole. */
function pageProblems(url: string, page: OpenedPage, inspection: PageInspection): string[] {
  const e = page.events;
  const problems: string[] = [];
  if (e.requests.length !== 1 || e.requests[0] !== url) problems.push(`requests: ${e.requests.join(', ')}`);
  for (const f of e.failedRequests) problems.push(`failed request: ${f}`);
  for (const c of e.console) problems.push(`console ${c}`);
  for (const x of e.exceptions) problems.push(`exception: ${x}`);
  for (const l of e.log) if (/^(error|warning) /.test(l)) problems.push(`browser log: ${l}`);
  for (const l of inspection.linkedElements) problems.push(`element loads or links something: ${l}`);
  for (const r of inspection.resources) problems.push(`resource loaded: ${r}`);
  if (inspection.scripts > 0) problems.push(`${inspection.scripts} scripts in the page`);
  if (inspection.scrollWidth > inspection.viewportWidth) problems.push(`page scrolls sideways: ${inspection.scrollWidth} > ${inspection.viewportWidth} px`);
  for (const cell of inspection.numericCells) {
    const parts = cell.split(/ – | \/ score |^PD /).filter((p) => p !== '');
    if (!parts.every((p) => p === '–' || p === '< 0.001' || PEOPLE_NUMBER.test(p.replace(/^\+/, '')))) problems.push(`numeric cell '${cell}' is not formatted for people`);
  }
  return problems;
}

let browser: Chromium | undefined;
const dir = mkdtempSync(join(tmpdir(), 'report-chromium-'));

async function openReport(html: string, name: string): Promise<{ url: string; page: OpenedPage; inspection: PageInspection }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await (browser as Chromium).open(url);
  const inspection = await page.evaluate<PageInspection>(INSPECT);
  if (screenshotDir) {
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(join(screenshotDir, `${name}.png`), await page.screenshot());
  }
  return { url, page, inspection };
}

/** Content width of an A4 page with the report's 14 mm print margins, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

/**
 * Opens the report and asserts that the page and every chart are clean, on screen and printed (print
 * media at the width of an A4 page: nothing wider than the paper); returns the screen inspection.
 */
async function checkReport(report: BacktestReport, name: string): Promise<PageInspection> {
  const { url, page, inspection } = await openReport(renderReportHtml(report), name);
  await page.emulateMedia('print', A4_CONTENT_WIDTH);
  const printed = await page.evaluate<{ scrollWidth: number; widest: number }>(
    `({ scrollWidth: document.documentElement.scrollWidth, widest: Math.max(...[...document.querySelectorAll('table, svg, figure')].map((e) => e.getBoundingClientRect().right)) })`,
  );
  await page.close();
  expect(printed.scrollWidth, 'printed page width').toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  expect(printed.widest, 'right edge of the widest table or chart on paper').toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  const expected = expectedSeries(report);
  expect(pageProblems(url, page, inspection)).toEqual([]);
  expect(inspection.title).toContain(report.modelId);
  expect(inspection.charts.map((c) => c.chart).sort()).toEqual(Object.keys(expected).sort());
  expect(inspection.charts.flatMap((c) => chartProblems(c, expected[c.chart]))).toEqual([]);
  return inspection;
}

/** The fixture sample as labelled raw applicants, split as every test does (row i is hold-out when i % 10 >= 7). */
function fixtureRows(): { train: LabelledApplicant[]; holdout: LabelledApplicant[] } {
  const train: LabelledApplicant[] = [];
  const holdout: LabelledApplicant[] = [];
  const lines = gunzipSync(readFileSync(fixtureFile)).toString('utf8').split('\n');
  let i = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as LabelledApplicant;
    (isHoldoutRow(i++) ? holdout : train).push(row);
  }
  return { train, holdout };
}

describe.skipIf(!hasChromium)(`renderReportHtml in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM_PATH} is not installed; apt-get install -y chromium)`}`, () => {
  beforeAll(async () => {
    browser = await Chromium.launch();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasGerman)(`renderReportHtml(German credit: scorecard champion vs logistic challenger, train.csv as reference) is clean and every chart is drawn${hasGerman ? '' : ' (skipped: ../shared/datasets/german-credit is absent)'}`, async () => {
    const { dataset: train } = await readTable(join(german, 'train.csv'), { target: 'creditability', bad: 'bad' });
    const exclude = ['personal_status_and_sex', 'age_in_years', 'foreign_worker'];
    const champion = loadModel(trainScorecard(train, { id: 'german-scorecard', seed: 7, exclude }));
    const challenger = loadModel(trainLogistic(train, { id: 'german-logistic', exclude }));
    const report = await backtestFile([champion, challenger], join(german, 'test.csv'), {
      target: 'creditability',
      bad: 'bad',
      reference: join(german, 'train.csv'),
      bootstrap: { resamples: 200, seed: 1 },
    });
    expect(report.data.evaluatedRows).toBe(300);
    expect(report.stability?.csi.length).toBe(champion.featureNames.length);
    const inspection = await checkReport(report, 'german-credit');
    const roc = inspection.charts.find((c) => c.chart === 'roc');
    expect(roc?.texts.filter((t) => t.kind === 'legend').map((t) => t.text)).toEqual([
      `${champion.id} (AUC ${report.metrics.auc.toFixed(3)})`,
      `${challenger.id} (AUC ${report.comparison?.models[1].metrics.auc.toFixed(3)})`,
      'chance',
    ]);
    expect(inspection.headings).toContain('Champion vs challengers');
  }, 30_000);

  it('renderReportHtml(fixture hold-out, default model, fixture train rows as reference) is clean and every chart is drawn', async () => {
    const { train, holdout } = fixtureRows();
    const report = await backtest(defaultModel(), { applicants: holdout }, { reference: { applicants: train }, source: 'fixture hold-out', bootstrap: { resamples: 200, seed: 1 } });
    expect(report.data.evaluatedRows).toBe(1500);
    expect(report.stability?.csi.length).toBe(defaultModel().featureNames.length);
    await checkReport(report, 'fixture-holdout');
  }, 30_000);

  it('renderReportHtml(hand-made report with challengers, amber and red grades, significant shifts) is clean and every chart is drawn', async () => {
    await checkReport(sampleReport({ challengers: true, stability: true }), 'sample');
  });

  it('the checks are not vacuous: they catch fetches, failed loads, CSP refusals, console errors, exceptions and charts without data', async () => {
    const html = renderReportHtml(sampleReport()).replace(
      '</main>',
      [
        '<img src="https://example.invalid/logo.png" alt="">',
        '<link rel="stylesheet" href="missing.css">',
        '<svg class="chart" data-chart="empty" viewBox="0 0 640 380" width="640" height="380"><path data-series="flat" d="M10 10L10 10"/><rect data-series="bar" x="5" y="5" width="0" height="0"/><rect data-series="bad" height="10/"/></svg>',
        '<script>console.error("inline")</script>',
        '</main>',
      ].join(''),
    );
    const { url, page, inspection } = await openReport(html, 'broken');
    await page.close();
    const problems = pageProblems(url, page, inspection);
    expect(problems.some((p) => p.startsWith('requests:') && p.includes('https://example.invalid/logo.png') && p.includes('missing.css'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('failed request:'))).toHaveLength(2);
    expect(problems.some((p) => /browser log: error security: .*Content Security Policy/.test(p))).toBe(true);
    expect(problems.some((p) => /browser log: error rendering: .*height/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('element loads or links something: <img'))).toBe(true);
    expect(problems).toContain('1 scripts in the page');
    const empty = inspection.charts.find((c) => c.chart === 'empty') as ChartInspection;
    const chartIssues = chartProblems(empty, { flat: { count: 1, vertices: 2 }, bar: { count: 1 } });
    expect(chartIssues).toEqual(
      expect.arrayContaining(['empty: path[flat] has an empty bounding box', 'empty: rect[bar] has an empty bounding box', 'empty: unexpected series bad', 'empty: axis titles: ']),
    );
    // Without the CSP, a script's console error and exception are caught too.
    const noCsp = renderReportHtml(sampleReport())
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('</main>', '<script>console.error("boom"); undefinedFunction();</script></main>');
    const second = await openReport(noCsp, 'broken-script');
    await second.page.close();
    expect(second.page.events.console).toEqual(['error: boom']);
    expect(second.page.events.exceptions.join('\n')).toMatch(/undefinedFunction is not defined/);
  });
});
