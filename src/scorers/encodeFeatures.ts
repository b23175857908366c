import { InvalidInputError, type Issue } from '../errors.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { FeatureRecord, FeatureVector } from '../types.js';

/**
 * Encodes one feature record or vector into the dense row a model reads, aligned with `specs`:
 * numbers stay numbers, categories become their index in the spec's dictionary (`-1` = unseen),
 * `null`/absent become `NaN` (missing). Writes into `out` when given (no allocation).
 *
 * Rules: a numeric feature must be a finite number or `null`; a categorical one a string (a finite
 * number is read as its decimal text) or `null`; a record key the model does not know is an
 * `unknown_feature` issue (a typo must not silently become "missing"). A vector is matched by name.
 *
 * @throws {@link InvalidInputError} listing every issue with the feature name as path
 * @category Scoring
 * @example
 * const specs = [
 *   { name: 'util', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'x', riskDirection: 'increasing', isProtected: false },
 *   { name: 'purpose', type: 'categorical', categories: ['auto', 'other'], description: '', reasonCode: 'RC09', reasonText: 'y', riskDirection: 'none', isProtected: false },
 * ] as const;
 * encodeFeatures(specs, { util: 0.4, purpose: 'boat' }); //=> Float64Array [0.4, -1]
 */
export function encodeFeatures(
  specs: readonly FeatureSpec[],
  x: FeatureRecord | FeatureVector,
  out: Float64Array = new Float64Array(specs.length),
  where = 'score',
): Float64Array {
  const issues: Issue[] = [];
  if (isFeatureVector(x)) {
    if (x.names.length !== x.values.length) {
      throw new InvalidInputError(`${where}: feature vector has ${x.names.length} names and ${x.values.length} values`, [
        { code: 'length_mismatch', path: ['values'], message: 'names and values differ in length' },
      ]);
    }
    const sameOrder = x.names.length === specs.length && specs.every((s, j) => s.name === x.names[j]);
    if (sameOrder) {
      for (let j = 0; j < specs.length; j++) {
        const v = x.values[j];
        if (Number.isNaN(v)) out[j] = Number.NaN;
        else if (!Number.isFinite(v)) issues.push({ code: 'not_finite', path: [specs[j].name], message: 'must be a finite number or NaN for missing' });
        else if (specs[j].type === 'categorical' && !isCategoryIndex(v, specs[j])) issues.push({ code: 'invalid_category_index', path: [specs[j].name], message: 'must be a category index of the model or -1 for unseen' });
        else out[j] = v;
      }
    } else {
      // by name, the first occurrence of a repeated name (as predict reads a matrix's columns)
      const record = new Map<string, number | null>();
      for (let j = 0; j < x.names.length; j++) if (!record.has(x.names[j])) record.set(x.names[j], Number.isNaN(x.values[j]) ? null : x.values[j]);
      const missing = specs.filter((s) => !record.has(s.name));
      for (const s of missing) issues.push({ code: 'missing_feature', path: [s.name], message: 'feature vector lacks this model feature' });
      if (issues.length === 0) {
        for (let j = 0; j < specs.length; j++) {
          const v = record.get(specs[j].name) as number | null;
          if (v === null) out[j] = Number.NaN;
          else if (!Number.isFinite(v)) issues.push({ code: 'not_finite', path: [specs[j].name], message: 'must be a finite number or NaN for missing' });
          else if (specs[j].type === 'categorical' && !isCategoryIndex(v, specs[j])) issues.push({ code: 'invalid_category_index', path: [specs[j].name], message: 'must be a category index of the model or -1 for unseen' });
          else out[j] = v;
        }
      }
    }
  } else {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) {
      throw new InvalidInputError(`${where}: expected a feature record object`, [{ code: 'invalid_type', path: [], message: 'expected an object' }]);
    }
    const known = new Set(specs.map((s) => s.name));
    for (const key of Object.keys(x)) {
      if (!known.has(key)) issues.push({ code: 'unknown_feature', path: [key], message: 'not a feature of this model' });
    }
    for (let j = 0; j < specs.length; j++) {
      const spec = specs[j];
      const v = x[spec.name];
      if (v === null || v === undefined) {
        out[j] = Number.NaN;
      } else if (spec.type === 'numeric') {
        if (typeof v !== 'number') issues.push({ code: 'invalid_type', path: [spec.name], message: 'expected a number or null' });
        else if (!Number.isFinite(v)) issues.push({ code: 'not_finite', path: [spec.name], message: 'must be a finite number (use null for missing)' });
        else out[j] = v;
      } else {
        let text: string | undefined;
        if (typeof v === 'string') text = v;
        else if (typeof v === 'number' && Number.isFinite(v)) text = String(v);
        if (text === undefined) issues.push({ code: 'invalid_type', path: [spec.name], message: 'expected a category string or null' });
        else out[j] = categoryIndex(spec, text);
      }
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(
      `${where}: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues
        .slice(0, 10)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')})`,
      issues,
    );
  }
  return out;
}

const indexCache = new WeakMap<FeatureSpec, Map<string, number>>();

/** Index of `text` in the spec's dictionary, `-1` when unseen. O(1) after the first call per spec. */
export function categoryIndex(spec: FeatureSpec, text: string): number {
  let map = indexCache.get(spec);
  if (map === undefined) {
    map = new Map((spec.categories ?? []).map((c, i) => [c, i]));
    indexCache.set(spec, map);
  }
  return map.get(text) ?? -1;
}

/** The applicant-facing value of an encoded feature: number, category text, or `null` when missing. */
export function decodeFeatureValue(spec: FeatureSpec, v: number): number | string | null {
  if (Number.isNaN(v)) return null;
  if (spec.type === 'categorical') return v >= 0 ? (spec.categories?.[v] ?? null) : '(unseen)';
  return v;
}

function isCategoryIndex(v: number, spec: FeatureSpec): boolean {
  return Number.isInteger(v) && v >= -1 && v < (spec.categories?.length ?? 0);
}

function isFeatureVector(x: FeatureRecord | FeatureVector): x is FeatureVector {
  return typeof x === 'object' && x !== null && 'values' in x && x.values instanceof Float64Array && 'names' in x && Array.isArray(x.names);
}
