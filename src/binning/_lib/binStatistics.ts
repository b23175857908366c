import { InvalidInputError, type Issue } from '../../errors.js';

/**
 * Smoothed WoE and IV of one bin (no argument checks: the hot path of the optimal-merge search).
 * WoE = ln((g/G + s/N) / (b/B + s/N)); IV = (g/G − b/B) · WoE, which is >= 0 since both factors
 * have the same sign.
 */
export function smoothedWoe(goods: number, bads: number, totalGoods: number, totalBads: number, smoothing: number): number {
  const shift = smoothing / (totalGoods + totalBads);
  return Math.log((goods / totalGoods + shift) / (bads / totalBads + shift));
}

/** IV contribution of one bin; see {@link smoothedWoe}. */
export function smoothedIv(goods: number, bads: number, totalGoods: number, totalBads: number, smoothing: number): number {
  const woe = smoothedWoe(goods, bads, totalGoods, totalBads, smoothing);
  const iv = (goods / totalGoods - bads / totalBads) * woe;
  // Rounding can make a zero contribution -1e-18; IV is non-negative by construction.
  return iv > 0 ? iv : 0;
}

/** Argument check shared by weightOfEvidence and informationValue. */
export function checkBinCounts(where: string, goods: number, bads: number, totalGoods: number, totalBads: number, smoothing: number): void {
  const issues: Issue[] = [];
  const need = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ code: 'out_of_range', path: [path], message });
  };
  need(Number.isFinite(goods) && goods >= 0, 'goods', 'must be a finite number >= 0');
  need(Number.isFinite(bads) && bads >= 0, 'bads', 'must be a finite number >= 0');
  need(Number.isFinite(totalGoods) && totalGoods > 0, 'totalGoods', 'must be a finite number > 0');
  need(Number.isFinite(totalBads) && totalBads > 0, 'totalBads', 'must be a finite number > 0');
  need(Number.isFinite(smoothing) && smoothing >= 0, 'smoothing', 'must be a finite number >= 0');
  if (issues.length === 0 && smoothing === 0 && (goods === 0 || bads === 0)) {
    issues.push({ code: 'empty_class', path: [goods === 0 ? 'goods' : 'bads'], message: 'is 0 while smoothing is 0: the WoE would be infinite' });
  }
  if (issues.length > 0) {
    throw new InvalidInputError(`${where}: ${issues.map((i) => `${i.path[0]} ${i.message}`).join('; ')}`, issues);
  }
}
