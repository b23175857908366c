/**
 * How a table is read (missing tokens, delimiter), carried from `train` to `score` and `backtest`:
 * `train` records the options it read the training table with in the artifact's free-form training
 * record (`training.reading`, plain JSON: no schema change), and the scoring commands use them by
 * default, so a model trained with `--missing .` does not score `.` as an unseen category.
 *
 * `--missing` adds tokens to the defaults (`''`, `NA`, `N/A`, `NaN`, `null`, `?`); the empty cell is
 * always missing.
 */
import type { ModelArtifact } from '../schema/artifact.js';
import type { Scorer } from '../types.js';

/** The missing tokens every command starts from (those of the data layer). */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'null', '?'];

/** Reading options recorded in an artifact (`training.reading`). */
export interface ReadingOptions {
  /** Every cell text read as missing in training (defaults included). */
  missing?: string[];
  /** The delimiter given with `--delimiter` in training (a detected one is not recorded). */
  delimiter?: string;
}

/** The tokens of a `--missing a,b` option (blank entries dropped: the empty cell is always missing). */
export function parseMissingOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').filter((t) => t.trim() !== '');
}

/** `base` plus `added`, without repeats, in that order. */
export function unionTokens(base: readonly string[], added: readonly string[] | undefined): string[] {
  const out = [...base];
  for (const t of added ?? []) if (!out.includes(t)) out.push(t);
  return out;
}

/** The reading options recorded in a model by `train`, or `{}` (older models, raw-applicant models). */
export function readingOptionsOf(scorer: Scorer): ReadingOptions {
  const training = scorer.toArtifact().training;
  const reading = training?.reading;
  if (reading === null || typeof reading !== 'object' || Array.isArray(reading)) return {};
  const r = reading as Record<string, unknown>;
  const out: ReadingOptions = {};
  if (Array.isArray(r.missing) && r.missing.every((t) => typeof t === 'string')) out.missing = r.missing as string[];
  if (typeof r.delimiter === 'string' && r.delimiter.length === 1) out.delimiter = r.delimiter;
  return out;
}

/**
 * The options to read a table for `scorer`: the model's recorded tokens (else the defaults) plus
 * `--missing`; `--delimiter`, else the model's recorded one, else detection.
 */
export function resolveReading(scorer: Scorer, missingOption: string | undefined, delimiterOption: string | undefined): { missing: string[]; delimiter?: string; fromModel: boolean } {
  const recorded = readingOptionsOf(scorer);
  const missing = unionTokens(recorded.missing ?? DEFAULT_MISSING, parseMissingOption(missingOption));
  const delimiter = delimiterOption ?? recorded.delimiter;
  const fromModel = recorded.missing !== undefined || (delimiterOption === undefined && recorded.delimiter !== undefined);
  return { missing, ...(delimiter !== undefined ? { delimiter } : {}), fromModel };
}

/** `artifact` with `training.reading` set (the artifact is otherwise unchanged). */
export function withReadingOptions<A extends ModelArtifact>(artifact: A, reading: ReadingOptions): A {
  const record: Record<string, string | string[]> = {};
  if (reading.missing !== undefined) record.missing = reading.missing;
  if (reading.delimiter !== undefined) record.delimiter = reading.delimiter;
  return { ...artifact, training: { ...(artifact.training ?? {}), reading: record } };
}

/** A `--delimiter` value: one character, or `tab` / `\t` for a tab. */
export function parseDelimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'tab' || value === '\\t') return '\t';
  return value;
}

/** Whether a cell text is missing: it equals a token once surrounding blanks are removed, as the data layer compares. */
export function missingTest(tokens: readonly string[]): (cell: string) => boolean {
  const set = new Set(tokens);
  set.add('');
  return (cell) => set.has(cell) || set.has(cell.trim());
}
