/**
 * `npx tsx benchmarks/score1m.ts [rows]` — issue 3's streaming acceptance: scores a generated CSV
 * of 1,000,000 rows through the built CLI (`node dist/cli/main.js score`, run `npm run build`
 * first) as a child process, records its wall time and peak RSS (the child's own VmHWM, printed at
 * its exit by the preload benchmarks/_reportPeakRss.mjs; getrusage's maxRSS, which /usr/bin/time
 * reports, carries the parent's RSS over fork + exec on Linux), and checks that
 * every output row's PD equals the library's `predict` on the same rows, exactly.
 * Writes benchmarks/results/score1m.json.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandom } from '../src/_lib/random.js';
import type { Dataset } from '../src/data/Dataset.js';
import { loadModel } from '../src/scorers/index.js';
import { trainScorecard } from '../src/train/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const cols = 12;
const dir = join(tmpdir(), 'credit-scoring-bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `score-${rows}.csv`);
const modelPath = join(dir, 'score1m-model.json');
const outPath = join(dir, `score-${rows}.jsonl`);
const cli = join(here, '..', 'dist', 'cli', 'main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: dist/cli/main.js is missing');

const rng = createRandom(11);
const names = Array.from({ length: cols }, (_, j) => `x${j}`);
const weights = Array.from({ length: cols }, (_, j) => (j % 3 === 0 ? 0.8 : j % 3 === 1 ? -0.5 : 0.3));
function row(): { x: number[]; bad: number; purpose: string } {
  const x = names.map(() => Math.round(rng.normal() * 1000) / 1000);
  const purpose = ['car', 'home', 'cash', 'other'][rng.int(4)];
  const z = -2 + x.reduce((s, v, j) => s + v * weights[j], 0) + (purpose === 'cash' ? 0.7 : 0);
  return { x, purpose, bad: rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0 };
}

// 1. Train a scorecard on 20k rows (in memory).
const nTrain = 20_000;
const cells = names.map(() => new Float64Array(nTrain));
const purposeCodes = new Int32Array(nTrain);
const target = new Uint8Array(nTrain);
const purposes = ['car', 'home', 'cash', 'other'];
for (let i = 0; i < nTrain; i++) {
  const r = row();
  r.x.forEach((v, j) => (cells[j][i] = i % 97 === 0 && j === 0 ? Number.NaN : v));
  purposeCodes[i] = purposes.indexOf(r.purpose);
  target[i] = r.bad;
}
const dataset: Dataset = {
  rows: nTrain,
  columns: [...names.map((name, j) => ({ name, type: 'numeric' as const, values: cells[j] })), { name: 'purpose', type: 'categorical' as const, codes: purposeCodes, categories: purposes }],
  target,
};
const artifact = trainScorecard(dataset, { id: 'bench-1m' });
writeFileSync(modelPath, JSON.stringify(artifact));
const scorer = loadModel(artifact);

// 2. Write the CSV (with a target column the scorer ignores) and keep the expected PDs.
const expected = new Float64Array(rows);
{
  const out = createWriteStream(csv);
  out.write(`id,${names.join(',')},purpose,bad\n`);
  const batch = 10_000;
  const specs = artifact.features;
  const m = new Float64Array(batch * specs.length);
  let buf = '';
  for (let start = 0; start < rows; start += batch) {
    const n = Math.min(batch, rows - start);
    for (let i = 0; i < n; i++) {
      const r = row();
      const values: Record<string, number | string> = { purpose: r.purpose };
      r.x.forEach((v, j) => (values[names[j]] = v));
      buf += `${start + i + 1},${r.x.join(',')},${r.purpose},${r.bad}\n`;
      specs.forEach((s, j) => (m[i * specs.length + j] = s.type === 'categorical' ? (s.categories ?? []).indexOf(values[s.name] as string) : (values[s.name] as number)));
    }
    expected.set(scorer.predict({ names: specs.map((s) => s.name), rows: n, values: m.subarray(0, n * specs.length) }), start);
    if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
    buf = '';
  }
  await new Promise<void>((r) => out.end(() => r()));
}

// 3. Score through the CLI in a child process; measure wall time and peak RSS.
const started = performance.now();
const preload = pathToFileURL(join(here, '_reportPeakRss.mjs')).href;
const child = spawn(process.execPath, ['--import', preload, cli, 'score', '--model', modelPath, '--data', csv, '--out', outPath], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? -1)));
const seconds = (performance.now() - started) / 1000;
if (code !== 0) throw new Error(`score failed (${code}): ${stderr}`);
const rssKb = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);

// 4. Compare every output row with predict.
let i = 0;
let mismatches = 0;
for await (const line of createInterface({ input: createReadStream(outPath) })) {
  const r = JSON.parse(line) as { row: number; probabilityOfDefault?: number };
  if (r.row !== i + 1 || r.probabilityOfDefault !== expected[i]) mismatches++;
  i++;
}
const result = {
  rows,
  outputRows: i,
  mismatches,
  seconds: Math.round(seconds * 10) / 10,
  rowsPerSecond: Math.round(rows / seconds),
  peakRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null,
  node: process.version,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'score1m.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
if (mismatches > 0 || i !== rows) process.exitCode = 1;
