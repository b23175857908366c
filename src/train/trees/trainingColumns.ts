/**
 * The training features of a tree model as columns in the scorer's encoding (private):
 * numeric values, or the category's index in the feature spec's dictionary; `NaN` = missing.
 */
import type { Dataset } from '../../data/Dataset.js';
import { InvalidInputError, type Issue } from '../../errors.js';
import type { FeatureSpec } from '../../schema/artifactCommon.js';

/** Encoded training columns aligned with the model's feature specs. */
export interface TrainingColumns {
  readonly rows: number;
  readonly columns: readonly Float64Array[];
  readonly kinds: readonly ('numeric' | 'categorical')[];
  /** Dictionary size of each categorical feature (0 for numeric). */
  readonly categoryCounts: readonly number[];
}

/**
 * Reads the columns named by `specs` from `dataset`: numeric values as they are (non-finite →
 * missing is an error: readers already map missing tokens to NaN), categorical codes mapped by
 * category text into the spec's dictionary.
 *
 * @throws {@link InvalidInputError} when a column is absent, has the wrong type or holds ±Infinity
 * @example
 * trainingColumns({ rows: 2, columns: [{ name: 'a', type: 'numeric', values: Float64Array.of(1, NaN) }] }, specs).columns[0]; //=> Float64Array [1, NaN]
 */
export function trainingColumns(dataset: Dataset, specs: readonly FeatureSpec[], where: string): TrainingColumns {
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  const issues: Issue[] = [];
  const columns: Float64Array[] = [];
  const kinds: ('numeric' | 'categorical')[] = [];
  const categoryCounts: number[] = [];
  for (const spec of specs) {
    const col = byName.get(spec.name);
    const out = new Float64Array(dataset.rows);
    if (col === undefined) {
      issues.push({ code: 'missing_feature', path: [spec.name], message: 'the dataset has no column of this name' });
    } else if (spec.type === 'numeric') {
      if (col.type === 'categorical') issues.push({ code: 'invalid_type', path: [spec.name], message: 'expected a numeric column' });
      else {
        const v = col.values;
        let bad = -1;
        for (let r = 0; r < dataset.rows; r++) {
          const x = v[r];
          if (x === Infinity || x === -Infinity) {
            bad = r;
            break;
          }
          out[r] = x;
        }
        if (bad >= 0) issues.push({ code: 'not_finite', path: [spec.name, bad], message: 'numeric values must be finite (NaN = missing)' });
      }
    } else if (col.type !== 'categorical') {
      issues.push({ code: 'invalid_type', path: [spec.name], message: 'expected a categorical column' });
    } else {
      const dictionary = new Map((spec.categories ?? []).map((c, i) => [c, i]));
      const remap = col.categories.map((c) => dictionary.get(c) ?? -1);
      for (let r = 0; r < dataset.rows; r++) {
        const code = col.codes[r];
        out[r] = code < 0 ? Number.NaN : remap[code] < 0 ? Number.NaN : remap[code];
      }
    }
    columns.push(out);
    kinds.push(spec.type);
    categoryCounts.push(spec.type === 'categorical' ? (spec.categories?.length ?? 0) : 0);
  }
  if (issues.length > 0) {
    throw new InvalidInputError(`${where}: ${issues.length} issue${issues.length === 1 ? '' : 's'} with the dataset columns (${issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 10).join('; ')})`, issues);
  }
  return { rows: dataset.rows, columns, kinds, categoryCounts };
}
