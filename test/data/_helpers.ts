/** Shared helpers of the data-layer tests. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { readRows, type ReadRowsOptions, type RowResult } from '../../src/data/index.js';

/** ../shared/datasets relative to the repository root. */
export const datasetsDir = resolve(import.meta.dirname, '../../../shared/datasets');
export const hasDatasets = existsSync(datasetsDir);

/** A readable stream over the given chunks (strings are UTF-8 encoded, so chunks are bytes). */
export function streamOf(...chunks: (string | Buffer)[]): Readable {
  return Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
}

/** Every row of a source. */
export async function collectRows(source: string | NodeJS.ReadableStream, options?: ReadRowsOptions): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  for await (const row of readRows(source, options)) rows.push(row);
  return rows;
}

/** Splits `bytes` at the given byte offsets. */
export function splitBytes(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}
