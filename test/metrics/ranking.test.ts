import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError, type CreditScoreError } from '../../src/errors.js';
import { auc, averagePrecision, gini, ksStatistic, rocCurve } from '../../src/metrics/index.js';

function caught(fn: () => unknown): CreditScoreError {
  try {
    fn();
  } catch (e) {
    return e as CreditScoreError;
  }
  throw new Error('expected a throw');
}

function sample(n: number, seed: number): { scores: Float64Array; labels: Uint8Array; weights: Float64Array } {
  const random = createRandom(seed);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = random.normal();
    labels[i] = random.next() < 1 / (1 + Math.exp(-(-1.5 + x))) ? 1 : 0;
    scores[i] = Math.round((x + 0.5 * random.normal()) * 10) / 10; // ties
    weights[i] = 1 + random.int(3);
  }
  return { scores, labels, weights };
}

/** Brute-force O(n²) weighted AUC straight from the definition. */
function pairAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      const w = (weights ? weights[i] : 1) * (weights ? weights[j] : 1);
      num += w * (scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0);
      den += w;
    }
  }
  return num / den;
}

describe('auc', () => {
  it('auc(s, y, w) equals the O(n²) pair definition with ties and weights', () => {
    const { scores, labels, weights } = sample(300, 1);
    expect(auc(scores, labels)).toBeCloseTo(pairAuc(scores, labels), 12);
    expect(auc(scores, labels, weights)).toBeCloseTo(pairAuc(scores, labels, weights), 12);
  });

  it('auc(s, y, w) with integer weights equals auc on rows repeated w times', () => {
    const { scores, labels, weights } = sample(200, 2);
    const s: number[] = [];
    const y: number[] = [];
    scores.forEach((v, i) => {
      for (let k = 0; k < weights[i]; k++) {
        s.push(v);
        y.push(labels[i]);
      }
    });
    expect(auc(scores, labels, weights)).toBeCloseTo(auc(s, y), 12);
  });

  it('auc(s, y) is unchanged by a strictly increasing transform and by all-one weights', () => {
    const { scores, labels } = sample(500, 3);
    const transformed = Array.from(scores, (v) => Math.exp(3 * v) + 7);
    expect(auc(transformed, labels)).toBe(auc(scores, labels));
    expect(auc(scores, labels, new Float64Array(scores.length).fill(1))).toBe(auc(scores, labels));
    // doubling every weight changes nothing
    expect(auc(scores, labels, new Float64Array(scores.length).fill(2))).toBeCloseTo(auc(scores, labels), 14);
  });

  it("auc(s, y, { scoreDirection: 'higherIsSafer' }) equals auc(-s, y) and 1 - auc(s, y)", () => {
    const { scores, labels } = sample(400, 4);
    const safer = auc(scores, labels, { scoreDirection: 'higherIsSafer' });
    expect(safer).toBe(auc(Array.from(scores, (v) => -v), labels));
    expect(safer).toBeCloseTo(1 - auc(scores, labels), 14);
  });

  it('auc does not depend on row order and does not mutate its inputs', () => {
    const { scores, labels, weights } = sample(100, 5);
    const frozenScores = Object.freeze(Array.from(scores));
    const frozenLabels = Object.freeze(Array.from(labels));
    const a = auc(frozenScores, frozenLabels);
    const order = Array.from({ length: 100 }, (_, i) => 99 - i);
    expect(auc(order.map((i) => scores[i]), order.map((i) => labels[i]))).toBeCloseTo(a, 14);
    const copy = Float64Array.from(scores);
    auc(scores, labels, weights);
    expect(scores).toEqual(copy);
  });

  it('auc of perfect, inverted and all-tied scores is 1, 0 and 0.5', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('auc ignores rows of weight 0', () => {
    expect(auc([0.1, 0.9, 0.4, 0.8], [0, 0, 1, 1], [1, 0, 1, 1])).toBe(auc([0.1, 0.4, 0.8], [0, 1, 1]));
  });

  it('auc(single class) throws InsufficientDataError naming the function and what it needs', () => {
    const e = caught(() => auc([0.1, 0.2, 0.3], [1, 1, 1]));
    expect(e).toBeInstanceOf(InsufficientDataError);
    expect(e.message).toMatchInlineSnapshot(`"auc: needs at least one bad (label 1) and one good (label 0) with positive weight, found no good (label 0)"`);
    expect(e.issues[0].path).toEqual(['labels']);
    // a class present only with weight 0 counts as absent
    expect(() => auc([0.1, 0.2, 0.3], [1, 0, 1], [1, 0, 1])).toThrow(InsufficientDataError);
    expect(() => auc([], [])).toThrow(InsufficientDataError);
  });

  it('auc(s, y) with a NaN score throws InvalidInputError with path [scores, i]', () => {
    const scores = new Float64Array(20).fill(0.3);
    scores[17] = Number.NaN;
    const labels = Array.from({ length: 20 }, (_, i) => i % 2);
    const e = caught(() => auc(scores, labels));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.path)).toEqual([['scores', 17]]);
    expect(e.issues[0].code).toBe('not_finite');
    expect(e.message).toMatchInlineSnapshot(`"auc: 1 invalid input (scores[17] must be a finite number, received NaN)"`);
  });

  it('auc rejects Infinity scores, labels other than 0/1, negative and NaN weights, length mismatches', () => {
    expect(caught(() => auc([0.1, Infinity], [0, 1])).issues[0].path).toEqual(['scores', 1]);
    const bad = caught(() => auc([0.1, 0.2, 0.3], [0, 2, true as unknown as number]));
    expect(bad.issues.map((i) => [i.path, i.code])).toEqual([
      [['labels', 1], 'invalid_label'],
      [['labels', 2], 'invalid_label'],
    ]);
    const w = caught(() => auc([0.1, 0.2, 0.3], [0, 1, 1], [1, -2, Number.NaN]));
    expect(w.issues.map((i) => [i.path, i.code])).toEqual([
      [['weights', 1], 'negative_weight'],
      [['weights', 2], 'not_finite'],
    ]);
    const len = caught(() => auc([0.1, 0.2, 0.3], [0, 1]));
    expect(len).toBeInstanceOf(InvalidInputError);
    expect(len.issues[0]).toMatchObject({ path: ['labels'], code: 'length_mismatch' });
    expect(caught(() => auc([0.1, 0.2], [0, 1], [1])).issues[0]).toMatchObject({ path: ['weights'], code: 'length_mismatch' });
    expect(caught(() => auc([0.1, 0.2], [0, 1], [0, 0])).issues[0]).toMatchObject({ path: ['weights'], code: 'zero_total_weight' });
    expect(caught(() => auc(null as unknown as number[], [0, 1])).issues[0]).toMatchObject({ path: ['scores'], code: 'invalid_type' });
  });

  it('auc lists at most 20 issues and gives the total in the message', () => {
    const scores = new Float64Array(100).fill(Number.NaN);
    const e = caught(() => auc(scores, new Uint8Array(100)));
    expect(e.issues).toHaveLength(20);
    expect(e.message).toMatch(/^auc: 100 invalid inputs \(scores\[0\].*; and 97 more\)$/);
  });

  it('auc rejects an unknown scoreDirection with InvalidOptionsError', () => {
    expect(() => auc([0.1, 0.2], [0, 1], { scoreDirection: 'up' as never })).toThrow(InvalidOptionsError);
  });

  it('auc on 200k rows with ties takes one sort (sanity, no timing asserted)', () => {
    const { scores, labels } = sample(200_000, 9);
    const a = auc(scores, labels);
    expect(a).toBeGreaterThan(0.6);
    expect(a).toBeLessThan(0.9);
  });
});

