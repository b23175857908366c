import { checkBinCounts, smoothedIv } from './_lib/binStatistics.js';

/**
 * Information value contributed by one bin: `(goods/G − bads/B) · WoE`, with the smoothed WoE of
 * {@link weightOfEvidence}. Non-negative (both factors have the same sign); an empty bin
 * contributes 0. A characteristic's IV is the sum over its bins (missing and special bins
 * included). Rule of thumb: < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, > 0.3 strong. O(1).
 *
 * @param goods - (weighted) goods in the bin, >= 0
 * @param bads - (weighted) bads in the bin, >= 0
 * @param totalGoods - total goods of the characteristic, > 0
 * @param totalBads - total bads of the characteristic, > 0
 * @param smoothing - pseudo-applicants added per bin, >= 0
 * @returns the bin's IV contribution, >= 0
 * @throws {@link InvalidInputError} as {@link weightOfEvidence}
 * @category Binning
 * @example
 * informationValue(30, 10, 60, 40, 0); //=> 0.17328679513998632
 */
export function informationValue(goods: number, bads: number, totalGoods: number, totalBads: number, smoothing = 1): number {
  checkBinCounts('informationValue', goods, bads, totalGoods, totalBads, smoothing);
  return smoothedIv(goods, bads, totalGoods, totalBads, smoothing);
}
