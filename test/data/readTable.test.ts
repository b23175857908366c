import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { readTable, type Column, type Dataset } from '../../src/data/index.js';
import { streamOf } from './_helpers.js';

function column(dataset: Dataset, name: string): Column {
  const c = dataset.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
}
function texts(c: Column): (string | null)[] {
  if (c.type !== 'categorical') throw new Error('not categorical');
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}
function numbers(c: Column): number[] {
  if (c.type === 'categorical') throw new Error('not numeric');
  return Array.from(c.values);
}

describe('readTable: type inference', () => {
  it('readTable(csv) infers numeric, categorical, date and boolean columns', async () => {
    const csv = [
      'amount,purpose,opened,isOwner,code,score',
      '1e+05,car,2024-02-29,yes,01,0.5',
      '-2.5,home,2023-12-01,No,02,.25',
      'NA,,,TRUE,X1,',
    ].join('\n');
    const { dataset, report } = await readTable(streamOf(csv));
    expect(report.columns).toEqual([
      { name: 'amount', type: 'numeric' },
      { name: 'purpose', type: 'categorical' },
      { name: 'opened', type: 'date' },
      { name: 'isOwner', type: 'boolean' },
      { name: 'code', type: 'categorical' },
      { name: 'score', type: 'numeric' },
    ]);
    expect(numbers(column(dataset, 'amount'))).toEqual([100000, -2.5, NaN]);
    expect(texts(column(dataset, 'purpose'))).toEqual(['car', 'home', null]);
    expect(column(dataset, 'opened').type).toBe('date');
    expect(numbers(column(dataset, 'opened'))).toEqual([Date.UTC(2024, 1, 29) / 864e5, Date.UTC(2023, 11, 1) / 864e5, NaN]);
    expect(numbers(column(dataset, 'isOwner'))).toEqual([1, 0, 1]);
    expect(column(dataset, 'isOwner').type).toBe('numeric');
    // A numeric-looking column that turns categorical keeps its original texts ('01', not '1').
    expect(texts(column(dataset, 'code'))).toEqual(['01', '02', 'X1']);
    expect(numbers(column(dataset, 'score'))).toEqual([0.5, 0.25, NaN]);
  });

  it('readTable(csv) does not take impossible dates, hex or infinity for dates or numbers', async () => {
    const { report } = await readTable(streamOf('d,h,i\n2023-02-29,0x10,Infinity\n2023-01-01,12,1\n'));
    expect(report.columns.map((c) => c.type)).toEqual(['categorical', 'categorical', 'categorical']);
  });

  it('readTable(csv) sorts categories by text, so two files get the same dictionary', async () => {
    const a = await readTable(streamOf('p\nb\na\nc\n'));
    const b = await readTable(streamOf('p\nc\nb\na\n'));
    const ca = column(a.dataset, 'p');
    const cb = column(b.dataset, 'p');
    expect(ca.type === 'categorical' && ca.categories).toEqual(['a', 'b', 'c']);
    expect(cb.type === 'categorical' && cb.categories).toEqual(['a', 'b', 'c']);
  });

  it('readTable(csv) falls back to categorical after more than 1000 distinct numbers, with canonical texts', async () => {
    const lines = ['x'];
    // Each value twice, so the column is not all-distinct (ID-like).
    for (let i = 0; i < 1500; i++) lines.push(`${i}.50`, `${i}.50`);
    lines.push('text');
    const { dataset } = await readTable(streamOf(lines.join('\n')));
    const c = column(dataset, 'x');
    expect(c.type).toBe('categorical');
    expect(texts(c).slice(0, 3)).toEqual(['0.5', '0.5', '1.5']);
    expect(texts(c)[3000]).toBe('text');
  });
});

