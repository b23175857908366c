/**
 * The TSDoc `@example` of every export of `./data` (STYLE.md B3): each is written below in an
 * `example:<name>` region that runs and type-checks as a test and must equal the TSDoc text; the
 * `//=>` claims are asserted right after each region.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as data from '../../src/data/index.js';
import type { FeatureSpec } from '../../src/index.js';
import { exampleOf } from '../metrics/_examples.js';
import {
  datasetToFeatureMatrix,
  kFoldSplit,
  outOfTimeSplit,
  readJsonLines,
  readRows,
  readTable,
  recordToFeatureRecord,
  stratifiedSplit,
  subsetRows,
  type CategoricalColumn,
  type Column,
  type Dataset,
  type JsonLineResult,
  type KFoldSplitOptions,
  type ReadJsonLinesOptions,
  type NumericColumn,
  type OutOfTimeSplitOptions,
  type ReadReport,
  type ReadRowsOptions,
  type ReadTableOptions,
  type RowResult,
  type StratifiedSplitOptions,
} from '../../src/data/index.js';

const dataDir = resolve(import.meta.dirname, '../../src/data');

/** `@example` text of each exported declaration in src/data's public files. */
function docExamples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(dataDir).sort()) {
    if (!file.endsWith('.ts') || file === 'index.ts') continue;
    const text = readFileSync(resolve(dataDir, file), 'utf8');
    const re = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export\s+(?:async\s+)?(?:function\*?|const|type|interface)\s+([A-Za-z_$][\w$]*)/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const code = exampleOf(m[1]);
      if (code !== undefined) out.set(m[2], normalise(code));
    }
  }
  return out;
}
function normalise(code: string): string {
  return code
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
function regions(): Map<string, string> {
  const text = readFileSync(import.meta.filename, 'utf8');
  const out = new Map<string, string>();
  const re = /\/\/#region example:([\w$]+)\n([\s\S]*?)\/\/#endregion/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.set(m[1], normalise(m[2]));
  return out;
}

describe('data examples', () => {
  it('readRows example runs', async () => {
    //#region example:readRows
    const rows = [];
    for await (const row of readRows(Readable.from(['id,income\n1,52000\n2,NA\n3\n']))) rows.push(row);
    rows;
    //=> [
    //   { line: 2, record: { id: '1', income: '52000' } },
    //   { line: 3, record: { id: '2', income: null } },
    //   { line: 4, error: { reason: 'expected 2 fields, found 1' } },
    // ]
    //#endregion
    expect(rows).toEqual([
      { line: 2, record: { id: '1', income: '52000' } },
      { line: 3, record: { id: '2', income: null } },
      { line: 4, error: { reason: 'expected 2 fields, found 1' } },
    ]);
  });

  it('readJsonLines example runs', async () => {
    //#region example:readJsonLines
    const lines = [];
    for await (const l of readJsonLines(Readable.from(['{"applicant":{"id":1}}\n{oops\n']))) lines.push(l);
    lines;
    //=> [{ line: 1, value: { applicant: { id: 1 } } }, { line: 2, error: { reason: 'not valid JSON' } }]
    //#endregion
    expect(lines).toEqual([
      { line: 1, value: { applicant: { id: 1 } } },
      { line: 2, error: { reason: 'not valid JSON' } },
    ]);
  });

  it('readTable example runs', async () => {
    //#region example:readTable
    const csv = 'income;purpose;status\n52000;car;Charged Off\nNA;home;Fully Paid\n31000;car;Fully Paid\n';
    const { dataset, report } = await readTable(Readable.from([csv]), { target: 'status', bad: 'Charged Off' });
    dataset.rows; //=> 3
    dataset.target; //=> Uint8Array [1, 0, 0]
    report.columns; //=> [{ name: 'income', type: 'numeric' }, { name: 'purpose', type: 'categorical' }]
    //#endregion
    expect(dataset.rows).toBe(3);
    expect(dataset.target).toEqual(Uint8Array.of(1, 0, 0));
    expect(report.columns).toEqual([
      { name: 'income', type: 'numeric' },
      { name: 'purpose', type: 'categorical' },
    ]);
  });

  it('datasetToFeatureMatrix example runs', () => {
    //#region example:datasetToFeatureMatrix
    const dataset: Dataset = {
      rows: 2,
      columns: [
        { name: 'income', type: 'numeric', values: Float64Array.of(52_000, NaN) },
        { name: 'purpose', type: 'categorical', codes: Int32Array.of(0, 1), categories: ['boat', 'car'] },
      ],
    };
    const specs: FeatureSpec[] = [
      { name: 'purpose', type: 'categorical', categories: ['car', 'home'], description: '', reasonCode: 'RC09', reasonText: 'Purpose', riskDirection: 'none', isProtected: false },
      { name: 'income', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'Income', riskDirection: 'decreasing', isProtected: false },
    ];
    datasetToFeatureMatrix(dataset, specs);
    //=> { names: ['purpose', 'income'], rows: 2, values: Float64Array [-1, 52000, 0, NaN] }
    //#endregion
    expect(datasetToFeatureMatrix(dataset, specs)).toEqual({ names: ['purpose', 'income'], rows: 2, values: Float64Array.of(-1, 52000, 0, NaN) });
  });

  it('recordToFeatureRecord example runs', () => {
    //#region example:recordToFeatureRecord
    const specs: FeatureSpec[] = [
      { name: 'income', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'Income', riskDirection: 'decreasing', isProtected: false },
      { name: 'purpose', type: 'categorical', categories: ['car', 'home'], description: '', reasonCode: 'RC09', reasonText: 'Purpose', riskDirection: 'none', isProtected: false },
    ];
    recordToFeatureRecord({ id: 'A-17', income: '52000', purpose: 'car', bad: '0' }, specs);
    //=> { income: 52000, purpose: 'car' }
    recordToFeatureRecord({ income: null, purpose: 'boat' }, specs);
    //=> { income: null, purpose: 'boat' }
    //#endregion
    expect(recordToFeatureRecord({ id: 'A-17', income: '52000', purpose: 'car', bad: '0' }, specs)).toEqual({ income: 52000, purpose: 'car' });
    expect(recordToFeatureRecord({ income: null, purpose: 'boat' }, specs)).toEqual({ income: null, purpose: 'boat' });
  });

  it('subsetRows example runs', () => {
    //#region example:subsetRows
    const dataset = {
      rows: 3,
      columns: [{ name: 'income', type: 'numeric', values: Float64Array.of(10, 20, 30) }],
      target: Uint8Array.of(0, 1, 0),
    } as const;
    const subset = subsetRows(dataset, [2, 0]);
    subset.rows; //=> 2
    subset.target; //=> Uint8Array [0, 0]
    //#endregion
    expect(subset.rows).toBe(2);
    expect(subset.target).toEqual(Uint8Array.of(0, 0));
  });

  it('stratifiedSplit example runs', () => {
    //#region example:stratifiedSplit
    const dataset = { rows: 10, columns: [], target: Uint8Array.of(1, 0, 0, 1, 0, 0, 0, 1, 0, 0) };
    const { train, test } = stratifiedSplit(dataset, { testFraction: 0.3, seed: 7 });
    [train.length, test.length]; //=> [7, 3]
    test.filter((i) => dataset.target[i] === 1).length; //=> 1
    //#endregion
    expect([train.length, test.length]).toEqual([7, 3]);
    expect(test.filter((i) => dataset.target[i] === 1).length).toBe(1);
  });

  it('kFoldSplit example runs', () => {
    //#region example:kFoldSplit
    const dataset = { rows: 6, columns: [], target: Uint8Array.of(1, 0, 0, 1, 0, 0) };
    const folds = kFoldSplit(dataset, { k: 2, seed: 1 });
    folds.map((f) => [f.train.length, f.test.length]); //=> [[3, 3], [3, 3]]
    //#endregion
    expect(folds.map((f) => [f.train.length, f.test.length])).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });

  it('outOfTimeSplit example runs', () => {
    //#region example:outOfTimeSplit
    const dataset = {
      rows: 4,
      columns: [{ name: 'opened', type: 'date', values: Float64Array.of(19_000, 19_400, 19_800, 19_100) }],
      dateColumn: 'opened',
    } as const;
    outOfTimeSplit(dataset, { cutoff: '2023-01' });
    //=> { train: Int32Array [0, 3], test: Int32Array [1, 2] }
    //#endregion
    expect(outOfTimeSplit(dataset, { cutoff: '2023-01' })).toEqual({ train: Int32Array.of(0, 3), test: Int32Array.of(1, 2) });
  });

  it('type examples compile', () => {
    const seen: unknown[] = [];
    {
      //#region example:NumericColumn
      const income: NumericColumn = { name: 'income', type: 'numeric', values: Float64Array.of(30_000, NaN) };
      //#endregion
      seen.push(income);
    }
    {
      //#region example:CategoricalColumn
      const purpose: CategoricalColumn = { name: 'purpose', type: 'categorical', codes: Int32Array.of(1, -1, 0), categories: ['car', 'home'] };
      //#endregion
      seen.push(purpose);
    }
    {
      //#region example:Column
      const columns: Column[] = [{ name: 'age', type: 'numeric', values: Float64Array.of(41, 35) }];
      //#endregion
      seen.push(columns);
    }
    {
      //#region example:Dataset
      const ds: Dataset = {
        rows: 3,
        columns: [{ name: 'income', type: 'numeric', values: Float64Array.of(30_000, NaN, 52_000) }],
        target: Uint8Array.of(1, 0, 0),
      };
      //#endregion
      seen.push(ds);
    }
    {
      //#region example:ReadRowsOptions
      const options: ReadRowsOptions = { delimiter: ' ', header: false, columns: ['a', 'b'], missing: ['?'] };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:RowResult
      const row: RowResult = { line: 7, error: { reason: 'expected 3 fields, found 2' } };
      //#endregion
      seen.push(row);
    }
    {
      //#region example:ReadTableOptions
      const options: ReadTableOptions = { target: 'loan_status', bad: 'Charged Off', categorical: ['zip3'], exclude: ['member_id'] };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:ReadReport
      const report: ReadReport = {
        rows: 999, skippedRows: 1, errorCount: 1, errors: [{ line: 12, reason: 'expected 21 fields, found 20' }],
        messages: ["column 'id' excluded: ID-like (every value is distinct)"], columns: [{ name: 'age', type: 'numeric' }],
        dropped: [{ name: 'id', reason: 'id_like' }],
      };
      //#endregion
      seen.push(report);
    }
    {
      //#region example:StratifiedSplitOptions
      const options: StratifiedSplitOptions = { testFraction: 0.3, seed: 7 };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:KFoldSplitOptions
      const options: KFoldSplitOptions = { k: 5, seed: 7 };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:OutOfTimeSplitOptions
      const options: OutOfTimeSplitOptions = { cutoff: '2024-01' };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:ReadJsonLinesOptions
      const options: ReadJsonLinesOptions = { maxRecordChars: 1_000_000 };
      //#endregion
      seen.push(options);
    }
    {
      //#region example:JsonLineResult
      const line: JsonLineResult = { line: 3, value: { applicant: { asOf: '2024-06-15' }, outcome: { defaulted: false } } };
      //#endregion
      seen.push(line);
    }
    expect(seen).toHaveLength(13);
  });

  it('every export of ./data has an example region equal to its TSDoc @example', () => {
    const docs = docExamples();
    const found = regions();
    const exportedValues = Object.keys(data).sort();
    expect(exportedValues).toEqual(['datasetToFeatureMatrix', 'kFoldSplit', 'outOfTimeSplit', 'readJsonLines', 'readRows', 'readTable', 'recordToFeatureRecord', 'stratifiedSplit', 'subsetRows']);
    const mismatched = [...docs.keys()].filter((name) => docs.get(name) !== found.get(name));
    expect(mismatched).toEqual([]);
    for (const name of exportedValues) expect(docs.has(name)).toBe(true);
  });
});
