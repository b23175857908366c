/**
 * The columnar, typed table every trainer consumes and every tabular reader produces.
 *
 * - numeric columns: `Float64Array`, `NaN` = missing (booleans are numeric 0/1; dates are numeric
 *   day numbers since 1970-01-01 with `type: 'date'`);
 * - categorical columns: `Int32Array` codes into `categories`, `-1` = missing;
 * - `target`: 1 = bad (default), 0 = good; optional `weights` and a `dateColumn` name for
 *   out-of-time splits.
 *
 * @module
 */

/**
 * A numeric (or date: day numbers since 1970-01-01) column; `NaN` = missing.
 *
 * @category Data
 * @example
 * const income: NumericColumn = { name: 'income', type: 'numeric', values: Float64Array.of(30_000, NaN) };
 */
export interface NumericColumn {
  readonly name: string;
  readonly type: 'numeric' | 'date';
  readonly values: Float64Array;
}

/**
 * A categorical column: codes into `categories`, `-1` = missing.
 *
 * @category Data
 * @example
 * const purpose: CategoricalColumn = { name: 'purpose', type: 'categorical', codes: Int32Array.of(1, -1, 0), categories: ['car', 'home'] };
 */
export interface CategoricalColumn {
  readonly name: string;
  readonly type: 'categorical';
  /** Index into `categories`; `-1` = missing. */
  readonly codes: Int32Array;
  readonly categories: readonly string[];
}

/**
 * Any column of a {@link Dataset}.
 *
 * @category Data
 * @example
 * const columns: Column[] = [{ name: 'age', type: 'numeric', values: Float64Array.of(41, 35) }];
 */
export type Column = NumericColumn | CategoricalColumn;

/**
 * A columnar table with an optional binary target.
 *
 * @category Data
 * @example
 * const ds: Dataset = {
 *   rows: 3,
 *   columns: [{ name: 'income', type: 'numeric', values: Float64Array.of(30_000, NaN, 52_000) }],
 *   target: Uint8Array.of(1, 0, 0),
 * };
 */
export interface Dataset {
  readonly rows: number;
  readonly columns: readonly Column[];
  /** 1 = bad, 0 = good. Absent for unlabelled data (scoring). */
  readonly target?: Uint8Array;
  /** Sample weights (>= 0, finite). */
  readonly weights?: Float64Array;
  /** Name of the column holding each row's date (day numbers), used by out-of-time splits. */
  readonly dateColumn?: string;
  /** Human-readable descriptions and reason wording per column, when known (e.g. the feature catalogue). */
  readonly metadata?: Readonly<Record<string, { description?: string; reasonCode?: string; reasonText?: string; missingReasonCode?: string; missingReasonText?: string; riskDirection?: 'increasing' | 'decreasing' | 'none'; isProtected?: boolean }>>;
}
