import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { DEFAULT_SCALING, scalingConstants, sigmoid } from '../../src/scaling/scaling.js';
import type { LogisticArtifact } from '../../src/schema/artifacts/logistic.js';
import { LogisticScorer } from '../../src/scorers/LogisticScorer.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { trainLogistic } from '../../src/train/trainLogistic.js';
import type { FeatureRecord } from '../../src/types.js';
import { germanCredit, hasDatasets, recordOf, syntheticDataset } from './_data.js';
import { catchError } from '../_catchError.js';

const dataset = syntheticDataset();
const artifact = trainLogistic(dataset, { id: 'synthetic' });
const { factor, offset } = scalingConstants(DEFAULT_SCALING);

/** Independent evaluation of the artifact: contribution per term, straight from the documented formulas. */
function contributions(a: LogisticArtifact, record: FeatureRecord): number[] {
  return a.model.terms.map((term, j) => {
    const spec = a.features[j];
    const v = record[spec.name];
    if (v === null || v === undefined) return term.missingCoefficient;
    if (term.type === 'numeric') return (term.coefficient * (Math.min(term.upper, Math.max(term.lower, v as number)) - term.center)) / term.scale;
    const k = spec.categories?.indexOf(String(v)) ?? -1;
    return k < 0 ? term.unseenCoefficient : term.coefficients[k];
  });
}

/** Eight-feature artifact (hand-made) to exercise ranking: every term numeric, coefficient 1 on a unit scale. */
function handArtifact(): LogisticArtifact {
  const names = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'];
  return {
    format: 'credit-scoring/model',
    schemaVersion: 1,
    id: 'hand',
    features: names.map((name, j) => ({
      name,
      type: 'numeric' as const,
      description: name,
      reasonCode: `RC${j + 1}`,
      reasonText: `${name} too high`,
      riskDirection: 'increasing' as const,
      isProtected: false,
    })),
    scaling: { ...DEFAULT_SCALING },
    kind: 'logistic',
    model: {
      intercept: -3,
      terms: names.map((_, j) => ({
        type: 'numeric' as const,
        center: 0,
        scale: 1,
        lower: 0,
        upper: 10,
        coefficient: 0.1 * (j + 1),
        missingCoefficient: 0.1 * (j + 1) * 10,
        bestContribution: 0,
      })),
    },
  };
}

