/**
 * `npm run bench` — runs every suite, writes benchmarks/results/latest.json (schema:
 * benchmarks/resultsSchema.ts, JSON Schema in benchmarks/results.schema.json) and latest.md.
 * `npm run bench:check` does the same and compares the ratios with benchmarks/baseline.json.
 *
 * Flags:
 *   --quick            the CI gate's inputs and time budgets (about a minute on an idle 2-core machine)
 *   --check            compare ratios with benchmarks/baseline.json; exit 1 on a regression
 *                      (> 25% slower relative to the reference, > 10% on hot paths, confirmed by
 *                      re-measurement: see check())
 *   --update-baseline  write the measured ratios into benchmarks/baseline.json (justify it in the
 *                      commit): with --repeat, each task's highest ratio over the passes; with
 *                      --only, only the measured tasks change
 *   --repeat N         run everything N times; results report each task's median ratio
 *   --only NAME        run suites whose name contains NAME
 *   --rounds N         interleaved rounds per suite (default 5 quick, 7 full)
 *   --time MS          time per task per round (default 100 quick, 500 full)
 *   --schema           also (re)write benchmarks/results.schema.json
 *
 * Every suite factory (suites.ts) runs in a child process of its own: what one suite allocates
 * and compiles cannot change how the next one measures (it did: the scoring suite's model training
 * moved scoreApplicant's ratio by up to 1.6× when the suites shared a process).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { mayMatch, runSuite, setGarbageCollector, type RunOptions } from './harness.js';
import { BaselineSchema, BenchResultsSchema, type Baseline, type BenchResults, type BenchTaskResult } from './resultsSchema.js';
import { suites as registered } from './suites.js';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const stringFlag = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
const only = stringFlag('--only');
const CHILD_MARK = 'BENCH_CHILD_RESULT ';

type Figures = Record<string, number | string | boolean>;

/** What one child (one suite factory) reports. */
interface ChildResult {
  tasks: BenchTaskResult[];
  figures: Figures;
  skipped: string[];
  /** Suite names measured, for re-measurement. */
  suites: string[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Per-task regression budget: a ratio more than this factor above the baseline's fails. */
function budgetOf(hotPath: boolean): number {
  return hotPath ? 1.1 : 1.25;
}

function numberFlag(name: string, fallback: number): number {
  const raw = stringFlag(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`${name} needs a positive number`);
  return v;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US').padStart(14);
}

function prefix(name: string, figs: Figures): Figures {
  return Object.fromEntries(Object.entries(figs).map(([k, v]) => [`${name}/${k}`, v]));
}

const runOptions: RunOptions = {
  timeMs: numberFlag('--time', quick ? 100 : 500),
  rounds: numberFlag('--rounds', quick ? 5 : 7),
};

/** Child mode (`--child K [--suite NAME]`): runs suite factory K, prints a {@link ChildResult} line. */
async function runChild(k: number, exactSuite: string | undefined): Promise<void> {
  // gc() for tasks marked gcBefore (a fresh context picks up the flag set at run time)
  setFlagsFromString('--expose-gc');
  setGarbageCollector(runInNewContext('gc') as () => void);
  const t0 = performance.now();
  const built = await registered[k].make({ quick, only: exactSuite ?? only });
  const setupS = ((performance.now() - t0) / 1000).toFixed(1);
  const out: ChildResult = { tasks: [], figures: {}, skipped: [], suites: [] };
  for (const suite of built) {
    if (exactSuite !== undefined ? suite.name !== exactSuite : only !== undefined && !suite.name.includes(only)) continue;
    if (suite.skip !== undefined) {
      log(`suite ${suite.name}: SKIPPED (${suite.skip})`);
      out.skipped.push(suite.name);
      out.figures[`${suite.name}/skipped`] = suite.skip;
      continue;
    }
    log(`suite ${suite.name}: ${suite.tasks.length} task(s) against ${suite.reference.name} (setup ${setupS} s)`);
    const results = await runSuite(suite, runOptions);
    for (const r of results) log(`  ${r.name.padEnd(52)} ${fmt(r.rowsPerSec ?? r.opsPerSec)} ${r.rowsPerSec ? 'rows/s' : 'ops/s '}  ratio ${r.ratio.toFixed(3)} (median ${r.ratioMedian.toFixed(3)})`);
    out.tasks.push(...results);
    out.suites.push(suite.name);
    if (suite.figures) Object.assign(out.figures, prefix(suite.name, suite.figures(results)));
  }
  process.stdout.write(`${CHILD_MARK}${JSON.stringify(out)}\n`);
}

/** Runs suite factory `k` (optionally one suite of it) in a child process. */
function spawnChild(k: number, exactSuite?: string): Promise<ChildResult> {
  // --single-threaded: V8 compiles and collects garbage on the main thread only, so the process CPU
  // time a sample reads is the measured code's thread (a background sweeper finishing the previous
  // sample's garbage would otherwise be charged to whatever runs next), and when code gets
  // optimized does not depend on whether another core is free to run a background compiler
  const args = ['--single-threaded', ...process.execArgv, fileURLToPath(import.meta.url), '--child', String(k), ...(exactSuite === undefined ? [] : ['--suite', exactSuite])];
  for (const name of ['--quick']) if (flag(name)) args.push(name);
  for (const name of ['--only', '--rounds', '--time']) {
    const v = stringFlag(name);
    if (v !== undefined) args.push(name, v);
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(CHILD_MARK));
      if (code !== 0 || line === undefined) reject(new Error(`suite factory ${k}${exactSuite ? ` (${exactSuite})` : ''} failed (exit ${code})`));
      else resolvePromise(JSON.parse(line.slice(CHILD_MARK.length)) as ChildResult);
    });
  });
}

