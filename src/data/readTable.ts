import { z } from 'zod';
import { InvalidOptionsError, type Issue } from '../errors.js';
import { DEFAULT_MISSING_TOKENS, parseBooleanText, parseDateOrMonthText, parseNumberText } from './_lib/cells.js';
import { type BuiltColumn, ColumnBuilder, type ColumnKind } from './_lib/ColumnBuilder.js';
import { dropReason } from './_lib/dropRules.js';
import type { TableSource } from './_lib/openTextSource.js';
import { DEFAULT_MAX_RECORD_CHARS, parseOptions, RowReaderOptionsShape } from './_lib/options.js';
import { readRowBatches } from './_lib/readRowBatches.js';
import { TargetBuilder } from './_lib/TargetBuilder.js';
import { typeHint } from './_lib/typeHints.js';
import type { Column, Dataset } from './Dataset.js';
import type { ReadRowsOptions } from './readRows.js';

/**
 * Options of {@link readTable}: the reading options of {@link readRows} plus the roles and types of
 * columns.
 *
 * @category Data
 * @example
 * const options: ReadTableOptions = { target: 'loan_status', bad: 'Charged Off', categorical: ['zip3'], exclude: ['member_id'] };
 */
export interface ReadTableOptions extends ReadRowsOptions {
  /**
   * The binary target column (removed from the features, stored as `dataset.target`).
   * @defaultValue none: the dataset has no target
   */
  target?: string;
  /**
   * The target value that means bad (compared after trimming; numeric texts by value, so `1`
   * matches `'1'` and `'1.0'`).
   * @defaultValue `1` when the target is coded 0/1; required otherwise
   */
  bad?: string | number;
  /**
   * The target value that means good. When given, rows whose target is neither `bad` nor `good`
   * are reported as row errors, skipped, and counted in one message; when absent, the target must
   * have at most two distinct values.
   * @defaultValue the other value of the target
   */
  good?: string | number;
  /**
   * Columns read as categorical whatever their content.
   * @defaultValue `[]`
   */
  categorical?: string[];
  /**
   * Columns read as numeric; a non-numeric, non-missing cell is a row error.
   * @defaultValue `[]`
   */
  numeric?: string[];
  /**
   * Per-column types (`'boolean'` reads true/false/yes/no/1/0 as numeric 1/0; `'date'` reads
   * `YYYY-MM-DD` or `YYYY-MM` as a day number). A cell that does not fit is a row error.
   * @defaultValue `{}`
   */
  columnTypes?: Record<string, 'numeric' | 'categorical' | 'date' | 'boolean'>;
  /**
   * Columns not read at all.
   * @defaultValue `[]`
   */
  exclude?: string[];
  /**
   * Column of sample weights (finite, >= 0; missing or invalid is a row error); stored as `dataset.weights`.
   * @defaultValue none
   */
  weight?: string;
  /**
   * Column of row dates (`YYYY-MM-DD` or `YYYY-MM`; missing or invalid is a row error), kept as a
   * `'date'` column and named in `dataset.dateColumn` for out-of-time splits.
   * @defaultValue none
   */
  date?: string;
  /**
   * Most row errors listed in the report (all are counted).
   * @defaultValue 1000
   */
  maxErrors?: number;
}

/**
 * What {@link readTable} found besides the data.
 *
 * @category Data
 * @example
 * const report: ReadReport = {
 *   rows: 999, skippedRows: 1, errorCount: 1, errors: [{ line: 12, reason: 'expected 21 fields, found 20' }],
 *   messages: ["column 'id' excluded: ID-like (every value is distinct)"], columns: [{ name: 'age', type: 'numeric' }],
 *   dropped: [{ name: 'id', reason: 'id_like' }],
 * };
 */
export interface ReadReport {
  /** Rows in the dataset. */
  rows: number;
  /** Rows not read because of a row error. */
  skippedRows: number;
  /** Row errors, in file order (at most `maxErrors`): 1-based line, column name when known, reason. */
  errors: { line: number; column?: string; reason: string }[];
  /** Number of row errors, listed or not. */
  errorCount: number;
  /** What was decided about the table: target mapping, dropped columns, kept constant columns... */
  messages: string[];
  /** The dataset's columns and the type each was read as (`'boolean'` columns hold numeric 0/1). */
  columns: { name: string; type: 'numeric' | 'categorical' | 'date' | 'boolean' }[];
  /** Columns left out of the dataset by the automatic rules, and why. */
  dropped: { name: string; reason: 'id_like' | 'constant' | 'empty' }[];
}

