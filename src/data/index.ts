/**
 * credit-scoring/data: tabular data for training, backtesting and file scoring. Streaming CSV and
 * JSON Lines readers, the columnar {@link Dataset}, conversion to model inputs, and row splits.
 *
 * @module
 */
export type { CategoricalColumn, Column, Dataset, NumericColumn } from './Dataset.js';
export { readTable } from './readTable.js';
export type { ReadReport, ReadTableOptions } from './readTable.js';
export { readRows } from './readRows.js';
export type { ReadRowsOptions, RowResult } from './readRows.js';
export { datasetToFeatureMatrix } from './datasetToFeatureMatrix.js';
export { recordToFeatureRecord } from './recordToFeatureRecord.js';
export { subsetRows } from './subsetRows.js';
export { stratifiedSplit } from './stratifiedSplit.js';
export type { StratifiedSplitOptions } from './stratifiedSplit.js';
export { kFoldSplit } from './kFoldSplit.js';
export type { KFoldSplitOptions } from './kFoldSplit.js';
export { outOfTimeSplit } from './outOfTimeSplit.js';
export type { OutOfTimeSplitOptions } from './outOfTimeSplit.js';
export { readJsonLines } from './readJsonLines.js';
export type { JsonLineResult, ReadJsonLinesOptions } from './readJsonLines.js';
