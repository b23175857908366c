/**
 * Seeded synthetic data and a hand-written test Scorer for the backtest tests: a logistic model on
 * two numeric features and one categorical feature, with a valid logistic artifact.
 */
import { createRandom } from '../../src/_lib/random.js';
import type { Dataset } from '../../src/data/index.js';
import type { FeatureSpec, ModelArtifact } from '../../src/schema/index.js';
import { DEFAULT_SCALING, scoreFromProbability, sigmoid } from '../../src/scaling/index.js';
import type { FeatureMatrix, FeatureRecord, FeatureVector, ScoreResult, Scorer } from '../../src/types.js';

export const SPECS: FeatureSpec[] = [
  { name: 'utilization', type: 'numeric', description: 'Revolving utilisation', reasonCode: 'RC01', reasonText: 'High utilisation', riskDirection: 'increasing', isProtected: false },
  { name: 'inquiries', type: 'numeric', description: 'Recent inquiries', reasonCode: 'RC02', reasonText: 'Too many inquiries', riskDirection: 'increasing', isProtected: false },
  { name: 'housing', type: 'categorical', categories: ['own', 'rent', 'other'], description: 'Housing', reasonCode: 'RC03', reasonText: 'Housing', riskDirection: 'none', isProtected: false },
];

/** A logistic test scorer: log-odds = intercept + a·utilization + b·inquiries + housing effect; missing → 0. */
export function testScorer(id: string, coefficients: { intercept: number; utilization: number; inquiries: number; housing: [number, number, number] }): Scorer {
  const artifact: ModelArtifact = {
    format: 'credit-scoring/model',
    schemaVersion: 1,
    id,
    features: SPECS,
    scaling: { ...DEFAULT_SCALING },
    kind: 'logistic',
    model: {
      intercept: coefficients.intercept,
      terms: [
        { type: 'numeric', center: 0, scale: 1, lower: -1e9, upper: 1e9, coefficient: coefficients.utilization, missingCoefficient: 0, bestContribution: 0 },
        { type: 'numeric', center: 0, scale: 1, lower: -1e9, upper: 1e9, coefficient: coefficients.inquiries, missingCoefficient: 0, bestContribution: 0 },
        { type: 'categorical', coefficients: coefficients.housing, missingCoefficient: 0, unseenCoefficient: 0, bestContribution: 0 },
      ],
    },
  };
  const logOdds = (u: number, q: number, h: number): number =>
    coefficients.intercept +
    (Number.isNaN(u) ? 0 : coefficients.utilization * u) +
    (Number.isNaN(q) ? 0 : coefficients.inquiries * q) +
    (h >= 0 ? coefficients.housing[h] : 0);
  return {
    id,
    featureNames: SPECS.map((s) => s.name),
    predict(m: FeatureMatrix): Float64Array {
      const out = new Float64Array(m.rows);
      for (let i = 0; i < m.rows; i++) out[i] = sigmoid(logOdds(m.values[i * 3], m.values[i * 3 + 1], m.values[i * 3 + 2]));
      return out;
    },
    score(_x: FeatureRecord | FeatureVector): ScoreResult {
      const pd = 0.5;
      return { score: scoreFromProbability(pd, DEFAULT_SCALING), probabilityOfDefault: pd, reasonCodes: [], modelId: id };
    },
    toArtifact: () => artifact,
  };
}

export const CHAMPION = { intercept: -4, utilization: 2.2, inquiries: 0.35, housing: [-0.3, 0.25, 0.1] as [number, number, number] };
export const CHALLENGER = { intercept: -4.2, utilization: 2.6, inquiries: 0.3, housing: [-0.35, 0.3, 0.05] as [number, number, number] };

/**
 * n rows of seeded data: utilization, inquiries, housing, a date (day numbers over 2021–2023) and a
 * label drawn from a "true" model close to the champion.
 */
export function syntheticDataset(n: number, seed: number, options: { weights?: boolean; shift?: number } = {}): Dataset {
  const random = createRandom(seed);
  const utilization = new Float64Array(n);
  const inquiries = new Float64Array(n);
  const housing = new Int32Array(n);
  const dates = new Float64Array(n);
  const target = new Uint8Array(n);
  const weights = options.weights ? new Float64Array(n) : undefined;
  const start = Date.UTC(2021, 0, 1) / 86_400_000;
  for (let i = 0; i < n; i++) {
    utilization[i] = random.next() < 0.03 ? Number.NaN : Math.min(1.5, Math.max(0, 0.35 + 0.3 * random.normal() + (options.shift ?? 0)));
    inquiries[i] = Math.floor(-Math.log(1 - random.next()) * 1.5);
    const h = random.next();
    housing[i] = h < 0.02 ? -1 : h < 0.5 ? 0 : h < 0.9 ? 1 : 2;
    dates[i] = start + Math.floor(random.next() * 1095);
    const trueLogOdds = -4.1 + 2.4 * (Number.isNaN(utilization[i]) ? 0.4 : utilization[i]) + 0.33 * inquiries[i] + (housing[i] === 1 ? 0.3 : housing[i] === 0 ? -0.3 : 0) + 0.4 * random.normal();
    target[i] = random.next() < sigmoid(trueLogOdds) ? 1 : 0;
    if (weights) weights[i] = 0.5 + random.next() * 2;
  }
  return {
    rows: n,
    columns: [
      { name: 'utilization', type: 'numeric', values: utilization },
      { name: 'inquiries', type: 'numeric', values: inquiries },
      { name: 'housing', type: 'categorical', codes: housing, categories: ['own', 'rent', 'other'] },
      { name: 'opened', type: 'date', values: dates },
    ],
    target,
    weights,
    dateColumn: 'opened',
  };
}