const ColumnTypeSchema = z.enum(['numeric', 'categorical', 'date', 'boolean']);
const ReadTableOptionsSchema = z.strictObject({
  ...RowReaderOptionsShape,
  target: z.string().min(1).optional(),
  bad: z.union([z.string(), z.number().refine(Number.isFinite, { message: 'must be finite' })]).optional(),
  good: z.union([z.string(), z.number().refine(Number.isFinite, { message: 'must be finite' })]).optional(),
  categorical: z.array(z.string()).optional(),
  numeric: z.array(z.string()).optional(),
  columnTypes: z.record(z.string(), ColumnTypeSchema).optional(),
  exclude: z.array(z.string()).optional(),
  weight: z.string().min(1).optional(),
  date: z.string().min(1).optional(),
  maxErrors: z.number().int().min(0).optional(),
});
type ParsedOptions = z.infer<typeof ReadTableOptionsSchema>;

type Role = { kind: 'feature'; builder: ColumnBuilder; forced?: ColumnKind } | { kind: 'target' } | { kind: 'weight' } | { kind: 'date'; builder: ColumnBuilder } | { kind: 'excluded' };

const WHERE = 'readTable';

/** Forced types by column name, with conflicts and role clashes reported. */
function forcedTypes(o: ParsedOptions): Map<string, ColumnKind> {
  const types = new Map<string, ColumnKind>();
  const issues: Issue[] = [];
  const set = (name: string, type: ColumnKind, path: (string | number)[]): void => {
    const previous = types.get(name);
    if (previous !== undefined && previous !== type) issues.push({ code: 'conflicting_types', path, message: `column '${name}' is given two types (${previous} and ${type})` });
    types.set(name, type);
  };
  (o.numeric ?? []).forEach((name, i) => set(name, 'numeric', ['numeric', i]));
  (o.categorical ?? []).forEach((name, i) => set(name, 'categorical', ['categorical', i]));
  for (const [name, type] of Object.entries(o.columnTypes ?? {})) set(name, type, ['columnTypes', name]);
  const roles: [string, string | undefined][] = [
    ['target', o.target],
    ['weight', o.weight],
    ['date', o.date],
  ];
  for (const [role, name] of roles) {
    if (name === undefined) continue;
    if (types.has(name)) issues.push({ code: 'conflicting_roles', path: [role], message: `column '${name}' is the ${role} column and cannot also be given a feature type` });
    if ((o.exclude ?? []).includes(name)) issues.push({ code: 'conflicting_roles', path: [role], message: `column '${name}' is the ${role} column and cannot be excluded` });
    for (const [other, otherName] of roles) {
      if (other < role && otherName === name) issues.push({ code: 'conflicting_roles', path: [role], message: `column '${name}' cannot be both the ${other} and the ${role} column` });
    }
  }
  (o.exclude ?? []).forEach((name, i) => {
    if (types.has(name)) issues.push({ code: 'conflicting_roles', path: ['exclude', i], message: `column '${name}' is both excluded and given a type` });
  });
  if (o.target === undefined && (o.bad !== undefined || o.good !== undefined)) {
    issues.push({ code: 'target_required', path: [o.bad !== undefined ? 'bad' : 'good'], message: '`bad` and `good` need `target`' });
  }
  if (o.bad !== undefined && o.good !== undefined && String(o.bad).trim() === String(o.good).trim()) {
    issues.push({ code: 'conflicting_classes', path: ['good'], message: '`good` equals `bad`' });
  }
  if (issues.length > 0) throw new InvalidOptionsError(`${WHERE}: ${issues.map((i) => i.message).join('; ')}`, issues);
  return types;
}

