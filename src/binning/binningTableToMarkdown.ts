import { fixed, toMarkdownTable } from './_lib/formatTable.js';
import type { BinningTable } from './binningTable.js';

/**
 * Options of {@link binningTableToMarkdown}.
 *
 * @category Binning
 * @example
 * const o: BinningTableToMarkdownOptions = { title: 'duration_in_month', decimals: 4 };
 */
export interface BinningTableToMarkdownOptions {
  /** A `###` heading above the table (e.g. the characteristic's name). @defaultValue none */
  title?: string;
  /** Decimals of WoE and IV. @defaultValue 4 */
  decimals?: number;
}

/**
 * A binning table as GitHub-flavoured Markdown: one row per bin (count, share, goods, bads, bad
 * rate, WoE, IV), a total row, then the mapping notes. O(bins).
 *
 * @param table - from {@link binningTable}
 * @param options - see {@link BinningTableToMarkdownOptions}
 * @returns Markdown text ending with a newline
 * @category Binning
 * @example
 * const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Uint8Array.of(0, 0, 0, 1, 0, 1, 1, 1), { minBinShare: 0.25, maxPrebins: 4, minBads: 0, minGoods: 0 });
 * binningTableToMarkdown(binningTable(b)).split('\n')[0];
 * //=> '| Bin | Count | Share | Goods | Bads | Bad rate | WoE | IV |'
 */
export function binningTableToMarkdown(table: BinningTable, options: BinningTableToMarkdownOptions = {}): string {
  const d = options.decimals ?? 4;
  const num = (v: number): string => (Number.isInteger(v) ? String(v) : fixed(v, 2));
  const pct = (v: number | null): string => (v === null ? '' : `${fixed(100 * v, 1)}%`);
  const rows = table.rows.map((r) => [r.label, num(r.count), pct(r.share), num(r.goods), num(r.bads), pct(r.badRate), fixed(r.woe, d), fixed(r.iv, d)]);
  const t = table.total;
  rows.push(['**Total**', num(t.count), pct(1), num(t.goods), num(t.bads), pct(t.badRate), '', fixed(t.iv, d)]);
  const head = options.title === undefined ? '' : `### ${options.title}\n\n`;
  const md = toMarkdownTable(['Bin', 'Count', 'Share', 'Goods', 'Bads', 'Bad rate', 'WoE', 'IV'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], rows);
  const notes = table.notes.length > 0 ? `\n${table.notes.map((n) => `- ${n}`).join('\n')}\n` : '';
  return head + md + notes;
}
