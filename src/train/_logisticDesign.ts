/**
 * The logistic trainer's design matrix: how each feature becomes columns (clipped and standardised
 * numeric value plus a missing indicator; one-hot levels with pooled rare categories and a missing
 * level), and how fitted coefficients become artifact terms. Private to src/train (trainLogistic and
 * the solver benchmarks).
 *
 * @module
 */
import type { CategoricalColumn, Column, Dataset, NumericColumn } from '../data/Dataset.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { LogisticTerm } from '../schema/artifacts/logistic.js';
import type { FeatureMatrix } from '../types.js';

/** How one feature maps to columns of the design matrix (filled before the fit, read after). */
export type TermPlan =
  | {
      type: 'numeric';
      spec: FeatureSpec;
      column: NumericColumn;
      lower: number;
      upper: number;
      center: number;
      scale: number;
      /** Design column of the standardised value, -1 when the present values are constant. */
      valueIndex: number;
      /** Design column of the missing indicator, -1 when training had no missing value. */
      missingIndex: number;
    }
  | {
      type: 'categorical';
      spec: FeatureSpec;
      column: CategoricalColumn;
      /** Per category of the dictionary: its level id (own level, or the pooled level for rare categories; -1 = none). */
      levelOfCategory: Int32Array;
      /** Per level: design column, or -1 for the reference level (l2 = 0) — coefficient 0. */
      levelIndex: number[];
      /** Level id of the pooled rare categories, -1 when there is none. */
      pooledLevel: number;
      /** Level id of "missing", -1 when training had no missing value. */
      missingLevel: number;
    };

/** Design-matrix settings (already validated by the caller). */
export interface LogisticDesignOptions {
  l2: number;
  lowPercentile: number;
  highPercentile: number;
  minCategoryCount: number;
}

/**
 * Plans and fills the design matrix for `specs` (columns of `dataset` by name). Constant or empty
 * features are left out and listed in `dropped`. O(n·log n) per numeric feature, O(n·p) to fill.
 */
export function buildLogisticDesign(
  dataset: Dataset,
  specs: readonly FeatureSpec[],
  options: LogisticDesignOptions,
): { matrix: FeatureMatrix; plans: TermPlan[]; dropped: { feature: string; reason: string }[] } {
  const byName = new Map<string, Column>(dataset.columns.map((c) => [c.name, c]));
  const plans: TermPlan[] = [];
  const dropped: { feature: string; reason: string }[] = [];
  const names: string[] = [];
  for (const spec of specs) {
    const column = byName.get(spec.name) as Column;
    if (column.type === 'categorical') {
      const plan = planCategorical(spec, column, options.minCategoryCount, options.l2, names);
      if (plan === undefined) dropped.push({ feature: spec.name, reason: 'constant: a single category (and no missing value) in training' });
      else plans.push(plan);
    } else {
      const plan = planNumeric(spec, column, options.lowPercentile, options.highPercentile, names);
      if (typeof plan === 'string') dropped.push({ feature: spec.name, reason: plan });
      else plans.push(plan);
    }
  }
  const n = dataset.rows;
  const p = names.length;
  const values = new Float64Array(n * p);
  for (const plan of plans) fillDesign(plan, values, n, p);
  return { matrix: { names, rows: n, values }, plans, dropped };
}

/** Percentile (0..100) of sorted values by linear interpolation between order statistics (type 7, numpy's default). */
function percentile(sorted: Float64Array, q: number): number {
  const h = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function planNumeric(spec: FeatureSpec, column: NumericColumn, lowPercentile: number, highPercentile: number, designNames: string[]): TermPlan | string {
  const v = column.values;
  let present = 0;
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) present++;
  if (present === 0) return 'empty: every value is missing in training';
  const sorted = new Float64Array(present);
  for (let i = 0, k = 0; i < v.length; i++) if (!Number.isNaN(v[i])) sorted[k++] = v[i];
  sorted.sort();
  const lower = percentile(sorted, lowPercentile);
  const upper = percentile(sorted, highPercentile);
  let sum = 0;
  for (let k = 0; k < present; k++) sum += Math.min(upper, Math.max(lower, sorted[k]));
  const center = sum / present;
  let squares = 0;
  for (let k = 0; k < present; k++) squares += (Math.min(upper, Math.max(lower, sorted[k])) - center) ** 2;
  const sd = Math.sqrt(squares / present);
  const isConstant = !(sd > 1e-12 * Math.max(1, Math.abs(center)));
  const hasMissing = present < v.length;
  if (isConstant && !hasMissing) return 'constant: a single value (and no missing value) in training';
  let valueIndex = -1;
  let missingIndex = -1;
  if (!isConstant) {
    valueIndex = designNames.length;
    designNames.push(spec.name);
  }
  if (hasMissing) {
    missingIndex = designNames.length;
    designNames.push(`${spec.name}:missing`);
  }
  return { type: 'numeric', spec, column, lower, upper, center, scale: isConstant ? 1 : sd, valueIndex, missingIndex };
}

