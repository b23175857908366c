import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readJsonLines, readRows } from '../../src/data/index.js';
import { collectRows, splitBytes, streamOf } from './_helpers.js';

const records = (rows: Awaited<ReturnType<typeof collectRows>>) => rows.map((r) => ('record' in r ? r.record : r.error));

describe('readRows (CSV, RFC 4180)', () => {
  it('readRows(csv) reads quoted fields holding delimiters, escaped quotes and line breaks', async () => {
    const csv = 'name,note,amount\n"Smith, J.","said ""hi""",10\n"multi\nline","a\r\nb",20\n';
    expect(await collectRows(streamOf(csv))).toEqual([
      { line: 2, record: { name: 'Smith, J.', note: 'said "hi"', amount: '10' } },
      { line: 3, record: { name: 'multi\nline', note: 'a\r\nb', amount: '20' } },
    ]);
  });

  it('readRows(csv) counts physical lines: rows after embedded CRLF line breaks keep their own line numbers', async () => {
    const csv = 'a,b\r\n1,"x\r\ny\r\nz"\r\n3,4\r\n5,short\r\n6\r\n';
    const rows = await collectRows(streamOf(csv));
    expect(rows).toEqual([
      { line: 2, record: { a: '1', b: 'x\r\ny\r\nz' } },
      { line: 5, record: { a: '3', b: '4' } },
      { line: 6, record: { a: '5', b: 'short' } },
      { line: 7, error: { reason: 'expected 2 fields, found 1' } },
    ]);
  });

  it('readRows(csv) handles CRLF, a BOM, a trailing empty line and no final line break', async () => {
    expect(records(await collectRows(streamOf('\uFEFFa,b\r\n1,2\r\n\r\n')))).toEqual([{ a: '1', b: '2' }]);
    expect(records(await collectRows(streamOf('a,b\n1,2')))).toEqual([{ a: '1', b: '2' }]);
    expect(records(await collectRows(streamOf('a,b\n1,"2"')))).toEqual([{ a: '1', b: '2' }]);
    // BOM split across chunks.
    const bom = Buffer.from('\uFEFFa,b\n1,2\n', 'utf8');
    expect(records(await collectRows(streamOf(bom.subarray(0, 1), bom.subarray(1, 2), bom.subarray(2))))).toEqual([{ a: '1', b: '2' }]);
  });

  it('readRows(csv) skips blank lines but keeps counting them', async () => {
    expect(await collectRows(streamOf('a,b\n\n1,2\n   \n3,4\n'))).toEqual([
      { line: 3, record: { a: '1', b: '2' } },
      { line: 5, record: { a: '3', b: '4' } },
    ]);
  });

  it('readRows(csv) detects ; and tab delimiters from the header line, ignoring quoted ones', async () => {
    expect(records(await collectRows(streamOf('a;b;c\n1,5;2;3\n')))).toEqual([{ a: '1,5', b: '2', c: '3' }]);
    expect(records(await collectRows(streamOf('a\tb\n1,2\t3\n')))).toEqual([{ a: '1,2', b: '3' }]);
    // The header's quoted commas do not count: two ';' outside quotes win over three ',' inside.
    expect(records(await collectRows(streamOf('"x,y,z";b;c\n1;2;3\n')))).toEqual([{ 'x,y,z': '1', b: '2', c: '3' }]);
    // A one-column file.
    expect(records(await collectRows(streamOf('score\n1\n2\n')))).toEqual([{ score: '1' }, { score: '2' }]);
  });

  it('readRows(csv, { delimiter }) uses the delimiter given (space-separated UCI files)', async () => {
    expect(records(await collectRows(streamOf('1 22.08 0\n0 7 1\n'), { delimiter: ' ', header: false }))).toEqual([
      { column1: '1', column2: '22.08', column3: '0' },
      { column1: '0', column2: '7', column3: '1' },
    ]);
    expect(records(await collectRows(streamOf('1,2\n'), { columns: ['x', 'y'] }))).toEqual([{ x: '1', y: '2' }]);
  });

  it('readRows(csv) reports ragged rows with their line numbers and goes on', async () => {
    const rows = await collectRows(streamOf('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'));
    expect(rows).toEqual([
      { line: 2, record: { a: '1', b: '2', c: '3' } },
      { line: 3, error: { reason: 'expected 3 fields, found 2' } },
      { line: 4, error: { reason: 'expected 3 fields, found 4' } },
      { line: 5, record: { a: '10', b: '11', c: '12' } },
    ]);
  });

  it('readRows(csv) reports text after a closing quote and resumes on the next line', async () => {
    const rows = await collectRows(streamOf('a,b\n1,"bad"x\n2,3\n'));
    expect(rows).toEqual([
      { line: 2, error: { reason: 'text after the closing quote of field 2', column: 'b' } },
      { line: 3, record: { a: '2', b: '3' } },
    ]);
  });

  it('readRows(csv) reports a quote never closed and resumes on the line after the one it opened on', async () => {
    const rows = await collectRows(streamOf('a,b\n1,"open\n2,3\n4,5\n'));
    expect(rows[0]).toEqual({ line: 2, error: { reason: 'quoted field not closed before the end of input' } });
    expect(rows.slice(1)).toEqual([
      { line: 3, record: { a: '2', b: '3' } },
      { line: 4, record: { a: '4', b: '5' } },
    ]);
  });

  it('readRows(csv, { maxRecordChars }) bounds memory on an open quote in a long file', async () => {
    const body = Array.from({ length: 200 }, (_, i) => `${i},${i}\n`).join('');
    const rows = await collectRows(streamOf('a,b\n1,"open\n', body), { maxRecordChars: 100 });
    expect(rows[0]).toEqual({ line: 2, error: { reason: 'record longer than 100 characters (is a quote left open?)' } });
    expect(rows.length).toBe(201);
    expect(rows[200]).toEqual({ line: 202, record: { a: '199', b: '199' } });
  });

  it('readRows(csv) keeps a quote inside an unquoted field as text', async () => {
    expect(records(await collectRows(streamOf('item,size\npipe,12" wide\n')))).toEqual([{ item: 'pipe', size: '12" wide' }]);
  });

  it('readRows(csv) reads classic Mac (lone CR) line endings', async () => {
    expect(await collectRows(streamOf('a,b\r1,2\r"x\ry",4\r'))).toEqual([
      { line: 2, record: { a: '1', b: '2' } },
      { line: 3, record: { a: 'x\ry', b: '4' } },
    ]);
  });

  it('readRows(csv) turns missing tokens into null (defaults and custom)', async () => {
    const csv = 'a,b,c,d,e,f,g\n,NA,N/A,NaN,null,?, NA \n';
    expect(records(await collectRows(streamOf(csv)))).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null, g: null }]);
    // A custom list replaces the default tokens, but the empty (or blank) cell stays missing.
    expect(records(await collectRows(streamOf(csv), { missing: ['NA'] }))).toEqual([{ a: null, b: null, c: 'N/A', d: 'NaN', e: 'null', f: '?', g: null }]);
    expect(records(await collectRows(streamOf('a,b,c\n.,  ,x\n'), { missing: ['.'] }))).toEqual([{ a: null, b: null, c: 'x' }]);
    expect(records(await collectRows(streamOf('a,b\n,y\n'), { missing: [] }))).toEqual([{ a: null, b: 'y' }]);
    // Quoting does not protect a token: "NA" is missing too.
    expect(records(await collectRows(streamOf('a,b\n"NA","n/a"\n')))).toEqual([{ a: null, b: 'n/a' }]);
  });

  it('readRows(csv) rejects a header with repeated names', async () => {
    await expect(collectRows(streamOf('a,b,a\n1,2,3\n'))).rejects.toThrow(InvalidInputError);
    await expect(collectRows(streamOf('a,b,a\n1,2,3\n'))).rejects.toMatchObject({ issues: [{ code: 'duplicate_column', path: ['header', 2] }] });
  });

  it('readRows(csv) names empty header cells by position', async () => {
    expect(records(await collectRows(streamOf(',x\n1,2\n')))).toEqual([{ column1: '1', x: '2' }]);
  });

  it('readRows(source, badOptions) throws InvalidOptionsError naming the option', async () => {
    await expect(collectRows(streamOf('a\n'), { delimiter: ';;' })).rejects.toMatchObject({ name: 'InvalidOptionsError', issues: [{ path: ['delimiter'] }] });
    await expect(collectRows(streamOf('a\n'), { delimiter: '"' })).rejects.toThrow(InvalidOptionsError);
    await expect(collectRows(streamOf('a\n'), { nope: 1 } as never)).rejects.toThrow(InvalidOptionsError);
  });

  it('readRows(path) reads files, .gz files (recognised by content too) and reports a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-data-'));
    const csv = 'a;b\n1;"x;y"\n';
    writeFileSync(join(dir, 't.csv'), csv);
    writeFileSync(join(dir, 't.csv.gz'), gzipSync(csv));
    writeFileSync(join(dir, 'gz-without-suffix.csv'), gzipSync(csv));
    const expected = [{ line: 2, record: { a: '1', b: 'x;y' } }];
    expect(await collectRows(join(dir, 't.csv'))).toEqual(expected);
    expect(await collectRows(join(dir, 't.csv.gz'))).toEqual(expected);
    expect(await collectRows(join(dir, 'gz-without-suffix.csv'))).toEqual(expected);
    // gzip through a stream, split in tiny chunks.
    const gz = gzipSync(csv);
    expect(await collectRows(streamOf(...splitBytes(gz, [1, 2, 3, 10])))).toEqual(expected);
    await expect(collectRows(join(dir, 'absent.csv'))).rejects.toMatchObject({ name: 'InvalidInputError', issues: [{ code: 'file_not_found' }] });
    await expect(collectRows(streamOf(gz.subarray(0, gz.length - 12)))).rejects.toMatchObject({ name: 'InvalidInputError' });
  });

  it('readRows(source) can stop early (break) without reading the rest', async () => {
    const seen: number[] = [];
    for await (const row of readRows(streamOf('a\n1\n2\n3\n'))) {
      seen.push(row.line);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([2, 3]);
  });

  it('readRows(csv) recognises UTF-16LE by its byte order mark (Excel "Unicode text", tab-separated)', async () => {
    const bytes = Buffer.from('\uFEFFname\tcity\nJosé\tMünchen\n', 'utf16le');
    expect(records(await collectRows(streamOf(...splitBytes(bytes, [1, 3, 7]))))).toEqual([{ name: 'José', city: 'München' }]);
  });

  it('readRows(csv) reads a latin1 file when told', async () => {
    const bytes = Buffer.from('name\nJos\xe9\n', 'latin1');
    expect(records(await collectRows(streamOf(bytes), { encoding: 'latin1' }))).toEqual([{ name: 'José' }]);
  });
});

