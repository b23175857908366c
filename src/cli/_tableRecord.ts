/**
 * A flat JSON object (a JSON Lines table row, or `explain --row`'s feature record) as the text
 * record a CSV row would give, read as `train` reads a JSON Lines table (readTable): numbers and
 * booleans become their text, strings that are missing tokens become `null`, absent keys stay
 * absent. `recordToFeatureRecord` then converts it exactly as a CSV row, so `"yes"`, `"52000"` and
 * `"NA"` mean what they meant in training.
 */
import { CreditScoreError, InvalidInputError } from '../errors.js';

/**
 * @param at - where the row comes from, for messages (`line 12`, `--row`)
 * @throws InvalidInputError when a model column holds a nested value, or none is present
 */
export function flatTextRecord(value: unknown, names: readonly string[], isMissing: (cell: string) => boolean, at: string): Record<string, string | null> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CreditScoreError('invalid_input', `${at}: a row must be a JSON object`, [{ code: 'unreadable_row', path: [], message: 'a row must be a JSON object' }]);
  }
  const o = value as Record<string, unknown>;
  const out: Record<string, string | null> = {};
  let found = 0;
  for (const n of names) {
    if (!Object.hasOwn(o, n)) continue;
    found++;
    const v = o[n];
    if (v === null) out[n] = null;
    else if (typeof v === 'string') out[n] = isMissing(v) ? null : v;
    else if (typeof v === 'number') out[n] = String(v);
    else if (typeof v === 'boolean') out[n] = v ? 'true' : 'false';
    else throw new InvalidInputError(`${at}: ${n} must be a number, a string, a boolean or null`, [{ code: 'invalid_type', path: [n], message: 'expected a number, a string, a boolean or null' }]);
  }
  if (found === 0) {
    throw new CreditScoreError('invalid_input', `${at}: the row has none of the model's feature columns`, [
      { code: 'missing_feature', path: [], message: "none of the model's feature columns is present" },
    ]);
  }
  return out;
}