/** Every option naming a column must name one of `columns`. */
function checkNamedColumns(o: ParsedOptions, columns: readonly string[]): void {
  const known = new Set(columns);
  const issues: Issue[] = [];
  const check = (name: string, path: (string | number)[]): void => {
    if (!known.has(name)) issues.push({ code: 'unknown_column', path, message: `no column '${name}' in the table` });
  };
  for (const key of ['target', 'weight', 'date'] as const) {
    const name = o[key];
    if (name !== undefined) check(name, [key]);
  }
  for (const key of ['numeric', 'categorical', 'exclude'] as const) (o[key] ?? []).forEach((name, i) => check(name, [key, i]));
  for (const name of Object.keys(o.columnTypes ?? {})) check(name, ['columnTypes', name]);
  if (issues.length > 0) throw new InvalidOptionsError(`${WHERE}: ${issues.map((i) => i.message).join('; ')}`, issues);
}

/** Parses a cell of a forced type; `NaN` when it does not fit. */
function parseForced(type: ColumnKind, text: string): number {
  switch (type) {
    case 'numeric':
      return parseNumberText(text);
    case 'date':
      return parseDateOrMonthText(text);
    case 'boolean': {
      const b = parseBooleanText(text);
      if (b === b) return b;
      const v = parseNumberText(text);
      return v === 0 || v === 1 ? v : Number.NaN;
    }
    default:
      return 0;
  }
}

const FORCED_REASON: Record<Exclude<ColumnKind, 'categorical'>, string> = {
  numeric: 'is not a number',
  date: 'is not a date (YYYY-MM-DD or YYYY-MM)',
  boolean: 'is not a boolean (true/false, yes/no, 1/0)',
};

/**
 * Reads a CSV or JSON Lines table into a typed, columnar {@link Dataset} for training or backtesting.
 *
 * Reading is as in {@link readRows} (RFC 4180 CSV with the delimiter detected, JSON Lines, `.gz`,
 * standard input, row-level errors that never stop the read). Typing is buffered, in one pass (so a
 * stream can be read): each column's type is inferred as numeric, date (`YYYY-MM-DD`, stored as day
 * numbers), boolean (true/false/yes/no, stored as numeric 0/1) or categorical, from every cell; a
 * column falls back to categorical at its first cell that fits no other type. `categorical`,
 * `numeric` and `columnTypes` force a type (a cell that does not fit is a row error); `exclude`
 * skips columns. The target is mapped to 1 = bad from any two values (`bad`; with values 0/1 and no
 * `bad`, 1 is bad). Rows with an error (wrong field count, malformed quoting, invalid JSON, nested
 * JSON value, missing target, a target value other than `bad`/`good` when both are given, text in a
 * forced column, invalid weight or date) are skipped and listed in the report; reasons name the
 * column, never a cell value.
 *
 * Dropped with a message (only columns whose type was inferred; pass a type to keep a column):
 * ID-like columns (all values distinct: categorical over >= 20 values; integer-valued numeric when
 * named like an id, e.g. `ID`, `SK_ID_CURR`, `loanId`, or holding consecutive integers; never a
 * continuous numeric column), constant columns, and columns missing in every row.
 * Hints (messages, naming the column and counts, never values): an inferred categorical column
 * whose non-missing cells are at least 90% numbers (odd texts that should be missing tokens), or
 * that looks like numbers written with a decimal comma (European CSV). With `good`, the rows holding
 * a third target value are also counted in one message.
 * To read a file for an existing model, pass `columnTypes` built from its feature specs so that no
 * model column is dropped or typed differently.
 *
 * Cost: O(cells) time; memory about 8 bytes per numeric cell and 4 per categorical cell.
 *
 * @param source - file path, `'-'` (standard input) or a readable stream
 * @param options - see {@link ReadTableOptions}
 * @returns the dataset and a {@link ReadReport}
 * @throws {@link InvalidOptionsError} when an option is invalid, names a column the table lacks, or
 * the target needs `bad`
 * @throws {@link InvalidInputError} when the source cannot be read, the header repeats a name, the
 * target has more than two distinct values (the message gives the column and the count), or `bad`
 * matches no row
 * @category Data
 * @example
 * const csv = 'income;purpose;status\n52000;car;Charged Off\nNA;home;Fully Paid\n31000;car;Fully Paid\n';
 * const { dataset, report } = await readTable(Readable.from([csv]), { target: 'status', bad: 'Charged Off' });
 * dataset.rows; //=> 3
 * dataset.target; //=> Uint8Array [1, 0, 0]
 * report.columns; //=> [{ name: 'income', type: 'numeric' }, { name: 'purpose', type: 'categorical' }]
 */