/** One pass over every factory; `factoryOf` records which factory runs each suite. */
async function runAll(factoryOf: Map<string, number>): Promise<ChildResult> {
  const all: ChildResult = { tasks: [], figures: {}, skipped: [], suites: [] };
  for (let k = 0; k < registered.length; k++) {
    if (!mayMatch({ quick, only }, registered[k].prefix)) continue;
    const r = await spawnChild(k);
    for (const s of r.suites) factoryOf.set(s, k);
    all.tasks.push(...r.tasks);
    Object.assign(all.figures, r.figures);
    all.skipped.push(...r.skipped);
    all.suites.push(...r.suites);
  }
  return all;
}

async function main(): Promise<number> {
  const childIndex = stringFlag('--child');
  if (childIndex !== undefined) {
    await runChild(Number(childIndex), stringFlag('--suite'));
    return 0;
  }
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const resultsDir = join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  if (flag('--schema')) {
    writeFileSync(join(here, 'results.schema.json'), `${JSON.stringify(z.toJSONSchema(BenchResultsSchema, { io: 'input' }), null, 2)}\n`);
  }
  const factoryOf = new Map<string, number>();
  const repeat = numberFlag('--repeat', 1);
  const passes: ChildResult[] = [];
  for (let i = 0; i < repeat; i++) {
    if (repeat > 1) log(`pass ${i + 1} of ${repeat} (at ${elapsed()})`);
    passes.push(await runAll(factoryOf));
  }
  const first = passes[0];
  // with --repeat, each task's figures are those of the pass with its median ratio
  const tasks: BenchTaskResult[] = first.tasks.map((t) => {
    const all = passes.map((p) => p.tasks.find((x) => x.name === t.name)).filter((x): x is BenchTaskResult => x !== undefined);
    const m = median(all.map((x) => x.ratio));
    const pick = all.reduce((best, x) => (Math.abs(x.ratio - m) < Math.abs(best.ratio - m) ? x : best), all[0]);
    return { ...pick, ratio: m };
  });
  const figures: Figures = { ...first.figures };
  if (repeat > 1) {
    for (const t of tasks) {
      const rs = passes.map((p) => p.tasks.find((x) => x.name === t.name)?.ratio).filter((x): x is number => x !== undefined);
      figures[`repeat/${t.name}`] = `${rs.map((r) => r.toFixed(3)).join(' ')} (max/min ${(Math.max(...rs) / Math.min(...rs)).toFixed(2)})`;
      log(`  ${t.name.padEnd(52)} ratios ${rs.map((r) => r.toFixed(3)).join(' ')}  max/min ${(Math.max(...rs) / Math.min(...rs)).toFixed(2)}`);
    }
  }

  const baselinePath = join(here, 'baseline.json');
  let exitCode = 0;
  if (flag('--check')) exitCode = await check(baselinePath, tasks, first.skipped, factoryOf, figures);
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
    const previous: Baseline | undefined = existsSync(baselinePath) ? BaselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8'))) : undefined;
    // the highest ratio of the passes: the gate's budget then starts above the noise measured here
    const envelope = (t: BenchTaskResult): number => Math.max(...passes.map((p) => p.tasks.find((x) => x.name === t.name)?.ratio ?? t.ratio));
    const measured = Object.fromEntries(tasks.filter((t) => t.name !== t.reference && t.gated).map((t) => [t.name, { ratio: round(envelope(t), 4), hotPath: t.hotPath }]));
    for (const t of tasks.filter((x) => !x.gated)) delete previous?.tasks[t.name];
    const baseline: Baseline = {
      note: previous?.note ?? 'per task, the highest ratio (time per call / the suite reference time per call, same process, CPU clock) of the passes of npm run bench -- --quick --repeat 5 --update-baseline; change only with a justification in the commit message',
      tasks: Object.fromEntries(Object.entries({ ...(previous?.tasks ?? {}), ...measured }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
    log(`baseline updated (${Object.keys(measured).length} task(s))`);
  }
  return exitCode;
}

/**
 * `--check`: every measured task whose baseline exists must have `ratio ≤ baseline · budget`.
 * A task over budget is re-measured (its suite alone, in a fresh child process) up to twice, and
 * fails when the median of its measurements is still over budget: two of three — one disturbed
 * measurement on a shared machine cannot fail the gate, a real regression is over budget every time.
 */
async function check(baselinePath: string, tasks: BenchTaskResult[], skipped: readonly string[], factoryOf: ReadonlyMap<string, number>, figures: Figures): Promise<number> {
  if (!existsSync(baselinePath)) {
    log('bench:check: no benchmarks/baseline.json (create it with npm run bench -- --quick --repeat 5 --update-baseline)');
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
    // undecided: over budget once and not yet twice, with no majority under budget
    const suspects = [...measurements].filter(([name, rs]) => {
      const n = rs.filter((r) => over(name, r)).length;
      return n > 0 && n * 2 >= rs.length && n < 2;
    });
    if (suspects.length === 0) break;
    for (const suiteName of new Set(suspects.map(([name]) => suiteOf(name)))) {
      const k = factoryOf.get(suiteName);
      if (k === undefined) continue;
      log(`  re-measuring ${suiteName} (${suspects.filter(([n]) => suiteOf(n) === suiteName).map(([n]) => n.slice(suiteName.length + 1)).join(', ')} over budget), attempt ${attempt}`);
      for (const r of (await spawnChild(k, suiteName)).tasks) measurements.get(r.name)?.push(r.ratio);
    }
  }
  const failures: string[] = [];
  for (const t of tasks) {
    const b = baseline.tasks[t.name];
    if (b === undefined) {
      if (!t.gated && t.name !== t.reference) log(`  reported   ${t.name.padEnd(52)} ratio ${t.ratio.toFixed(3)} (not gated)`);
      continue;
    }
    const rs = measurements.get(t.name) ?? [t.ratio];
    const ratio = median(rs);
    const limit = b.ratio * budgetOf(b.hotPath);
    const status = ratio > limit ? 'REGRESSION' : 'ok';
    const shown = rs.length > 1 ? `median of ${rs.map((r) => r.toFixed(3)).join(', ')} = ${ratio.toFixed(3)}` : ratio.toFixed(3);
    log(`  ${status.padEnd(10)} ${t.name.padEnd(52)} ratio ${shown} vs baseline ${b.ratio.toFixed(3)} (limit ${limit.toFixed(3)}${b.hotPath ? ', hot path' : ''})`);
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

function renderMarkdown(r: BenchResults): string {
  const lines = [
    `# Benchmark results`,
    '',
    `Node ${r.node} · ${r.cpu} · ${r.date}${r.quick ? ' · quick' : ''}`,
    '',
    "Ratio: time per call ÷ the suite reference's time per call, from pairs of samples a millisecond apart (lower is faster): the gate's figure is the 10th percentile of the pairs' ratios, the median is shown beside it. Latency: single calls on the task's clock (cpu = process CPU time); wall-clock latency where measured.",
    '',
    '| task | ratio (p10 of pairs) | ratio (median) | rows/s or calls/s | p50 | p99 | wall p50 | wall p99 | clock |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...r.tasks.map(
      (t) =>
        `| ${t.name}${t.hotPath ? ' (hot path)' : ''}${t.gated ? '' : ' (not gated)'} | ${t.ratio.toFixed(3)} | ${t.ratioMedian.toFixed(3)} | ${Math.round(t.rowsPerSec ?? t.opsPerSec).toLocaleString('en-US')} | ${ns(t.p50Ns)} | ${ns(t.p99Ns)} | ${t.wallP50Ns === undefined ? '' : ns(t.wallP50Ns)} | ${t.wallP99Ns === undefined ? '' : ns(t.wallP99Ns)} | ${t.clock} |`,
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
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(`benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 2;
  },
);
