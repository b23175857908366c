/**
 * The scorecard artifact: every selected characteristic's bins (cut-points or category groups, a
 * missing bin, special-value bins, where unseen categories go), each bin's WoE and points, the
 * logistic coefficients on WoE, the reason-code baselines, and (in `training`) the selection log.
 *
 * Conventions (the same everywhere in `binning/`, `train/trainScorecard` and `ScorecardScorer`):
 * - WoE of a bin = ln(smoothed share of goods / smoothed share of bads): higher WoE = safer.
 * - Numeric intervals are left-closed: with cut-points `c₁ < … < c_{K−1}`, interval bin 0 is
 *   `(−∞, c₁)`, bin k is `[c_k, c_{k+1})`, bin K−1 is `[c_{K−1}, +∞)`. Interval bins come first in
 *   `bins`; the missing bin and special-value bins follow.
 * - Log-odds of default = `intercept + Σ coefficient · woe[bin]` (coefficients are negative: more
 *   WoE, less risk), plus a characteristic's `missingEffect` when its value falls in its missing
 *   bin; score = Σ points[bin].
 *
 * @module
 */
import * as z from 'zod/mini';
import { fail, type IssueSink } from '../_issue.js';
import { ArtifactCommonShape } from '../artifactCommon.js';

const finite = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }));
const nonNegative = finite.check(z.refine((v) => v >= 0, { message: 'must be >= 0' }));
const index = z.number().check(z.int(), z.gte(0));

/**
 * One bin of a characteristic with its training statistics (weighted counts when the training data
 * had weights).
 *
 * @category Artifacts
 * @example
 * BinSchema.parse({ label: '[2, 5)', kind: 'interval', count: 120, goods: 100, bads: 20, woe: 0.41, iv: 0.02 });
 */
export const BinSchema = z.strictObject({
  /** Display label: `[2, 5)`, `Missing`, `Special -1`, `A, B`. */
  label: z.string(),
  kind: z.enum(['interval', 'categories', 'missing', 'special']),
  count: nonNegative,
  goods: nonNegative,
  bads: nonNegative,
  /** ln(smoothed goods share / smoothed bads share); higher = safer. */
  woe: finite,
  /** (smoothed goods share − smoothed bads share) · woe; >= 0. */
  iv: nonNegative,
});
/**
 * @category Artifacts
 * @example
 * const bin: Bin = { label: 'Missing', kind: 'missing', count: 10, goods: 7, bads: 3, woe: 0, iv: 0 };
 */
export type Bin = z.infer<typeof BinSchema>;

/**
 * Bad-rate trend of a numeric binning along increasing values.
 *
 * @category Artifacts
 * @example
 * BinTrendSchema.parse('descending'); //=> 'descending'
 */
export const BinTrendSchema = z.enum(['ascending', 'descending', 'peak', 'valley', 'none']);
/**
 * @category Artifacts
 * @example
 * const trend: BinTrend = 'ascending';
 */
export type BinTrend = z.infer<typeof BinTrendSchema>;

/**
 * Checks a binning's mappings into `bins` (each `[path, bin index]`): an index out of range is
 * refused at its path, and so is the first bin that nothing maps to (bins `0 … reached − 1`, the
 * numeric intervals, are reached by values). An unreachable bin would still count in the
 * characteristic's maximum points, so it would distort `maxScore` and the reasons' shortfalls.
 */
function checkBinRefs(ctx: IssueSink, bins: number, refs: [(string | number)[], number][], reached = 0): void {
  const seen = new Uint8Array(bins).fill(1, 0, reached);
  for (const [path, k] of refs) {
    if (k >= bins) fail(ctx, path, 'not a bin index', 'bin_index');
    else seen[k] = 1;
  }
  const k = seen.indexOf(0);
  if (k >= 0) fail(ctx, ['bins', k], 'no value maps to this bin', 'unreachable_bin');
}

/**
 * A fitted numeric binning. `missingBin` and every special value's `bin` point into `bins`: to
 * their own bin when training had such values, otherwise to the documented fallback (the missing
 * bin when it has data, else the riskiest bin).
 *
 * @category Artifacts
 * @example
 * NumericBinningSchema.parse({ type: 'numeric', cutpoints: [5], specialValues: [], missingBin: 0, trend: 'ascending', iv: 0.1,
 *   bins: [
 *     { label: '(-inf, 5)', kind: 'interval', count: 50, goods: 45, bads: 5, woe: 0.7, iv: 0.05 },
 *     { label: '[5, inf)', kind: 'interval', count: 50, goods: 35, bads: 15, woe: -0.6, iv: 0.05 },
 *   ] });
 */
