import { readJsonLines, readRows, recordToFeatureRecord } from '../data/index.js';
import { InvalidInputError, InvalidOptionsError, formatIssuePath } from '../errors.js';
import { isCalendarDate } from '../schema/primitives.js';
import { encodeFeatures } from '../scorers/index.js';
import { toScorer } from './_toScorer.js';
import type { FeatureMatrix, Scorer } from '../types.js';
import type { BacktestReport } from './BacktestReport.js';
import { resolveBacktestOptions } from './BacktestOptions.js';
import type { BacktestData, BacktestRunOptions } from './backtest.js';
import { backtestPredictions } from './backtestPredictions.js';
import { PredictionCollector, type PreparedModel, prepareModels } from './_collector.js';
import { ApplicantBuffer, checkBatchSize, withReference } from './_feed.js';
import { openSource } from './_fileSource.js';

/**
 * Options of {@link backtestFile}: the report options, plus how to read the file.
 *
 * @category Backtest
 * @example
 * const options: BacktestFileOptions = { target: 'default', bad: 'yes', split: { kind: 'oot', dateColumn: 'opened', cutoff: '2023-01' } };
 */
export interface BacktestFileOptions extends Omit<BacktestRunOptions, 'reference' | 'source'> {
  /** `'csv'` or `'jsonl'`. @defaultValue from the extension (`.gz` ignored), else JSON Lines when the first character is `{` */
  format?: 'csv' | 'jsonl';
  /**
   * What a row is: a table row (model feature columns + `target`) or a raw applicant line
   * `{ "applicant": {...}, "outcome": { "defaulted": bool } }`.
   * @defaultValue 'auto': raw applicants when the first JSON line has an `applicant` key, else table
   */
  rows?: 'auto' | 'table' | 'applicants';
  /** Table rows: the target column (required for tables). */
  target?: string;
  /** Table rows: the target value meaning bad; numeric texts compare by value. @defaultValue the target must be coded 0/1 */
  bad?: string | number;
  /**
   * Table rows: the target value meaning good, for a target with more than two values (`paid`,
   * `charged off`, `current`, ...): rows whose target is neither `bad` nor `good` are left out,
   * counted in a note (not in `data.skippedRows`: they are not errors). Needs `bad`.
   * @defaultValue every value other than `bad` is good, and a third value is an error
   */
  good?: string | number;
  /** Table rows: a sample-weight column. */
  weight?: string;
  /** CSV delimiter. @defaultValue detected from the header (`,` `;` tab) */
  delimiter?: string;
  /** Cell texts meaning missing. @defaultValue `['', 'NA', 'N/A', 'NaN', 'null', '?']` */
  missing?: string[];
  /** Stability reference: a file read with the same options, or in-memory data, scored by the champion. */
  reference?: string | BacktestData;
}

/**
 * A model for {@link backtestFile}: a {@link Scorer}, or a model artifact (object or JSON text)
 * that is loaded with `loadModel`.
 *
 * @category Backtest
 * @example
 * const model: BacktestModel = JSON.parse(readFileSync('models/default.json', 'utf8'));
 */
export type BacktestModel = Scorer | object | string;

/**
 * Backtests one or more models on a labelled file, streamed in batches of `batchSize` rows through
 * `scorer.predict`, in memory that grows by a few bytes per row (never row objects): what
 * `credit-scoring backtest` runs. The file is CSV or JSON Lines (`.gz` decompressed transparently;
 * `'-'` = standard input) holding either table rows (the models' feature columns, matched by name,
 * categories by text, plus the `target` column) or raw applicants with outcomes, whose features are
 * extracted at each applicant's `asOf` (also the date for out-of-time splits). Unreadable rows are
 * skipped, counted in `data.skippedRows` and described (line and column, never values) in `notes`.
 *
 * @param models - champion first, then challengers: scorers or artifacts
 * @param source - path, `'-'` for standard input, or a readable byte stream
 * @param options - reading, split, bootstrap and reference options ({@link BacktestFileOptions})
 * @returns the report
 * @throws {@link InvalidArtifactError} when a model artifact is invalid
 * @throws {@link InvalidOptionsError} when a table has no `target` option, the target is not 0/1 without `bad`, or an option is invalid
 * @throws {@link InvalidInputError} when the file cannot be read, lacks a model feature column, or its target has more than two values
 * @category Backtest
 * @example
 * const report = await backtestFile([champion, challenger], 'german-credit/test.csv', { target: 'creditability', bad: 'bad', split: 'none' });
 * report.comparison?.tests[0].pValue; //=> 0.1090
 */
