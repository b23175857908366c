import type { Binning } from '../schema/artifacts/scorecard.js';

/**
 * One row of a {@link BinningTable}.
 *
 * @category Binning
 * @example
 * const row: BinningTableRow = { bin: 0, label: '(-inf, 5)', kind: 'interval', count: 40, share: 0.4, goods: 36, bads: 4, badRate: 0.1, woe: 0.85, iv: 0.14 };
 */
export interface BinningTableRow {
  /** Bin index (what the artifact's mappings point at). */
  bin: number;
  label: string;
  kind: 'interval' | 'categories' | 'missing' | 'special';
  /** (Weighted) rows in the bin. */
  count: number;
  /** count / all rows. */
  share: number;
  goods: number;
  bads: number;
  /** bads / count; `null` for an empty bin. */
  badRate: number | null;
  /** Smoothed WoE; higher = safer. */
  woe: number;
  /** The bin's IV contribution. */
  iv: number;
}

/**
 * A binning as a table: one row per bin, totals, and notes saying where values without a bin of
 * their own are scored (missing values, unseen categories, special values absent in training).
 *
 * @category Binning
 * @example
 * const t: BinningTable = binningTable(binning);
 */
export interface BinningTable {
  rows: BinningTableRow[];
  total: { count: number; goods: number; bads: number; badRate: number; iv: number };
  notes: string[];
}

/**
 * The binning table of a fitted binning (count, share, goods, bads, bad rate, WoE and IV per bin,
 * with totals): the data behind {@link binningTableToMarkdown} and {@link binningTableToCsv}. O(bins).
 *
 * @param binning - a fitted numeric or categorical binning
 * @returns rows, totals and mapping notes
 * @category Binning
 * @example
 * const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Uint8Array.of(0, 0, 0, 1, 0, 1, 1, 1), { minBinShare: 0.25, maxPrebins: 4, minBads: 0, minGoods: 0 });
 * binningTable(b).rows.map((r) => [r.label, r.count, r.badRate]);
 * //=> [['(-inf, 3)', 2, 0], ['[3, 7)', 4, 0.5], ['[7, inf)', 2, 1]]
 * binningTable(b).notes; //=> ['Missing values: no training rows; scored as bin 2 ([7, inf))']
 */
export function binningTable(binning: Binning): BinningTable {
  let count = 0;
  let goods = 0;
  let bads = 0;
  let iv = 0;
  for (const b of binning.bins) {
    count += b.count;
    goods += b.goods;
    bads += b.bads;
    iv += b.iv;
  }
  const rows = binning.bins.map((b, k): BinningTableRow => ({
    bin: k,
    label: b.label,
    kind: b.kind,
    count: b.count,
    share: count > 0 ? b.count / count : 0,
    goods: b.goods,
    bads: b.bads,
    badRate: b.count > 0 ? b.bads / b.count : null,
    woe: b.woe,
    iv: b.iv,
  }));
  const name = (k: number): string => `bin ${k} (${binning.bins[k].label})`;
  const notes: string[] = [];
  if (binning.bins[binning.missingBin].kind !== 'missing') notes.push(`Missing values: no training rows; scored as ${name(binning.missingBin)}`);
  if (binning.type === 'categorical') {
    notes.push(`Unseen categories: scored as ${name(binning.unseenBin)}`);
  } else {
    for (const s of binning.specialValues) {
      if (binning.bins[s.bin].kind !== 'special') notes.push(`Special value ${s.value}: no training rows; scored as ${name(s.bin)}`);
    }
  }
  return { rows, total: { count, goods, bads, badRate: count > 0 ? bads / count : 0, iv }, notes };
}
