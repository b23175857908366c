/**
 * `npm run bench` — runs every suite, writes benchmarks/results/latest.json (schema:
 * benchmarks/resultsSchema.ts, JSON Schema in benchmarks/results.schema.json) and latest.md.
 *
 * Flags:
 *   --quick            smaller inputs and time budgets (CI: well under 2 minutes)
 *   --check            compare ratios with benchmarks/baseline.json; exit 1 on a regression
 *                      (> 25% slower relative to the reference, > 10% on hot paths, confirmed by
 *                      re-measurement: see check())
 *   --update-baseline  write the measured ratios as the new baseline (justify it in the commit)
 *   --only NAME        run suites whose name contains NAME
 *   --rounds N         interleaved rounds per suite (default 5 quick, 7 full)
 *   --time MS          time per task per round (default 100 quick, 500 full)
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

/** Per-task regression budget: a ratio more than this factor above the baseline's fails. */
function budgetOf(hotPath: boolean): number {
  return hotPath ? 1.1 : 1.25;
}

function numberFlag(name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`${name} needs a positive number`);
  return v;
}

async function main(): Promise<number> {
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const resultsDir = join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  if (flag('--schema')) {
    writeFileSync(join(here, 'results.schema.json'), `${JSON.stringify(z.toJSONSchema(BenchResultsSchema, { io: 'input' }), null, 2)}\n`);
  }
  const runOptions = {
    timeMs: numberFlag('--time', quick ? 100 : 500),
    rounds: numberFlag('--rounds', quick ? 5 : 7),
  };
  const tasks: BenchTaskResult[] = [];
  const figures: Record<string, number | string | boolean> = {};
  const skipped: string[] = [];
  const ran = new Map<string, Suite>();
  for (const make of registered) {
    const t0 = performance.now();
    const built: Suite[] = await make({ quick, only });
    const setupMs = performance.now() - t0;
    for (const suite of built) {
      if (only !== undefined && !suite.name.includes(only)) continue;
      if (suite.skip !== undefined) {
        log(`suite ${suite.name}: SKIPPED (${suite.skip})`);
        skipped.push(suite.name);
        figures[`${suite.name}/skipped`] = suite.skip;
        continue;
      }
      log(`suite ${suite.name}: ${suite.tasks.length} task(s) against ${suite.reference.name} (setup ${(setupMs / 1000).toFixed(1)} s, at ${elapsed()})`);
      const results = await runSuite(suite, runOptions);
      for (const r of results) log(`  ${r.name.padEnd(52)} ${fmt(r.rowsPerSec ?? r.opsPerSec)} ${r.rowsPerSec ? 'rows/s' : 'ops/s '}  ratio ${r.ratio.toFixed(3)}`);
      tasks.push(...results);
      ran.set(suite.name, suite);
      if (suite.figures) Object.assign(figures, prefix(suite.name, suite.figures(results)));
    }
  }

  const baselinePath = join(here, 'baseline.json');
  let exitCode = 0;
  if (flag('--check')) {
    exitCode = await check(baselinePath, tasks, skipped, ran, runOptions, figures);
  }
  figures['run/seconds'] = round((performance.now() - started) / 1000, 1);
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
  log(`wrote ${join('benchmarks', 'results', 'latest.json')} and latest.md (${elapsed()})`);

  if (flag('--update-baseline')) {
    const previous = existsSync(baselinePath) ? BaselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8'))) : undefined;
    const measured = Object.fromEntries(tasks.filter((t) => t.name !== t.reference).map((t) => [t.name, { ratio: round(t.ratio, 4), hotPath: t.hotPath }]));
    // a partial run (--only) updates its own tasks and keeps the others
    const baseline = {
      note: 'ratios (task time / reference time, same process) from npm run bench -- --quick --update-baseline; update only with a justification in the commit message',
      tasks: Object.fromEntries(Object.entries({ ...(previous?.tasks ?? {}), ...measured }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
    log(`baseline updated (${Object.keys(measured).length} task(s))`);
  }
  return exitCode;
}

/**
 * `--check`: every measured task whose baseline exists must have `ratio ≤ baseline · budget`.
 * A task over budget is re-measured (its whole suite, fresh rounds) up to twice, and fails when the
 * median of its measurements is still over budget: two of three — one disturbed measurement on a
 * shared machine cannot fail the gate, a real regression is over budget every time.
 */
async function check(
  baselinePath: string,
  tasks: BenchTaskResult[],
  skipped: readonly string[],
  ran: ReadonlyMap<string, Suite>,
  runOptions: { timeMs: number; rounds: number },
  figures: Record<string, number | string | boolean>,
): Promise<number> {
  if (!existsSync(baselinePath)) {
    log('bench:check: no benchmarks/baseline.json (create it with npm run bench -- --quick --update-baseline)');
    return 1;
  }
  const baseline = BaselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8')));
  const over = (name: string, ratio: number): boolean => {
    const b = baseline.tasks[name];
    return b !== undefined && ratio > b.ratio * budgetOf(b.hotPath);
  };
  const measurements = new Map<string, number[]>(tasks.map((t) => [t.name, [t.ratio]]));
  const suiteOf = (name: string): string => name.slice(0, name.indexOf('/'));
  for (let attempt = 1; attempt <= 2; attempt++) {
    // suspects: over budget by the median of their measurements so far, or undecided (1 of 2)
    const suspects = [...measurements].filter(([name, rs]) => {
      const n = rs.filter((r) => over(name, r)).length;
      return n > 0 && n * 2 >= rs.length && n < 2;
    });
    if (suspects.length === 0) break;
    for (const suiteName of new Set(suspects.map(([name]) => suiteOf(name)))) {
      const suite = ran.get(suiteName);
      if (suite === undefined) continue;
      log(`  re-measuring ${suiteName} (${suspects.filter(([n]) => suiteOf(n) === suiteName).map(([n]) => n.slice(suiteName.length + 1)).join(', ')} over budget), attempt ${attempt}`);
      for (const r of await runSuite(suite, runOptions)) measurements.get(r.name)?.push(r.ratio);
    }
  }
  const failures: string[] = [];
  for (const t of tasks) {
    const b = baseline.tasks[t.name];
    if (b === undefined) continue;
    const rs = measurements.get(t.name) ?? [t.ratio];
    const ratio = median(rs);
    const budget = budgetOf(b.hotPath);
    const status = ratio > b.ratio * budget ? 'REGRESSION' : 'ok';
    const shown = rs.length > 1 ? `median of ${rs.map((r) => r.toFixed(3)).join(', ')} = ${ratio.toFixed(3)}` : ratio.toFixed(3);
    log(`  ${status.padEnd(10)} ${t.name.padEnd(52)} ratio ${shown} vs baseline ${b.ratio.toFixed(3)} (limit ${(b.ratio * budget).toFixed(3)})`);
    if (rs.length > 1) figures[`check/${t.name}/measurements`] = rs.map((r) => r.toFixed(4)).join(' ');
    if (status !== 'ok') failures.push(t.name);
  }
  const isSkipped = (n: string): boolean => skipped.some((suite) => n.startsWith(`${suite}/`));
  for (const n of Object.keys(baseline.tasks).filter(isSkipped)) log(`  SKIPPED    ${n} (suite skipped: see above)`);
  const missing = Object.keys(baseline.tasks).filter((n) => !tasks.some((t) => t.name === n) && !isSkipped(n) && (only === undefined || n.includes(only)));
  for (const n of missing) log(`  MISSING    ${n} is in the baseline but was not measured`);
  figures['check/regressions'] = failures.length;
  if (failures.length > 0 || missing.length > 0) {
    log(`bench:check failed: ${failures.length} regression(s), ${missing.length} missing task(s)`);
    return 1;
  }
  log(`bench:check passed: ${tasks.filter((t) => baseline.tasks[t.name] !== undefined).length} task(s) within budget`);
  return 0;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
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
