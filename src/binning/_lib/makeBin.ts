import type { Bin } from '../../schema/artifacts/scorecard.js';
import { smoothedIv, smoothedWoe } from './binStatistics.js';

/** A bin with its smoothed WoE and IV. */
export function makeBin(label: string, kind: Bin['kind'], goods: number, bads: number, totalGoods: number, totalBads: number, smoothing: number): Bin {
  return {
    label,
    kind,
    count: goods + bads,
    goods,
    bads,
    woe: smoothedWoe(goods, bads, totalGoods, totalBads, smoothing),
    iv: smoothedIv(goods, bads, totalGoods, totalBads, smoothing),
  };
}

/** Index of the riskiest bin with data (lowest WoE; ties: lowest index); 0 when no bin has data. */
export function riskiestBin(bins: readonly Bin[]): number {
  let best = -1;
  for (let k = 0; k < bins.length; k++) {
    if (bins[k].count > 0 && (best < 0 || bins[k].woe < bins[best].woe)) best = k;
  }
  return best < 0 ? 0 : best;
}

/** Sum of the bins' IV. */
export function totalIv(bins: readonly Bin[]): number {
  let iv = 0;
  for (const b of bins) iv += b.iv;
  return iv;
}