export async function backtestFile(models: BacktestModel | readonly BacktestModel[], source: string | NodeJS.ReadableStream, options: BacktestFileOptions = {}): Promise<BacktestReport> {
  const where = 'backtestFile';
  const { format, rows, target, bad, good, weight, delimiter, missing, reference, dateColumn, batchSize = 4096, characteristics, onProgress, ...reportOptions } = options;
  const resolved = resolveBacktestOptions(reportOptions, where);
  checkGood(bad, good, where);
  checkBatchSize(batchSize, where);
  const scorers = (Array.isArray(models) ? models : [models]).map((m) => toScorer(m));
  const prepared = prepareModels(scorers, where);
  const hasSplit = resolved.split.kind !== 'none';
  const keepCharacteristics = characteristics ?? (hasSplit || reference !== undefined);
  const dateName = dateColumn ?? (resolved.split.kind === 'oot' ? resolved.split.dateColumn : undefined);
  const read = { format, rows, target, bad, good, weight, delimiter, missing, dateColumn: dateName, batchSize };
  const collector = new PredictionCollector(prepared, { characteristics: keepCharacteristics });
  const name = await readFileInto(collector, source, read, onProgress, where);
  let input = collector.finish(name);
  if (typeof reference === 'string') {
    const refCollector = new PredictionCollector([prepared[0]], { characteristics: keepCharacteristics });
    await readFileInto(refCollector, reference, read, undefined, `${where}: reference`);
    const r = refCollector.finish(reference);
    input = { ...input, reference: { predictions: r.models[0].predictions, weights: r.weights, characteristics: r.characteristics } };
  } else {
    input = await withReference(input, reference, prepared[0], keepCharacteristics, { dateColumn: dateName, batchSize }, where);
  }
  return backtestPredictions(input, reportOptions);
}


interface ReadOptions {
  format?: 'csv' | 'jsonl';
  rows?: 'auto' | 'table' | 'applicants';
  target?: string;
  bad?: string | number;
  good?: string | number;
  weight?: string;
  delimiter?: string;
  missing?: string[];
  dateColumn?: string;
  batchSize: number;
}

/** Streams one file into the collector; returns the name to report as the source. */
async function readFileInto(
  collector: PredictionCollector,
  source: string | NodeJS.ReadableStream,
  options: ReadOptions,
  onProgress: ((rows: number) => void) | undefined,
  where: string,
): Promise<string> {
  const opened = await openSource(source, where);
  const format = options.format ?? formatFromName(opened.name) ?? (opened.firstLine.trimStart().startsWith('{') ? 'jsonl' : 'csv');
  let mode = options.rows ?? 'auto';
  if (mode === 'auto') mode = format === 'jsonl' && looksLikeApplicantLine(opened.firstLine) ? 'applicants' : 'table';
  if (mode === 'applicants') {
    if (format !== 'jsonl') {
      throw new InvalidOptionsError(`${where}: raw applicants must be JSON Lines`, [{ code: 'invalid_value', path: ['rows'], message: 'raw applicants must be JSON Lines' }]);
    }
    // table-only options: an applicant line has no weight column nor target text to compare, and
    // ignoring them would report unweighted / unfiltered metrics as if they applied
    for (const name of ['weight', 'good'] as const) {
      if (options[name] !== undefined) {
        throw new InvalidOptionsError(`${where}: ${name} applies to table rows, not raw applicants`, [{ code: 'invalid_value', path: [name], message: 'applies to table rows only' }]);
      }
    }
    await readApplicantLines(collector, opened.stream, options, onProgress, where);
  } else {
    await readTableRows(collector, opened.stream, format, options, onProgress, where);
  }
  return opened.name;
}

function formatFromName(name: string): 'csv' | 'jsonl' | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(csv|tsv|txt|dat)$/.test(base)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(base)) return 'jsonl';
  return undefined;
}

function looksLikeApplicantLine(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'applicant' in value;
  } catch {
    return false;
  }
}

async function readApplicantLines(
  collector: PredictionCollector,
  stream: NodeJS.ReadableStream,
  options: ReadOptions,
  onProgress: ((rows: number) => void) | undefined,
  where: string,
): Promise<void> {
  const buffer = new ApplicantBuffer(collector, options.batchSize, options.dateColumn, where);
  for await (const line of readJsonLines(stream)) {
    if ('error' in line) {
      buffer.addUnreadable(line.error.reason, `line ${line.line}`);
      continue;
    }
    buffer.add(line.value, `line ${line.line}`);
    if (buffer.isFull) {
      buffer.flush();
      onProgress?.(collector.rowCount + collector.skippedRows);
    }
  }
  buffer.flush();
  onProgress?.(collector.rowCount + collector.skippedRows);
}

