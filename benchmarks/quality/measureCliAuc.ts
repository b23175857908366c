/**
 * Trains one model family on a shared dataset's train.csv and backtests it on test.csv, both through
 * the CLI (in-process `runCli`, exactly what a user types), and returns the test AUC from
 * `backtest --json`. Used by test/quality (floors as tests) and benchmarks/quality.ts (bench:quality).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';

const here = dirname(fileURLToPath(import.meta.url));
/** ../shared/datasets beside the repository. */
export const DATASETS_DIR = resolve(here, '../../../shared/datasets');
export const FAMILIES = ['logistic', 'scorecard', 'tree', 'forest', 'gbm'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * Floors not met today (`dataset/family` → where the measured explanation is). test/quality declares
 * such a test `it.fails` (it fails once the floor is met, so the entry must then be removed);
 * `npm run bench:quality` reports it as a known gap and fails only if it drops further, below the
 * figure measured when the gap was recorded (`KNOWN_GAP_AUC`).
 */
export const KNOWN_GAPS: Record<string, string> = {
  // Test split 0.7693 vs floor 0.78526. Decomposed against scikit-learn on the same rows
  // (benchmarks/reference/scorecard/german_gap.json, README.md there): IV selection costs 0.020,
  // binning 0.005, WoE coding gains 0.004; paired bootstrap 95% CI of the difference [-0.047, +0.004].
  // On 5 x 5-fold CV of train.csv the scorecard is 0.018 +- 0.003 AHEAD of the reference logistic,
  // and no default that CV on train.csv supports closes the test-split gap (cv_defaults.json).
  'german-credit/scorecard': 'benchmarks/reference/scorecard/german_gap.json',
};

/** The test AUC measured when each known gap was recorded: bench:quality fails below it. */
export const KNOWN_GAP_AUC: Record<string, number> = { 'german-credit/scorecard': 0.7693 };

export interface Floors {
  targets: Record<string, { target: string; bad: string }>;
  floors: Record<string, Record<Family, { floor: number; reference: string; referenceAuc: number; tolerance: number }>>;
}

export function readFloors(): Floors {
  return JSON.parse(readFileSync(join(here, '../reference/floors.json'), 'utf8')) as Floors;
}

export function hasDatasets(): boolean {
  return existsSync(join(DATASETS_DIR, 'german-credit', 'train.csv'));
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await runCli(args, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** `credit-scoring train` then `credit-scoring backtest --json` on one dataset; the test AUC. */
export async function measureCliAuc(dataset: string, family: Family, floors: Floors = readFloors()): Promise<{ auc: number; trainSeconds: number; command: string }> {
  const { target, bad } = floors.targets[dataset];
  const dir = mkdtempSync(join(tmpdir(), 'cs-quality-'));
  const model = join(dir, `${dataset}-${family}.json`);
  const trainArgs = ['train', '--data', join(DATASETS_DIR, dataset, 'train.csv'), '--target', target, '--bad', bad, '--model', family, '--seed', '1', '--out', model];
  try {
    const started = performance.now();
    const t = await run(trainArgs);
    const trainSeconds = (performance.now() - started) / 1000;
    if (t.code !== 0) throw new Error(`train failed (${t.code}): ${t.stderr}`);
    const b = await run(['backtest', '--model', model, '--data', join(DATASETS_DIR, dataset, 'test.csv'), '--target', target, '--bad', bad, '--json']);
    if (b.code !== 0) throw new Error(`backtest failed (${b.code}): ${b.stderr}`);
    const report = JSON.parse(b.stdout) as { metrics: { auc: number } };
    return { auc: report.metrics.auc, trainSeconds, command: `credit-scoring ${trainArgs.join(' ').replaceAll(DATASETS_DIR, '../shared/datasets').replace(model, 'MODEL.json')}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
