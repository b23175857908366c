import type { Dataset } from '../data/Dataset.js';
import { readJsonLines, readTable, type ReadReport } from '../data/index.js';
import { InvalidInputError, type Issue } from '../errors.js';
import { applicantsToDataset, type ApplicantRow } from '../features/index.js';
import { safeParseApplicant } from '../schema/parseApplicant.js';
import type { CliIO } from './io.js';
import { note } from './io.js';
import { cliWording } from './_messages.js';

/** Table options a command passes through to `readTable`. */
export interface TableArgs {
  target?: string;
  bad?: string;
  good?: string;
  categorical?: string[];
  numeric?: string[];
  exclude?: string[];
  missing?: string[];
  delimiter?: string;
  date?: string;
  weight?: string;
}

const JSONL_NAME = /\.(jsonl|ndjson|json)(\.gz)?$/i;

/**
 * Whether a data file holds raw applicants (JSON Lines, each line a bare applicant or
 * `{ "applicant": ..., "outcome": ... }`) rather than a table: decided from the name (JSON Lines)
 * and, for stdin, by the absence of `--target`.
 */
export function isApplicantFile(path: string, args: TableArgs): boolean {
  if (path === '-') return args.target === undefined;
  return JSONL_NAME.test(path) && args.target === undefined;
}

/**
 * True when a parsed JSON line is meant as a raw applicant or a fixture row: it has an `applicant`,
 * `application` or `bureau` key, or an `asOf` key and none of the model's feature names (so a
 * feature table that happens to carry an `asOf` column is still read as a table).
 */
export function looksLikeApplicant(value: unknown, featureNames: readonly string[] = []): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  if ('applicant' in o || 'application' in o || 'bureau' in o) return true;
  return 'asOf' in o && !featureNames.some((n) => n !== 'asOf' && n in o);
}

/**
 * Reads labelled raw applicants (`{ applicant, outcome: { defaulted } }` per line) into a Dataset of
 * catalogue features. Lines that fail validation are reported (line and issue paths, no values)
 * and skipped; the command fails when none is left.
 */
export async function readApplicantDataset(path: string, io: CliIO, where: string): Promise<{ dataset: Dataset; rows: number; skipped: number }> {
  const rows: ApplicantRow[] = [];
  let skipped = 0;
  const report = (line: number, reason: string): void => {
    skipped++;
    if (skipped <= 20) note(io, `${where}: line ${line} skipped: ${reason}`);
  };
  for await (const item of readJsonLines(path)) {
    if ('error' in item) {
      report(item.line, item.error.reason);
      continue;
    }
    const o = item.value as Record<string, unknown> | null;
    const rawApplicant = o !== null && typeof o === 'object' && 'applicant' in o ? o.applicant : o;
    const outcome = o !== null && typeof o === 'object' && 'outcome' in o ? (o.outcome as { defaulted?: unknown } | null) : undefined;
    if (outcome === undefined || outcome === null || typeof outcome.defaulted !== 'boolean') {
      report(item.line, 'no outcome.defaulted (true/false) to learn from');
      continue;
    }
    const parsed = safeParseApplicant(rawApplicant);
    if (!parsed.ok) {
      report(item.line, parsed.error.issues.slice(0, 3).map((i: Issue) => `${i.path.join('.')} ${i.code}`).join(', '));
      continue;
    }
    rows.push({ applicant: parsed.value, outcome: { defaulted: outcome.defaulted } });
  }
  if (skipped > 20) note(io, `${where}: ... ${skipped - 20} more lines skipped`);
  if (rows.length === 0) throw new InvalidInputError(`${where}: no usable labelled applicant in ${path}`, [{ code: 'empty', path: ['data'], message: 'no usable rows' }]);
  return { dataset: applicantsToDataset(rows), rows: rows.length, skipped };
}

/** Reads a labelled table (CSV or JSON Lines) and prints the reader's messages to stderr. */
export async function readLabelledTable(path: string, args: TableArgs, io: CliIO, where: string): Promise<{ dataset: Dataset; report: ReadReport }> {
  const { target, bad, good, ...rest } = args;
  const result = await readTable(path, { ...stripUndefined(rest), target, bad: bad === undefined ? undefined : parseBad(bad), ...(good !== undefined ? { good } : {}) });
  for (const m of result.report.messages) note(io, `${where}: ${cliWording(m)}`);
  // Rows with a third target value (--good given) are counted in one message, not listed.
  const otherTarget = `target '${target}' holds a value that is neither the bad nor the good value`;
  const errors = good === undefined ? result.report.errors : result.report.errors.filter((e) => e.reason !== otherTarget);
  const unlisted = result.report.errorCount - result.report.errors.length;
  for (const e of errors.slice(0, 20)) note(io, `${where}: line ${e.line}${e.column ? ` column ${e.column}` : ''}: ${e.reason}`);
  if (errors.length > 20) note(io, `${where}: ... ${errors.length - 20}${unlisted > 0 ? '+' : ''} more row errors`);
  return result;
}

/** `--bad 1` means the number 1 or the text "1": readTable matches either against the cell text. */
function parseBad(bad: string): string {
  return bad;
}

const PROTECTED_NAME = /(^|[^a-z])(sex|gender|marital|married|race|ethnic|religio|national|citizen|foreign|birth|age)([^a-z]|$)/i;

/**
 * Marks `--protected` columns in the dataset's metadata (training then leaves them out unless
 * `--allow-protected`, and reason codes never cite them), and warns about unmarked columns whose
 * names suggest a protected attribute (sex, marital status, race, religion, national origin, age).
 */
export function markProtected(dataset: Dataset, protectedColumns: readonly string[], io: CliIO, where: string): Dataset {
  const names = new Set(dataset.columns.map((c) => c.name));
  const unknown = protectedColumns.filter((n) => !names.has(n));
  if (unknown.length > 0) {
    throw new InvalidInputError(`${where}: --protected names unknown column(s)`, unknown.map((n) => ({ code: 'unknown_column', path: ['protected', n], message: 'no such column' })));
  }
  const marked = new Set(protectedColumns);
  for (const c of dataset.columns) {
    const meta = dataset.metadata?.[c.name];
    if (!marked.has(c.name) && meta?.isProtected !== true && PROTECTED_NAME.test(c.name.replace(/_/g, ' '))) {
      note(io, `${where}: column '${c.name}' looks like a protected attribute; mark it with --protected (or --exclude it) to keep it out of the model`);
    }
  }
  if (marked.size === 0) return dataset;
  const metadata = { ...(dataset.metadata ?? {}) };
  for (const n of marked) metadata[n] = { ...(metadata[n] ?? {}), isProtected: true };
  note(io, `${where}: protected column(s) ${[...marked].join(', ')} are not used as features`);
  return { ...dataset, metadata };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
