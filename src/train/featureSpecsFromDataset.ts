import { InvalidOptionsError, formatIssuePath, type Issue } from '../errors.js';
import type { Dataset } from '../data/Dataset.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';

/**
 * Options of {@link featureSpecsFromDataset}.
 *
 * @category Training
 * @example
 * const o: FeatureSpecsFromDatasetOptions = { exclude: ['customerId'], allowProtected: false };
 */
export interface FeatureSpecsFromDatasetOptions {
  /**
   * Columns to use, by name (kept in dataset column order). Naming a `'date'` column or the
   * dataset's `dateColumn` here is the only way to use it as a feature.
   * @defaultValue every numeric and categorical column except `dateColumn`
   */
  include?: readonly string[];
  /** Columns never to use. @defaultValue [] */
  exclude?: readonly string[];
  /**
   * Use columns that `dataset.metadata` marks `isProtected` (kept flagged, so reason codes never
   * cite them). Without it such columns are left out, and naming one in `include` is an error.
   * @defaultValue false
   */
  allowProtected?: boolean;
}

/**
 * Feature specifications for a trainer: one {@link FeatureSpec} per usable column of a dataset, in
 * column order, with the wording a model needs to explain its decisions.
 *
 * Wording comes from `dataset.metadata[column]` when present (the feature catalogue fills it:
 * description, reason code and text, risk direction, protected flag). A plain table column gets:
 * - `reasonCode` `"R_" + a slug of the name` (upper-case ASCII letters, digits and `_`, at most 40
 *   characters, e.g. `duration_in_month` → `R_DURATION_IN_MONTH`; a clash between two columns'
 *   slugs is resolved by suffixing `_2`, `_3`, ... in column order), so each column is its own reason;
 * - `reasonText` built from a readable label: `"<Label> too high"` / `"<Label> too low"` when the
 *   metadata gives a risk direction, otherwise `"<Label>: value associated with higher risk"`
 *   (numeric) or `"<Label>: category associated with higher risk"` (categorical) — true for any
 *   value the reason cites, including a missing one, and read next to the value the reason carries;
 * - `description` `"<Label> (column <name>)"`, `riskDirection` `'none'`.
 *
 * Columns of type `'date'` and the `dateColumn` are skipped unless named in `include`; protected
 * columns are skipped unless `allowProtected` is set. O(columns).
 *
 * @param dataset - the training table
 * @param options - include / exclude lists, protected opt-in
 * @returns the specs, in dataset column order (categorical specs carry the column's dictionary)
 * @throws {@link InvalidOptionsError} when `include`/`exclude` names a column the dataset lacks
 *   (`unknown_column`), `include` names a protected column without `allowProtected`
 *   (`protected_feature`, naming every one), or no column is left (`no_features`)
 * @category Training
 * @example
 * const ds = {
 *   rows: 2,
 *   columns: [
 *     { name: 'duration_in_month', type: 'numeric', values: Float64Array.of(12, 24) },
 *     { name: 'purpose', type: 'categorical', codes: Int32Array.of(0, 1), categories: ['car', 'tv'] },
 *   ],
 * } as const;
 * featureSpecsFromDataset(ds).map((s) => [s.reasonCode, s.reasonText]);
 * //=> [['R_DURATION_IN_MONTH', 'Duration in month: value associated with higher risk'],
 * //    ['R_PURPOSE', 'Purpose: category associated with higher risk']]
 */
