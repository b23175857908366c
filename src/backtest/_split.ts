/**
 * Private: resolves a {@link BacktestSplit} over accumulated rows (labels and dates only), so a
 * split never needs the rows themselves: the stream is scored once, then split by index.
 */
import { outOfTimeSplit, stratifiedSplit } from '../data/index.js';
import { InvalidOptionsError } from '../errors.js';
import type { BacktestReport } from './BacktestReport.js';
import type { ResolvedBacktestOptions } from './BacktestOptions.js';

export interface ResolvedSplit {
  /** Evaluated rows (ascending), or null for all rows. */
  test: Int32Array | null;
  /** Development rows (the stability reference), or null when there is no split. */
  train: Int32Array | null;
  description: BacktestReport['data']['split'];
  notes: string[];
}

export function resolveSplit(
  split: ResolvedBacktestOptions['split'],
  n: number,
  labels: ArrayLike<number>,
  dates: ArrayLike<number> | undefined,
  dateColumn: string,
  where: string,
): ResolvedSplit {
  if (split.kind === 'none') return { test: null, train: null, description: { kind: 'none' }, notes: [] };
  if (split.kind === 'stratified') {
    const target = labels instanceof Uint8Array ? labels : Uint8Array.from(labels);
    const parts = stratifiedSplit({ rows: n, columns: [], target }, { testFraction: split.testFraction, seed: split.seed });
    const test = Int32Array.from(parts.test).sort();
    const train = Int32Array.from(parts.train).sort();
    return {
      test,
      train,
      description: { kind: 'stratified', testFraction: split.testFraction, seed: split.seed, trainRows: train.length, testRows: test.length },
      notes: [],
    };
  }
  if (dates === undefined) {
    throw new InvalidOptionsError(`${where}: an out-of-time split needs a date per row (the data has no date column)`, [
      { code: 'missing_dates', path: ['split', 'dateColumn'], message: 'the data has no date column' },
    ]);
  }
  const name = split.dateColumn ?? dateColumn;
  const dated = Float64Array.from(dates);
  const parts = outOfTimeSplit({ rows: n, columns: [{ name, type: 'date', values: dated }], dateColumn: name }, { cutoff: split.cutoff });
  return {
    test: parts.test,
    train: parts.train,
    description: { kind: 'oot', dateColumn: name, cutoff: split.cutoff, trainRows: parts.train.length, testRows: parts.test.length },
    notes: [],
  };
}