describe('readTable: overrides', () => {
  it('readTable(csv, { categorical, numeric, columnTypes, exclude }) forces types and skips columns', async () => {
    const csv = 'zip,amount,flag,when,secret\n01234,10,1,2024-01,x\n99999,NA,no,2024-02-15,y\n';
    const { dataset, report } = await readTable(streamOf(csv), {
      categorical: ['zip'],
      numeric: ['amount'],
      columnTypes: { flag: 'boolean', when: 'date' },
      exclude: ['secret'],
    });
    expect(report.columns).toEqual([
      { name: 'zip', type: 'categorical' },
      { name: 'amount', type: 'numeric' },
      { name: 'flag', type: 'boolean' },
      { name: 'when', type: 'date' },
    ]);
    expect(texts(column(dataset, 'zip'))).toEqual(['01234', '99999']);
    expect(numbers(column(dataset, 'flag'))).toEqual([1, 0]);
    expect(numbers(column(dataset, 'when'))).toEqual([Date.UTC(2024, 0, 1) / 864e5, Date.UTC(2024, 1, 15) / 864e5]);
    expect(dataset.columns.some((c) => c.name === 'secret')).toBe(false);
  });

  it('readTable(csv, { numeric }) reports non-numeric text as a row error naming the column, never the value', async () => {
    const csv = 'income,name\n100,Ann\nJohn Smith,Bob\n200,Cy\n';
    const { dataset, report } = await readTable(streamOf(csv), { numeric: ['income'], categorical: ['name'] });
    expect(dataset.rows).toBe(2);
    expect(report.errors).toEqual([{ line: 3, column: 'income', reason: "column 'income' is not a number" }]);
    expect(JSON.stringify(report)).not.toContain('John');
    expect(report.skippedRows).toBe(1);
  });

  it('readTable(csv, options) rejects unknown columns and contradictory options with InvalidOptionsError', async () => {
    const csv = 'a,b\n1,2\n';
    await expect(readTable(streamOf(csv), { target: 'nope' })).rejects.toMatchObject({ name: 'InvalidOptionsError', issues: [{ code: 'unknown_column', path: ['target'] }] });
    await expect(readTable(streamOf(csv), { categorical: ['a', 'zz'] })).rejects.toMatchObject({ issues: [{ path: ['categorical', 1] }] });
    await expect(readTable(streamOf(csv), { categorical: ['a'], numeric: ['a'] })).rejects.toMatchObject({ issues: [{ code: 'conflicting_types' }] });
    await expect(readTable(streamOf(csv), { target: 'a', exclude: ['a'] })).rejects.toThrow(InvalidOptionsError);
    await expect(readTable(streamOf(csv), { bad: 1 })).rejects.toMatchObject({ issues: [{ code: 'target_required' }] });
    await expect(readTable(streamOf(csv), { columnTypes: { a: 'text' as never } })).rejects.toThrow(InvalidOptionsError);
  });
});