describe('LogisticScorer', () => {
  const scorer = loadModel(artifact);

  it('score(record) gives PD = σ(intercept + Σ contributions) and score = offset − factor · logit(PD)', () => {
    for (const i of [0, 1, 2, 17, 99]) {
      const record = recordOf(dataset, i, scorer.featureNames);
      const eta = artifact.model.intercept + contributions(artifact, record).reduce((s, c) => s + c, 0);
      const result = scorer.score(record);
      expect(result.probabilityOfDefault).toBeCloseTo(sigmoid(eta), 14);
      expect(result.score).toBeCloseTo(offset - factor * eta, 9);
      expect(result.modelId).toMatch(/^synthetic@[0-9a-f]{8}$/);
    }
  });

  it('score(record) and predict(matrix) agree to the bit, whatever the matrix column order', () => {
    const names = ['housing', 'extra', 'income', 'utilization'];
    const rows = 50;
    const values = new Float64Array(rows * names.length);
    const expected: number[] = [];
    for (let i = 0; i < rows; i++) {
      const record = recordOf(dataset, i, scorer.featureNames);
      expected.push(scorer.score(record).probabilityOfDefault);
      const housing = record.housing === null ? Number.NaN : (artifact.features[2].categories ?? []).indexOf(record.housing as string);
      values.set([housing, 123, (record.income as number | null) ?? Number.NaN, (record.utilization as number | null) ?? Number.NaN], i * names.length);
    }
    const pds = scorer.predict({ names, rows, values });
    expect(Array.from(pds)).toEqual(expected);
  });

  it('score(vector) equals score(record), in model order or any other order', () => {
    const record = { utilization: 0.7, income: 25_000, housing: 'mortgage' };
    const expected = scorer.score(record);
    const housing = (artifact.features[2].categories ?? []).indexOf('mortgage');
    expect(scorer.score({ names: ['utilization', 'income', 'housing'], values: Float64Array.of(0.7, 25_000, housing) })).toEqual(expected);
    expect(scorer.score({ names: ['housing', 'utilization', 'income'], values: Float64Array.of(housing, 0.7, 25_000) })).toEqual(expected);
  });

  it('JSON round trip: stringify → loadModel gives identical PDs, scores and reasons to the bit', () => {
    const reloaded = loadModel(JSON.stringify(scorer.toArtifact()));
    expect(reloaded.id).toBe(scorer.id);
    for (let i = 0; i < 200; i++) {
      const record = recordOf(dataset, i, scorer.featureNames);
      expect(reloaded.score(record)).toEqual(scorer.score(record));
    }
    expect(JSON.stringify(reloaded.toArtifact())).toBe(JSON.stringify(artifact));
  });

  it('toArtifact() returns a copy: mutating it changes neither the scorer nor its id', () => {
    const copy = scorer.toArtifact() as LogisticArtifact;
    const record = recordOf(dataset, 3, scorer.featureNames);
    const before = scorer.score(record);
    copy.model.intercept += 5;
    expect(scorer.score(record)).toEqual(before);
  });

  it('score(record, { maxReasons: 4 }) ranks the top 4 reasons largest first; impact = factor · (contribution − best)', () => {
    const hand = new LogisticScorer(handArtifact());
    // all features at 5 (contribution 0.5·(j+1)); f2 at its best (0) is never cited
    const record: Record<string, number> = { f1: 5, f2: 0, f3: 5, f4: 5, f5: 5, f6: 5, f7: 5, f8: 5 };
    const result = hand.score(record);
    expect(result.reasonCodes.map((r) => r.feature)).toEqual(['f8', 'f7', 'f6', 'f5']);
    result.reasonCodes.forEach((r, k) => {
      const j = 8 - k;
      expect(r.impact).toBeCloseTo(factor * 0.1 * j * 5, 10);
      expect(r).toMatchObject({ code: `RC${j}`, description: `f${j} too high`, value: 5 });
    });
    const all = hand.score(record, { maxReasons: 10 }).reasonCodes.map((r) => r.feature);
    expect(all).toEqual(['f8', 'f7', 'f6', 'f5', 'f4', 'f3', 'f1']);
    expect(hand.score(record, { maxReasons: 0 }).reasonCodes).toEqual([]);
  });

  it('score(record at its best everywhere) has no reasons', () => {
    const hand = new LogisticScorer(handArtifact());
    expect(hand.score({ f1: 0, f2: -3, f3: 0, f4: 0, f5: 0, f6: 0, f7: 0, f8: 0 }).reasonCodes).toEqual([]);
  });

  it('score(record with a missing value) uses the missing coefficient and cites it with value null', () => {
    const hand = new LogisticScorer(handArtifact());
    const result = hand.score({ f1: 0, f2: 0, f3: 0, f4: 0, f5: 0, f6: 0, f7: 0, f8: null });
    expect(result.probabilityOfDefault).toBeCloseTo(sigmoid(-3 + 8), 14);
    expect(result.reasonCodes).toEqual([{ code: 'RC8', feature: 'f8', description: 'f8 too high', impact: factor * 8, value: null }]);
  });

  it('score(record) on trained artifacts never cites a feature at its best contribution, and impacts are positive and sorted', () => {
    for (let i = 0; i < 300; i++) {
      const record = recordOf(dataset, i, scorer.featureNames);
      const reasons = scorer.score(record).reasonCodes;
      const c = contributions(artifact, record);
      for (let k = 0; k < reasons.length; k++) {
        expect(reasons[k].impact).toBeGreaterThan(0);
        if (k > 0) expect(reasons[k].impact).toBeLessThanOrEqual(reasons[k - 1].impact);
        const j = scorer.featureNames.indexOf(reasons[k].feature);
        expect(reasons[k].impact).toBeCloseTo(factor * (c[j] - artifact.model.terms[j].bestContribution), 9);
      }
    }
  });

  it('score(record) clamps the score to scaling.clamp but never the PD', () => {
    const clamped = loadModel({ ...artifact, scaling: { ...DEFAULT_SCALING, clamp: [590, 610] } });
    for (let i = 0; i < 50; i++) {
      const record = recordOf(dataset, i, scorer.featureNames);
      const a = scorer.score(record);
      const b = clamped.score(record);
      expect(b.probabilityOfDefault).toBe(a.probabilityOfDefault);
      expect(b.score).toBe(Math.min(610, Math.max(590, a.score)));
    }
  });

  it('score(record) applies a Platt calibration to the PD, the score and the reason impacts', () => {
    const calibrated = loadModel({ ...artifact, calibration: { method: 'platt', a: 0.5, b: -1 } });
    const record = recordOf(dataset, 5, scorer.featureNames);
    const eta = artifact.model.intercept + contributions(artifact, record).reduce((s, c) => s + c, 0);
    const result = calibrated.score(record);
    expect(result.probabilityOfDefault).toBeCloseTo(sigmoid(0.5 * eta - 1), 14);
    expect(result.score).toBeCloseTo(offset - factor * (0.5 * eta - 1), 9);
    const plain = scorer.score(record).reasonCodes;
    result.reasonCodes.forEach((r, k) => expect(r.impact).toBeCloseTo(0.5 * plain[k].impact, 9));
    expect(Array.from(calibrated.predict({ names: ['utilization', 'income', 'housing'], rows: 1, values: Float64Array.of(record.utilization as number, record.income as number, 0) }))[0]).toBeGreaterThan(0);
  });

  it('score(bad input) throws InvalidInputError naming the feature; bad maxReasons throws InvalidOptionsError', () => {
    expect(catchError(() => scorer.score({ utilization: 'high' })).issues[0].path).toEqual(['utilization']);
    expect(catchError(() => scorer.score({ utilisation: 0.3 })).issues[0]).toMatchObject({ code: 'unknown_feature', path: ['utilisation'] });
    expect(catchError(() => scorer.score({ utilization: Number.POSITIVE_INFINITY }))).toBeInstanceOf(InvalidInputError);
    expect(catchError(() => scorer.score({}, { maxReasons: -1 }))).toBeInstanceOf(InvalidOptionsError);
  });

  it('score({}) treats every absent feature as missing', () => {
    const eta = artifact.model.intercept + artifact.model.terms.reduce((s, t) => s + t.missingCoefficient, 0);
    expect(scorer.score({}).probabilityOfDefault).toBeCloseTo(sigmoid(eta), 14);
  });

  it('predict(bad matrix) throws InvalidInputError with paths', () => {
    expect(catchError(() => scorer.predict({ names: ['utilization', 'income'], rows: 1, values: Float64Array.of(0.1, 2) })).issues[0]).toMatchObject({ code: 'missing_feature', path: ['names', 'housing'] });
    const names = ['utilization', 'income', 'housing'];
    expect(catchError(() => scorer.predict({ names, rows: 2, values: Float64Array.of(0.1, 2, 0, 0.1, Number.NEGATIVE_INFINITY, 0) })).issues[0].path).toEqual([1, 'income']);
    expect(catchError(() => scorer.predict({ names, rows: 1, values: Float64Array.of(0.1, 2, 7) })).issues[0]).toMatchObject({ code: 'invalid_category_index', path: [0, 'housing'] });
    expect(catchError(() => scorer.predict({ names, rows: 2, values: Float64Array.of(0.1, 2, 0) })).issues[0].code).toBe('length_mismatch');
  });

  it('predict(matrix) reads NaN as missing and -1 as an unseen category', () => {
    const names = ['utilization', 'income', 'housing'];
    const pds = scorer.predict({ names, rows: 2, values: Float64Array.of(Number.NaN, 30_000, -1, Number.NaN, 30_000, Number.NaN) });
    expect(pds[0]).toBe(scorer.score({ utilization: null, income: 30_000, housing: 'never-seen' }).probabilityOfDefault);
    expect(pds[1]).toBe(scorer.score({ utilization: null, income: 30_000, housing: null }).probabilityOfDefault);
  });

  it('property: PD is non-decreasing in every numeric feature with a positive coefficient (non-increasing for negative)', () => {
    const numeric = artifact.model.terms.flatMap((t, j) => (t.type === 'numeric' ? [{ j, name: artifact.features[j].name, term: t }] : []));
    expect(numeric.map((n) => Math.sign(n.term.coefficient))).toEqual([1, -1]); // utilisation raises risk, income lowers it
    const categories = [...(artifact.features[2].categories ?? []), 'unseen'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: numeric.length - 1 }),
        fc.oneof(fc.constant(null), fc.double({ min: 0, max: 2, noNaN: true })),
        fc.oneof(fc.constant(null), fc.double({ min: 1_000, max: 500_000, noNaN: true })),
        fc.oneof(fc.constant(null), fc.constantFrom(...categories)),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (which, utilization, income, housing, a, b) => {
          const { name, term } = numeric[which];
          const base = { utilization, income, housing };
          const [low, high] = a <= b ? [a, b] : [b, a];
          const pdLow = scorer.score({ ...base, [name]: low }).probabilityOfDefault;
          const pdHigh = scorer.score({ ...base, [name]: high }).probabilityOfDefault;
          return term.coefficient > 0 ? pdHigh >= pdLow : pdHigh <= pdLow;
        },
      ),
      { seed: 20261123, numRuns: 500 },
    );
  });

  (hasDatasets ? it : it.skip)('predict(German credit test matrix) equals score() row by row (../shared/datasets)', () => {
    const train = germanCredit('train');
    const test = germanCredit('test');
    const german = loadModel(trainLogistic(train));
    const names = german.featureNames;
    const values = new Float64Array(test.rows * names.length);
    const specs = german.toArtifact().features;
    for (let i = 0; i < test.rows; i++) {
      const record = recordOf(test, i, names);
      names.forEach((name, j) => {
        const v = record[name];
        values[i * names.length + j] = v === null ? Number.NaN : specs[j].type === 'categorical' ? (specs[j].categories ?? []).indexOf(String(v)) : (v as number);
      });
    }
    const pds = german.predict({ names, rows: test.rows, values });
    for (let i = 0; i < test.rows; i++) expect(pds[i]).toBe(german.score(recordOf(test, i, names)).probabilityOfDefault);
  });
});
