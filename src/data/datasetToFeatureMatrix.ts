import { InvalidInputError, type Issue } from '../errors.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import { categoryIndex } from '../scorers/encodeFeatures.js';
import type { FeatureMatrix } from '../types.js';
import { formatDayNumber, parseNumberText } from './_lib/cells.js';
import type { Column, Dataset } from './Dataset.js';

/**
 * Builds the row-major {@link FeatureMatrix} a model reads from a {@link Dataset}, one matrix column
 * per spec, matched by column name.
 *
 * Numeric specs take numeric and date columns as they are (`NaN` = missing); a categorical column
 * whose every category is numeric text is converted by value. Categorical specs map each category by
 * its TEXT into the spec's dictionary, so two separately-read files (whose own category codes
 * differ) give the same matrix: unseen category -> `-1`, missing -> `NaN`; a numeric column is
 * matched through the decimal text of its values (dates through `YYYY-MM-DD`). Extra dataset
 * columns (the target, IDs...) are ignored. Cost: O(rows x specs).
 *
 * @param dataset - the table
 * @param specs - the model's features, in matrix column order
 * @returns a matrix with `names` = the spec names
 * @throws {@link InvalidInputError} listing every spec without a column (issue code
 * `missing_feature`) and every numeric spec whose column holds non-numeric categories
 * (`invalid_type`), each with the column name as path
 * @category Data
 * @example
 * const dataset: Dataset = {
 *   rows: 2,
 *   columns: [
 *     { name: 'income', type: 'numeric', values: Float64Array.of(52_000, NaN) },
 *     { name: 'purpose', type: 'categorical', codes: Int32Array.of(0, 1), categories: ['boat', 'car'] },
 *   ],
 * };
 * const specs: FeatureSpec[] = [
 *   { name: 'purpose', type: 'categorical', categories: ['car', 'home'], description: '', reasonCode: 'RC09', reasonText: 'Purpose', riskDirection: 'none', isProtected: false },
 *   { name: 'income', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'Income', riskDirection: 'decreasing', isProtected: false },
 * ];
 * datasetToFeatureMatrix(dataset, specs);
 * //=> { names: ['purpose', 'income'], rows: 2, values: Float64Array [-1, 52000, 0, NaN] }
 */
export function datasetToFeatureMatrix(dataset: Dataset, specs: readonly FeatureSpec[]): FeatureMatrix {
  const byName = new Map<string, Column>();
  for (const c of dataset.columns) byName.set(c.name, c);
  const issues: Issue[] = [];
  for (const spec of specs) {
    const column = byName.get(spec.name);
    if (column === undefined) {
      issues.push({ code: 'missing_feature', path: [spec.name], message: 'the dataset has no column for this model feature' });
    } else if (spec.type === 'numeric' && column.type === 'categorical' && column.categories.some((c) => Number.isNaN(parseNumberText(c)))) {
      issues.push({ code: 'invalid_type', path: [spec.name], message: 'numeric feature, but the column holds non-numeric text' });
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(
      `datasetToFeatureMatrix: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues.map((i) => `${i.path[0]}: ${i.message}`).join('; ')})`,
      issues,
    );
  }
  const rows = dataset.rows;
  const width = specs.length;
  const values = new Float64Array(rows * width);
  specs.forEach((spec, j) => {
    const column = byName.get(spec.name) as Column;
    if (column.type === 'categorical') {
      // Translate the column's codes once, then gather.
      const lookup = column.categories.map((text) => (spec.type === 'numeric' ? parseNumberText(text) : categoryIndex(spec, text)));
      const codes = column.codes;
      for (let i = 0; i < rows; i++) values[i * width + j] = codes[i] < 0 ? Number.NaN : lookup[codes[i]];
    } else if (spec.type === 'numeric') {
      const v = column.values;
      for (let i = 0; i < rows; i++) values[i * width + j] = v[i];
    } else {
      const v = column.values;
      const isDate = column.type === 'date';
      const cache = new Map<number, number>();
      for (let i = 0; i < rows; i++) {
        const x = v[i];
        if (x !== x) {
          values[i * width + j] = Number.NaN;
          continue;
        }
        let code = cache.get(x);
        if (code === undefined) {
          code = categoryIndex(spec, isDate ? formatDayNumber(x) : String(x));
          cache.set(x, code);
        }
        values[i * width + j] = code;
      }
    }
  });
  return { names: specs.map((s) => s.name), rows, values };
}
