/**
 * The row layer under `readTable` and `readRows`: opens a source, recognises the format, splits
 * CSV (delimiter detected from the header line) or JSON Lines into rows of raw text cells (missing
 * tokens already `null`), with line numbers and row-level errors. Rows come in batches (one per
 * input chunk) to keep the per-row cost low. Private to `src/data`.
 *
 * @module
 */
import { InvalidInputError, type Issue } from '../../errors.js';
import { createMissingTest } from './cells.js';
import { CsvTokenizer, type CsvItem } from './CsvTokenizer.js';
import { LineSplitter, type LineItem } from './LineSplitter.js';
import { formatFromName, openTextSource, type TableSource, type TextEncoding } from './openTextSource.js';

/** Options of the row layer (already validated and defaulted). */
export interface RowSourceOptions {
  readonly format?: 'csv' | 'jsonl';
  readonly delimiter?: string;
  readonly missing: readonly string[];
  readonly header?: boolean;
  readonly columns?: readonly string[];
  readonly encoding?: TextEncoding;
  readonly maxRecordChars: number;
}

/**
 * A row: cells aligned with the batch's `columns` (`null` = missing; `undefined` = key absent from
 * a JSON line, or beyond a short JSON row), or a row-level error.
 */
export type RowItem =
  | { readonly line: number; readonly cells: (string | null | undefined)[] }
  | { readonly line: number; readonly error: string; readonly column?: string };

/** Rows read from one input chunk, with the column names known so far. */
export interface RowBatch {
  readonly format: 'csv' | 'jsonl';
  /** CSV: the header (fixed). JSON Lines: every key seen so far, in first-seen order (grows). */
  readonly columns: readonly string[];
  readonly items: RowItem[];
}

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV whose text starts with `head`: the most frequent of `,` `;` `\t` outside
 * quotes on the first line (ties in that order; none -> `,`). `undefined` while the first line is
 * not complete and `isFinal` is false.
 */
export function detectDelimiter(head: string, isFinal: boolean): string | undefined {
  const counts = [0, 0, 0];
  let inQuotes = false;
  let complete = false;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === 10 || c === 13) {
        complete = true;
        break;
      }
      if (c === 44) counts[0]++;
      else if (c === 59) counts[1]++;
      else if (c === 9) counts[2]++;
    }
  }
  if (!complete && !isFinal) return undefined;
  let best = 0;
  for (let k = 1; k < 3; k++) if (counts[k] > counts[best]) best = k;
  return CANDIDATE_DELIMITERS[best];
}

function headerNames(fields: readonly string[], where: string): string[] {
  const names = fields.map((f, j) => {
    const t = f.trim();
    return t.length === 0 ? `column${j + 1}` : t;
  });
  checkColumnNames(names, where);
  return names;
}

/** Throws when column names repeat or would be unsafe object keys. */
export function checkColumnNames(names: readonly string[], where: string): void {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  names.forEach((name, j) => {
    if (name === '__proto__') issues.push({ code: 'invalid_column_name', path: ['header', j], message: "'__proto__' is not allowed as a column name" });
    if (seen.has(name)) issues.push({ code: 'duplicate_column', path: ['header', j], message: `column name '${name}' repeats column ${(seen.get(name) ?? 0) + 1}` });
    else seen.set(name, j);
  });
  if (issues.length > 0) {
    throw new InvalidInputError(`${where}: invalid header (${issues.map((i) => i.message).join('; ')})`, issues);
  }
}

/** Yields row batches from `source`. Throws InvalidInputError on unreadable input or a bad header. */
export async function* readRowBatches(source: TableSource, where: string, options: RowSourceOptions): AsyncGenerator<RowBatch> {
  const chunks = openTextSource(source, where, options.encoding);
  const iterator = chunks[Symbol.asyncIterator]();
  // Peek enough text to decide the format and (CSV) the delimiter.
  let head = '';
  let isDone = false;
  const pull = async (): Promise<boolean> => {
    const r = await iterator.next();
    if (r.done) {
      isDone = true;
      return false;
    }
    head += r.value;
    return true;
  };
  try {
    let format = options.format ?? (typeof source === 'string' && source !== '-' ? formatFromName(source) : undefined);
    if (format === undefined) {
      while (head.trim().length === 0 && (await pull()));
      format = head.trimStart().startsWith('{') ? 'jsonl' : 'csv';
    }
    if (format === 'jsonl') {
      yield* jsonBatches(head, iterator, options);
      return;
    }
    let delimiter = options.delimiter;
    while (delimiter === undefined) {
      delimiter = detectDelimiter(head, isDone || head.length > options.maxRecordChars);
      if (delimiter === undefined) await pull();
    }
    yield* csvBatches(head, iterator, delimiter, where, options);
  } finally {
    await iterator.return?.(undefined);
  }
}

