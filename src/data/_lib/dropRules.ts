/**
 * The rules that drop columns from a table read for modelling. Private to `src/data`.
 *
 * ID-like (excluded, with a message), applied to columns whose type was inferred:
 * - a categorical column whose non-missing values are all distinct, over at least
 *   {@link MIN_ID_ROWS} values (on fewer rows an ordinary category can look unique);
 * - an integer-valued numeric column whose values are all distinct, when its name looks like an
 *   identifier (a word `id`/`uuid`/`guid`/`idx`: `ID`, `SK_ID_CURR`, `loanId`; or `index`, `key`,
 *   `rownum`, `Unnamed: 0`), or when its values are consecutive integers (a row index), over at least
 *   {@link MIN_ID_ROWS} values.
 * A continuous numeric column (non-integer values) is never ID-like, however unique its values
 * (ratios, external scores...); nor is a date or boolean column.
 *
 * Constant (dropped, with a message): every row holds the same value, or every row is missing. A
 * column with one value plus missing cells is kept (missingness is information).
 *
 * @module
 */
import type { BuiltColumn } from './ColumnBuilder.js';

/** Fewest non-missing values for the all-distinct rules that do not rely on the column's name. */
export const MIN_ID_ROWS = 20;

/** Whether a column name reads like an identifier. */
export function isIdLikeName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.some((w) => w === 'id' || w === 'uuid' || w === 'guid' || w === 'idx')) return true;
  if (words[0] === 'unnamed') return true;
  const joined = words.join('');
  return joined === 'index' || joined === 'key' || joined === 'rownum' || joined === 'rownumber' || joined === 'rowid';
}

/** Why a column is dropped, or `undefined` when it is kept. */
export function dropReason(c: BuiltColumn): 'id_like' | 'constant' | 'empty' | undefined {
  if (c.nonMissing === 0) return 'empty';
  if (c.isConstant && c.missing === 0) return 'constant';
  if (c.nonMissing < 2) return undefined;
  if (c.kind === 'categorical') return c.nonMissing >= MIN_ID_ROWS && c.hasUniqueValues() ? 'id_like' : undefined;
  if (c.kind === 'numeric' && c.isIntegerValued) {
    const isNamed = isIdLikeName(c.name);
    const isConsecutive = c.nonMissing >= MIN_ID_ROWS && c.max - c.min + 1 === c.nonMissing;
    if ((isNamed || isConsecutive) && c.hasUniqueValues()) return 'id_like';
  }
  return undefined;
}
