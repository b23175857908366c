import type { Column, Dataset } from '../data/Dataset.js';
import { InvalidInputError, type Issue } from '../errors.js';
import type { Applicant } from '../schema/applicant.js';
import { dayNumber } from '../schema/primitives.js';
import { extractFeatureMatrix } from './extractFeatureMatrix.js';
import { FEATURE_CATALOGUE } from './featureCatalogue.js';

/**
 * One row of {@link applicantsToDataset}: a validated applicant and, for training or backtesting,
 * its observed outcome.
 *
 * @category Features
 * @example
 * const row: ApplicantRow = { applicant, outcome: { defaulted: false } };
 */
export interface ApplicantRow {
  readonly applicant: Applicant;
  readonly outcome?: { readonly defaulted: boolean };
}

/** Name of the date column {@link applicantsToDataset} adds (each row's decision date). */
const AS_OF_COLUMN = 'asOf';

/**
 * Applicants (with outcomes) as the columnar {@link Dataset} every trainer consumes: one numeric
 * column per catalogue feature (catalogue order, `NaN` = missing), `metadata` from the catalogue
 * (description, reason code and wording, risk direction, protected flag), `target` from
 * `outcome.defaulted` (1 = defaulted), and the decision dates.
 *
 * The decision date is the last column, `asOf`, of type `'date'` (day numbers since 1970-01-01),
 * named by `dateColumn: 'asOf'` for out-of-time splits. It is NOT a model feature: trainers pick
 * feature columns of type `'numeric'` or `'categorical'` only and always skip `dataset.dateColumn`
 * (and the catalogue's metadata never lists `asOf`), so no trainer picks it up by default.
 *
 * Features are extracted with {@link extractFeatureMatrix} (each applicant at its own `asOf`).
 * O(total list lengths + rows × features).
 *
 * @param rows - applicants, each with an optional outcome: either every row has one (labelled data,
 *   `target` set) or none has (unlabelled data, no `target`)
 * @throws {@link InvalidInputError} when only some rows carry an outcome, or an outcome's
 *   `defaulted` is not a boolean; issue paths are `[rowIndex, 'outcome']`
 * @category Features
 * @example
 * const ds = applicantsToDataset([{ applicant, outcome: { defaulted: true } }]);
 * [ds.rows, ds.columns.length, ds.dateColumn, ds.target?.[0]]; //=> [1, 50, 'asOf', 1]
 */
export function applicantsToDataset(rows: readonly ApplicantRow[]): Dataset {
  const n = rows.length;
  let labelled = 0;
  for (const r of rows) if (r.outcome !== undefined) labelled++;
  const issues: Issue[] = [];
  let target: Uint8Array | undefined;
  if (labelled > 0) {
    target = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const outcome = rows[i].outcome;
      if (outcome === undefined) issues.push({ code: 'missing_outcome', path: [i, 'outcome'], message: 'every row needs an outcome when any row has one' });
      else if (typeof outcome.defaulted !== 'boolean') issues.push({ code: 'invalid_type', path: [i, 'outcome', 'defaulted'], message: 'expected a boolean' });
      else target[i] = outcome.defaulted ? 1 : 0;
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(
      `applicantsToDataset: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues
        .slice(0, 10)
        .map((x) => `[${String(x.path[0])}].${x.path.slice(1).join('.')}: ${x.message}`)
        .join('; ')}${issues.length > 10 ? `; and ${issues.length - 10} more` : ''})`,
      issues,
    );
  }

  const applicants = rows.map((r) => r.applicant);
  const matrix = extractFeatureMatrix(applicants);
  const width = matrix.names.length;
  const columns: Column[] = FEATURE_CATALOGUE.map((d, j) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = matrix.values[i * width + j];
    return { name: d.name, type: 'numeric' as const, values };
  });
  const dates = new Float64Array(n);
  for (let i = 0; i < n; i++) dates[i] = dayNumber(applicants[i].asOf);
  columns.push({ name: AS_OF_COLUMN, type: 'date', values: dates });

  const metadata: Record<string, { description: string; reasonCode: string; reasonText: string; missingReasonCode?: string; missingReasonText?: string; riskDirection: 'increasing' | 'decreasing' | 'none'; isProtected: boolean }> = {};
  for (const d of FEATURE_CATALOGUE) {
    metadata[d.name] = { description: d.description, reasonCode: d.reasonCode, reasonText: d.reasonText, riskDirection: d.riskDirection, isProtected: d.isProtected };
    if (d.missingReasonCode !== undefined && d.missingReasonText !== undefined) Object.assign(metadata[d.name], { missingReasonCode: d.missingReasonCode, missingReasonText: d.missingReasonText });
  }
  return target === undefined ? { rows: n, columns, dateColumn: AS_OF_COLUMN, metadata } : { rows: n, columns, target, dateColumn: AS_OF_COLUMN, metadata };
}
