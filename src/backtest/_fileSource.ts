/**
 * Private (Node only): opens a file, `'-'` (standard input) or a byte stream for the backtest file
 * reader, decompresses gzip (recognised by its magic bytes, whatever the file name), and peeks at
 * the first line without consuming it, to tell CSV from JSON Lines and table rows from raw
 * applicants.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InvalidInputError } from '../errors.js';

/** The decompressed byte stream, its first line (≤ 1 MiB) and the file name used for detection. */
export interface OpenedSource {
  readonly stream: Readable;
  readonly firstLine: string;
  readonly name: string;
}

const PEEK_LIMIT = 1 << 20;

export async function openSource(source: string | NodeJS.ReadableStream, where: string): Promise<OpenedSource> {
  const name = typeof source === 'string' ? (source === '-' ? 'stdin' : source) : 'stream';
  let raw: Readable;
  if (typeof source === 'string') raw = source === '-' ? (process.stdin as Readable) : createReadStream(source);
  else raw = source instanceof Readable ? source : Readable.from(source as AsyncIterable<Buffer>);
  const compressed = await peek(raw, 2, name, where);
  let stream = compressed.stream;
  if (compressed.head.length >= 2 && compressed.head[0] === 0x1f && compressed.head[1] === 0x8b) {
    const gunzip = createGunzip();
    stream.on('error', (error) => gunzip.destroy(error));
    stream = stream.pipe(gunzip);
  }
  const text = await peek(stream, PEEK_LIMIT, name, where, true);
  const head = text.head.toString('utf8').replace(/^\uFEFF/, '');
  const newline = head.indexOf('\n');
  return { stream: text.stream, firstLine: (newline === -1 ? head : head.slice(0, newline)).replace(/\r$/, ''), name };
}

/**
 * Reads chunks until `bytes` bytes (or, with `untilNewline`, a line break) are seen, and returns
 * them with a stream that replays them followed by the rest.
 */
async function peek(stream: Readable, bytes: number, name: string, where: string, untilNewline = false): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let isDone = false;
  try {
    while (size < bytes) {
      const r = await iterator.next();
      if (r.done) {
        isDone = true;
        break;
      }
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      chunks.push(chunk);
      size += chunk.length;
      if (untilNewline && chunk.includes(0x0a)) break;
    }
  } catch (error) {
    throw new InvalidInputError(`${where}: cannot read ${name} (${error instanceof Error ? error.message : String(error)})`, [
      { code: 'unreadable_source', path: ['source'], message: 'the file cannot be read' },
    ], { cause: error });
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (isDone) return;
    while (true) {
      const r = await iterator.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}