export async function readTable(source: string | NodeJS.ReadableStream, options: ReadTableOptions = {}): Promise<{ dataset: Dataset; report: ReadReport }> {
  const o = parseOptions(ReadTableOptionsSchema, options, WHERE);
  const types = forcedTypes(o);
  const excluded = new Set(o.exclude ?? []);
  const maxErrors = o.maxErrors ?? 1000;
  const report: ReadReport = { rows: 0, skippedRows: 0, errors: [], errorCount: 0, messages: [], columns: [], dropped: [] };
  const target = o.target === undefined ? undefined : new TargetBuilder(o.target, o.bad, o.good);
  let weights = new Float64Array(1024);

  const roles: Role[] = [];
  let columnNames: readonly string[] = [];
  let rows = 0;
  let isChecked = false;
  // Per-row scratch: parsed values of forced columns.
  let scratch = new Float64Array(0);

  const addError = (line: number, reason: string, column?: string): void => {
    report.errorCount++;
    if (report.errors.length < maxErrors) report.errors.push(column === undefined ? { line, reason } : { line, column, reason });
  };
  const roleOf = (name: string): Role => {
    if (name === o.target) return { kind: 'target' };
    if (name === o.weight) return { kind: 'weight' };
    if (name === o.date) return { kind: 'date', builder: new ColumnBuilder(name, 'date', rows) };
    if (excluded.has(name)) return { kind: 'excluded' };
    const forced = types.get(name);
    return { kind: 'feature', builder: new ColumnBuilder(name, forced, rows), forced };
  };

  const batches = readRowBatches(source as TableSource, WHERE, {
    format: o.format,
    delimiter: o.delimiter,
    missing: o.missing ?? DEFAULT_MISSING_TOKENS,
    header: o.header,
    columns: o.columns,
    encoding: o.encoding,
    maxRecordChars: o.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
  });
  let format: 'csv' | 'jsonl' = 'csv';
  for await (const batch of batches) {
    format = batch.format;
    columnNames = batch.columns;
    if (format === 'csv' && !isChecked && columnNames.length > 0) {
      checkNamedColumns(o, columnNames);
      isChecked = true;
    }
    while (roles.length < columnNames.length) roles.push(roleOf(columnNames[roles.length]));
    if (scratch.length < roles.length) scratch = new Float64Array(roles.length);
    const width = roles.length;
    // JSON Lines: a role column not seen yet is missing from the row.
    const absentRoles: [string, string][] = [];
    for (const [role, name] of [['target', o.target], ['weight', o.weight], ['date', o.date]] as const) {
      if (name !== undefined && !columnNames.includes(name)) absentRoles.push([name, `${role} '${name}' is missing`]);
    }
    for (const item of batch.items) {
      if ('error' in item) {
        addError(item.line, item.error, item.column);
        report.skippedRows++;
        continue;
      }
      if (absentRoles.length > 0) {
        for (const [name, reason] of absentRoles) addError(item.line, reason, name);
        report.skippedRows++;
        continue;
      }
      const cells = item.cells;
      // Validate first: a row with an error is skipped whole.
      let isRejected = false;
      for (let j = 0; j < width; j++) {
        const role = roles[j];
        const cell = cells[j];
        let reason: string | undefined;
        switch (role.kind) {
          case 'feature':
            if (role.forced !== undefined && role.forced !== 'categorical' && cell !== null && cell !== undefined) {
              const v = parseForced(role.forced, cell);
              if (v !== v) reason = `column '${columnNames[j]}' ${FORCED_REASON[role.forced]}`;
              scratch[j] = v;
            }
            break;
          case 'target':
            reason = (target as TargetBuilder).check(cell);
            break;
          case 'weight': {
            const v = cell === null || cell === undefined ? Number.NaN : parseNumberText(cell);
            if (!(v >= 0)) reason = `weight '${columnNames[j]}' is ${cell === null || cell === undefined ? 'missing' : 'not a number >= 0'}`;
            scratch[j] = v;
            break;
          }
          case 'date': {
            const v = cell === null || cell === undefined ? Number.NaN : parseDateOrMonthText(cell);
            if (v !== v) reason = `date '${columnNames[j]}' is ${cell === null || cell === undefined ? 'missing' : 'not a date (YYYY-MM-DD or YYYY-MM)'}`;
            scratch[j] = v;
            break;
          }
          default:
            break;
        }
        if (reason !== undefined) {
          addError(item.line, reason, columnNames[j]);
          isRejected = true;
        }
      }
      if (isRejected) {
        report.skippedRows++;
        continue;
      }
      for (let j = 0; j < width; j++) {
        const role = roles[j];
        const cell = cells[j];
        switch (role.kind) {
          case 'feature':
            if (cell === null || cell === undefined) role.builder.pushMissing();
            else if (role.forced === undefined) role.builder.pushText(cell);
            else if (role.forced === 'categorical') role.builder.pushCategory(cell);
            else role.builder.pushValue(scratch[j]);
            break;
          case 'target':
            (target as TargetBuilder).push(cell as string);
            break;
          case 'weight':
            if (rows === weights.length) {
              const w = new Float64Array(weights.length * 2);
              w.set(weights);
              weights = w;
            }
            weights[rows] = scratch[j];
            break;
          case 'date':
            role.builder.pushValue(scratch[j]);
            break;
          default:
            break;
        }
      }
      rows++;
    }
  }
  if (!isChecked) checkNamedColumns(o, columnNames);

  // Finish: target, drop rules, columns.
  const datasetColumns: Column[] = [];
  const messages: string[] = [];
  const targetResult = target?.finish(WHERE);
  if (targetResult !== undefined) messages.push(targetResult.message);
  const otherRows = target?.otherRows ?? 0;
  if (otherRows > 0) messages.push(`target '${o.target}': ${otherRows} row${otherRows === 1 ? '' : 's'} with a value other than the bad and good values skipped`);
  for (const role of roles) {
    if (role.kind === 'date') {
      const built = role.builder.finish();
      datasetColumns.push(built.column);
      report.columns.push({ name: built.name, type: 'date' });
      continue;
    }
    if (role.kind !== 'feature') continue;
    const built: BuiltColumn = role.builder.finish();
    const hint = role.forced === undefined ? typeHint(built) : undefined;
    if (hint !== undefined) messages.push(hint);
    const reason = dropReason(built);
    if (reason !== undefined && role.forced === undefined) {
      report.dropped.push({ name: built.name, reason });
      messages.push(dropMessage(built.name, reason));
      continue;
    }
    if (reason === 'constant' || reason === 'empty') messages.push(`column '${built.name}' is ${reason === 'empty' ? 'missing in every row' : 'constant'} but kept (its type was given)`);
    datasetColumns.push(built.column);
    report.columns.push({ name: built.name, type: built.kind === 'empty' ? 'numeric' : built.kind });
  }
  if (report.errorCount > report.errors.length) messages.push(`${report.errorCount - report.errors.length} more row errors not listed (maxErrors ${maxErrors})`);
  if (report.skippedRows > 0) messages.push(`${report.skippedRows} row${report.skippedRows === 1 ? '' : 's'} skipped because of row errors`);
  report.messages = messages;
  report.rows = rows;

  const dataset: Dataset = {
    rows,
    columns: datasetColumns,
    ...(targetResult !== undefined ? { target: targetResult.target } : {}),
    ...(o.weight !== undefined ? { weights: weights.slice(0, rows) } : {}),
    ...(o.date !== undefined ? { dateColumn: o.date } : {}),
  };
  return { dataset, report };
}

function dropMessage(name: string, reason: 'id_like' | 'constant' | 'empty'): string {
  switch (reason) {
    case 'id_like':
      return `column '${name}' excluded: ID-like (every value is distinct)`;
    case 'constant':
      return `column '${name}' dropped: constant (the same value in every row)`;
    default:
      return `column '${name}' dropped: missing in every row`;
  }
}
