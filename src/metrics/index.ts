// The `./metrics` subpath: exact, documented model-performance metrics.
// Conventions: labels 1 = bad, 0 = good; a higher score argument = riskier (pass PDs, or set
// `scoreDirection: 'higherIsSafer'` for scaled credit scores).
export type { ScoreDirection, RankingMetricOptions } from './types.js';

// Discrimination
export { auc, type AucOptions } from './auc.js';
export { gini, type GiniOptions } from './gini.js';
export { ksStatistic, type KsStatisticOptions, type KsStatisticResult } from './ksStatistic.js';
export { rocCurve, type RocCurve, type RocCurveOptions } from './rocCurve.js';
export { averagePrecision, type AveragePrecisionOptions } from './averagePrecision.js';

// Accuracy of PDs
export { brierScore, type BrierScoreOptions } from './brierScore.js';
export { logLoss, type LogLossOptions } from './logLoss.js';

// Calibration and PD back-testing
export { calibrationTable, type CalibrationBand, type CalibrationTableOptions } from './calibrationTable.js';
export { hosmerLemeshow, type HosmerLemeshowOptions, type HosmerLemeshowResult } from './hosmerLemeshow.js';
export { calibrationSlopeIntercept, type CalibrationSlopeInterceptOptions, type CalibrationSlopeInterceptResult } from './calibrationSlopeIntercept.js';
export { binomialTest, type GradeBacktestInput, type GradeBacktestOptions, type GradeBacktestResult } from './binomialTest.js';
export { jeffreysTest } from './jeffreysTest.js';
export { trafficLight, DEFAULT_TRAFFIC_LIGHT_THRESHOLDS, type TrafficLight, type TrafficLightThresholds } from './trafficLight.js';

// Stability
export { populationStabilityIndex, type PopulationStabilityIndexOptions, type PopulationStabilityIndexResult, type StabilityBin } from './populationStabilityIndex.js';
export {
  characteristicStabilityIndex,
  type CharacteristicStabilityIndexOptions,
  type CharacteristicStabilityIndexResult,
  type CharacteristicValues,
} from './characteristicStabilityIndex.js';
export { stabilityLevel, STABILITY_THRESHOLDS, type StabilityLevel, type StabilityThresholds } from './stabilityLevel.js';

// Strategy tables
export { scoreBandTable, type ScoreBand, type ScoreBandTableOptions } from './scoreBandTable.js';
export { approvalTradeoffCurve, type ApprovalTradeoffCurve, type ApprovalTradeoffCurveOptions } from './approvalTradeoffCurve.js';

// Uncertainty
export { bootstrapConfidenceInterval, type BootstrapConfidenceInterval, type BootstrapConfidenceIntervalOptions } from './bootstrapConfidenceInterval.js';
export { delongTest, type DelongTestOptions, type DelongTestResult } from './delongTest.js';
