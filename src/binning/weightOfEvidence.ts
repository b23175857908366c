import { checkBinCounts, smoothedWoe } from './_lib/binStatistics.js';

/**
 * Weight of evidence of one bin, smoothed: `ln((goods/G + s/N) / (bads/B + s/N))`, where `G` and
 * `B` are the characteristic's total goods and bads, `N = G + B` and `s` the smoothing.
 *
 * Convention (used throughout the library): WoE = ln(share of goods / share of bads), so a higher
 * WoE means a safer bin (the usual scorecard convention; optbinning's sign). The smoothing adds
 * `s/N` to both shares, which is the same as adding `s` pseudo-applicants at the portfolio's own
 * bad rate (`s·G/N` goods and `s·B/N` bads) to every bin: an empty class never gives ±Infinity,
 * and an empty bin gets WoE 0 exactly (neutral). O(1). https://en.wikipedia.org/wiki/Weight_of_evidence
 *
 * @param goods - (weighted) goods in the bin, >= 0
 * @param bads - (weighted) bads in the bin, >= 0
 * @param totalGoods - total goods of the characteristic (all bins, missing included), > 0
 * @param totalBads - total bads of the characteristic, > 0
 * @param smoothing - pseudo-applicants added per bin, >= 0 (0 = the raw WoE)
 * @returns the bin's WoE; finite
 * @throws {@link InvalidInputError} when a count is negative or not finite, a total is not positive,
 *   or a class is empty while `smoothing` is 0
 * @category Binning
 * @example
 * weightOfEvidence(40, 10, 80, 20, 0); //=> 0
 * weightOfEvidence(30, 0, 80, 20, 1); //=> 3.6506582412937387
 */
export function weightOfEvidence(goods: number, bads: number, totalGoods: number, totalBads: number, smoothing = 1): number {
  checkBinCounts('weightOfEvidence', goods, bads, totalGoods, totalBads, smoothing);
  return smoothedWoe(goods, bads, totalGoods, totalBads, smoothing);
}
