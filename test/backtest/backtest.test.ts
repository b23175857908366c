import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApplicants } from '../../fixtures/generator/index.js';
import { type BacktestReport, BacktestReportSchema, backtest, backtestFile, backtestPredictions } from '../../src/backtest/index.js';
import { type Dataset, datasetToFeatureMatrix, subsetRows } from '../../src/data/index.js';
import { InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { applicantsToDataset } from '../../src/features/index.js';
import { parseApplicant } from '../../src/schema/index.js';
import { loadModel } from '../../src/scorers/index.js';
import { trainLogistic } from '../../src/train/index.js';
import { CHALLENGER, CHAMPION, SPECS, syntheticDataset, testScorer } from './_synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'backtest-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const champion = testScorer('champion@00000001', CHAMPION);
const challenger = testScorer('challenger@00000002', CHALLENGER);
const ds = syntheticDataset(3000, 8);
const HOUSING = ['own', 'rent', 'other'];

/** The dataset as CSV text: numbers as JS prints them (exact round trip), categories as text, dates as ISO. */
function toCsv(d: Dataset, options: { badText?: [string, string] } = {}): string {
  const [good, bad] = options.badText ?? ['0', '1'];
  const u = (d.columns[0] as { values: Float64Array }).values;
  const q = (d.columns[1] as { values: Float64Array }).values;
  const h = (d.columns[2] as { codes: Int32Array }).codes;
  const t = (d.columns[3] as { values: Float64Array }).values;
  const lines = ['id,utilization,inquiries,housing,opened,bad'];
  for (let i = 0; i < d.rows; i++) {
    lines.push(`${i},${Number.isNaN(u[i]) ? 'NA' : String(u[i])},${q[i]},${h[i] < 0 ? '' : HOUSING[h[i]]},${new Date(t[i] * 86_400_000).toISOString().slice(0, 10)},${d.target?.[i] ? bad : good}`);
  }
  return `${lines.join('\n')}\n`;
}

function withoutSource(r: BacktestReport): BacktestReport {
  return { ...r, data: { ...r.data, source: '' } };
}

const options = { split: { kind: 'oot', cutoff: '2023-01' }, bootstrap: { resamples: 50, seed: 4 } } as const;

describe('backtest', () => {
  //#region example:backtest
  it('backtest(scorer, dataset, { split }) evaluates the test part of a stratified split', async () => {
    const report = await backtest(champion, ds, { split: { kind: 'stratified', testFraction: 0.3, seed: 7 }, bootstrap: false });
    expect(report.data.split).toMatchObject({ kind: 'stratified', testRows: 900 });
    expect(report.metrics.auc).toBeGreaterThan(0.6);
  });
  //#endregion

  it('backtest(scorers, dataset) equals backtestPredictions on the scorers’ own predictions', async () => {
    const report = await backtest([champion, challenger], ds, options);
    const m = datasetToFeatureMatrix(ds, SPECS);
    const direct = backtestPredictions(
      {
        models: [champion, challenger].map((s) => ({ id: s.id, kind: 'logistic', featureCount: 3, scaling: s.toArtifact().scaling, predictions: s.predict(m) })),
        labels: ds.target as Uint8Array,
        dates: (ds.columns[3] as { values: Float64Array }).values,
        dateColumn: 'opened',
        characteristics: [ds.columns[0], ds.columns[1], { ...ds.columns[2], categories: [...HOUSING, '(unseen)'] }].map((c) =>
          c.type === 'categorical' ? c : { ...c, values: Float64Array.from(Float32Array.from(c.values)) },
        ),
      },
      options,
    );
    expect(report).toEqual(direct);
    expect(BacktestReportSchema.parse(report)).toEqual(report);
  });

  it('backtest(scorers, { batches }) streaming in batches equals the in-memory result', async () => {
    const inMemory = await backtest([champion, challenger], ds, options);
    const batches = function* (): Generator<Dataset> {
      for (let start = 0; start < ds.rows; start += 333) {
        const idx = Array.from({ length: Math.min(333, ds.rows - start) }, (_, k) => start + k);
        yield subsetRows(ds, idx);
      }
    };
    const streamed = await backtest([champion, challenger], { batches: batches() }, options);
    expect(streamed).toEqual(inMemory);
  });

  it('backtestFile(scorers, csv) streaming a CSV file equals the in-memory result', async () => {
    const path = join(dir, 'holdout.csv');
    writeFileSync(path, toCsv(ds, { badText: ['no', 'yes'] }));
    const inMemory = await backtest([champion, challenger], ds, options);
    const progress: number[] = [];
    const fromFile = await backtestFile([champion, challenger], path, { ...options, target: 'bad', bad: 'yes', dateColumn: 'opened', batchSize: 700, onProgress: (n) => progress.push(n) });
    expect(withoutSource(fromFile)).toEqual(withoutSource(inMemory));
    expect(fromFile.data.source).toBe(path);
    expect(progress).toEqual([700, 1400, 2100, 2800, 3000]);
  });

  it('backtestFile(artifact, csv.gz from a stream) reads gzip by content and loads artifacts', async () => {
    const stream = Readable.from([gzipSync(Buffer.from(toCsv(ds)))]);
    const report = await backtestFile(champion.toArtifact(), stream, { target: 'bad', bootstrap: false, format: 'csv' });
    const expected = await backtest(loadModel(champion.toArtifact()), ds, { bootstrap: false });
    expect(report.metrics).toEqual(expected.metrics);
  });

  it('backtestFile(scorer, csv) skips unreadable rows, counts them and says why (never the values)', async () => {
    const text = [
      'utilization,inquiries,housing,bad',
      '0.2,1,own,0',
      '0.9,3,rent,1',
      'abc,1,own,0',
      '0.4,2,own,',
      '0.3,1',
      '0.5,0,other,1',
      '0.1,0,own,0',
    ].join('\n');
    const path = join(dir, 'dirty.csv');
    writeFileSync(path, text);
    const report = await backtestFile(champion, path, { target: 'bad', bootstrap: false });
    expect(report.data.rows).toBe(4);
    expect(report.data.skippedRows).toBe(3);
    expect(report.notes.slice(0, 3)).toEqual([
      'line 4 skipped: utilization: expected a number',
      "line 5 skipped: target 'bad' is missing",
      'line 6 skipped: expected 4 fields, found 2',
    ]);
    expect(report.notes.join(' ')).not.toContain('abc');
  });

  it('backtestFile(scorer, csv) rejects a file without a model column, naming it', async () => {
    const path = join(dir, 'nocol.csv');
    writeFileSync(path, 'utilization,housing,bad\n0.2,own,0\n0.8,rent,1\n');
    const error = await backtestFile(champion, path, { target: 'bad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([['inquiries']]);
  });

  it('backtestFile(scorer, csv) needs bad when the target is not coded 0/1, and a target for tables', async () => {
    const path = join(dir, 'yesno.csv');
    writeFileSync(path, toCsv(subsetRows(ds, [0, 1, 2, 3, 4, 5]), { badText: ['no', 'yes'] }));
    await expect(backtestFile(champion, path, { target: 'bad' })).rejects.toThrow(InvalidOptionsError);
    await expect(backtestFile(champion, path, {})).rejects.toThrow(/target/);
  });

  it('backtestFile(scorer, csv, { bad, good }) leaves rows of a third target value out, counts them in a note, and equals the two-valued file', async () => {
    const part = subsetRows(ds, Array.from({ length: 600 }, (_, i) => i));
    const two = toCsv(part, { badText: ['paid', 'charged off'] });
    // every 7th data row becomes a third class; the same rows removed give the two-valued file
    const lines = two.trimEnd().split('\n');
    const third = lines.map((l, i) => (i > 0 && i % 7 === 0 ? l.replace(/,[^,]*$/, ',current') : l));
    const kept = lines.filter((_, i) => !(i > 0 && i % 7 === 0));
    const others = lines.length - kept.length;
    writeFileSync(join(dir, 'three.csv'), `${third.join('\n')}\n`);
    writeFileSync(join(dir, 'kept.csv'), `${kept.join('\n')}\n`);
    const opts = { target: 'bad', bad: 'charged off', bootstrap: false } as const;
    const a = await backtestFile(champion, join(dir, 'three.csv'), { ...opts, good: 'paid' });
    const b = await backtestFile(champion, join(dir, 'kept.csv'), opts);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.data.skippedRows).toBe(0);
    expect(a.data.source).toMatch(/three\.csv$/);
    expect(a.notes).toContain(`${others} rows with a target value other than the bad and good values left out`);
    // without good, a third value is an error; good needs bad and must differ from it
    await expect(backtestFile(champion, join(dir, 'three.csv'), opts)).rejects.toMatchObject({ issues: [{ code: 'too_many_classes' }] });
    await expect(backtestFile(champion, join(dir, 'three.csv'), { target: 'bad', good: 'paid' })).rejects.toMatchObject({ name: 'InvalidOptionsError', issues: [{ code: 'bad_value_required', path: ['bad'] }] });
    await expect(backtestFile(champion, join(dir, 'three.csv'), { ...opts, good: ' charged off ' })).rejects.toMatchObject({ issues: [{ code: 'invalid_value', path: ['good'] }] });
    // a bad value that no row holds is still reported
    await expect(backtestFile(champion, join(dir, 'three.csv'), { ...opts, bad: 'written off', good: 'paid' })).rejects.toMatchObject({ issues: [{ code: 'bad_value_not_found' }] });
  });

  it('backtestFile(scorer, csv) reports a missing file as InvalidInputError', async () => {
    await expect(backtestFile(champion, join(dir, 'absent.csv'), { target: 'bad' })).rejects.toThrow(InvalidInputError);
  });

  it('backtest(scorer, dataset, { reference }) measures PSI and CSI against the reference data', async () => {
    const drifted = syntheticDataset(2000, 9, { shift: 0.25 });
    const report = await backtest(champion, drifted, { reference: ds, bootstrap: false });
    expect(report.stability?.reference).toEqual({ source: 'reference-data', rows: 3000 });
    expect(report.stability?.csi.find((c) => c.characteristic === 'utilization')?.level).not.toBe('stable');
    expect(report.stability?.psi.value).toBeGreaterThan(0.1);
  });
});

describe('backtest on raw applicants', () => {
  const generated = [...generateApplicants({ n: 1500, seed: 31 })];
  const train = generated.slice(0, 1000).map((g) => ({ applicant: parseApplicant(g.applicant), outcome: { defaulted: g.outcome.defaulted } }));
  const artifact = trainLogistic(applicantsToDataset(train), { id: 'applicants-lr', include: ['revolvingUtilization', 'hardInquiries6m', 'monthsOldestTrade', 'debtToIncome'] });
  const scorer = loadModel(artifact);
  const holdout = generated.slice(1000).map((g) => ({ applicant: g.applicant, outcome: { defaulted: g.outcome.defaulted } }));
  const path = join(dir, 'applicants.jsonl.gz');
  writeFileSync(path, gzipSync(Buffer.from(`${holdout.map((r) => JSON.stringify(r)).join('\n')}\n`)));

  it('backtest(scorer, { applicants }) equals backtestFile on the same JSON Lines and the direct predictions', async () => {
    const opts = { split: { kind: 'stratified', testFraction: 0.4, seed: 2 }, bootstrap: { resamples: 50, seed: 1 } } as const;
    const inMemory = await backtest(scorer, { applicants: holdout }, opts);
    const fromFile = await backtestFile(artifact, path, { ...opts, batchSize: 128 });
    expect(withoutSource(fromFile)).toEqual(withoutSource(inMemory));
    const dataset = applicantsToDataset(holdout.map((r) => ({ applicant: parseApplicant(r.applicant), outcome: r.outcome })));
    const pd = scorer.predict(datasetToFeatureMatrix(dataset, artifact.features));
    const direct = backtestPredictions({ models: [{ id: scorer.id, kind: 'logistic', featureCount: artifact.features.length, predictions: pd }], labels: dataset.target as Uint8Array }, opts);
    expect(inMemory.metrics).toEqual(direct.metrics);
    expect(inMemory.data.dateRange).not.toBeNull();
    expect(inMemory.stability?.csi.map((c) => c.characteristic).sort()).toEqual(artifact.features.map((f) => f.name).sort());
  });

  it('backtestFile(scorer, applicants.jsonl) skips invalid applicants and unparseable lines with their row numbers', async () => {
    const lines = holdout.slice(0, 50).map((r) => JSON.stringify(r));
    lines[3] = '{not json';
    lines[7] = JSON.stringify({ applicant: { ...(holdout[7].applicant as object), asOf: '2024-02-30' }, outcome: holdout[7].outcome });
    lines[9] = JSON.stringify({ applicant: holdout[9].applicant, outcome: {} });
    const badPath = join(dir, 'bad-applicants.jsonl');
    writeFileSync(badPath, `${lines.join('\n')}\n`);
    const report = await backtestFile(scorer, badPath, { bootstrap: false });
    expect(report.data.skippedRows).toBe(3);
    expect(report.data.rows).toBe(47);
    expect(report.notes.slice(0, 3)).toEqual([
      'line 4 skipped: not valid JSON',
      'line 8 skipped: applicant.asOf: must be a real calendar date as YYYY-MM-DD',
      'line 10 skipped: outcome.defaulted: expected a boolean',
    ]);
  });

  it('backtest(scorer, { applicants, oot split }) splits on each applicant’s asOf', async () => {
    const months = holdout.map((r) => (r.applicant as { asOf: string }).asOf.slice(0, 7)).sort();
    const cutoff = months[Math.floor(months.length / 2)];
    const report = await backtest(scorer, { applicants: holdout }, { split: { kind: 'oot', cutoff }, bootstrap: false });
    expect(report.data.split).toMatchObject({ kind: 'oot', dateColumn: 'asOf', cutoff, testRows: months.filter((m) => m >= cutoff).length });
    expect((report.data.dateRange?.from ?? '') >= `${cutoff}-01`).toBe(true);
  });
});
