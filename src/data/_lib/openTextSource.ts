/**
 * Opens a table source as a stream of decoded text chunks: a file path, `'-'` for standard input,
 * or any readable stream. Gzip input is recognised by its magic bytes (not only by a `.gz` name)
 * and decompressed with node:zlib; a leading byte order mark is removed. Private to `src/data`.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { InvalidInputError } from '../../errors.js';

/** Where table data comes from: a file path, `'-'` (standard input) or a readable stream. */
export type TableSource = string | NodeJS.ReadableStream;

/** Text encodings a table may be in. */
export type TextEncoding = 'utf8' | 'latin1' | 'utf16le';

/** The format a file name implies (`.csv`, `.tsv`, `.txt`, `.dat` vs `.jsonl`, `.ndjson`, `.json`), ignoring `.gz`. */
export function formatFromName(name: string): 'csv' | 'jsonl' | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  if (/\.(csv|tsv|tab|txt|dat|data)$/.test(lower)) return 'csv';
  return undefined;
}

function byteStream(source: TableSource): NodeJS.ReadableStream {
  if (typeof source === 'string') {
    if (source === '-') return process.stdin;
    return createReadStream(source, { highWaterMark: 1 << 18 });
  }
  return source;
}

function ioError(where: string, source: TableSource, error: unknown): InvalidInputError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
  const name = typeof source === 'string' ? (source === '-' ? 'standard input' : `'${source}'`) : 'the input stream';
  if (code === 'ENOENT') {
    return new InvalidInputError(`${where}: file ${name} not found`, [{ code: 'file_not_found', path: ['source'], message: 'file not found' }], { cause: error });
  }
  if (code.startsWith('Z_')) {
    return new InvalidInputError(`${where}: ${name} is not valid gzip data (${code})`, [{ code: 'invalid_gzip', path: ['source'], message: 'corrupt or truncated gzip data' }], { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new InvalidInputError(`${where}: cannot read ${name}: ${detail}`, [{ code: 'io_error', path: ['source'], message: 'cannot read the source' }], { cause: error });
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new InvalidInputError('expected a byte or text stream', [{ code: 'invalid_type', path: ['source'], message: 'stream chunks must be bytes or text' }]);
}

async function* rawBytes(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  // Gather at least two bytes to recognise gzip.
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (head.length < 2) {
    const r = await iterator.next();
    if (r.done) {
      done = true;
      break;
    }
    head = head.length === 0 ? toBuffer(r.value) : Buffer.concat([head, toBuffer(r.value)]);
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    try {
      for (;;) {
        const r = await iterator.next();
        if (r.done) return;
        yield toBuffer(r.value);
      }
    } finally {
      await iterator.return?.();
    }
  };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const input = Readable.from(rest());
    pipeline(input, gunzip, () => {
      // Errors surface through the iteration of `gunzip` below.
    });
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } else {
    yield* rest();
  }
}

/**
 * Decoded text chunks of `source`, gzip and byte order mark handled. Without an explicit encoding,
 * text is UTF-8 unless it starts with the UTF-16LE byte order mark (Excel's "Unicode text" export).
 * I/O and gzip failures become {@link InvalidInputError}s whose message names the source (a path,
 * never its content).
 */
export async function* openTextSource(source: TableSource, where: string, encoding?: TextEncoding): AsyncGenerator<string> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = byteStream(source);
  } catch (error) {
    throw ioError(where, source, error);
  }
  let decoder: StringDecoder | undefined;
  let first = true;
  try {
    for await (const bytes of rawBytes(stream)) {
      decoder ??= new StringDecoder(encoding ?? (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : 'utf8'));
      let text = decoder.write(bytes);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text.length > 0) yield text;
    }
    let tail = decoder?.end() ?? '';
    if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
    if (tail.length > 0) yield tail;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw ioError(where, source, error);
  } finally {
    if (typeof source === 'string' && source !== '-' && 'destroy' in stream && typeof stream.destroy === 'function') {
      (stream as Readable).destroy();
    }
  }
}