export function featureSpecsFromDataset(dataset: Dataset, options: FeatureSpecsFromDatasetOptions = {}): FeatureSpec[] {
  const where = 'featureSpecsFromDataset';
  const names = new Set(dataset.columns.map((c) => c.name));
  const issues: Issue[] = [];
  for (const key of ['include', 'exclude'] as const) {
    (options[key] ?? []).forEach((name, i) => {
      if (!names.has(name)) issues.push({ code: 'unknown_column', path: [key, i], message: `no column named ${JSON.stringify(name)} in the dataset` });
    });
  }
  if (issues.length > 0) throw optionsError(where, issues);

  const include = options.include === undefined ? undefined : new Set(options.include);
  const exclude = new Set(options.exclude ?? []);
  const metadata = dataset.metadata ?? {};
  const refused: string[] = [];
  const chosen = dataset.columns.filter((c) => {
    if (exclude.has(c.name)) return false;
    const isProtected = metadata[c.name]?.isProtected === true;
    if (include !== undefined) {
      if (!include.has(c.name)) return false;
      if (isProtected && options.allowProtected !== true) refused.push(c.name);
      return true;
    }
    if (c.type === 'date' || c.name === dataset.dateColumn) return false;
    return !isProtected || options.allowProtected === true;
  });
  if (refused.length > 0) {
    throw new InvalidOptionsError(
      `${where}: protected attribute${refused.length === 1 ? '' : 's'} ${refused.map((n) => JSON.stringify(n)).join(', ')} requested as feature${refused.length === 1 ? '' : 's'}; remove ${refused.length === 1 ? 'it' : 'them'} from include or pass allowProtected: true`,
      refused.map((name) => ({ code: 'protected_feature', path: ['include', options.include?.indexOf(name) ?? -1], message: `${JSON.stringify(name)} is a protected attribute` })),
    );
  }
  if (chosen.length === 0) {
    throw new InvalidOptionsError(`${where}: no usable feature column left (the dataset has ${dataset.columns.length} columns)`, [
      { code: 'no_features', path: [], message: 'no usable feature column' },
    ]);
  }

  const usedCodes = new Set<string>();
  for (const c of chosen) {
    const code = metadata[c.name]?.reasonCode;
    if (code !== undefined) usedCodes.add(code);
  }
  return chosen.map((column): FeatureSpec => {
    const meta = metadata[column.name] ?? {};
    const type = column.type === 'categorical' ? 'categorical' : 'numeric';
    const label = readableLabel(column.name);
    const riskDirection = meta.riskDirection ?? 'none';
    let reasonCode = meta.reasonCode;
    if (reasonCode === undefined) {
      const base = `R_${slug(column.name)}`;
      reasonCode = base;
      for (let k = 2; usedCodes.has(reasonCode); k++) reasonCode = `${base}_${k}`;
      usedCodes.add(reasonCode);
    }
    const reasonText =
      meta.reasonText ??
      (riskDirection === 'increasing'
        ? `${label} too high`
        : riskDirection === 'decreasing'
          ? `${label} too low`
          : `${label}: ${type === 'categorical' ? 'category' : 'value'} associated with higher risk`);
    const spec: FeatureSpec = {
      name: column.name,
      type,
      description: meta.description ?? `${label} (column ${column.name})`,
      reasonCode,
      reasonText,
      ...(meta.missingReasonCode !== undefined && meta.missingReasonText !== undefined ? { missingReasonCode: meta.missingReasonCode, missingReasonText: meta.missingReasonText } : {}),
      riskDirection,
      isProtected: meta.isProtected === true,
    };
    return column.type === 'categorical' ? { ...spec, categories: [...column.categories] } : spec;
  });
}

/** `duration_in_month` → `DURATION_IN_MONTH`; `revolvingUtilization` → `REVOLVING_UTILIZATION`. */
function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return ascii === '' ? 'COLUMN' : ascii;
}

/** `duration_in_month` → `Duration in month`; `revolvingUtilization` → `Revolving utilization`. */
function readableLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim();
  if (words === '') return name;
  const lower = words === words.toUpperCase() ? words : words.replace(/\b([A-Z])([a-z])/g, (_, a: string, b: string) => a.toLowerCase() + b);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function optionsError(where: string, issues: Issue[]): InvalidOptionsError {
  return new InvalidOptionsError(`${where}: ${issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`).join('; ')}`, issues);
}
