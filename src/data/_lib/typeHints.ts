/**
 * Hints about columns whose inferred type is probably not what the user meant: a column read as
 * categorical although nearly all of its cells are numbers (a few odd texts such as `.` or `-`
 * that should be missing tokens), or numbers written with a decimal comma (European CSV:
 * `7942,97`). The hints name the column and counts, never cell values. Private to `src/data`.
 *
 * @module
 */
import type { BuiltColumn } from './ColumnBuilder.js';
import { parseNumberText } from './cells.js';

/** Share of non-missing cells that must read as numbers for the "mostly numeric" hint. */
export const MOSTLY_NUMERIC_SHARE = 0.9;

/** `1234,5`, `-0,25`, `1.234,50` (thousands points, decimal comma). */
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;

/**
 * The hint for an inferred categorical column, or `undefined`. O(rows + categories).
 */
export function typeHint(c: BuiltColumn): string | undefined {
  if (c.kind !== 'categorical' || c.column.type !== 'categorical' || c.nonMissing === 0) return undefined;
  const { codes, categories } = c.column;
  const counts = new Float64Array(categories.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  let numeric = 0;
  let comma = 0;
  let otherTexts = 0;
  for (let k = 0; k < categories.length; k++) {
    const text = categories[k].trim();
    if (parseNumberText(text) === parseNumberText(text)) numeric += counts[k];
    else if (DECIMAL_COMMA.test(text)) comma += counts[k];
    else otherTexts++;
  }
  const n = c.nonMissing;
  const name = c.name;
  if (comma > 0 && (numeric + comma) / n >= MOSTLY_NUMERIC_SHARE) {
    return `column '${name}' looks like numbers written with a decimal comma (${percent(comma / n)} of its non-missing cells, as in European CSV files) and was read as categorical: convert the decimal commas to points (e.g. export the file with '.' as the decimal separator) to use it as a number`;
  }
  if (numeric / n >= MOSTLY_NUMERIC_SHARE) {
    return `column '${name}' was read as categorical although ${percent(numeric / n)} of its non-missing cells are numbers: if its ${otherTexts} other distinct text${otherTexts === 1 ? '' : 's'} mean${otherTexts === 1 ? 's' : ''} missing, add ${otherTexts === 1 ? 'it' : 'them'} to the missing tokens (option missing, CLI --missing); to force it numeric (option numeric, CLI --numeric), rows holding other texts become row errors`;
  }
  return undefined;
}

function percent(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
