/**
 * `npm run bench` — runs every suite, writes benchmarks/results/latest.json (schema:
 * benchmarks/resultsSchema.ts, JSON Schema in benchmarks/results.schema.json) and latest.md.
 *
 * Flags:
 *   --quick            smaller inputs and time budgets (CI: well under 2 minutes)
 *   --check            compare ratios with benchmarks/baseline.json; exit 1 on a regression
 *                      (> 25% slower relative to the reference, > 10% on hot paths)
 *   --update-baseline  write the measured ratios as the new baseline (justify it in the commit)
 *   --only NAME        run suites whose name contains NAME
 *   --schema           also (re)write benchmarks/results.schema.json
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runSuite, type Suite } from './harness.js';
import { BaselineSchema, BenchResultsSchema, type BenchResults, type BenchTaskResult } from './resultsSchema.js';
import { suites as registered } from './suites.js';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const quick = flag('--quick');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  const resultsDir = join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  if (flag('--schema')) {
    writeFileSync(join(here, 'results.schema.json'), `${JSON.stringify(z.toJSONSchema(BenchResultsSchema, { io: 'input' }), null, 2)}\n`);
  }
  const tasks: BenchTaskResult[] = [];
  const figures: Record<string, number | string | boolean> = {};
  const skipped: string[] = [];
  for (const make of registered) {
    const built: Suite[] = await make({ quick, only });
    for (const suite of built) {
      if (only !== undefined && !suite.name.includes(only)) continue;
      if (suite.skip !== undefined) {
        log(`suite ${suite.name}: SKIPPED (${suite.skip})`);
        skipped.push(suite.name);
        figures[`${suite.name}/skipped`] = suite.skip;
        continue;
      }
      log(`suite ${suite.name}: ${suite.tasks.length} task(s) against ${suite.reference.name}`);
      const results = await runSuite(suite, quick ? { timeMs: 250, rounds: 3 } : { timeMs: 1000, rounds: 5 });
      for (const r of results) log(`  ${r.name.padEnd(48)} ${fmt(r.rowsPerSec ?? r.opsPerSec)} ${r.rowsPerSec ? 'rows/s' : 'ops/s '}  ratio ${r.ratio.toFixed(3)}`);
      tasks.push(...results);
      if (suite.figures) Object.assign(figures, prefix(suite.name, suite.figures(results)));
    }
  }
  const results: BenchResults = BenchResultsSchema.parse({
    schemaVersion: 1,
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} x${cpus().length}`,
    date: new Date().toISOString(),
    quick,
    tasks,
    figures,
  });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), renderMarkdown(results));
  log(`wrote ${join('benchmarks', 'results', 'latest.json')} and latest.md`);

  const baselinePath = join(here, 'baseline.json');
  if (flag('--update-baseline')) {
    const baseline = {
      note: 'ratios measured by npm run bench; update only with a justification in the commit message',
      tasks: Object.fromEntries(tasks.filter((t) => t.name !== t.reference).map((t) => [t.name, { ratio: round(t.ratio, 4), hotPath: t.hotPath }])),
    };
    writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
    log('baseline updated');
  }
  if (flag('--check')) {
    if (!existsSync(baselinePath)) {
      log('bench:check: no benchmarks/baseline.json');
      return 1;
    }
    const baseline = BaselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8')));
    const failures: string[] = [];
    for (const t of tasks) {
      const b = baseline.tasks[t.name];
      if (b === undefined) continue;
      const budget = b.hotPath ? 1.1 : 1.25;
      const status = t.ratio > b.ratio * budget ? 'REGRESSION' : 'ok';
      log(`  ${status.padEnd(10)} ${t.name.padEnd(48)} ratio ${t.ratio.toFixed(3)} vs baseline ${b.ratio.toFixed(3)} (budget x${budget})`);
      if (status !== 'ok') failures.push(t.name);
    }
    const isSkipped = (n: string): boolean => skipped.some((suite) => n.startsWith(`${suite}/`));
    for (const n of Object.keys(baseline.tasks).filter(isSkipped)) log(`  SKIPPED    ${n} (suite skipped: see above)`);
    const missing = Object.keys(baseline.tasks).filter((n) => !tasks.some((t) => t.name === n) && !isSkipped(n) && (only === undefined || n.includes(only)));
    for (const n of missing) log(`  MISSING    ${n} is in the baseline but was not measured`);
    if (failures.length > 0 || missing.length > 0) {
      log(`bench:check failed: ${failures.length} regression(s), ${missing.length} missing task(s)`);
      return 1;
    }
    log(`bench:check passed: ${tasks.length} task(s) within budget`);
  }
  return 0;
}

function prefix(name: string, figs: Record<string, number | string | boolean>): Record<string, number | string | boolean> {
  return Object.fromEntries(Object.entries(figs).map(([k, v]) => [`${name}/${k}`, v]));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US').padStart(14);
}

function renderMarkdown(r: BenchResults): string {
  const lines = [
    `# Benchmark results`,
    '',
    `Node ${r.node} · ${r.cpu} · ${r.date}${r.quick ? ' · quick' : ''}`,
    '',
    '| task | rows/s or ops/s | p50 | p99 | ratio to reference |',
    '|---|---:|---:|---:|---:|',
    ...r.tasks.map(
      (t) => `| ${t.name} | ${Math.round(t.rowsPerSec ?? t.opsPerSec).toLocaleString('en-US')} | ${ns(t.p50Ns)} | ${ns(t.p99Ns)} | ${t.ratio.toFixed(3)} |`,
    ),
    '',
  ];
  const figs = Object.entries(r.figures);
  if (figs.length > 0) lines.push('| figure | value |', '|---|---:|', ...figs.map(([k, v]) => `| ${k} | ${typeof v === 'number' ? round(v, 4) : v} |`), '');
  return lines.join('\n');
}

function ns(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} s`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} ms`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(2)} µs`;
  return `${x.toFixed(0)} ns`;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(2);
  },
);
