import type { CategoricalColumn, NumericColumn } from '../data/Dataset.js';
import { InvalidOptionsError, type Issue } from '../errors.js';
import { bandOf, resolveCutPoints } from './_bands.js';
import { checkSameLength, checkWeights, requireArrayLike, requireRows, throwIssues } from './_inputs.js';
import { intervalLabel, resolvePseudoCount, stabilityFromCounts } from './_stability.js';
import type { StabilityBin } from './populationStabilityIndex.js';
import type { StabilityLevel, StabilityThresholds } from './stabilityLevel.js';

/**
 * Values of one characteristic: numbers (NaN, null or undefined = missing), categories
 * (null, undefined or NaN = missing), or a Dataset column (a categorical column's codes are mapped to
 * their category text, −1 = missing, so two datasets with different dictionaries compare correctly).
 *
 * @category Metrics
 * @example
 * const numeric: CharacteristicValues = Float64Array.of(0.2, NaN, 0.7);
 * const categorical: CharacteristicValues = ['rent', 'own', null];
 */
export type CharacteristicValues = ArrayLike<number> | ArrayLike<string | number | null | undefined> | NumericColumn | CategoricalColumn;

/**
 * Options of {@link characteristicStabilityIndex}.
 *
 * @category Metrics
 * @example
 * const options: CharacteristicStabilityIndexOptions = { type: 'categorical' };
 */
export interface CharacteristicStabilityIndexOptions {
  /** How to bin the values. @defaultValue the column's type; for arrays 'numeric' when every value is a number, null or undefined, else 'categorical' */
  type?: 'numeric' | 'categorical';
  /** Numeric only: quantile bins of the reference's non-missing values, or explicit interior cut points (as in {@link populationStabilityIndex}). @defaultValue 10 */
  bins?: number | readonly number[];
  /** Non-negative weights of the reference rows. @defaultValue all 1 */
  referenceWeights?: ArrayLike<number>;
  /** Non-negative weights of the current rows. @defaultValue all 1 */
  currentWeights?: ArrayLike<number>;
  /** Added to every bin's count in both samples when some bin is empty in one of them. @defaultValue 0.5 */
  pseudoCount?: number;
  /** Level thresholds. @defaultValue {@link STABILITY_THRESHOLDS} (0.10 / 0.25) */
  thresholds?: StabilityThresholds;
}

/**
 * Result of {@link characteristicStabilityIndex}.
 *
 * @category Metrics
 * @example
 * const r: CharacteristicStabilityIndexResult = { csi: 0.01, level: 'stable', isSmoothed: false, type: 'categorical', bins: [] };
 */
export interface CharacteristicStabilityIndexResult {
  /** Σ_k (c_k − r_k) · ln(c_k / r_k) over the characteristic's bins. */
  csi: number;
  /** stable / moderate / significant under the thresholds. */
  level: StabilityLevel;
  /** True when some bin was empty in one sample and the pseudo-count was added. */
  isSmoothed: boolean;
  /** How the values were binned. */
  type: 'numeric' | 'categorical';
  /** Per-bin counts, shares and contributions: numeric bins lowest first, categories sorted, missing last. */
  bins: StabilityBin[];
}

type Key = string | number;

function isColumn(v: unknown): v is NumericColumn | CategoricalColumn {
  return typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && 'type' in v && ('values' in v || 'codes' in v);
}

function isMissingValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** Numeric view: Float64Array with NaN = missing; throws on non-numbers and infinities. */
function numericValues(where: string, name: string, input: CharacteristicValues): Float64Array {
  if (isColumn(input)) {
    if (input.type === 'categorical') throwIssues(where, [{ code: 'invalid_type', path: [name], message: 'is a categorical column but type is numeric' }]);
    return (input as NumericColumn).values;
  }
  const n = requireArrayLike(where, name, input);
  const out = new Float64Array(n);
  const issues: Issue[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = (input as ArrayLike<unknown>)[i];
    if (isMissingValue(v)) out[i] = Number.NaN;
    else if (typeof v === 'number' && Number.isFinite(v)) out[i] = v;
    else {
      total++;
      if (issues.length < 20) issues.push({ code: 'not_finite', path: [name, i], message: `must be a finite number or missing (NaN, null), received ${typeof v === 'number' ? String(v) : typeof v}` });
    }
  }
  if (total > 0) throwIssues(where, issues, total);
  return out;
}