export const NumericBinningSchema = z
  .strictObject({
    type: z.literal('numeric'),
    /** Strictly increasing cut-points; `cutpoints.length + 1` interval bins. */
    cutpoints: z.array(finite),
    /** Values scored by a bin of their own (or the fallback bin when unseen in training). */
    specialValues: z.array(z.strictObject({ value: finite, bin: index })),
    missingBin: index,
    trend: BinTrendSchema,
    /** Information value of the characteristic: sum of the bins' iv. */
    iv: nonNegative,
    bins: z.array(BinSchema).check(z.minLength(1)),
  })
  .check(z.superRefine((b, ctx) => {
    for (let k = 1; k < b.cutpoints.length; k++) {
      if (!(b.cutpoints[k] > b.cutpoints[k - 1])) fail(ctx, ['cutpoints', k], 'cut-points must be strictly increasing', 'not_increasing');
    }
    if (b.bins.length < b.cutpoints.length + 1) fail(ctx, ['bins'], 'fewer bins than intervals', 'bin_count');
    for (let k = 0; k <= b.cutpoints.length && k < b.bins.length; k++) {
      if (b.bins[k].kind !== 'interval') fail(ctx, ['bins', k, 'kind'], 'the first cutpoints.length + 1 bins must be intervals', 'bin_kind');
    }
    checkBinRefs(ctx, b.bins.length, [[['missingBin'], b.missingBin], ...b.specialValues.map((s, i): [(string | number)[], number] => [['specialValues', i, 'bin'], s.bin])], b.cutpoints.length + 1);
  }));
/**
 * @category Artifacts
 * @example
 * const b: NumericBinning = fitNumericBinning(values, target);
 */
export type NumericBinning = z.infer<typeof NumericBinningSchema>;

/**
 * A fitted categorical binning: `categoryBins[i]` is the bin of `categories[i]`. Missing values go
 * to `missingBin`; a category not in `categories` (or one with no training rows) goes to
 * `unseenBin` (the missing bin when it has data, else the riskiest bin).
 *
 * @category Artifacts
 * @example
 * CategoricalBinningSchema.parse({ type: 'categorical', categories: ['a', 'b'], categoryBins: [0, 1], missingBin: 1, unseenBin: 1, iv: 0.1,
 *   bins: [
 *     { label: 'a', kind: 'categories', count: 50, goods: 45, bads: 5, woe: 0.7, iv: 0.05 },
 *     { label: 'b', kind: 'categories', count: 50, goods: 35, bads: 15, woe: -0.6, iv: 0.05 },
 *   ] });
 */
export const CategoricalBinningSchema = z
  .strictObject({
    type: z.literal('categorical'),
    categories: z.array(z.string()),
    categoryBins: z.array(index),
    missingBin: index,
    unseenBin: index,
    iv: nonNegative,
    bins: z.array(BinSchema).check(z.minLength(1)),
  })
  .check(z.superRefine((b, ctx) => {
    if (b.categoryBins.length !== b.categories.length) fail(ctx, ['categoryBins'], 'must have one bin per category', 'length_mismatch');
    checkBinRefs(ctx, b.bins.length, [...b.categoryBins.map((bin, i): [(string | number)[], number] => [['categoryBins', i], bin]), [['missingBin'], b.missingBin], [['unseenBin'], b.unseenBin]]);
  }));
/**
 * @category Artifacts
 * @example
 * const b: CategoricalBinning = fitCategoricalBinning(codes, categories, target);
 */
export type CategoricalBinning = z.infer<typeof CategoricalBinningSchema>;

/**
 * A fitted binning of either type.
 *
 * @category Artifacts
 * @example
 * BinningSchema.safeParse({ type: 'numeric' }).success; //=> false
 */
export const BinningSchema = z.discriminatedUnion('type', [NumericBinningSchema, CategoricalBinningSchema]);
/**
 * @category Artifacts
 * @example
 * const kind: Binning['type'] = 'numeric';
 */
export type Binning = z.infer<typeof BinningSchema>;

/**
 * One characteristic of the scorecard (aligned with the artifact's `features`).
 *
 * @category Artifacts
 * @example
 * ScorecardCharacteristicSchema.safeParse({ coefficient: -1 }).success; //=> false
 */