describe('readRows (JSON Lines)', () => {
  it('readRows(jsonl) reads flat objects with line numbers; a bad line in the middle is reported and the others kept', async () => {
    const text = '{"id":"a","amount":12.5,"isNew":true,"note":null}\n{"id":"b", oops}\n\n{"id":"c","amount":"NA","extra":1}\n';
    expect(await collectRows(streamOf(text))).toEqual([
      { line: 1, record: { id: 'a', amount: '12.5', isNew: 'true', note: null } },
      { line: 2, error: { reason: 'not valid JSON' } },
      { line: 4, record: { id: 'c', amount: null, extra: '1' } },
    ]);
  });

  it('readRows(jsonl) reports nested values and non-object lines without echoing them', async () => {
    const text = '{"id":"a","address":{"zip":"12345"}}\n[1,2]\n42\n{"id":"b","tags":["x"]}\n';
    expect(await collectRows(streamOf(text), { format: 'jsonl' })).toEqual([
      { line: 1, error: { reason: "field 'address' holds a nested object or array (a table needs flat values)", column: 'address' } },
      { line: 2, error: { reason: 'not a JSON object' } },
      { line: 3, error: { reason: 'not a JSON object' } },
      { line: 4, error: { reason: "field 'tags' holds a nested object or array (a table needs flat values)", column: 'tags' } },
    ]);
  });

  it('readRows(path.jsonl.gz) reads gzip JSON Lines with CRLF endings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-data-'));
    writeFileSync(join(dir, 'x.jsonl.gz'), gzipSync('{"a":1}\r\n{"a":2}\r\n'));
    expect(records(await collectRows(join(dir, 'x.jsonl.gz')))).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it('readRows(jsonl) reports an over-long line and resumes', async () => {
    const rows = await collectRows(streamOf(`{"a":"${'x'.repeat(50)}"}\n`, '{"a":"y"}\n'), { format: 'jsonl', maxRecordChars: 20 });
    expect(rows).toEqual([
      { line: 1, error: { reason: 'line longer than 20 characters' } },
      { line: 2, record: { a: 'y' } },
    ]);
  });
});