/** Categorical view: category keys with null = missing. */
function categoricalValues(where: string, name: string, input: CharacteristicValues): (Key | null)[] {
  if (isColumn(input)) {
    if (input.type !== 'categorical') return Array.from((input as NumericColumn).values, (v) => (Number.isNaN(v) ? null : v));
    const { codes, categories } = input as CategoricalColumn;
    const issues: Issue[] = [];
    const out = Array.from(codes, (c, i) => {
      if (c === -1) return null;
      if (!(c >= 0 && c < categories.length)) issues.push({ code: 'invalid_code', path: [name, 'codes', i], message: `must be -1 or an index into categories, received ${c}` });
      return categories[c] ?? null;
    });
    if (issues.length > 0) throwIssues(where, issues.slice(0, 20), issues.length);
    return out;
  }
  const n = requireArrayLike(where, name, input);
  const out: (Key | null)[] = new Array(n);
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    const v = (input as ArrayLike<unknown>)[i];
    if (isMissingValue(v)) out[i] = null;
    else if (typeof v === 'string' || typeof v === 'number') out[i] = v;
    else issues.push({ code: 'invalid_type', path: [name, i], message: `must be a string, a number or missing (null), received ${typeof v}` });
  }
  if (issues.length > 0) throwIssues(where, issues.slice(0, 20), issues.length);
  return out;
}

function inferType(reference: CharacteristicValues, current: CharacteristicValues): 'numeric' | 'categorical' {
  for (const input of [reference, current]) {
    if (isColumn(input)) return input.type === 'categorical' ? 'categorical' : 'numeric';
  }
  for (const input of [reference, current]) {
    if (ArrayBuffer.isView(input)) continue;
    const list = input as ArrayLike<unknown>;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (!(typeof v === 'number' || v === null || v === undefined)) return 'categorical';
    }
  }
  return 'numeric';
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Characteristic stability index: the PSI formula applied to one characteristic (a model input)
 * instead of the score, `CSI = Σ_k (c_k − r_k) · ln(c_k / r_k)` over the characteristic's bins, with
 * the per-bin contributions that show which values moved. Numeric characteristics are binned like
 * {@link populationStabilityIndex} (reference deciles of the non-missing values, or explicit cut
 * points) plus a bin for missing values; categorical characteristics get one bin per category seen in
 * either sample (sorted: numbers ascending, then strings) plus missing. Empty-bin smoothing, levels and
 * weights are as in {@link populationStabilityIndex} (add 0.5 to every bin when one is empty; stable
 * < 0.10 ≤ moderate < 0.25 ≤ significant).
 *
 * Note: this is the distribution-shift reading of CSI used in model monitoring. The older scorecard
 * "characteristic analysis" Σ_k (c_k − r_k) · points_k (score shift caused by the characteristic) can
 * be computed from the returned shares and the scorecard's points. Runs in O((n + m) log n).
 *
 * @param reference - reference values of the characteristic (array or Dataset column)
 * @param current - current values (array or Dataset column)
 * @param options - type, bins, weights, smoothing and thresholds, see {@link CharacteristicStabilityIndexOptions}
 * @returns `{ csi, level, isSmoothed, type, bins }`
 * @throws {@link InvalidInputError} on non-finite numbers (other than NaN = missing), values of the wrong kind, bad weights or length mismatches
 * @throws {@link InvalidOptionsError} on invalid bins, pseudo-count or thresholds
 * @throws {@link InsufficientDataError} when either sample is empty
 * @category Metrics
 * @example
 * const reference = ['rent', 'rent', 'own', 'own', 'own', null];
 * const current = ['rent', 'rent', 'rent', 'own', 'own', null];
 * const r = characteristicStabilityIndex(reference, current);
 * r.bins.map((b) => b.label); //=> ['own', 'rent', 'missing']
 * r.csi; //=> 0.1352
 */
