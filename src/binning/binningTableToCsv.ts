import { toCsv } from './_lib/formatTable.js';
import type { BinningTable } from './binningTable.js';

/**
 * A binning table as CSV (RFC 4180, header row, LF line ends, full-precision numbers): columns
 * `bin,label,kind,count,share,goods,bads,bad_rate,woe,iv`, one row per bin, then a `total` row.
 * An empty bin's bad rate is an empty field. O(bins).
 *
 * @param table - from {@link binningTable}
 * @returns CSV text ending with a newline
 * @category Binning
 * @example
 * const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Uint8Array.of(0, 0, 0, 1, 0, 1, 1, 1), { minBinShare: 0.25, maxPrebins: 4, minBads: 0, minGoods: 0 });
 * binningTableToCsv(binningTable(b)).split('\n')[0]; //=> 'bin,label,kind,count,share,goods,bads,bad_rate,woe,iv'
 */
export function binningTableToCsv(table: BinningTable): string {
  const rows = table.rows.map((r) => [r.bin, r.label, r.kind, r.count, r.share, r.goods, r.bads, r.badRate, r.woe, r.iv]);
  const t = table.total;
  rows.push(['total', 'Total', 'total', t.count, 1, t.goods, t.bads, t.badRate, null, t.iv]);
  return toCsv(['bin', 'label', 'kind', 'count', 'share', 'goods', 'bads', 'bad_rate', 'woe', 'iv'], rows);
}
