import { z } from 'zod';
import { LineSplitter, type LineItem } from './_lib/LineSplitter.js';
import { openTextSource, type TableSource } from './_lib/openTextSource.js';
import { DEFAULT_MAX_RECORD_CHARS, parseOptions } from './_lib/options.js';

/**
 * Options of {@link readJsonLines}.
 *
 * @category Data
 * @example
 * const options: ReadJsonLinesOptions = { maxRecordChars: 1_000_000 };
 */
export interface ReadJsonLinesOptions {
  /**
   * Text encoding of the bytes (after gzip decompression).
   * @defaultValue `'utf8'`, or `'utf16le'` when the bytes start with its byte order mark
   */
  encoding?: 'utf8' | 'latin1' | 'utf16le';
  /**
   * Longest line accepted, in characters; a longer one is reported and skipped.
   * @defaultValue 16,777,216
   */
  maxRecordChars?: number;
}

/**
 * One line from {@link readJsonLines}: its parsed JSON value (any shape), or why it is not JSON.
 *
 * @category Data
 * @example
 * const line: JsonLineResult = { line: 3, value: { applicant: { asOf: '2024-06-15' }, outcome: { defaulted: false } } };
 */
export type JsonLineResult = { readonly line: number; readonly value: unknown } | { readonly line: number; readonly error: { readonly reason: string } };

const ReadJsonLinesOptionsSchema = z.strictObject({
  encoding: z.enum(['utf8', 'latin1', 'utf16le']).optional(),
  maxRecordChars: z.number().int().min(1).optional(),
});

/**
 * Streams a JSON Lines file as parsed values, one per non-blank line, in constant memory: for inputs
 * that are not flat tables, such as raw applicants (`{ "applicant": ..., "outcome": ... }` lines).
 * Unlike {@link readRows}, any JSON value is returned as it is; a line that is not valid JSON comes
 * out as `{ line, error: { reason: 'not valid JSON' } }` (never quoting the line) and reading goes on.
 * `.gz` is decompressed transparently; `'-'` reads standard input. Cost: O(input size).
 *
 * @param source - file path, `'-'` (standard input) or a readable stream
 * @param options - see {@link ReadJsonLinesOptions}
 * @returns an async iterable of {@link JsonLineResult}s in file order
 * @throws {@link InvalidOptionsError} when an option is invalid (on the first `next()`)
 * @throws {@link InvalidInputError} when the source cannot be read or is corrupt gzip
 * @category Data
 * @example
 * const lines = [];
 * for await (const l of readJsonLines(Readable.from(['{"applicant":{"id":1}}\n{oops\n']))) lines.push(l);
 * lines;
 * //=> [{ line: 1, value: { applicant: { id: 1 } } }, { line: 2, error: { reason: 'not valid JSON' } }]
 */
export async function* readJsonLines(source: string | NodeJS.ReadableStream, options: ReadJsonLinesOptions = {}): AsyncGenerator<JsonLineResult, void, undefined> {
  const o = parseOptions(ReadJsonLinesOptionsSchema, options, 'readJsonLines');
  const splitter = new LineSplitter(o.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS);
  const lines: LineItem[] = [];
  const drain = function* (): Generator<JsonLineResult> {
    for (const l of lines) {
      if ('error' in l) {
        yield { line: l.line, error: { reason: l.error } };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch {
        yield { line: l.line, error: { reason: 'not valid JSON' } };
        continue;
      }
      yield { line: l.line, value };
    }
    lines.length = 0;
  };
  for await (const text of openTextSource(source as TableSource, 'readJsonLines', o.encoding)) {
    splitter.push(text, lines);
    yield* drain();
  }
  splitter.end(lines);
  yield* drain();
}