describe('gini', () => {
  it('gini(s, y) = 2 auc - 1 and names itself in errors', () => {
    const { scores, labels, weights } = sample(300, 6);
    expect(gini(scores, labels, weights)).toBeCloseTo(2 * auc(scores, labels, weights) - 1, 15);
    expect(() => gini([1, 2], [0, 0])).toThrow(/^gini: needs at least one bad/);
  });
});

describe('ksStatistic', () => {
  it('ksStatistic(s, y) equals the maximum gap between the cumulative distributions of bads and goods', () => {
    const { scores, labels, weights } = sample(500, 7);
    const distinct = [...new Set(scores)].sort((a, b) => b - a);
    let best = -1;
    let at = Number.NaN;
    let totalBad = 0;
    let totalGood = 0;
    scores.forEach((_, i) => (labels[i] ? (totalBad += weights[i]) : (totalGood += weights[i])));
    for (const t of distinct) {
      let b = 0;
      let g = 0;
      scores.forEach((s, i) => {
        if (s >= t) labels[i] ? (b += weights[i]) : (g += weights[i]);
      });
      const d = b / totalBad - g / totalGood;
      if (d > best + 1e-15) {
        best = d;
        at = t;
      }
    }
    const ks = ksStatistic(scores, labels, weights);
    expect(ks.ks).toBeCloseTo(best, 12);
    expect(ks.threshold).toBe(at);
  });

  it("ksStatistic with scoreDirection 'higherIsSafer' returns the threshold in the caller's units", () => {
    const { scores, labels } = sample(300, 8);
    const points = Array.from(scores, (s) => 600 - 20 * s);
    const risk = ksStatistic(scores, labels);
    const safer = ksStatistic(points, labels, { scoreDirection: 'higherIsSafer' });
    expect(safer.ks).toBeCloseTo(risk.ks, 14);
    expect(safer.threshold).toBeCloseTo(600 - 20 * risk.threshold, 9);
  });

  it('ksStatistic of all-tied scores is 0 at that score; of a perfect score is 1', () => {
    expect(ksStatistic([3, 3, 3, 3], [0, 1, 0, 1])).toEqual({ ks: 0, threshold: 3, cumulativeBadShare: 1, cumulativeGoodShare: 1 });
    expect(ksStatistic([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toEqual({ ks: 1, threshold: 0.8, cumulativeBadShare: 1, cumulativeGoodShare: 0 });
  });

  it('ksStatistic errors carry its name and the offending path', () => {
    expect(() => ksStatistic([0.1, 0.2], [1, 1])).toThrow(/^ksStatistic: needs at least one bad \(label 1\) and one good \(label 0\)/);
    expect(caught(() => ksStatistic([0.1, Number.NaN], [0, 1])).issues[0].path).toEqual(['scores', 1]);
  });
});

describe('rocCurve', () => {
  it('rocCurve is monotone from (0, 0) to (1, 1) and its trapezoidal area is the AUC', () => {
    const { scores, labels, weights } = sample(400, 10);
    const roc = rocCurve(scores, labels, weights);
    expect(roc.thresholds[0]).toBe(Number.POSITIVE_INFINITY);
    expect(roc.falsePositiveRate[0]).toBe(0);
    expect(roc.truePositiveRate.at(-1)).toBe(1);
    expect(roc.falsePositiveRate.at(-1)).toBe(1);
    let area = 0;
    for (let k = 1; k < roc.thresholds.length; k++) {
      expect(roc.falsePositiveRate[k]).toBeGreaterThanOrEqual(roc.falsePositiveRate[k - 1]);
      expect(roc.truePositiveRate[k]).toBeGreaterThanOrEqual(roc.truePositiveRate[k - 1]);
      expect(roc.thresholds[k]).toBeLessThan(roc.thresholds[k - 1]);
      area += ((roc.falsePositiveRate[k] - roc.falsePositiveRate[k - 1]) * (roc.truePositiveRate[k] + roc.truePositiveRate[k - 1])) / 2;
    }
    expect(area).toBeCloseTo(auc(scores, labels, weights), 12);
    const safer = rocCurve(scores, labels, { weights, scoreDirection: 'higherIsSafer' });
    expect(safer.thresholds[0]).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('averagePrecision', () => {
  it('averagePrecision is 1 for a perfect score and the bad rate for all-tied scores', () => {
    expect(averagePrecision([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 0, 1])).toBeCloseTo(0.4, 15);
  });

  it('averagePrecision with integer weights equals averagePrecision on repeated rows', () => {
    const { scores, labels, weights } = sample(150, 11);
    const s: number[] = [];
    const y: number[] = [];
    scores.forEach((v, i) => {
      for (let k = 0; k < weights[i]; k++) {
        s.push(v);
        y.push(labels[i]);
      }
    });
    expect(averagePrecision(scores, labels, weights)).toBeCloseTo(averagePrecision(s, y), 12);
  });

  it('averagePrecision(single class) throws InsufficientDataError', () => {
    expect(() => averagePrecision([0.2, 0.4], [0, 0])).toThrow(InsufficientDataError);
  });
});
