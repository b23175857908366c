/**
 * `backtest --good`: keeps the rows whose target is the `--bad` or the `--good` value and drops the
 * others (counted, reported once), so a target with a third value (`Current`, `In Grace Period`...)
 * can be backtested. The library's `backtestFile` reads a two-valued target only, so the command
 * streams the table through this filter: CSV stays CSV (header first), JSON Lines stays JSON Lines,
 * and blank lines are inserted so every kept row keeps its original line number in the report's
 * notes. A row the reader cannot read is passed on as a line the backtest reports as unreadable.
 */
import { Readable } from 'node:stream';
import { readRows } from '../data/index.js';
import { openInput } from './_openInput.js';

/** The class key of a target text, as the data layer compares targets: trimmed, numbers by value. */
export function targetClassKey(text: string): string {
  const t = text.trim();
  const v = t === '' || /^[+-]?0[xbo]/i.test(t) ? Number.NaN : Number(t);
  return Number.isFinite(v) ? String(v) : t;
}

function csvCell(cell: string | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Streams `source` keeping only rows whose `target` is `bad` or `good` (missing targets are kept:
 * the backtest reports them). `dropped()` counts the rows left out, once the stream is consumed.
 */
export async function filterTargetClasses(
  source: string,
  stdin: NodeJS.ReadableStream,
  options: { target: string; bad: string; good: string; delimiter?: string; missing: readonly string[] },
): Promise<{ stream: Readable; format: 'csv' | 'jsonl'; dropped: () => number }> {
  const input = await openInput(source, stdin);
  const keep = new Set([targetClassKey(options.bad), targetClassKey(options.good)]);
  let dropped = 0;
  const format = input.format;
  const rows = readRows(input.stream, { format, missing: [...options.missing], ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) });
  async function* lines(): AsyncGenerator<string> {
    let line = 1;
    let columns: string[] | undefined;
    const padTo = (target: number): string => {
      const n = Math.max(0, target - line);
      line += n;
      return '\n'.repeat(n);
    };
    const emit = (text: string): string => {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
      line++;
      return `${text}\n`;
    };
    // Unreadable rows before the first readable one wait for the header (which must come first).
    const early: number[] = [];
    const unreadable = (at: number): string => padTo(at) + emit(format === 'csv' ? ','.repeat(Math.max(1, columns?.length ?? 1)) : '[]');
    for await (const row of rows) {
      if (format === 'csv' && columns === undefined) {
        if ('error' in row) {
          early.push(row.line);
          continue;
        }
        columns = Object.keys(row.record);
        let text = emit(columns.map(csvCell).join(','));
        for (const at of early) text += unreadable(at);
        yield text;
      }
      if ('error' in row) {
        // Unreadable: a line the backtest reads as unreadable too (counted as skipped there).
        yield unreadable(row.line);
        continue;
      }
      const cell = row.record[options.target];
      if (cell !== null && cell !== undefined && !keep.has(targetClassKey(cell))) {
        dropped++;
        continue;
      }
      const pad = padTo(row.line);
      if (format === 'csv') yield pad + emit((columns as string[]).map((c) => csvCell(row.record[c])).join(','));
      else yield pad + emit(JSON.stringify(row.record));
    }
  }
  return { stream: Readable.from(lines(), { objectMode: false }), format, dropped: () => dropped };
}
