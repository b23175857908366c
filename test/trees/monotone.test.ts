import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TreeEnsembleScorer } from '../../src/scorers/TreeEnsembleScorer.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { CATEGORIES, smallCreditDataset } from './_fixtures.js';

const data = smallCreditDataset(4000, 23);
// an aggressive model (deep trees, high learning rate) so that unconstrained fits do wiggle
const constrained = trainGradientBoosting(data, { trees: 40, maxDepth: 5, maxLeaves: null, learningRate: 0.3, minSamplesLeaf: 5, lambda: 0, monotone: 'catalogue', rowSubsample: 0.9, columnSubsample: 0.8, seed: 2 });
const unconstrained = trainGradientBoosting(data, { trees: 40, maxDepth: 5, maxLeaves: null, learningRate: 0.3, minSamplesLeaf: 5, lambda: 0, rowSubsample: 0.9, columnSubsample: 0.8, seed: 2 });

const base = fc.record({
  utilization: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  income: fc.option(fc.double({ min: 200, max: 12_000, noNaN: true }), { nil: null }),
  inquiries: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  noise: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: null }),
  housing: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
});
const monotoneFeatures = [
  { name: 'utilization', direction: 1, values: fc.double({ min: -0.5, max: 1.5, noNaN: true }) },
  { name: 'income', direction: -1, values: fc.double({ min: -100, max: 15_000, noNaN: true }) },
  { name: 'inquiries', direction: 1, values: fc.double({ min: -1, max: 15, noNaN: true }) },
] as const;

describe('trainGradientBoosting monotone constraints', () => {
  it("trainGradientBoosting(ds, { monotone: 'catalogue' }) takes each feature's riskDirection", () => {
    expect(constrained.training?.monotone).toEqual({ utilization: 'increasing', income: 'decreasing', inquiries: 'increasing' });
  });

  for (const f of monotoneFeatures) {
    it(`PD never moves against the direction of ${f.name} over random applicants (fast-check, seeded)`, () => {
      const scorer = new TreeEnsembleScorer(constrained);
      fc.assert(
        fc.property(base, f.values, f.values, (record, a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const pLo = scorer.score({ ...record, [f.name]: lo }).probabilityOfDefault;
          const pHi = scorer.score({ ...record, [f.name]: hi }).probabilityOfDefault;
          if (f.direction > 0) expect(pHi).toBeGreaterThanOrEqual(pLo);
          else expect(pHi).toBeLessThanOrEqual(pLo);
        }),
        { seed: 99, numRuns: 400 },
      );
    });
  }

  it('the same sweep finds violations without constraints (the property test has teeth)', () => {
    const scorer = new TreeEnsembleScorer(unconstrained);
    let violations = 0;
    for (let i = 0; i < 200; i++) {
      const record = { utilization: 0.3 + (i % 7) / 10, income: 1500 + 37 * i, inquiries: i % 5, noise: 0, housing: CATEGORIES[i % 5] };
      let prev = -1;
      for (let inq = 0; inq <= 10; inq++) {
        const p = scorer.score({ ...record, inquiries: inq }).probabilityOfDefault;
        if (p < prev - 1e-12) violations++;
        prev = p;
      }
    }
    expect(violations).toBeGreaterThan(0);
  });

  it('a constraint on a categorical feature is refused, an unknown feature name too', () => {
    expect(() => trainGradientBoosting(data, { trees: 1, monotone: { housing: 'increasing' } })).toThrowError(/numeric feature/);
    expect(() => trainGradientBoosting(data, { trees: 1, monotone: { salary: 'increasing' } })).toThrowError(/salary/);
  });
});
