/**
 * `npm run bench:quality` — trains every model family on every ../shared/datasets split through the
 * CLI and fails (exit 1) when a test AUC drops below its floor in benchmarks/reference/floors.json.
 * Deterministic: the same code gives the same figures. Writes benchmarks/results/quality.json and
 * prints a Markdown table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILIES, KNOWN_GAPS, KNOWN_GAP_AUC, hasDatasets, measureCliAuc, readFloors } from './quality/measureCliAuc.js';

const here = dirname(fileURLToPath(import.meta.url));
if (!hasDatasets()) {
  process.stderr.write('bench:quality: ../shared/datasets is absent; nothing to measure\n');
  process.exit(2);
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const floors = readFloors();
const rows: { dataset: string; family: string; auc: number; floor: number; reference: string; referenceAuc: number; passed: boolean; knownGap: boolean; trainSeconds: number; command: string }[] = [];
for (const dataset of Object.keys(floors.floors)) {
  if (only !== undefined && !dataset.includes(only)) continue;
  for (const family of FAMILIES) {
    const f = floors.floors[dataset][family];
    const r = await measureCliAuc(dataset, family, floors);
    const gap = KNOWN_GAPS[`${dataset}/${family}`];
    // a known gap (documented, see KNOWN_GAPS) fails only when it widens below its recorded figure
    const passed = gap === undefined ? r.auc >= f.floor : r.auc >= KNOWN_GAP_AUC[`${dataset}/${family}`] - 1e-9;
    rows.push({ dataset, family, auc: r.auc, floor: f.floor, reference: f.reference, referenceAuc: f.referenceAuc, passed, knownGap: gap !== undefined, trainSeconds: Math.round(r.trainSeconds * 10) / 10, command: r.command });
    process.stderr.write(`${passed ? (gap === undefined ? 'ok   ' : 'KNOWN') : 'BELOW'} ${dataset.padEnd(22)} ${family.padEnd(10)} AUC ${r.auc.toFixed(4)}  floor ${f.floor.toFixed(4)}  (${f.reference} ${f.referenceAuc})  train ${r.trainSeconds.toFixed(1)} s${gap === undefined ? '' : `  known gap: ${gap}`}\n`);
  }
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'quality.json'), `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`);
process.stdout.write(
  [
    '| dataset | family | test AUC | floor | reference | train s |',
    '|---|---|---:|---:|---|---:|',
    ...rows.map((r) => `| ${r.dataset} | ${r.family} | ${r.auc.toFixed(4)}${!r.passed ? ' ✗' : r.knownGap ? ' (known gap)' : ''} | ${r.floor.toFixed(4)} | ${r.reference} ${r.referenceAuc} | ${r.trainSeconds} |`),
    '',
  ].join('\n'),
);
const failed = rows.filter((r) => !r.passed);
if (failed.length > 0) {
  process.stderr.write(`bench:quality: ${failed.length} model(s) below their floor\n`);
  process.exit(1);
}
