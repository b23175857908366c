/**
 * Binning for scorecards: quantile fine classing, exact optimal coarse classing (monotone,
 * unimodal or free) by dynamic programming, categorical grouping, missing and special bins, WoE,
 * IV and binning tables.
 *
 * @module
 */
export { weightOfEvidence } from './weightOfEvidence.js';
export { informationValue } from './informationValue.js';
export { fitQuantileBins } from './fitQuantileBins.js';
export type { FitQuantileBinsOptions } from './fitQuantileBins.js';
export { fitOptimalMerges } from './fitOptimalMerges.js';
export type { FitOptimalMergesOptions, OptimalMerges } from './fitOptimalMerges.js';
export { fitNumericBinning } from './fitNumericBinning.js';
export { fitCategoricalBinning } from './fitCategoricalBinning.js';
export type { BinningOptions, FitNumericBinningOptions, FitCategoricalBinningOptions, TrendOption } from './binningOptions.js';
export { binIndexOf } from './binIndexOf.js';
export { applyBinning } from './applyBinning.js';
export { applyWoe } from './applyWoe.js';
export { binningTable } from './binningTable.js';
export type { BinningTable, BinningTableRow } from './binningTable.js';
export { binningTableToMarkdown } from './binningTableToMarkdown.js';
export type { BinningTableToMarkdownOptions } from './binningTableToMarkdown.js';
export { binningTableToCsv } from './binningTableToCsv.js';
export type { Bin, Binning, NumericBinning, CategoricalBinning, BinTrend } from '../schema/artifacts/scorecard.js';
export { BinningOptionsSchema, BINNING_DEFAULTS } from './binningOptionsSchema.js';
