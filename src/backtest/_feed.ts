/**
 * Private: feeds any {@link BacktestData} into a {@link PredictionCollector}, batch by batch, and
 * scores a stability reference with the champion.
 */
import type { BacktestData } from './backtest.js';
import { InvalidInputError, InvalidOptionsError, formatIssuePath } from '../errors.js';
import { type ApplicantRow, applicantsToDataset } from '../features/index.js';
import { safeParseApplicant } from '../schema/parseApplicant.js';
import type { BacktestPredictionsInput } from './backtestPredictions.js';
import { PredictionCollector, type PreparedModel } from './_collector.js';

/** Scores the reference with the champion and attaches it to `input`. */
export async function withReference(
  input: BacktestPredictionsInput,
  reference: BacktestData | undefined,
  champion: PreparedModel,
  keepCharacteristics: boolean,
  options: { dateColumn?: string; batchSize: number },
  where: string,
): Promise<BacktestPredictionsInput> {
  if (reference === undefined) return input;
  const collector = new PredictionCollector([champion], { characteristics: keepCharacteristics });
  await feed(collector, reference, { ...options, onProgress: undefined }, `${where}: reference`);
  const r = collector.finish('reference');
  return { ...input, reference: { predictions: r.models[0].predictions, weights: r.weights, characteristics: r.characteristics } };
}

/** Streams any {@link BacktestData} into a collector. */
export async function feed(
  collector: PredictionCollector,
  data: BacktestData,
  options: { dateColumn?: string; batchSize: number; onProgress?: (rows: number) => void },
  where: string,
): Promise<void> {
  if (data === null || typeof data !== 'object') {
    throw new InvalidInputError(`${where}: data must be a Dataset, { applicants } or { batches }`, [{ code: 'invalid_type', path: ['data'], message: 'expected an object' }]);
  }
  if ('columns' in data && 'rows' in data) {
    collector.addDataset(data, options.dateColumn, where);
    options.onProgress?.(collector.rowCount + collector.skippedRows);
    return;
  }
  if ('batches' in data) {
    for await (const batch of data.batches) {
      collector.addDataset(batch, options.dateColumn, where);
      options.onProgress?.(collector.rowCount + collector.skippedRows);
    }
    return;
  }
  if ('applicants' in data) {
    const buffer = new ApplicantBuffer(collector, options.batchSize, options.dateColumn, where);
    for await (const row of data.applicants) {
      buffer.add(row);
      if (buffer.isFull) {
        buffer.flush();
        options.onProgress?.(collector.rowCount + collector.skippedRows);
      }
    }
    buffer.flush();
    options.onProgress?.(collector.rowCount + collector.skippedRows);
    return;
  }
  throw new InvalidInputError(`${where}: data must be a Dataset, { applicants } or { batches }`, [{ code: 'invalid_type', path: ['data'], message: 'expected a Dataset, { applicants } or { batches }' }]);
}

const MAX_ROW_NOTES = 5;

/**
 * Validates raw applicants one by one (a bad one is skipped and counted, with its row number and
 * issue paths in the notes, never its values) and turns each full batch into a Dataset.
 */
export class ApplicantBuffer {
  private rows: ApplicantRow[] = [];
  private index = 0;
  private noted = 0;
  private at: string | undefined;

  constructor(
    private readonly collector: PredictionCollector,
    private readonly batchSize: number,
    private readonly dateColumn: string | undefined,
    private readonly where: string,
  ) {}

  get isFull(): boolean {
    return this.rows.length >= this.batchSize;
  }

  /** Adds one labelled applicant; `at` names it in notes (default: `row N`, counting from 1 in input order). */
  add(row: unknown, at?: string): void {
    this.index++;
    this.at = at;
    const outcome = typeof row === 'object' && row !== null ? (row as { outcome?: unknown }).outcome : undefined;
    const defaulted = typeof outcome === 'object' && outcome !== null ? (outcome as { defaulted?: unknown }).defaulted : undefined;
    if (typeof defaulted !== 'boolean') {
      this.skip('outcome.defaulted: expected a boolean');
      return;
    }
    const parsed = safeParseApplicant((row as { applicant?: unknown }).applicant);
    if (!parsed.ok) {
      this.skip(
        parsed.error.issues
          .slice(0, 3)
          .map((i) => `applicant.${formatIssuePath(i.path)}: ${i.message}`)
          .join('; '),
      );
      return;
    }
    this.rows.push({ applicant: parsed.value, outcome: { defaulted } });
  }

  /** Records an unreadable row. */
  skip(reason: string): void {
    this.collector.skippedRows++;
    if (this.noted < MAX_ROW_NOTES) {
      this.collector.notes.push(`${this.at ?? `row ${this.index}`} skipped: ${reason}`);
      this.noted++;
    }
  }

  /** Counts and skips a row that could not even be parsed (e.g. invalid JSON). */
  addUnreadable(reason: string, at?: string): void {
    this.index++;
    this.at = at;
    this.skip(reason);
  }

  flush(): void {
    if (this.rows.length === 0) return;
    const dataset = applicantsToDataset(this.rows);
    this.rows = [];
    this.collector.addDataset(dataset, this.dateColumn, this.where);
  }
}

export function checkBatchSize(batchSize: number, where: string): void {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    throw new InvalidOptionsError(`${where}: batchSize must be an integer from 1 to 1,000,000`, [{ code: 'invalid_value', path: ['batchSize'], message: 'must be an integer from 1 to 1,000,000' }]);
  }
}

