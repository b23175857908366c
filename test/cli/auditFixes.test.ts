/**
 * CLI behaviours from the issue-3 audit (team/audit-2-3.md): --exclude, JSON Lines tables in score,
 * absent model columns, unwritable --out, reading options carried from train to score/backtest,
 * --good, explain on raw applicants and incomplete rows, usage on stderr. In-process runs on small
 * seeded tables (fast); the German checks are skipped without ../shared/datasets.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { extractFeatures, featureRecordFromVector } from '../../src/features/index.js';
import { loadModel, parseApplicant } from '../../src/index.js';
import { cli } from './runCliHelper.js';

const tmp = mkdtempSync(join(tmpdir(), 'cs-cli-audit-'));
const german = resolve(import.meta.dirname, '../../../shared/datasets/german-credit');
const hasGerman = existsSync(join(german, 'train.csv'));

interface Row {
  income: number | null;
  owner: boolean;
  purpose: string;
  note: string;
  opened: string;
  noise: number;
  y: number;
}

/** A seeded table whose target depends on income, owner and purpose. */
function makeRows(n: number, seed: number): Row[] {
  const rng = createRandom(seed);
  const purposes = ['car', 'home', 'tv'];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const income = rng.next() < 0.1 ? null : Math.round(20000 + 60000 * rng.next());
    const owner = rng.next() < 0.5;
    const purpose = purposes[rng.int(3)];
    const z = -1 - (income === null ? -0.8 : (income - 50000) / 20000) - (owner ? 0.7 : 0) + (purpose === 'tv' ? 0.8 : 0) + rng.normal() * 0.5;
    rows.push({
      income,
      owner,
      purpose,
      note: ['a', 'b', 'c', 'd'][rng.int(4)],
      opened: `2023-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
      noise: Math.round(rng.next() * 1000) / 10,
      y: z > 0 ? 1 : 0,
    });
  }
  return rows;
}

const columns = ['income', 'owner', 'purpose', 'note', 'opened', 'noise', 'y'] as const;

function toCsv(rows: readonly Row[], options: { delimiter?: string; missing?: string; drop?: string[] } = {}): string {
  const d = options.delimiter ?? ',';
  const names = columns.filter((c) => !(options.drop ?? []).includes(c));
  const cell = (v: unknown): string => (v === null ? (options.missing ?? '') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  return `${[names.join(d), ...rows.map((r) => names.map((c) => cell(r[c])).join(d))].join('\n')}\n`;
}

function toJsonl(rows: readonly Row[]): string {
  // As a JSON Lines export often looks: booleans as "yes"/"no", some numbers as strings, "NA" for missing.
  return `${rows.map((r, i) => JSON.stringify({ ...r, owner: r.owner ? 'yes' : 'no', income: r.income === null ? 'NA' : i % 2 === 0 ? String(r.income) : r.income })).join('\n')}\n`;
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

type Scored = { row: number; probabilityOfDefault?: number; score?: number; error?: { code: string; message: string } };
function jsonl(text: string): Scored[] {
  return text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Scored);
}

const rows = makeRows(400, 11);
const tableCsv = file('table.csv', toCsv(rows));

describe('train --exclude', () => {
  it('train --exclude A,B on a table leaves the columns out of the model (they are not read)', async () => {
    const out = join(tmp, 'excl.json');
    const r = await cli(['train', '--data', tableCsv, '--target', 'y', '--model', 'logistic', '--exclude', 'note,noise', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const names = loadModel(readFileSync(out, 'utf8')).featureNames;
    expect(names).not.toContain('note');
    expect(names).not.toContain('noise');
    expect(names).toContain('income');
  });

  it('train --exclude on raw applicants leaves the catalogue features out', async () => {
    const gen = await cli(['generate', '--n', '400', '--seed', '3']);
    const data = file('applicants.jsonl', gen.stdout);
    const out = join(tmp, 'excl-app.json');
    const r = await cli(['train', '--data', data, '--model', 'logistic', '--exclude', 'requestedAmount,hardInquiries6m', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const names = loadModel(readFileSync(out, 'utf8')).featureNames;
    expect(names).not.toContain('requestedAmount');
    expect(names).not.toContain('hardInquiries6m');
    expect(names.length).toBeGreaterThan(5);
  });
});

describe('train messages', () => {
  it('train reports the date columns it skips and the columns the trainer leaves out, with reasons', async () => {
    const r = await cli(['train', '--data', tableCsv, '--target', 'y', '--model', 'scorecard', '--out', join(tmp, 'sc.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("train: date column 'opened' is not used as a feature");
    const left = r.stderr.split('\n').find((l) => l.includes('left out by the trainer'));
    expect(left).toMatch(/note \(iv below minimum\)/);
    expect(left).toMatch(/noise \(iv below minimum\)/);
  });

  it('train says when a mostly numeric column is read as categorical, and --missing fixes it', async () => {
    // A few '.' cells (every 25th row) among numbers, as SAS exports write missing values.
    const data = file('dots.csv', toCsv(rows).replace(/^\d+,/gm, (m, offset: number, all: string) => (all.slice(0, offset).split('\n').length % 25 === 0 ? '.,' : m)));
    const a = await cli(['train', '--data', data, '--target', 'y', '--model', 'logistic', '--out', join(tmp, 'dots-a.json')]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/column 'income' was read as categorical although \d+\.\d% of its non-missing cells are numbers.*--missing/);
    const b = await cli(['train', '--data', data, '--target', 'y', '--model', 'logistic', '--missing', '.', '--out', join(tmp, 'dots-b.json')]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).not.toMatch(/read as categorical/);
    expect(loadModel(readFileSync(join(tmp, 'dots-b.json'), 'utf8')).toArtifact().features.find((f) => f.name === 'income')?.type).toBe('numeric');
  });

  it('train says when a column looks like decimal-comma numbers', async () => {
    const text = toCsv(rows, { delimiter: ';' }).replace(/;(\d+)\.(\d);/g, ';$1,$2;');
    const r = await cli(['train', '--data', file('euro.csv', text), '--target', 'y', '--model', 'logistic', '--out', join(tmp, 'euro.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/column 'noise' looks like numbers written with a decimal comma/);
  });
});

describe('score on tables', () => {
  const model = join(tmp, 'table-model.json');

  it('score scores a JSON Lines table that train accepted ("yes"/"no", numbers as text, "NA"), as the CSV of the same rows', async () => {
    const data = file('table.jsonl', toJsonl(rows));
    const t = await cli(['train', '--data', data, '--target', 'y', '--model', 'logistic', '--out', model]);
    expect(t.code, t.stderr).toBe(0);
    const a = await cli(['score', '--model', model, '--data', data]);
    expect(a.code, a.stderr).toBe(0);
    const fromJsonl = jsonl(a.stdout);
    expect(fromJsonl.filter((x) => x.error !== undefined)).toEqual([]);
    expect(fromJsonl).toHaveLength(400);
    const b = await cli(['score', '--model', model, '--data', tableCsv]);
    expect(b.code, b.stderr).toBe(0);
    expect(fromJsonl.map((x) => x.probabilityOfDefault)).toEqual(jsonl(b.stdout).map((x) => x.probabilityOfDefault));
  });

  it('score exits 2 naming the model columns absent from a CSV header, before writing anything', async () => {
    const data = file('no-income.csv', toCsv(rows, { drop: ['income'] }));
    const r = await cli(['score', '--model', model, '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the input lacks 1 of the model's \d+ feature columns: income/);
    expect(r.stderr).toMatch(/--allow-missing-columns/);
  });

  it('score --allow-missing-columns scores them as missing and names them on stderr', async () => {
    const data = file('no-income2.csv', toCsv(rows, { drop: ['income'] }));
    const r = await cli(['score', '--model', model, '--data', data, '--allow-missing-columns']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 model column absent from the input, scored as missing in every row \(--allow-missing-columns\): income/);
    const scored = jsonl(r.stdout);
    expect(scored).toHaveLength(400);
    expect(scored.every((x) => typeof x.probabilityOfDefault === 'number')).toBe(true);
  });

  it('score checks the first line of a JSON Lines table for the model columns', async () => {
    const text = rows.map((r) => JSON.stringify({ owner: r.owner, purpose: r.purpose, y: r.y })).join('\n');
    const r = await cli(['score', '--model', model, '--data', file('no-income.jsonl', text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lacks 3 of the model's 5 feature columns: income, note, noise/);
  });

  it('score --help documents --allow-missing-columns, --missing and --delimiter', async () => {
    const r = await cli(['score', '--help']);
    for (const flag of ['--allow-missing-columns', '--missing', '--delimiter']) expect(r.stdout).toContain(flag);
  });
});

describe('reading options from train to score and backtest', () => {
  it('train records --missing and --delimiter in the model; score and backtest use them by default', async () => {
    const model = join(tmp, 'semi.json');
    const semi = file('semi.csv', toCsv(rows, { delimiter: ';', missing: '.' }));
    const t = await cli(['train', '--data', semi, '--target', 'y', '--model', 'logistic', '--missing', '.', '--delimiter', ';', '--out', model]);
    expect(t.code, t.stderr).toBe(0);
    const training = loadModel(readFileSync(model, 'utf8')).toArtifact().training as { reading?: unknown };
    expect(training.reading).toEqual({ missing: ['', 'NA', 'N/A', 'NaN', 'null', '?', '.'], delimiter: ';' });
    // '.' is missing when scoring too: the same PDs as the file with empty cells.
    const a = await cli(['score', '--model', model, '--data', semi]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['score', '--model', model, '--data', file('semi-empty.csv', toCsv(rows, { delimiter: ';' }))]);
    expect(a.stdout).toBe(b.stdout);
    expect(jsonl(a.stdout).filter((x) => x.error !== undefined)).toEqual([]);
    // A comma file scored with the recorded ';': every column is absent, and the message says why.
    const comma = await cli(['score', '--model', model, '--data', tableCsv]);
    expect(comma.code).toBe(2);
    expect(comma.stderr).toMatch(/read with the delimiter ";" recorded in the model: pass --delimiter if it differs/);
    expect((await cli(['score', '--model', model, '--data', tableCsv, '--delimiter', ','])).code).toBe(0);
    const bt = await cli(['backtest', '--model', model, '--data', semi, '--target', 'y', '--json']);
    expect(bt.code, bt.stderr).toBe(0);
    expect((JSON.parse(bt.stdout) as { metrics: { count: number } }).metrics.count).toBe(400);
  });

  it('score --missing adds tokens to the model\'s; the empty cell stays missing', async () => {
    const model = join(tmp, 'plain.json');
    expect((await cli(['train', '--data', tableCsv, '--target', 'y', '--model', 'logistic', '--out', model])).code).toBe(0);
    expect((loadModel(readFileSync(model, 'utf8')).toArtifact().training as { reading?: unknown }).reading).toBeUndefined();
    const mixed = rows.map((r, i) => (r.income === null ? { ...r, income: null } : i % 50 === 0 ? { ...r, income: -1 } : r));
    const text = toCsv(mixed).replace(/^-1,/gm, 'unknown,');
    const a = await cli(['score', '--model', model, '--data', file('unknown.csv', text), '--missing', 'unknown']);
    expect(a.code, a.stderr).toBe(0);
    expect(jsonl(a.stdout).filter((x) => x.error !== undefined)).toEqual([]);
    const b = await cli(['score', '--model', model, '--data', file('unknown-empty.csv', text.replace(/^unknown,/gm, ','))]);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('unwritable --out', () => {
  const bad = join(tmp, 'no-such-dir', 'out.jsonl');

  it('score --out to an unwritable path exits 2 with a message naming it, no stack trace', async () => {
    const r = await cli(['score', '--data', tableCsv, '--model', join(tmp, 'excl.json'), '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write --out ${bad}: its directory does not exist (ENOENT)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const dir = await cli(['score', '--data', tableCsv, '--model', join(tmp, 'excl.json'), '--out', tmp]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/cannot write --out .*EISDIR/);
  });

  it('train and backtest check --out before reading the data', async () => {
    const t = await cli(['train', '--data', tableCsv, '--target', 'y', '--out', join(tmp, 'no-such-dir', 'm.json')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/cannot write --out/);
    expect(t.stderr).not.toMatch(/rows read/);
    const b = await cli(['backtest', '--model', join(tmp, 'excl.json'), '--data', tableCsv, '--target', 'y', '--out', join(tmp, 'no-such-dir', 'r.html')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/cannot write --out/);
    expect(b.stderr).not.toMatch(/AUC/);
  });
});

describe('--good: a target with a third value', () => {
  const three = rows.map((r, i) => `${i % 9 === 4 ? 'current' : r.y === 1 ? 'charged off' : 'paid'}`);
  const text = `${[...toCsv(rows).trim().split('\n').map((l, i) => (i === 0 ? l.replace(/,y$/, ',status') : l.replace(/,[01]$/, `,${three[i - 1]}`)))].join('\n')}\n`;
  const data = file('three.csv', text);
  const others = three.filter((t) => t === 'current').length;

  it('train without --good says which flags to pass; with --good the other rows are left out and counted', async () => {
    const a = await cli(['train', '--data', data, '--target', 'status', '--bad', 'charged off', '--out', join(tmp, 'three.json')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/pass --bad VALUE and --good VALUE/);
    const b = await cli(['train', '--data', data, '--target', 'status', '--bad', 'charged off', '--good', 'paid', '--model', 'logistic', '--out', join(tmp, 'three.json')]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(`train: target 'status': ${others} rows with a value other than the bad and good values skipped`);
    expect(b.stderr).not.toMatch(/neither the bad nor the good/);
    expect(b.stderr).toContain(`${(400 - others).toLocaleString('en-US')} rows read`);
  });

  it('backtest --good leaves the other rows out, counts them, and keeps line numbers in its notes', async () => {
    const model = join(tmp, 'three.json');
    const a = await cli(['backtest', '--model', model, '--data', data, '--target', 'status', '--bad', 'charged off', '--json']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--bad VALUE and --good VALUE/);
    // One unreadable row (line 20) to check that line numbers survive the filter.
    const lines = text.split('\n');
    lines[19] = 'oops';
    const b = await cli(['backtest', '--model', model, '--data', file('three-bad.csv', lines.join('\n')), '--target', 'status', '--bad', 'charged off', '--good', 'paid', '--json']);
    expect(b.code, b.stderr).toBe(0);
    const report = JSON.parse(b.stdout) as { metrics: { count: number }; data: { skippedRows: number }; notes: string[] };
    const otherBefore = three.slice(0, 18).filter((t) => t === 'current').length;
    expect(report.metrics.count).toBe(400 - others - (three[18] === 'current' ? 0 : 1));
    expect(report.data.skippedRows).toBe(1);
    expect(report.notes.join('\n')).toMatch(/line 20 skipped/);
    expect(b.stderr).toMatch(new RegExp(`backtest: ${others - (three[18] === 'current' ? 1 : 0)} rows with a target value other than the bad and good values left out`));
    // backtestFile itself leaves them out (option good): the report names the file, not a stream
    expect((JSON.parse(b.stdout) as { data: { source: string } }).data.source).toMatch(/three-bad\.csv$/);
    expect(otherBefore).toBeGreaterThan(0);
  });

  it('train and backtest --help document --good', async () => {
    for (const c of ['train', 'backtest']) expect((await cli([c, '--help'])).stdout).toMatch(/--good VALUE/);
  });
});

describe('explain', () => {
  it('explain --row with a raw applicant on a tree model shows TreeSHAP contributions, as for its feature record', async () => {
    const gen = await cli(['generate', '--n', '400', '--seed', '5']);
    const data = file('apps-tree.jsonl', gen.stdout);
    const model = join(tmp, 'apps-tree.json');
    const t = await cli(['train', '--data', data, '--model', 'tree', '--out', model]);
    expect(t.code, t.stderr).toBe(0);
    const applicant = (JSON.parse(gen.stdout.split('\n')[0]) as { applicant: unknown }).applicant;
    const r = await cli(['explain', '--model', model, '--row', JSON.stringify(applicant), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { probabilityOfDefault: number; contributions?: { feature: string; logOdds: number }[] };
    expect(e.contributions?.length ?? 0).toBeGreaterThan(0);
    const text = await cli(['explain', '--model', model, '--row', JSON.stringify(applicant)]);
    expect(text.stdout).toMatch(/TreeSHAP contributions/);
    // The same as explaining the applicant's extracted features given as a feature record.
    const features = featureRecordFromVector(extractFeatures(parseApplicant(applicant)));
    const names = loadModel(readFileSync(model, 'utf8')).featureNames;
    const record = Object.fromEntries(names.map((n) => [n, features[n]]));
    const asRecord = await cli(['explain', '--model', model, '--row', JSON.stringify(record), '--json']);
    expect(asRecord.code, asRecord.stderr).toBe(0);
    expect(JSON.parse(asRecord.stdout)).toEqual({ ...e, isThinFile: undefined });
  });

  it('explain --row warns on stderr when a feature record lacks model features', async () => {
    const r = await cli(['explain', '--model', join(tmp, 'excl.json'), '--row', '{"income": 52000}']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/explain: the row lacks 2 of the model's 3 features, scored as missing: owner, purpose/);
    const full = await cli(['explain', '--model', join(tmp, 'excl.json'), '--row', '{"income": 52000, "owner": 1, "purpose": "car"}']);
    expect(full.stderr).toBe('');
  });

  it.skipIf(!hasGerman)('explain --help example row is complete for a German model and gives a plausible PD', async () => {
    const model = join(tmp, 'german.json');
    const t = await cli(['train', '--data', join(german, 'train.csv'), '--target', 'creditability', '--bad', 'bad', '--model', 'logistic', '--out', model]);
    expect(t.code, t.stderr).toBe(0);
    const help = (await cli(['explain', '--help'])).stdout;
    const row = /--row \\\n\s+'(\{[\s\S]*?\})'/.exec(help)?.[1];
    expect(row).toBeDefined();
    const r = await cli(['explain', '--model', model, '--row', row as string, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const pd = (JSON.parse(r.stdout) as { probabilityOfDefault: number }).probabilityOfDefault;
    expect(pd).toBeGreaterThan(0.02);
    expect(pd).toBeLessThan(0.9);
  });
});

describe('usage and help', () => {
  it('credit-scoring with no arguments prints the usage on stderr and exits 2; --help prints it on stdout and exits 0', async () => {
    const a = await cli([]);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    expect(a.stderr).toMatch(/Usage: credit-scoring <command>/);
    const b = await cli(['--help']);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/Usage: credit-scoring <command>/);
    expect(b.stderr).toBe('');
  });

  it('the German train example marks the protected attributes', async () => {
    const r = await cli(['train', '--help']);
    expect(r.stdout).toContain('--protected personal_status_and_sex,age_in_years,foreign_worker');
  });
});