export function characteristicStabilityIndex(
  reference: CharacteristicValues,
  current: CharacteristicValues,
  options: CharacteristicStabilityIndexOptions = {},
): CharacteristicStabilityIndexResult {
  const where = 'characteristicStabilityIndex';
  const type = options.type ?? inferType(reference, current);
  if (type !== 'numeric' && type !== 'categorical') {
    throw new InvalidOptionsError(`${where}: type must be 'numeric' or 'categorical', received ${String(type)}`, [
      { code: 'invalid_value', path: ['type'], message: "must be 'numeric' or 'categorical'" },
    ]);
  }
  const referenceLength = requireArrayLike(where, 'reference', isColumn(reference) ? ('values' in reference ? reference.values : reference.codes) : reference);
  const currentLength = requireArrayLike(where, 'current', isColumn(current) ? ('values' in current ? current.values : current.codes) : current);
  const { referenceWeights, currentWeights } = options;
  if (referenceWeights !== undefined) checkSameLength(where, 'reference', referenceLength, 'referenceWeights', referenceWeights);
  if (currentWeights !== undefined) checkSameLength(where, 'current', currentLength, 'currentWeights', currentWeights);
  if (referenceWeights !== undefined) checkWeights(where, 'referenceWeights', referenceWeights);
  if (currentWeights !== undefined) checkWeights(where, 'currentWeights', currentWeights);
  const pseudoCount = resolvePseudoCount(where, options.pseudoCount);
  const weightOf = (weights: ArrayLike<number> | undefined, i: number): number => (weights === undefined ? 1 : weights[i]);

  if (type === 'numeric') {
    const ref = numericValues(where, 'reference', reference);
    const cur = numericValues(where, 'current', current);
    requireRows(where, 'reference', ref.length);
    requireRows(where, 'current', cur.length);
    const present: number[] = [];
    const presentWeights: number[] = [];
    for (let i = 0; i < ref.length; i++) {
      if (!Number.isNaN(ref[i])) {
        present.push(ref[i]);
        presentWeights.push(weightOf(referenceWeights, i));
      }
    }
    const { cuts } = resolveCutPoints(where, 'bins', options.bins, 10, present, referenceWeights === undefined ? undefined : presentWeights);
    const k = cuts.length + 2; // + missing
    const referenceCounts = new Float64Array(k);
    const currentCounts = new Float64Array(k);
    for (let i = 0; i < ref.length; i++) referenceCounts[Number.isNaN(ref[i]) ? k - 1 : bandOf(cuts, ref[i])] += weightOf(referenceWeights, i);
    for (let i = 0; i < cur.length; i++) currentCounts[Number.isNaN(cur[i]) ? k - 1 : bandOf(cuts, cur[i])] += weightOf(currentWeights, i);
    const labels = Array.from({ length: k }, (_, b) => {
      if (b === k - 1) return { label: 'missing', lower: null, upper: null, category: null, isMissing: true };
      const lower = b === 0 ? null : cuts[b - 1];
      const upper = b === k - 2 ? null : cuts[b];
      return { label: intervalLabel(lower, upper), lower, upper, category: null, isMissing: false };
    });
    const core = stabilityFromCounts({ labels, reference: referenceCounts, current: currentCounts }, pseudoCount, options.thresholds);
    return { csi: core.index, level: core.level, isSmoothed: core.isSmoothed, type, bins: core.bins };
  }

  const ref = categoricalValues(where, 'reference', reference);
  const cur = categoricalValues(where, 'current', current);
  requireRows(where, 'reference', ref.length);
  requireRows(where, 'current', cur.length);
  const keys = new Set<Key>();
  for (const v of ref) if (v !== null) keys.add(v);
  for (const v of cur) if (v !== null) keys.add(v);
  const sorted = [...keys].sort(compareKeys);
  const index = new Map<Key, number>(sorted.map((key, i) => [key, i]));
  const k = sorted.length + 1;
  const referenceCounts = new Float64Array(k);
  const currentCounts = new Float64Array(k);
  ref.forEach((v, i) => {
    referenceCounts[v === null ? k - 1 : (index.get(v) as number)] += weightOf(referenceWeights, i);
  });
  cur.forEach((v, i) => {
    currentCounts[v === null ? k - 1 : (index.get(v) as number)] += weightOf(currentWeights, i);
  });
  const labels = [
    ...sorted.map((key) => ({ label: String(key), lower: null, upper: null, category: key, isMissing: false })),
    { label: 'missing', lower: null, upper: null, category: null, isMissing: true },
  ];
  const core = stabilityFromCounts({ labels, reference: referenceCounts, current: currentCounts }, pseudoCount, options.thresholds);
  return { csi: core.index, level: core.level, isSmoothed: core.isSmoothed, type, bins: core.bins };
}