const MAX_ROW_NOTES = 5;

/** Table rows: text records → one matrix per model, exactly as `score` encodes a record. */
async function readTableRows(
  collector: PredictionCollector,
  stream: NodeJS.ReadableStream,
  format: 'csv' | 'jsonl',
  options: ReadOptions,
  onProgress: ((rows: number) => void) | undefined,
  where: string,
): Promise<void> {
  const targetName = options.target;
  if (targetName === undefined) {
    throw new InvalidOptionsError(`${where}: table rows need the target column name (option target)`, [{ code: 'missing_target', path: ['target'], message: 'required for table rows' }]);
  }
  const models = collector.models;
  const batchSize = options.batchSize;
  const target = new TargetMapper(targetName, options.bad, options.good, where);
  const values = models.map((m) => new Float64Array(batchSize * m.specs.length));
  const labels = new Uint8Array(batchSize);
  const weights = options.weight === undefined ? undefined : new Float64Array(batchSize);
  const dates = options.dateColumn === undefined ? undefined : new Float64Array(batchSize);
  let size = 0;
  let noted = 0;
  let isChecked = false;
  const skip = (line: number, reason: string): void => {
    collector.skippedRows++;
    if (noted < MAX_ROW_NOTES) {
      collector.notes.push(`line ${line} skipped: ${reason}`);
      noted++;
    }
  };
  const flush = (): void => {
    if (size === 0) return;
    const matrices: FeatureMatrix[] = models.map((m, k) => ({ names: m.specs.map((s) => s.name), rows: size, values: values[k].subarray(0, size * m.specs.length) }));
    collector.addMatrices(matrices, labels.subarray(0, size), weights?.subarray(0, size), dates?.subarray(0, size));
    if (options.dateColumn !== undefined) collector.dateColumn = options.dateColumn;
    // The collector copies what it keeps: the batch buffers are reused.
    size = 0;
    onProgress?.(collector.rowCount + collector.skippedRows);
  };
  for await (const row of readRows(stream, { format, delimiter: options.delimiter, missing: options.missing })) {
    if ('error' in row) {
      skip(row.line, `${row.error.reason}${row.error.column ? ` (column ${row.error.column})` : ''}`);
      continue;
    }
    const record = row.record;
    if (!isChecked) {
      checkColumns(record, models, targetName, options, format, where);
      isChecked = true;
    }
    const label = target.map(record[targetName]);
    if (label === null) {
      skip(row.line, `target '${targetName}' is missing`);
      continue;
    }
    if (label === OTHER_CLASS) continue;
    let w = 1;
    if (weights) {
      const text = record[options.weight as string];
      w = text === null || text === undefined ? Number.NaN : Number(text.trim());
      if (!(Number.isFinite(w) && w >= 0) || text?.trim() === '') {
        skip(row.line, `weight '${options.weight}' must be a number >= 0`);
        continue;
      }
    }
    let isBad = false;
    for (let k = 0; k < models.length && !isBad; k++) {
      const specs = models[k].specs;
      const p = specs.length;
      try {
        encodeFeatures(specs, recordToFeatureRecord(record, specs), values[k].subarray(size * p, (size + 1) * p), where);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        skip(row.line, error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`).join('; ') || error.message);
        isBad = true;
      }
    }
    if (isBad) continue;
    labels[size] = label;
    if (weights) weights[size] = w;
    if (dates) dates[size] = parseDate(record[options.dateColumn as string]);
    size++;
    if (size === batchSize) flush();
  }
  flush();
  target.finish();
  if (target.otherRows > 0) collector.notes.push(`${target.otherRows.toLocaleString('en-US')} row${target.otherRows === 1 ? '' : 's'} ${OTHER_TARGET_NOTE}`);
}

/** `good` needs `bad`, and names a different value. */
function checkGood(bad: string | number | undefined, good: string | number | undefined, where: string): void {
  if (good === undefined) return;
  if (bad === undefined) {
    throw new InvalidOptionsError(`${where}: good needs bad (the value meaning bad)`, [{ code: 'bad_value_required', path: ['bad'], message: 'needed when good is given' }]);
  }
  if (targetKey(good) === targetKey(bad)) {
    throw new InvalidOptionsError(`${where}: good and bad name the same target value`, [{ code: 'invalid_value', path: ['good'], message: 'must differ from bad' }]);
  }
}

/** How the report's note on rows left out by `good` ends (after their count); the CLI echoes that note. */
export const OTHER_TARGET_NOTE = 'with a target value other than the bad and good values left out';

/** {@link TargetMapper.map}'s result for a row whose target is neither the bad nor the good value. */
const OTHER_CLASS = -1;

/** Every model feature, the target and the optional columns must be columns of a CSV file. */
function checkColumns(record: Record<string, string | null>, models: readonly PreparedModel[], targetName: string, options: ReadOptions, format: 'csv' | 'jsonl', where: string): void {
  const issues: { code: string; path: (string | number)[]; message: string }[] = [];
  const needed = new Set<string>([targetName]);
  if (options.weight !== undefined) needed.add(options.weight);
  if (options.dateColumn !== undefined) needed.add(options.dateColumn);
  if (format === 'csv') for (const m of models) for (const s of m.specs) needed.add(s.name);
  for (const name of needed) {
    if (!Object.hasOwn(record, name)) issues.push({ code: 'missing_feature', path: [name], message: name === targetName ? 'the target column is not in the file' : 'column not in the file' });
  }
  if (issues.length > 0) {
    throw new InvalidInputError(`${where}: the file lacks ${issues.length} column${issues.length === 1 ? '' : 's'}: ${issues.map((i) => i.path[0]).join(', ')}`, issues);
  }
}

/** `YYYY-MM-DD` or `YYYY-MM` (first of the month) → day number; anything else → NaN. */
function parseDate(text: string | null | undefined): number {
  if (text === null || text === undefined) return Number.NaN;
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (!isCalendarDate(y, mo, d)) return Number.NaN;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

/**
 * Maps target texts to 1 (bad) / 0 (good) while streaming, as the data layer reads a target:
 * values compare after trimming, numeric texts by value; without `bad` the target must be 0/1; a
 * third distinct value is an error unless `good` is given, which leaves the other values out.
 */
class TargetMapper {
  private readonly badKey: string | undefined;
  private readonly goodKey: string | undefined;
  private readonly seen = new Set<string>();
  /** Rows left out because their target is neither the bad nor the good value (with `good`). */
  otherRows = 0;

  constructor(
    private readonly name: string,
    bad: string | number | undefined,
    good: string | number | undefined,
    private readonly where: string,
  ) {
    this.badKey = bad === undefined ? undefined : targetKey(bad);
    this.goodKey = good === undefined ? undefined : targetKey(good);
  }

  /** 1 / 0, null when the cell is missing, {@link OTHER_CLASS} for a third value when `good` is given. */
  map(text: string | null | undefined): 0 | 1 | typeof OTHER_CLASS | null {
    if (text === null || text === undefined) return null;
    const key = targetKey(text);
    if (this.goodKey !== undefined) {
      if (key === this.badKey || key === this.goodKey) {
        this.seen.add(key);
        return key === this.badKey ? 1 : 0;
      }
      this.otherRows++;
      return OTHER_CLASS;
    }
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (this.badKey === undefined && key !== '0' && key !== '1') {
        throw new InvalidOptionsError(`${this.where}: target '${this.name}' is not coded 0/1; pass bad to say which value means bad`, [
          { code: 'bad_value_required', path: ['bad'], message: 'needed when the target is not coded 0/1' },
        ]);
      }
      if (this.seen.size > 2) {
        throw new InvalidInputError(`${this.where}: target '${this.name}' has more than two distinct values; a binary target needs two`, [
          { code: 'too_many_classes', path: [this.name], message: 'more than 2 distinct values' },
        ]);
      }
    }
    return key === (this.badKey ?? '1') ? 1 : 0;
  }

  finish(): void {
    if (this.badKey !== undefined && this.seen.size > 0 && !this.seen.has(this.badKey)) {
      throw new InvalidInputError(`${this.where}: the bad value given matches no row of target '${this.name}'`, [
        { code: 'bad_value_not_found', path: [this.name], message: 'no row holds the bad value' },
      ]);
    }
  }
}

function targetKey(text: string | number): string {
  if (typeof text === 'number') return String(text);
  const t = text.trim();
  const v = t === '' || /^0[xbo]/i.test(t) ? Number.NaN : Number(t);
  return Number.isFinite(v) ? String(v) : t;
}
