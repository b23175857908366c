/** Public types shared by several metrics. */

/**
 * Which end of the score scale is risky. `'higherIsRiskier'` (the default everywhere in this module)
 * suits PDs, log-odds of default and risk scores; `'higherIsSafer'` suits scaled credit scores
 * (600 @ 50:1 and so on), where a higher score means a lower PD.
 *
 * @category Metrics
 * @example
 * auc([700, 640, 655, 580], [0, 0, 1, 1], { scoreDirection: 'higherIsSafer' }); //=> 0.75
 */
export type ScoreDirection = 'higherIsRiskier' | 'higherIsSafer';

/**
 * Options shared by the ranking metrics (`auc`, `gini`, `ksStatistic`, `averagePrecision`, `rocCurve`).
 *
 * @category Metrics
 * @example
 * const options: RankingMetricOptions = { weights: [1, 2, 1, 1], scoreDirection: 'higherIsRiskier' };
 */
export interface RankingMetricOptions {
  /** Non-negative sample weights, one per row (frequency or sampling weights). @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /** Which end of the score scale is risky. @defaultValue 'higherIsRiskier' */
  scoreDirection?: ScoreDirection;
}

