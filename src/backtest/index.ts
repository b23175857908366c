/**
 * `credit-scoring/backtest`: run models over labelled data (in memory or streamed from a file),
 * compare a champion with challengers, check quality gates and render the report as JSON,
 * Markdown or a self-contained HTML file with inline SVG charts.
 *
 * @module
 */
export { BacktestReportSchema, BacktestMetricsSchema, BACKTEST_REPORT_SCHEMA_VERSION } from './BacktestReport.js';
export { backtestReportJsonSchema } from './backtestReportJsonSchema.js';
export type { BacktestReport, BacktestMetrics } from './BacktestReport.js';
export { evaluateGates } from './evaluateGates.js';
export type { QualityGates, GateFailure } from './evaluateGates.js';
export { renderReportMarkdown } from './renderReportMarkdown.js';
export { renderReportHtml, REPORT_HTML_CSP } from './renderReportHtml.js';
export { backtest } from './backtest.js';
export type { BacktestData, BacktestRunOptions, LabelledApplicant } from './backtest.js';
export { backtestPredictions } from './backtestPredictions.js';
export type { BacktestPredictionsInput, ModelPredictions } from './backtestPredictions.js';
export type { BacktestOptions, BacktestSplit } from './BacktestOptions.js';
export { backtestFile } from './backtestFile.js';
export type { BacktestFileOptions, BacktestModel } from './backtestFile.js';
export { backtestWithTraining } from './backtestWithTraining.js';
export type { BacktestTrainingSplit, BacktestWithTrainingOptions, TrainModels } from './backtestWithTraining.js';