async function* csvBatches(
  head: string,
  rest: AsyncIterator<string>,
  delimiter: string,
  where: string,
  options: RowSourceOptions,
): AsyncGenerator<RowBatch> {
  const tokenizer = new CsvTokenizer(delimiter, options.maxRecordChars);
  const isMissing = createMissingTest(options.missing);
  const hasHeaderRow = options.header ?? options.columns === undefined;
  let columns: string[] | undefined = options.columns === undefined ? undefined : [...options.columns];
  if (columns !== undefined) checkColumnNames(columns, where);
  let isHeaderPending = hasHeaderRow;
  const convert = (raw: CsvItem[]): RowItem[] => {
    const items: RowItem[] = [];
    for (const item of raw) {
      if (!('fields' in item)) {
        items.push(item.field !== undefined && columns !== undefined && item.field < columns.length ? { line: item.line, error: item.error, column: columns[item.field] } : { line: item.line, error: item.error });
        continue;
      }
      const fields = item.fields;
      if (isHeaderPending) {
        isHeaderPending = false;
        if (columns === undefined) columns = headerNames(fields, where);
        else if (fields.length !== columns.length) {
          throw new InvalidInputError(`${where}: the header has ${fields.length} fields but ${columns.length} column names were given`, [
            { code: 'length_mismatch', path: ['columns'], message: 'column names and header fields differ in number' },
          ]);
        }
        continue;
      }
      if (columns === undefined) columns = fields.map((_, j) => `column${j + 1}`);
      if (fields.length !== columns.length) {
        items.push({ line: item.line, error: `expected ${columns.length} fields, found ${fields.length}` });
        continue;
      }
      const cells: (string | null)[] = fields;
      for (let j = 0; j < fields.length; j++) if (isMissing(fields[j])) cells[j] = null;
      items.push({ line: item.line, cells });
    }
    return items;
  };
  const raw: CsvItem[] = [];
  if (head.length > 0) tokenizer.push(head, raw);
  for (;;) {
    if (raw.length > 0) {
      const items = convert(raw);
      raw.length = 0;
      yield { format: 'csv', columns: columns ?? [], items };
    }
    const r = await rest.next();
    if (r.done) break;
    tokenizer.push(r.value, raw);
  }
  tokenizer.end(raw);
  const items = convert(raw);
  yield { format: 'csv', columns: columns ?? [], items };
}

async function* jsonBatches(head: string, rest: AsyncIterator<string>, options: RowSourceOptions): AsyncGenerator<RowBatch> {
  const splitter = new LineSplitter(options.maxRecordChars);
  const isMissing = createMissingTest(options.missing);
  const columns: string[] = [];
  const index = new Map<string, number>();
  const convert = (lines: LineItem[]): RowItem[] => {
    const items: RowItem[] = [];
    for (const l of lines) {
      if ('error' in l) {
        items.push(l);
        continue;
      }
      const parsed = parseJsonLine(l.text);
      if (typeof parsed === 'string') {
        items.push({ line: l.line, error: parsed });
        continue;
      }
      const cells: (string | null | undefined)[] = [];
      let error: RowItem | undefined;
      for (const key of Object.keys(parsed)) {
        const v = parsed[key];
        let cell: string | null;
        if (v === null) cell = null;
        else if (typeof v === 'string') cell = isMissing(v) ? null : v;
        else if (typeof v === 'number') cell = String(v);
        else if (typeof v === 'boolean') cell = v ? 'true' : 'false';
        else {
          error = { line: l.line, error: `field '${key}' holds a nested object or array (a table needs flat values)`, column: key };
          break;
        }
        if (key === '__proto__') {
          error = { line: l.line, error: "'__proto__' is not allowed as a field name", column: key };
          break;
        }
        let j = index.get(key);
        if (j === undefined) {
          j = columns.length;
          columns.push(key);
          index.set(key, j);
        }
        cells[j] = cell;
      }
      items.push(error ?? { line: l.line, cells });
    }
    return items;
  };
  const lines: LineItem[] = [];
  if (head.length > 0) splitter.push(head, lines);
  for (;;) {
    if (lines.length > 0) {
      const items = convert(lines);
      lines.length = 0;
      yield { format: 'jsonl', columns, items };
    }
    const r = await rest.next();
    if (r.done) break;
    splitter.push(r.value, lines);
  }
  splitter.end(lines);
  yield { format: 'jsonl', columns, items: convert(lines) };
}

/** The object on a JSON line, or the reason it is not one (never quoting the line's content). */
export function parseJsonLine(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  return value as Record<string, unknown>;
}
