/**
 * Renders the HTML report in headless Chromium (Debian `chromium`) and checks, in a real browser,
 * that the page raises no error (script errors, CSP violations, failed loads, console errors) and
 * that every chart has drawn data: each `<svg data-chart>` has `path`/`rect` data elements with a
 * non-empty bounding box. Skipped, with a message, only where /usr/bin/chromium is absent.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_HTML_CSP, backtest, renderReportHtml } from '../../src/backtest/index.js';
import { sampleReport } from './_sampleReport.js';
import { CHALLENGER, CHAMPION, syntheticDataset, testScorer } from './_synthetic.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), 'report-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs headless Chromium on a file and returns stdout, stderr. */
function runChromium(args: string[], url: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const profile = mkdtempSync(join(dir, 'profile-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--window-size=1280,2000',
    ...args,
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, flags, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/**
 * A verifier injected into a copy of the report (the report itself carries no script and a CSP
 * forbidding scripts): the CSP is relaxed for inline scripts only, errors of every kind are
 * recorded from the first byte, and on load the per-chart counts are written into the DOM.
 */
const VERIFIER = `<script>
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push('error: ' + (e.message || (e.target && e.target.tagName) || 'resource')); }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('rejection: ' + String(e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI); });
  var original = console.error;
  console.error = function () { errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); };
  window.addEventListener('load', function () {
    var charts = {};
    document.querySelectorAll('svg[data-chart]').forEach(function (svg) {
      var drawn = 0;
      svg.querySelectorAll('path[data-series], rect[data-series]').forEach(function (el) {
        var box = el.getBBox();
        if (box.width > 0 || box.height > 0) drawn++;
      });
      var rect = svg.getBoundingClientRect();
      charts[svg.getAttribute('data-chart')] = {
        drawn: drawn,
        width: Math.round(rect.width),
        height: Math.round(rect.height),
        labels: svg.querySelectorAll('.axis text').length,
      };
    });
    var out = document.createElement('pre');
    out.id = 'verification';
    out.textContent = JSON.stringify({ errors: errors, charts: charts });
    document.body.appendChild(out);
  });
})();
</script>`;

function instrument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}">`;
  expect(html).toContain(meta);
  const testCsp = `<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}; script-src 'unsafe-inline'">`;
  return html.replace(meta, `${testCsp}\n${VERIFIER}`);
}

interface Verification {
  errors: string[];
  charts: Record<string, { drawn: number; width: number; height: number; labels: number }>;
}

async function verify(html: string, name: string): Promise<Verification> {
  const path = join(dir, `${name}.html`);
  writeFileSync(path, instrument(html));
  const { stdout, stderr, code } = await runChromium(['--dump-dom', '--virtual-time-budget=5000', '--enable-logging=stderr', '--v=0'], `file://${path}`);
  expect(code).toBe(0);
  // Console messages and CSP refusals also reach Chromium's log.
  const logged = stderr.split('\n').filter((l) => /CONSOLE|Refused to|Content Security Policy/i.test(l));
  const match = /<pre id="verification">([\s\S]*?)<\/pre>/.exec(stdout);
  expect(match, 'the verifier wrote its result into the DOM').not.toBeNull();
  const text = (match?.[1] ?? '{}').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const result = JSON.parse(text) as Verification;
  return { ...result, errors: [...result.errors, ...logged] };
}

describe.skipIf(!hasChromium)(`renderReportHtml in headless Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; apt-get install -y chromium)'}`, () => {
  it('renderReportHtml(report) with every section: no errors, every chart drawn with data and labelled axes', async () => {
    const html = renderReportHtml(sampleReport({ challengers: true, stability: true }));
    const result = await verify(html, 'full');
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.charts).sort()).toEqual(['bands', 'calibration', 'distribution', 'ks', 'psi', 'roc']);
    for (const [chart, c] of Object.entries(result.charts)) {
      expect(c.drawn, `${chart} drawn elements`).toBeGreaterThan(0);
      expect(c.width, `${chart} width`).toBeGreaterThan(200);
      expect(c.height, `${chart} height`).toBeGreaterThan(100);
      expect(c.labels, `${chart} tick labels`).toBeGreaterThanOrEqual(4);
    }
    expect(result.charts.roc.drawn).toBe(2);
    expect(result.charts.bands.drawn).toBe(9);
  });

  it('renderReportHtml(report) of a real backtest: no errors, every chart drawn', async () => {
    const ds = syntheticDataset(3000, 17);
    const report = await backtest([testScorer('champ', CHAMPION), testScorer('chall', CHALLENGER)], ds, { split: { kind: 'oot', cutoff: '2023-01' }, bootstrap: { resamples: 50 } });
    const result = await verify(renderReportHtml(report), 'real');
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.charts).sort()).toEqual(['bands', 'calibration', 'distribution', 'ks', 'psi', 'roc']);
    for (const [chart, c] of Object.entries(result.charts)) expect(c.drawn, chart).toBeGreaterThan(0);
  });

  it('the verifier is not vacuous: it reports a blocked fetch, a script error and a chart without data', async () => {
    const html = renderReportHtml(sampleReport()).replace(
      '</main>',
      '<img src="https://example.invalid/logo.png" alt=""><svg data-chart="empty" viewBox="0 0 10 10"><path data-series="x" d=""/></svg></main><script>undefinedFunction();</script>',
    );
    const result = await verify(html, 'broken');
    expect(result.errors.some((e) => e.startsWith('csp: img-src'))).toBe(true);
    expect(result.errors.some((e) => /undefinedFunction/.test(e))).toBe(true);
    expect(result.charts.empty.drawn).toBe(0);
    expect(result.charts.roc.drawn).toBe(1);
  });
});
