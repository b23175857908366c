/**
 * Cross-check of the hand-written CSV tokenizer (src/data/_lib/CsvTokenizer.ts) against csv-parse,
 * the npm parser it replaces for speed: seeded random RFC 4180 tables (random quoting, LF or CRLF,
 * `,` `;` or tab, line breaks, lone CRs, quotes and delimiters inside quoted fields, empty fields,
 * blank lines between records, with or without a final line break), fed in random chunks, must
 * give csv-parse's records field for field. Line numbers are checked against the generated table
 * (csv-parse's own line counter counts a CRLF inside a quoted field twice, so it is not the oracle
 * for them).
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvItem } from '../../src/data/_lib/CsvTokenizer.js';
import { collectRows, splitBytes, streamOf } from './_helpers.js';

interface Table {
  text: string;
  fields: string[][];
  lines: number[];
  delimiter: string;
  eol: string;
}

const field = fc.stringMatching(/^[a-zA-Zé€ 0-9.,;\t"\r\n-]{0,10}$/);

/** A random table serialised as RFC 4180 text (a field is quoted when it must be, or at random). */
const table: fc.Arbitrary<Table> = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc
    .record({
      rows: fc.array(fc.array(fc.tuple(field, fc.boolean()), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 25 }),
      eol: fc.constantFrom('\n', '\r\n'),
      delimiter: fc.constantFrom(',', ';', '\t'),
      blankLines: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
      hasFinalBreak: fc.boolean(),
    })
    .map(({ rows, eol, delimiter, blankLines, hasFinalBreak }): Table => {
      const fields: string[][] = [];
      const lines: number[] = [];
      let text = '';
      let line = 1;
      rows.forEach((row0, i) => {
        // csv-parse (skip_empty_lines) drops a record of one empty quoted field; keep lone fields non-blank.
        const row = width === 1 ? row0.map(([f, q]): [string, boolean] => [f.trim() === '' ? `x${f}` : f, q]) : row0;
        const values = row.map(([f]) => f);
        const serialized = row
          .map(([f, isQuoted]) => {
            // Must quote: the delimiter, a quote or a line break inside.
            const mustQuote = f.includes(delimiter) || /["\r\n]/.test(f);
            return mustQuote || isQuoted ? `"${f.replace(/"/g, '""')}"` : f;
          })
          .join(delimiter);
        if (i > 0 && blankLines.includes(i)) {
          text += eol;
          line++;
        }
        fields.push(values);
        lines.push(line);
        text += serialized + (i < rows.length - 1 || hasFinalBreak ? eol : '');
        line += 1 + (serialized.match(/\n/g)?.length ?? 0);
      });
      return { text, fields, lines, delimiter, eol };
    }),
);

function csvParse(t: Table): string[][] {
  return parse(t.text, { delimiter: t.delimiter, record_delimiter: t.eol, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

describe('CsvTokenizer against csv-parse (property)', () => {
  it('CsvTokenizer gives csv-parse\'s records on random RFC 4180 tables, in any chunking, with exact start lines', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat({ max: 600 }), { maxLength: 8 }), (t, cuts) => {
        const expected = csvParse(t);
        expect(expected).toEqual(t.fields); // the oracle agrees with the generated table
        const tokenizer = new CsvTokenizer(t.delimiter, 1 << 20);
        const out: CsvItem[] = [];
        const points = [...new Set(cuts.filter((c) => c > 0 && c < t.text.length))].sort((a, b) => a - b);
        let from = 0;
        for (const p of [...points, t.text.length]) {
          tokenizer.push(t.text.slice(from, p), out);
          from = p;
        }
        tokenizer.end(out);
        expect(out.map((item) => ('fields' in item ? item.fields : item))).toEqual(expected);
        expect(out.map((item) => item.line)).toEqual(t.lines);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('readRows(csv) gives csv-parse\'s cells (empty cells as null) on random tables split into byte chunks, with a BOM', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat({ max: 600 }), { maxLength: 6 }), async (t, cuts) => {
        const expected = csvParse(t);
        const width = t.fields[0].length;
        const columns = Array.from({ length: width }, (_, j) => `c${j}`);
        const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.text, 'utf8')]);
        const rows = await collectRows(streamOf(...splitBytes(bytes, cuts)), { delimiter: t.delimiter, header: false, columns, missing: [] });
        // Empty and blank cells are missing (null) whatever the tokens: compare them as ''.
        const blankAsEmpty = expected.map((fields) => fields.map((f) => (f.trim() === '' ? '' : f)));
        expect(rows.map((r) => ('record' in r ? columns.map((c) => r.record[c] ?? '') : r))).toEqual(blankAsEmpty);
        // Only empty or blank cells are missing.
        for (const r of rows) if ('record' in r) for (const c of columns) if (r.record[c] === null) expect(expected[rows.indexOf(r)][columns.indexOf(c)].trim()).toBe('');
        expect(rows.map((r) => r.line)).toEqual(t.lines);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});

describe('why the tokenizer counts its own lines', () => {
  it("csv-parse's info.lines counts a CRLF inside a quoted field twice; CsvTokenizer gives physical start lines", () => {
    const text = 'a,b\r\n"x\r\ny",1\r\nz,2\r\n';
    const theirs = (parse(text, { info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => r.info.lines);
    expect(theirs).toEqual([1, 4, 5]); // 'z,2' is on physical line 4
    const out: CsvItem[] = [];
    const tokenizer = new CsvTokenizer(',', 1 << 20);
    tokenizer.push(text, out);
    tokenizer.end(out);
    expect(out.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
