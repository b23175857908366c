import { InsufficientDataError, InvalidInputError, type Issue } from '../errors.js';
import type { Bin, CategoricalBinning } from '../schema/artifacts/scorecard.js';
import { smoothedWoe } from './_lib/binStatistics.js';
import { makeBin, riskiestBin, totalIv } from './_lib/makeBin.js';
import { checkTargetAndWeights, parseCategoricalOptions } from './_lib/parseBinningOptions.js';
import { quantileCutpoints } from './_lib/sortedValues.js';
import type { FitCategoricalBinningOptions } from './binningOptions.js';
import { fitOptimalMerges } from './fitOptimalMerges.js';

/**
 * Optimal grouping of a categorical characteristic.
 *
 * 1. Categories holding less than `rareCategoryShare` of all rows are pooled into one "rare"
 *    pseudo-category (their individual bad rates are noise).
 * 2. The (pseudo-)categories are ordered by smoothed WoE, safest first (ties: dictionary order);
 *    more than `maxPrebins` of them are first merged into `maxPrebins` equal-weight runs of that
 *    order.
 * 3. The exact IV-maximising partition of that order into contiguous groups under the size
 *    constraints (`maxBins`, `minBinShare`, `minGoods`, `minBads`) is found by
 *    {@link fitOptimalMerges}. Groups are contiguous in bad-rate order, not in dictionary order.
 * 4. Missing values (code `-1`) get a bin of their own with its own WoE.
 *
 * Unseen categories (not in `categories`, or in it with no training rows) are scored as the
 * missing bin when that has data, else as the riskiest bin (lowest WoE): `unseenBin` records it,
 * and so does `missingBin` when training had no missing value. Never a crash, never a silent zero
 * WoE. O(n + maxBins · maxPrebins³).
 *
 * @param codes - category index per row into `categories`; `-1` = missing (the {@link Dataset} convention)
 * @param categories - the dictionary
 * @param target - 1 = bad, 0 = good
 * @param options - see {@link FitCategoricalBinningOptions}
 * @returns the binning (groups, bins with counts, WoE and IV, mappings)
 * @throws {@link InvalidInputError} when a code is not an integer in [-1, categories.length), lengths differ or the target is not 0/1
 * @throws {@link InsufficientDataError} when the target has no good or no bad
 * @throws {@link InvalidOptionsError} when an option is out of range
 * @category Binning
 * @example
 * const b = fitCategoricalBinning(Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2, -1), ['rent', 'own', 'free'], Uint8Array.of(1, 1, 0, 0, 0, 0, 1, 0, 0, 1), { minBinShare: 0.2, minBads: 0 });
 * b.bins.map((x) => x.label); //=> ['own', 'free', 'rent', 'Missing']
 * b.categoryBins; //=> [2, 0, 1]
 */
export function fitCategoricalBinning(
  codes: ArrayLike<number>,
  categories: readonly string[],
  target: ArrayLike<number>,
  options: FitCategoricalBinningOptions = {},
): CategoricalBinning {
  const where = 'fitCategoricalBinning';
  const o = parseCategoricalOptions(where, options);
  const n = codes.length;
  checkTargetAndWeights(where, n, target, o.weights);
  const C = categories.length;
  const issues: Issue[] = [];
  for (let i = 0; i < n && issues.length < 10; i++) {
    const c = codes[i];
    if (!(Number.isInteger(c) && c >= -1 && c < C)) issues.push({ code: 'invalid_category_index', path: ['codes', i], message: `must be an integer in [-1, ${C})` });
  }
  if (issues.length > 0) throw new InvalidInputError(`${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);

  const cg = new Float64Array(C);
  const cb = new Float64Array(C);
  let mg = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    const w = o.weights === undefined ? 1 : o.weights[i];
    const isBad = target[i] === 1;
    const c = codes[i];
    if (c < 0) {
      if (isBad) mb += w;
      else mg += w;
    } else if (isBad) cb[c] += w;
    else cg[c] += w;
  }
  let G = mg;
  let B = mb;
  for (let c = 0; c < C; c++) {
    G += cg[c];
    B += cb[c];
  }
  if (!(G > 0 && B > 0)) {
    throw new InsufficientDataError(`${where}: the target needs both goods and bads with positive weight (goods ${G}, bads ${B})`, [
      { code: 'one_class', path: ['target'], message: 'needs both classes' },
    ]);
  }
  // Pseudo-categories: every category with data; rare ones pooled.
  const rareLimit = o.rareCategoryShare * (G + B);
  type Pseudo = { members: number[]; g: number; b: number };
  const pseudo: Pseudo[] = [];
  const rare: Pseudo = { members: [], g: 0, b: 0 };
  for (let c = 0; c < C; c++) {
    const w = cg[c] + cb[c];
    if (!(w > 0)) continue;
    if (w < rareLimit) {
      rare.members.push(c);
      rare.g += cg[c];
      rare.b += cb[c];
    } else pseudo.push({ members: [c], g: cg[c], b: cb[c] });
  }
  if (rare.members.length > 0) pseudo.push(rare);
  const woeOf = (p: Pseudo): number => smoothedWoe(p.g, p.b, G, B, o.smoothing);
  pseudo.sort((a, b) => woeOf(b) - woeOf(a) || a.members[0] - b.members[0]);

  // Pre-groups: at most maxPrebins equal-weight runs of the WoE order.
  let pre: Pseudo[] = pseudo;
  if (pseudo.length > o.maxPrebins) {
    const positions = Float64Array.from(pseudo, (_, k) => k);
    const cuts = quantileCutpoints(positions, (k) => pseudo[k].g + pseudo[k].b, o.maxPrebins);
    pre = [];
    let start = 0;
    for (const cut of [...cuts, pseudo.length]) {
      const run = pseudo.slice(start, cut);
      pre.push({ members: run.flatMap((p) => p.members), g: run.reduce((s, p) => s + p.g, 0), b: run.reduce((s, p) => s + p.b, 0) });
      start = cut;
    }
  }

  const bins: Bin[] = [];
  const categoryBins = new Array<number>(C).fill(-1);
  if (pre.length > 0) {
    const merged = fitOptimalMerges(
      pre.map((p) => p.g),
      pre.map((p) => p.b),
      { trend: 'none', maxBins: o.maxBins, minCount: o.minBinShare * (G + B), minGoods: o.minGoods, minBads: o.minBads, totalGoods: G, totalBads: B, smoothing: o.smoothing },
    );
    for (let k = 0; k < merged.starts.length; k++) {
      const end = k + 1 < merged.starts.length ? merged.starts[k + 1] : pre.length;
      const group = pre.slice(merged.starts[k], end);
      const members = group.flatMap((p) => p.members).sort((a, b) => a - b);
      for (const c of members) categoryBins[c] = bins.length;
      const g = group.reduce((s, p) => s + p.g, 0);
      const b = group.reduce((s, p) => s + p.b, 0);
      bins.push(makeBin(members.map((c) => categories[c]).join(', '), 'categories', g, b, G, B, o.smoothing));
    }
  }
  const hasMissing = mg + mb > 0;
  if (hasMissing) bins.push(makeBin('Missing', 'missing', mg, mb, G, B, o.smoothing));
  const fallback = hasMissing ? bins.length - 1 : riskiestBin(bins);
  return {
    type: 'categorical',
    categories: [...categories],
    categoryBins: categoryBins.map((b) => (b < 0 ? fallback : b)),
    missingBin: fallback,
    unseenBin: fallback,
    iv: totalIv(bins),
    bins,
  };
}
