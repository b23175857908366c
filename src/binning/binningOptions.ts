/**
 * Options shared by {@link fitNumericBinning} and {@link fitCategoricalBinning}.
 *
 * @category Binning
 * @example
 * const o: BinningOptions = { maxPrebins: 20, maxBins: 8, minBinShare: 0.05, minBads: 1, minGoods: 1, smoothing: 1 };
 */
export interface BinningOptions {
  /** Fine classing: number of quantile pre-bins (numeric) or category pre-groups, 2–50. @defaultValue 20 */
  maxPrebins?: number;
  /** Maximum number of bins (missing and special bins not counted). @defaultValue 8 */
  maxBins?: number;
  /** Minimum share of all (weighted) rows in every bin (missing and special bins exempt). @defaultValue 0.05 */
  minBinShare?: number;
  /** Minimum (weighted) goods per bin. @defaultValue 1 */
  minGoods?: number;
  /** Minimum (weighted) bads per bin. @defaultValue 1 */
  minBads?: number;
  /** WoE smoothing: pseudo-applicants at the portfolio bad rate added to every bin, see {@link weightOfEvidence}. @defaultValue 1 */
  smoothing?: number;
  /** Row weights (finite, >= 0), aligned with the values; a row of weight 0 has no effect, as if dropped. @defaultValue all 1 */
  weights?: ArrayLike<number>;
}

/**
 * Bad-rate trend asked of a numeric binning: a fixed shape, or `auto` (the better of ascending and
 * descending by IV), or `auto-unimodal` (the best of ascending, descending, peak and valley).
 *
 * @category Binning
 * @example
 * const t: TrendOption = 'auto';
 */
export type TrendOption = 'auto' | 'auto-unimodal' | 'ascending' | 'descending' | 'peak' | 'valley' | 'none';

/**
 * Options of {@link fitNumericBinning}.
 *
 * @category Binning
 * @example
 * const o: FitNumericBinningOptions = { trend: 'descending', specialValues: [-1], maxBins: 6 };
 */
export interface FitNumericBinningOptions extends BinningOptions {
  /** Bad-rate trend along increasing values. @defaultValue 'auto' */
  trend?: TrendOption;
  /** Values that get a bin of their own, outside the intervals (e.g. `-1` = "no trade"). @defaultValue [] */
  specialValues?: readonly number[];
}

/**
 * Options of {@link fitCategoricalBinning}.
 *
 * @category Binning
 * @example
 * const o: FitCategoricalBinningOptions = { rareCategoryShare: 0.01, maxBins: 6 };
 */
export interface FitCategoricalBinningOptions extends BinningOptions {
  /** Categories below this share of all (weighted) rows are pooled into one group before the search. @defaultValue 0.02 */
  rareCategoryShare?: number;
}