describe('readTable: target', () => {
  it('readTable(csv, { target }) maps a 0/1 target with 1 = bad when bad is absent', async () => {
    const { dataset, report } = await readTable(streamOf('x,y\n1,0\n2,1\n3,1.0\n4,0\n'), { target: 'y' });
    expect(Array.from(dataset.target ?? [])).toEqual([0, 1, 1, 0]);
    expect(dataset.columns.map((c) => c.name)).toEqual(['x']);
    expect(report.messages).toContain("target 'y': 2 bad and 2 good rows (bad rate 50.00%)");
  });

  it('readTable(csv, { target, bad }) maps any two values: numbers, words, and strings with spaces', async () => {
    const words = await readTable(streamOf('x,y\n1,yes\n2,no\n3,yes\n'), { target: 'y', bad: 'yes' });
    expect(Array.from(words.dataset.target ?? [])).toEqual([1, 0, 1]);
    const spaced = await readTable(streamOf('x;status\n1;Charged Off\n2;Fully Paid\n3; Fully Paid \n'), { target: 'status', bad: 'Charged Off' });
    expect(Array.from(spaced.dataset.target ?? [])).toEqual([1, 0, 0]);
    const zeroBad = await readTable(streamOf('x,kredit\n1,0\n2,1\n'), { target: 'kredit', bad: 0 });
    expect(Array.from(zeroBad.dataset.target ?? [])).toEqual([1, 0]);
    const codes = await readTable(streamOf('x,class\n1,1\n2,2\n'), { target: 'class', bad: '2' });
    expect(Array.from(codes.dataset.target ?? [])).toEqual([0, 1]);
  });

  it('readTable(csv, { target }) needs bad when the target is not 0/1', async () => {
    await expect(readTable(streamOf('x,y\n1,good\n2,bad\n'), { target: 'y' })).rejects.toMatchObject({
      name: 'InvalidOptionsError',
      issues: [{ code: 'bad_value_required', path: ['bad'] }],
    });
  });

  it('readTable(csv, { target }) throws on more than two distinct values, naming the column and the count, not the values', async () => {
    const csv = 'x,loan_status\n1,Fully Paid\n2,Charged Off\n3,Current\n4,Late (31-120 days)\n';
    const error = await readTable(streamOf(csv), { target: 'loan_status', bad: 'Charged Off' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.message).toContain("target 'loan_status' has 4 distinct values");
    expect(e.message).not.toMatch(/Current|Late|Fully/);
    expect(e.issues).toEqual([{ code: 'too_many_classes', path: ['loan_status'], message: '4 distinct values, expected 2' }]);
  });

  it('readTable(csv, { target, bad, good }) reports rows with a third value and keeps the others', async () => {
    const csv = 'x,loan_status\n1,Fully Paid\n2,Charged Off\n3,Current\n4,Fully Paid\n';
    const { dataset, report } = await readTable(streamOf(csv), { target: 'loan_status', bad: 'Charged Off', good: 'Fully Paid' });
    expect(Array.from(dataset.target ?? [])).toEqual([0, 1, 0]);
    expect(report.errors).toEqual([{ line: 4, column: 'loan_status', reason: "target 'loan_status' holds a value that is neither the bad nor the good value" }]);
  });

  it('readTable(csv, { target }) reports a missing target as a row error', async () => {
    const { dataset, report } = await readTable(streamOf('x,y\n1,1\n2,NA\n3,0\n'), { target: 'y' });
    expect(dataset.rows).toBe(2);
    expect(report.errors).toEqual([{ line: 3, column: 'y', reason: "target 'y' is missing" }]);
  });

  it('readTable(csv, { bad }) throws when the bad value matches no row (a typo would make every row good)', async () => {
    await expect(readTable(streamOf('x,y\n1,Charged Off\n2,Fully Paid\n'), { target: 'y', bad: 'Charged off' })).rejects.toMatchObject({
      issues: [{ code: 'bad_value_not_found', path: ['y'] }],
    });
  });
});

describe('readTable: dropped columns', () => {
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

  it('readTable(csv) excludes ID-like columns with a message: unique text, integer ids by name, row indexes', async () => {
    const csv = `customer_id,ref,rowIndex,ratio,age,y\n${rows(30, (i) => `${1000 + 7 * i},R-${i},${i + 1},${(i * 0.37 + 0.011).toFixed(3)},${20 + (i % 9)},${i % 2}`)}`;
    const { dataset, report } = await readTable(streamOf(csv), { target: 'y' });
    expect(report.dropped).toEqual([
      { name: 'customer_id', reason: 'id_like' },
      { name: 'ref', reason: 'id_like' },
      { name: 'rowIndex', reason: 'id_like' },
    ]);
    expect(report.messages).toContain("column 'customer_id' excluded: ID-like (every value is distinct)");
    // A continuous column with all-distinct values is a feature, not an ID.
    expect(dataset.columns.map((c) => c.name)).toEqual(['ratio', 'age']);
  });

  it('readTable(csv) keeps all-distinct integers that are neither named like an id nor consecutive, and short unique text', async () => {
    const csv = `amount,purpose\n${rows(10, (i) => `${1000 + 13 * i},p${i}`)}`;
    const { report } = await readTable(streamOf(csv));
    expect(report.dropped).toEqual([]);
  });

  it('readTable(csv) drops constant and all-missing columns with a message, keeps one value plus missing', async () => {
    const csv = `x,const,empty,sparse\n${rows(5, (i) => `${i % 3},A,,${i === 0 ? 'Y' : ''}`)}`;
    const { dataset, report } = await readTable(streamOf(csv));
    expect(report.dropped).toEqual([
      { name: 'const', reason: 'constant' },
      { name: 'empty', reason: 'empty' },
    ]);
    expect(report.messages).toEqual(["column 'const' dropped: constant (the same value in every row)", "column 'empty' dropped: missing in every row"]);
    expect(dataset.columns.map((c) => c.name)).toEqual(['x', 'sparse']);
  });

  it('readTable(csv, { columnTypes }) never drops a column whose type was given', async () => {
    const csv = `id,const\n${rows(30, (i) => `${i + 1},A`)}`;
    const { dataset, report } = await readTable(streamOf(csv), { columnTypes: { id: 'numeric', const: 'categorical' } });
    expect(dataset.columns.map((c) => c.name)).toEqual(['id', 'const']);
    expect(report.messages).toEqual(["column 'const' is constant but kept (its type was given)"]);
  });
});

describe('readTable: weights, dates, errors, JSON Lines', () => {
  it('readTable(csv, { weight, date }) stores weights and the date column; bad ones are row errors', async () => {
    const csv = 'w,month,x,y\n2,2024-01,1,0\n-1,2024-02,2,1\n1,2024-03-15,3,1\n1,NA,4,0\n0.5,2024-05-01,5,0\n';
    const { dataset, report } = await readTable(streamOf(csv), { target: 'y', weight: 'w', date: 'month' });
    expect(Array.from(dataset.weights ?? [])).toEqual([2, 1, 0.5]);
    expect(dataset.dateColumn).toBe('month');
    expect(numbers(column(dataset, 'month'))).toEqual([Date.UTC(2024, 0, 1) / 864e5, Date.UTC(2024, 2, 15) / 864e5, Date.UTC(2024, 4, 1) / 864e5]);
    expect(report.errors).toEqual([
      { line: 3, column: 'w', reason: "weight 'w' is not a number >= 0" },
      { line: 5, column: 'month', reason: "date 'month' is missing" },
    ]);
    expect(report.columns.map((c) => c.name)).toEqual(['month', 'x']);
  });

  it('readTable(csv, { maxErrors }) counts every error but lists at most maxErrors', async () => {
    const csv = `a,b\n${Array.from({ length: 10 }, () => '1').join('\n')}\n1,2\n`;
    const { dataset, report } = await readTable(streamOf(csv), { maxErrors: 3 });
    expect(dataset.rows).toBe(1);
    expect(report.errorCount).toBe(10);
    expect(report.errors).toHaveLength(3);
    expect(report.messages).toContain('7 more row errors not listed (maxErrors 3)');
  });

  it('readTable(jsonl) reads a JSON Lines table: columns in first-seen order, late columns back-filled as missing', async () => {
    const text = '{"income":52000,"purpose":"car","bad":0}\n{"income":null,"purpose":"home","bad":1,"isOwner":true}\n{"oops"\n{"income":31000,"bad":0,"isOwner":false}\n';
    const { dataset, report } = await readTable(streamOf(text), { target: 'bad' });
    expect(dataset.rows).toBe(3);
    expect(report.columns).toEqual([
      { name: 'income', type: 'numeric' },
      { name: 'purpose', type: 'categorical' },
      { name: 'isOwner', type: 'boolean' },
    ]);
    expect(numbers(column(dataset, 'isOwner'))).toEqual([NaN, 1, 0]);
    expect(texts(column(dataset, 'purpose'))).toEqual(['car', 'home', null]);
    expect(report.errors).toEqual([{ line: 3, reason: 'not valid JSON' }]);
  });

  it('readTable(jsonl, { target }) reports rows before the target key first appears', async () => {
    const { dataset, report } = await readTable(streamOf('{"x":1}\n{"x":2,"y":1}\n{"x":3,"y":0}\n'), { target: 'y', format: 'jsonl' });
    expect(dataset.rows).toBe(2);
    expect(report.errors).toEqual([{ line: 1, column: 'y', reason: "target 'y' is missing" }]);
    await expect(readTable(streamOf('{"x":1}\n'), { target: 'y' })).rejects.toMatchObject({ issues: [{ code: 'unknown_column' }] });
  });

  it('readTable(emptyFile) gives an empty dataset', async () => {
    const { dataset, report } = await readTable(Readable.from([]));
    expect(dataset).toEqual({ rows: 0, columns: [] });
    expect(report.rows).toBe(0);
  });
});