describe('readJsonLines', () => {
  it('readJsonLines(source) returns any JSON value per line (nested applicants), reporting bad lines and going on', async () => {
    const text = '{"applicant":{"asOf":"2024-06-15","bureau":{"tradelines":[]}},"outcome":{"defaulted":true}}\r\n\nnot json\n[1,2]\n';
    const out = [];
    for await (const l of readJsonLines(streamOf(...splitBytes(Buffer.from(text), [5, 40])))) out.push(l);
    expect(out).toEqual([
      { line: 1, value: { applicant: { asOf: '2024-06-15', bureau: { tradelines: [] } }, outcome: { defaulted: true } } },
      { line: 3, error: { reason: 'not valid JSON' } },
      { line: 4, value: [1, 2] },
    ]);
  });

  it('readJsonLines(path.gz) reads the committed fixture sample when present', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-data-'));
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync('{"a":1}\n{"a":2}'));
    const out = [];
    for await (const l of readJsonLines(join(dir, 'a.jsonl.gz'))) out.push(l);
    expect(out).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
    ]);
  });
});

describe('readRows (standard input)', () => {
  it("readRows('-') reads standard input", () => {
    const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    const entry = resolve(import.meta.dirname, '../../src/data/index.ts');
    const script = `import { readRows } from ${JSON.stringify(entry)}; const out = []; for await (const r of readRows('-')) out.push(r); process.stdout.write(JSON.stringify(out));`;
    const child = spawnSync(tsx, ['--eval', script, '--input-type=module'], { input: gzipSync('a;b\n1;2\n'), encoding: 'utf8' });
    expect(child.stderr.replace(/npm warn.*\n?/g, '')).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([{ line: 2, record: { a: '1', b: '2' } }]);
  });
});