function planCategorical(spec: FeatureSpec, column: CategoricalColumn, minCategoryCount: number, l2: number, designNames: string[]): TermPlan | undefined {
  const k = column.categories.length;
  const counts = new Float64Array(k);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  // Levels: frequent categories in dictionary order, then the pooled rare ones, then missing.
  const levelOfCategory = new Int32Array(k).fill(-1);
  const levelCounts: number[] = [];
  const levelNames: string[] = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] >= minCategoryCount) {
      levelOfCategory[c] = levelCounts.length;
      levelCounts.push(counts[c]);
      levelNames.push(`${spec.name}=${column.categories[c]}`);
    }
  }
  let pooledCount = 0;
  for (let c = 0; c < k; c++) if (counts[c] < minCategoryCount) pooledCount += counts[c];
  let pooledLevel = -1;
  if (pooledCount > 0) {
    pooledLevel = levelCounts.length;
    for (let c = 0; c < k; c++) if (counts[c] < minCategoryCount) levelOfCategory[c] = pooledLevel;
    levelCounts.push(pooledCount);
    levelNames.push(`${spec.name}:other`);
  }
  let missingLevel = -1;
  if (missing > 0) {
    missingLevel = levelCounts.length;
    levelCounts.push(missing);
    levelNames.push(`${spec.name}:missing`);
  }
  if (levelCounts.length < 2) return undefined;
  // Unpenalised: the most frequent level (first on ties) is the reference, else full one-hot.
  let reference = -1;
  if (l2 === 0) {
    reference = 0;
    for (let l = 1; l < levelCounts.length; l++) if (levelCounts[l] > levelCounts[reference]) reference = l;
  }
  const levelIndex = levelNames.map((name, l) => {
    if (l === reference) return -1;
    designNames.push(name);
    return designNames.length - 1;
  });
  return { type: 'categorical', spec, column, levelOfCategory, levelIndex, pooledLevel, missingLevel };
}

function fillDesign(plan: TermPlan, values: Float64Array, n: number, p: number): void {
  if (plan.type === 'numeric') {
    const v = plan.column.values;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (Number.isNaN(x)) {
        if (plan.missingIndex >= 0) values[i * p + plan.missingIndex] = 1;
      } else if (plan.valueIndex >= 0) {
        values[i * p + plan.valueIndex] = (Math.min(plan.upper, Math.max(plan.lower, x)) - plan.center) / plan.scale;
      }
    }
  } else {
    const codes = plan.column.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const level = c < 0 ? plan.missingLevel : plan.levelOfCategory[c];
      const index = plan.levelIndex[level];
      if (index >= 0) values[i * p + index] = 1;
    }
  }
}

export function logisticTermOf(plan: TermPlan, coefficients: Float64Array): LogisticTerm {
  if (plan.type === 'numeric') {
    const coefficient = plan.valueIndex >= 0 ? coefficients[plan.valueIndex] : 0;
    // Same expression as the scorer's, so a value at the best end has an impact of exactly 0.
    const atLower = (coefficient * (plan.lower - plan.center)) / plan.scale;
    const atUpper = (coefficient * (plan.upper - plan.center)) / plan.scale;
    const missingCoefficient = plan.missingIndex >= 0 ? coefficients[plan.missingIndex] : Math.max(atLower, atUpper);
    return {
      type: 'numeric',
      center: plan.center,
      scale: plan.scale,
      lower: plan.lower,
      upper: plan.upper,
      coefficient,
      missingCoefficient,
      bestContribution: Math.min(atLower, atUpper, missingCoefficient),
    };
  }
  const levelCoefficient = plan.levelIndex.map((index) => (index >= 0 ? coefficients[index] : 0));
  const riskiestLearned = Math.max(...levelCoefficient);
  const unseenCoefficient = plan.pooledLevel >= 0 ? levelCoefficient[plan.pooledLevel] : riskiestLearned;
  const missingCoefficient = plan.missingLevel >= 0 ? levelCoefficient[plan.missingLevel] : riskiestLearned;
  const categoryCoefficients = Array.from(plan.levelOfCategory, (level) => (level >= 0 ? levelCoefficient[level] : unseenCoefficient));
  return {
    type: 'categorical',
    coefficients: categoryCoefficients,
    missingCoefficient,
    unseenCoefficient,
    bestContribution: Math.min(...categoryCoefficients, missingCoefficient, unseenCoefficient),
  };
}
