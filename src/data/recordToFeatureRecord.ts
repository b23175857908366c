import { InvalidInputError, type Issue } from '../errors.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import { categoryIndex } from '../scorers/encodeFeatures.js';
import type { FeatureRecord } from '../types.js';
import { parseBooleanText, parseDateText, parseNumberText } from './_lib/cells.js';

/**
 * Converts a raw text record (a row from {@link readRows}) into the {@link FeatureRecord} a scorer
 * takes, keeping only the specs' features: the bridge between a table file and `scorer.score`.
 *
 * Numeric features: decimal text -> number; also, as {@link readTable} infers them, true/false/yes/no
 * -> 1/0 and `YYYY-MM-DD` -> day number; `null` or an absent key -> `null` (missing). Categorical
 * features: the text as it is; when the text is not in the spec's dictionary but its numeric value's
 * text is (`'01'` for category `'1'`), that category. Other columns (the target, IDs) are ignored.
 * Cost: O(features).
 *
 * @param record - column name -> raw text, `null` = missing
 * @param specs - the model's features
 * @returns the feature record, one key per spec
 * @throws {@link InvalidInputError} with one issue per numeric feature holding non-numeric text
 * (code `invalid_type`, path `[column]`); the message names the columns, never their values
 * @category Data
 * @example
 * const specs: FeatureSpec[] = [
 *   { name: 'income', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'Income', riskDirection: 'decreasing', isProtected: false },
 *   { name: 'purpose', type: 'categorical', categories: ['car', 'home'], description: '', reasonCode: 'RC09', reasonText: 'Purpose', riskDirection: 'none', isProtected: false },
 * ];
 * recordToFeatureRecord({ id: 'A-17', income: '52000', purpose: 'car', bad: '0' }, specs);
 * //=> { income: 52000, purpose: 'car' }
 * recordToFeatureRecord({ income: null, purpose: 'boat' }, specs);
 * //=> { income: null, purpose: 'boat' }
 */
export function recordToFeatureRecord(record: Readonly<Record<string, string | null | undefined>>, specs: readonly FeatureSpec[]): FeatureRecord {
  const out: Record<string, number | string | null> = {};
  let issues: Issue[] | undefined;
  for (const spec of specs) {
    const text = Object.hasOwn(record, spec.name) ? record[spec.name] : undefined;
    if (text === null || text === undefined) {
      out[spec.name] = null;
    } else if (spec.type === 'numeric') {
      let v = parseNumberText(text);
      if (v !== v) v = parseBooleanText(text);
      if (v !== v) v = parseDateText(text);
      if (v !== v) {
        (issues ??= []).push({ code: 'invalid_type', path: [spec.name], message: 'expected a number' });
        continue;
      }
      out[spec.name] = v;
    } else if (categoryIndex(spec, text) >= 0) {
      out[spec.name] = text;
    } else {
      const v = parseNumberText(text);
      out[spec.name] = v === v && categoryIndex(spec, String(v)) >= 0 ? String(v) : text;
    }
  }
  if (issues !== undefined) {
    throw new InvalidInputError(`recordToFeatureRecord: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues.map((i) => `${i.path[0]}: ${i.message}`).join('; ')})`, issues);
  }
  return out;
}
