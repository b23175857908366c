/**
 * Every dataset in ../shared/datasets reads correctly: row counts and bad rates of the fixed
 * train/test splits equal reference.json; the raw files parse as their PROVENANCE.md describes; and
 * our CSV reader agrees cell for cell with csv-parse on every split file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { datasetToFeatureMatrix, readTable, type Column, type Dataset } from '../../src/data/index.js';
import type { FeatureSpec } from '../../src/schema/artifactCommon.js';
import { collectRows, datasetsDir, hasDatasets } from './_helpers.js';

interface Reference {
  rows: number;
  train_rows: number;
  test_rows: number;
  bad_rate: number;
  target: string;
  bad_value: string | number;
  categorical: string[];
}

const describeDatasets = hasDatasets ? describe : describe.skip;
const reference = (): Record<string, Reference> => JSON.parse(readFileSync(join(datasetsDir, 'reference.json'), 'utf8')) as Record<string, Reference>;
const NAMES = ['german-credit', 'south-german-credit', 'taiwan-default', 'home-credit-sample', 'give-me-some-credit'] as const;

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
function column(dataset: Dataset, name: string): Column {
  const c = dataset.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
}
function missingCount(c: Column): number {
  let n = 0;
  if (c.type === 'categorical') for (const k of c.codes) n += k < 0 ? 1 : 0;
  else for (const v of c.values) n += Number.isNaN(v) ? 1 : 0;
  return n;
}
/** Reference rates are rounded: equal within half a unit of their last decimal. */
function expectRate(actual: number, rounded: number): void {
  const decimals = String(rounded).split('.')[1]?.length ?? 0;
  expect(Math.abs(actual - rounded)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

describeDatasets(`shared datasets (${datasetsDir})`, () => {
  for (const name of NAMES) {
    it(`readTable(${name}/train.csv, test.csv) gives the reference row counts and bad rate`, async () => {
      const ref = reference()[name];
      const options = { target: ref.target, bad: ref.bad_value };
      const train = await readTable(join(datasetsDir, name, 'train.csv'), options);
      const test = await readTable(join(datasetsDir, name, 'test.csv'), options);
      expect(train.dataset.rows).toBe(ref.train_rows);
      expect(test.dataset.rows).toBe(ref.test_rows);
      expect(train.report.errorCount + test.report.errorCount).toBe(0);
      const bad = sum(train.dataset.target ?? []) + sum(test.dataset.target ?? []);
      expectRate(bad / ref.rows, ref.bad_rate);
      // Stratified split: each part has the overall bad rate.
      expect(Math.abs(sum(train.dataset.target ?? []) / ref.train_rows - ref.bad_rate)).toBeLessThan(0.001);
      expect(Math.abs(sum(test.dataset.target ?? []) / ref.test_rows - ref.bad_rate)).toBeLessThan(0.001);
      // The reference's categorical (text) columns are read as categorical, or boolean for yes/no.
      const types = new Map(train.report.columns.map((c) => [c.name, c.type]));
      for (const c of ref.categorical) expect([c, types.get(c)]).toSatisfy(([, t]) => t === 'categorical' || t === 'boolean');
      expect(train.dataset.columns.every((c) => c.name !== ref.target)).toBe(true);
    });

    it(`readRows(${name}/test.csv) agrees cell for cell with csv-parse`, async () => {
      const path = join(datasetsDir, name, 'test.csv');
      const expected = parse(readFileSync(path), { bom: true }) as string[][];
      const rows = await collectRows(path, { missing: [] }); // only the empty cell is missing (null)
      const header = expected[0];
      expect(rows.length).toBe(expected.length - 1);
      const mismatches: number[] = [];
      rows.forEach((row, i) => {
        if (!('record' in row) || row.line !== i + 2 || header.some((h, j) => (row.record[h] ?? '') !== expected[i + 1][j] || (row.record[h] === null && expected[i + 1][j].trim() !== ''))) mismatches.push(i);
      });
      expect(mismatches).toEqual([]);
    });
  }

  it('readTable(germancredit.csv) reads quoted fields holding commas', async () => {
    const { dataset } = await readTable(join(datasetsDir, 'german-credit/germancredit.csv'), { target: 'creditability', bad: 'bad' });
    expect(dataset.rows).toBe(1000);
    expect(sum(dataset.target ?? [])).toBe(300);
    const telephone = column(dataset, 'telephone');
    expect(telephone.type === 'categorical' && telephone.categories).toEqual(['none', 'yes, registered under the customers name']);
  });

  it('readTable(german.data, space-separated, no header) gives 1000 x 21 with class 2 = bad (300)', async () => {
    const columns = Array.from({ length: 21 }, (_, j) => `A${j + 1}`);
    const { dataset } = await readTable(join(datasetsDir, 'german-credit/german.data'), { delimiter: ' ', columns, target: 'A21', bad: 2 });
    expect(dataset.rows).toBe(1000);
    expect(dataset.columns.length).toBe(20);
    expect(sum(dataset.target ?? [])).toBe(300);
  });

  it('readTable(SouthGermanCredit.asc, space-separated with header) gives 1000 rows, kredit 0 = bad (300)', async () => {
    const { dataset } = await readTable(join(datasetsDir, 'south-german-credit/SouthGermanCredit.asc'), { delimiter: ' ', format: 'csv', target: 'kredit', bad: 0 });
    expect(dataset.rows).toBe(1000);
    expect(dataset.columns.length).toBe(20);
    expect(sum(dataset.target ?? [])).toBe(300);
  });

  it('readTable(australian.dat) parses per PROVENANCE.md: space-separated, 690 x 15, no missing, class 1 = 307', async () => {
    const columns = Array.from({ length: 15 }, (_, j) => `A${j + 1}`);
    const { dataset, report } = await readTable(join(datasetsDir, 'australian-credit/australian.dat'), { delimiter: ' ', columns, target: 'A15', bad: 1 });
    expect(dataset.rows).toBe(690);
    expect(report.errorCount).toBe(0);
    expect(dataset.columns.length).toBe(14);
    expect(sum(dataset.target ?? [])).toBe(307);
    expect(dataset.columns.reduce((n, c) => n + missingCount(c), 0)).toBe(0);
    // A2 is continuous; A1, A8, A9, A11 are 0/1.
    expect(column(dataset, 'A2').type).toBe('numeric');
    expect(report.columns.filter((c) => c.type !== 'numeric')).toEqual([]);
  });

  it('readTable(crx.data) parses per PROVENANCE.md: 690 x 16, ? = missing (A1 12, A2 12, A4 6, A5 6, A6 9, A7 9, A14 13), + = 307', async () => {
    const columns = Array.from({ length: 16 }, (_, j) => `A${j + 1}`);
    const { dataset, report } = await readTable(join(datasetsDir, 'credit-approval-crx/crx.data'), { columns, target: 'A16', bad: '+' });
    expect(dataset.rows).toBe(690);
    expect(report.errorCount).toBe(0);
    expect(sum(dataset.target ?? [])).toBe(307);
    const missing = Object.fromEntries(dataset.columns.map((c) => [c.name, missingCount(c)]).filter(([, n]) => n !== 0));
    expect(missing).toEqual({ A1: 12, A2: 12, A4: 6, A5: 6, A6: 9, A7: 9, A14: 13 });
    let rowsWithMissing = 0;
    for (let i = 0; i < dataset.rows; i++) {
      if (dataset.columns.some((c) => (c.type === 'categorical' ? c.codes[i] < 0 : Number.isNaN(c.values[i])))) rowsWithMissing++;
    }
    expect(rowsWithMissing).toBe(37);
    const types = Object.fromEntries(report.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ A1: 'categorical', A2: 'numeric', A9: 'categorical', A11: 'numeric', A14: 'numeric', A15: 'numeric' });
  });

  it('readTable(cs-training.csv.gz) reads gzip + CRLF, drops the unnamed index as ID-like, NA counts as documented', async () => {
    const { dataset, report } = await readTable(join(datasetsDir, 'give-me-some-credit/cs-training.csv.gz'), { target: 'SeriousDlqin2yrs' });
    expect(dataset.rows).toBe(150_000);
    expect(sum(dataset.target ?? [])).toBe(10_026);
    expect(report.dropped).toEqual([{ name: 'column1', reason: 'id_like' }]);
    expect(missingCount(column(dataset, 'MonthlyIncome'))).toBe(29_731);
    expect(missingCount(column(dataset, 'NumberOfDependents'))).toBe(3_924);
  });

  it('readTable(application_train_sample.csv) detects TAB despite the .csv name; SK_ID_CURR and the index are ID-like', async () => {
    const { dataset, report } = await readTable(join(datasetsDir, 'home-credit-sample/application_train_sample.csv'), { target: 'TARGET' });
    expect(dataset.rows).toBe(5000);
    expect(sum(dataset.target ?? [])).toBe(386);
    expect(report.dropped.filter((d) => d.reason === 'id_like')).toEqual([
      { name: 'column1', reason: 'id_like' },
      { name: 'SK_ID_CURR', reason: 'id_like' },
    ]);
    expect(missingCount(column(dataset, 'EXT_SOURCE_1'))).toBe(2827);
    expect(missingCount(column(dataset, 'OWN_CAR_AGE'))).toBe(3308);
  });

  it('readTable(UCI_Credit_Card.csv) reads the quoted header and scientific notation; ID is ID-like', async () => {
    const { dataset, report } = await readTable(join(datasetsDir, 'taiwan-default/UCI_Credit_Card.csv'), { target: 'default.payment.next.month' });
    expect(dataset.rows).toBe(30_000);
    expect(sum(dataset.target ?? [])).toBe(6636);
    expect(report.dropped).toEqual([{ name: 'ID', reason: 'id_like' }]);
    const limit = column(dataset, 'LIMIT_BAL');
    expect(limit.type).toBe('numeric');
    expect(limit.type !== 'categorical' && Array.from(limit.values.slice(0, 3))).toEqual([20_000, 120_000, 90_000]);
    expect(report.columns.every((c) => c.type === 'numeric')).toBe(true);
  });

  it('datasetToFeatureMatrix maps categories by text between separately-read train and test files', async () => {
    const ref = reference()['german-credit'];
    const options = { target: ref.target, bad: ref.bad_value };
    const train = (await readTable(join(datasetsDir, 'german-credit/train.csv'), options)).dataset;
    const test = (await readTable(join(datasetsDir, 'german-credit/test.csv'), options)).dataset;
    const specs: FeatureSpec[] = train.columns.map((c) => ({
      name: c.name,
      type: c.type === 'categorical' ? 'categorical' : 'numeric',
      ...(c.type === 'categorical' ? { categories: [...c.categories].reverse() } : {}),
      description: c.name,
      reasonCode: 'RC',
      reasonText: c.name,
      riskDirection: 'none',
      isProtected: false,
    }));
    const matrix = datasetToFeatureMatrix(test, specs);
    expect(matrix.rows).toBe(test.rows);
    let checked = 0;
    specs.forEach((spec, j) => {
      const c = column(test, spec.name);
      for (let i = 0; i < test.rows; i++) {
        const v = matrix.values[i * specs.length + j];
        if (c.type === 'categorical') {
          const text = c.categories[c.codes[i]];
          const expected = (spec.categories ?? []).indexOf(text);
          expect(v).toBe(expected);
          checked++;
        } else {
          expect(v).toBe(c.values[i]);
        }
      }
    });
    expect(checked).toBeGreaterThan(3000);
  });
});