// Ground-truth property: a random table, written as RFC 4180 text with random quoting and line
// endings, then fed in random byte chunks (splitting multi-byte characters too), reads back exactly,
// each row with the physical line it starts on.
describe('readRows (property)', () => {
  const cell = fc.stringMatching(/^[a-zé€" ,;\n\r\t0-9.-]{0,8}$/);
  it('readRows(csv) reads back any RFC 4180 table, with exact line numbers, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.record({
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }),
            width: fc.constant(width),
            eol: fc.constantFrom('\n', '\r\n'),
            delimiter: fc.constantFrom(',', ';', '\t'),
            quoteAll: fc.boolean(),
            cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
          }),
        ),
        async ({ rows, width, eol, delimiter, quoteAll, cuts }) => {
          const header = Array.from({ length: width }, (_, j) => `h${j}`);
          const quote = (f: string) => (quoteAll || /[",;\t\r\n]/.test(f) || f.trim() === '' ? `"${f.replace(/"/g, '""')}"` : f);
          let line = 2;
          const expected: { line: number; record: Record<string, string | null> }[] = [];
          let text = header.join(delimiter) + eol;
          for (const row of rows) {
            const record: Record<string, string | null> = {};
            row.forEach((f, j) => (record[header[j]] = f.trim() === '' ? null : f));
            expected.push({ line, record });
            const serialized = row.map(quote).join(delimiter);
            text += serialized + eol;
            line += 1 + (serialized.match(/\n/g)?.length ?? 0);
          }
          const got = await collectRows(streamOf(...splitBytes(Buffer.from(text, 'utf8'), cuts)), { missing: [''] }); // delimiter detected from the header
          expect(got).toEqual(expected);
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });
});