export const ScorecardCharacteristicSchema = z
  .strictObject({
    /** Logistic coefficient on the WoE; < 0 (more WoE, less risk). */
    coefficient: finite,
    /**
     * Log-odds the missing bin adds to `coefficient · woe` (trained with `missingBins: 'fitted'`):
     * the missing bin scores `coefficient · woe + missingEffect`. Absent = 0.
     */
    missingEffect: z.optional(finite),
    /**
     * The missing group (1, 2, …) whose fitted term `missingEffect` is this characteristic's share
     * of: characteristics missing on nearly the same training rows share one. Present with
     * `missingEffect`.
     */
    missingGroup: z.optional(z.number().check(z.int(), z.gte(1))),
    binning: BinningSchema,
    /** Points per bin (rounded as trained), aligned with `binning.bins`. */
    points: z.array(finite),
    /** Population (training) average points: the `average` reason baseline. */
    averagePoints: finite,
    /** Average points of training applicants near the cut-off: the `cutoff` reason baseline. */
    cutoffPoints: z.optional(finite),
  })
  .check(z.superRefine((c, ctx) => {
    if (c.points.length !== c.binning.bins.length) fail(ctx, ['points'], 'must have one value per bin', 'length_mismatch');
    if (c.missingEffect !== undefined && c.binning.bins[c.binning.missingBin]?.kind !== 'missing') {
      fail(ctx, ['missingEffect'], 'needs a missing bin of its own (binning.missingBin of kind missing)', 'no_missing_bin');
    }
    if (c.missingGroup !== undefined && c.missingEffect === undefined) {
      fail(ctx, ['missingGroup'], 'needs a missingEffect', 'required');
    }
  }));
/**
 * @category Artifacts
 * @example
 * const points: ScorecardCharacteristic['points'] = [12, 30, 41];
 */
export type ScorecardCharacteristic = z.infer<typeof ScorecardCharacteristicSchema>;

/**
 * Baseline against which reason codes measure points lost: each characteristic's maximum points
 * (`max`), the training population's average points (`average`), or the average points of training
 * applicants scoring within `window` points of `cutoff.score` (`cutoff`).
 *
 * @category Artifacts
 * @example
 * ReasonBaselineSchema.parse('max'); //=> 'max'
 */
export const ReasonBaselineSchema = z.enum(['max', 'average', 'cutoff']);
/**
 * @category Artifacts
 * @example
 * const baseline: ReasonBaseline = 'average';
 */
export type ReasonBaseline = z.infer<typeof ReasonBaselineSchema>;

/**
 * A points-based scorecard.
 *
 * @category Artifacts
 * @example
 * ScorecardArtifactSchema.safeParse(JSON.parse(text)).success; //=> true
 */
export const ScorecardArtifactSchema = z
  .strictObject({
    ...ArtifactCommonShape,
    kind: z.literal('scorecard'),
    model: z.strictObject({
      /** Logistic intercept (log-odds of default at WoE 0 everywhere). */
      intercept: finite,
      /** Decimals the points were rounded to (0 = integers). */
      pointsDecimals: z.number().check(z.int(), z.gte(0), z.lte(6)),
      /** The baseline reason codes use unless the caller asks for another. */
      reasonBaseline: ReasonBaselineSchema,
      /** Cut-off used for the `cutoff` baseline, when one was given at training. */
      cutoff: z.optional(z.strictObject({ score: finite, window: nonNegative, count: nonNegative })),
      characteristics: z.array(ScorecardCharacteristicSchema).check(z.minLength(1)),
    }),
  })
  .check(z.superRefine((a, ctx) => {
    if (a.model.characteristics.length !== a.features.length) {
      fail(ctx, ['model', 'characteristics'], 'must have one characteristic per feature', 'length_mismatch');
      return;
    }
    a.model.characteristics.forEach((c, j) => {
      const spec = a.features[j];
      if (c.binning.type !== spec.type) {
        fail(ctx, ['model', 'characteristics', j, 'binning', 'type'], `must match the feature type (${spec.type})`, 'type_mismatch');
      } else if (c.binning.type === 'categorical') {
        const cats = spec.categories ?? [];
        if (cats.length !== c.binning.categories.length || cats.some((v, i) => v !== (c.binning as CategoricalBinning).categories[i])) {
          fail(ctx, ['model', 'characteristics', j, 'binning', 'categories'], 'must equal the feature dictionary', 'category_mismatch');
        }
      }
      if (a.model.reasonBaseline === 'cutoff' && c.cutoffPoints === undefined) {
        fail(ctx, ['model', 'characteristics', j, 'cutoffPoints'], 'required by the cutoff reason baseline', 'required');
      }
    });
  }));
/**
 * @category Artifacts
 * @example
 * const artifact: ScorecardArtifact = trainScorecard(dataset);
 */
export type ScorecardArtifact = z.infer<typeof ScorecardArtifactSchema>;
