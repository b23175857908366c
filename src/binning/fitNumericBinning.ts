import { InsufficientDataError, InvalidInputError } from '../errors.js';
import type { Bin, BinTrend, NumericBinning } from '../schema/artifacts/scorecard.js';
import { intervalLabel, formatNumber } from './_lib/labels.js';
import { makeBin, riskiestBin, totalIv } from './_lib/makeBin.js';
import { checkTargetAndWeights, parseNumericOptions } from './_lib/parseBinningOptions.js';
import { quantileCutpoints, sortedValues } from './_lib/sortedValues.js';
import type { FitNumericBinningOptions } from './binningOptions.js';
import { fitOptimalMerges, type OptimalMerges } from './fitOptimalMerges.js';

/**
 * Optimal monotone binning of a numeric characteristic, as scorecards use it.
 *
 * 1. Fine classing: up to `maxPrebins` (weighted) quantile pre-bins of the regular values
 *    ({@link fitQuantileBins}); with at most `maxPrebins` distinct values, one pre-bin per value.
 * 2. Coarse classing: the exact IV-maximising merge of contiguous pre-bins under the constraints
 *    ({@link fitOptimalMerges}): at most `maxBins` bins, each with at least `minBinShare` of all
 *    rows, `minGoods` goods and `minBads` bads, and a strictly monotone WoE (bad rate) along the
 *    values for `ascending` / `descending` (`auto` takes the one with the higher IV; ties →
 *    ascending), or unimodal for `peak` / `valley` (`auto-unimodal` takes the best of the four).
 *    When no merge meets the constraints the intervals collapse to one bin.
 * 3. Missing values (`NaN`) get a bin of their own, and so does each special value (e.g. `-1` =
 *    "no trade"), each with its own WoE, outside the monotone constraint and exempt from the size
 *    constraints.
 *
 * WoE is smoothed (see {@link weightOfEvidence}): higher = safer. Where a value class had no
 * training rows (no missing values, a special value never seen), scoring sends it to the missing
 * bin when that has data, else to the riskiest bin (lowest WoE): `missingBin` and
 * `specialValues[].bin` record that mapping. Deterministic. O(n log n + maxBins · maxPrebins³).
 *
 * @param values - the characteristic; `NaN` = missing
 * @param target - 1 = bad, 0 = good, one per value
 * @param options - see {@link FitNumericBinningOptions}
 * @returns the binning (cut-points, bins with counts, WoE and IV, mappings, the trend found)
 * @throws {@link InvalidInputError} when lengths differ, the target is not 0/1, a value is ±Infinity or a weight is invalid
 * @throws {@link InsufficientDataError} when the target has no good or no bad
 * @throws {@link InvalidOptionsError} when an option is out of range
 * @category Binning
 * @example
 * const b = fitNumericBinning(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, NaN, NaN), Uint8Array.of(0, 0, 0, 0, 1, 0, 1, 1, 1, 0), { minBinShare: 0.2, maxPrebins: 4, minBads: 0, minGoods: 0 });
 * b.cutpoints; //=> [5, 7]
 * b.bins.map((x) => x.label); //=> ['(-inf, 5)', '[5, 7)', '[7, inf)', 'Missing']
 */
export function fitNumericBinning(values: ArrayLike<number>, target: ArrayLike<number>, options: FitNumericBinningOptions = {}): NumericBinning {
  const where = 'fitNumericBinning';
  const o = parseNumericOptions(where, options);
  const n = values.length;
  checkTargetAndWeights(where, n, target, o.weights);
  for (let i = 0; i < n; i++) {
    if (values[i] === Number.POSITIVE_INFINITY || values[i] === Number.NEGATIVE_INFINITY) {
      throw new InvalidInputError(`${where}: values[${i}] is not finite`, [{ code: 'not_finite', path: ['values', i], message: 'must be a finite number or NaN for missing' }]);
    }
  }
  const specials = [...new Set(o.specialValues)];
  const s = sortedValues(values, target, o.weights, specials);
  const G = s.totalGoods;
  const B = s.totalBads;
  if (!(G > 0 && B > 0)) {
    throw new InsufficientDataError(`${where}: the target needs both goods and bads with positive weight (goods ${G}, bads ${B})`, [
      { code: 'one_class', path: ['target'], message: 'needs both classes' },
    ]);
  }
  // Fine classing.
  const preCuts = quantileCutpoints(s.values, (k) => s.goods[k] + s.bads[k], o.maxPrebins);
  const P = preCuts.length + 1;
  const pg = new Float64Array(P);
  const pb = new Float64Array(P);
  for (let k = 0, p = 0; k < s.values.length; k++) {
    while (p < preCuts.length && s.values[k] >= preCuts[p]) p++;
    pg[p] += s.goods[k];
    pb[p] += s.bads[k];
  }
  // Coarse classing.
  const candidates: BinTrend[] =
    o.trend === 'auto' ? ['ascending', 'descending'] : o.trend === 'auto-unimodal' ? ['ascending', 'descending', 'peak', 'valley'] : [o.trend];
  let best: OptimalMerges | undefined;
  let bestTrend: BinTrend = candidates[0];
  if (s.values.length > 0) {
    for (const trend of candidates) {
      const r = fitOptimalMerges(pg, pb, {
        trend,
        maxBins: o.maxBins,
        minCount: o.minBinShare * (G + B),
        minGoods: o.minGoods,
        minBads: o.minBads,
        totalGoods: G,
        totalBads: B,
        smoothing: o.smoothing,
      });
      if (best === undefined || (r.isFeasible && !best.isFeasible) || (r.isFeasible === best.isFeasible && r.iv > best.iv)) {
        best = r;
        bestTrend = trend;
      }
    }
  }
  const starts = best?.starts ?? [0];
  const cutpoints = starts.slice(1).map((p) => preCuts[p - 1]);
  const bins: Bin[] = [];
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : P;
    let g = 0;
    let b = 0;
    for (let p = starts[k]; p < end; p++) {
      g += pg[p];
      b += pb[p];
    }
    bins.push(makeBin(intervalLabel(cutpoints, k), 'interval', g, b, G, B, o.smoothing));
  }
  const hasMissing = s.missingGoods + s.missingBads > 0;
  if (hasMissing) bins.push(makeBin('Missing', 'missing', s.missingGoods, s.missingBads, G, B, o.smoothing));
  const specialBins: number[] = specials.map((v, i) => {
    if (s.specialGoods[i] + s.specialBads[i] === 0) return -1;
    bins.push(makeBin(`Special ${formatNumber(v)}`, 'special', s.specialGoods[i], s.specialBads[i], G, B, o.smoothing));
    return bins.length - 1;
  });
  const fallback = hasMissing ? starts.length : riskiestBin(bins);
  return {
    type: 'numeric',
    cutpoints,
    specialValues: specials.map((value, i) => ({ value, bin: specialBins[i] < 0 ? fallback : specialBins[i] })),
    missingBin: fallback,
    trend: starts.length > 1 ? bestTrend : 'none',
    iv: totalIv(bins),
    bins,
  };
}
