import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Opens a path (or '-' for stdin), decompresses gzip transparently (by its magic bytes), and peeks
 * at the first bytes to tell JSON Lines (first non-blank character `{`) from CSV, without reading
 * the input twice: the returned stream replays what was peeked.
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream): Promise<{ stream: NodeJS.ReadableStream; format: 'jsonl' | 'csv' }> {
  let source: NodeJS.ReadableStream = path === '-' ? stdin : createReadStream(path);
  let peeked = await peek(source);
  if (peeked.head.length >= 2 && peeked.head[0] === 0x1f && peeked.head[1] === 0x8b) {
    source = peeked.stream.pipe(createGunzip());
    peeked = await peek(source);
  }
  const text = peeked.head.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return { stream: peeked.stream, format: text.startsWith('{') ? 'jsonl' : 'csv' };
}

async function peek(source: NodeJS.ReadableStream): Promise<{ head: Buffer; stream: NodeJS.ReadableStream }> {
  const it = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done === true ? Buffer.alloc(0) : Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  async function* replay(): AsyncGenerator<Buffer> {
    if (first.done === true) return;
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done === true) return;
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}
