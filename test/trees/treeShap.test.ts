import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TreeEnsembleScorer, type TreeEnsembleArtifact } from '../../src/scorers/TreeEnsembleScorer.js';
import { createTreeShapWork, treeShap } from '../../src/scorers/treeShap.js';
import { nextNode, logOddsOfRow, type CompiledTrees } from '../../src/scorers/trees/compileTrees.js';
import { trainForest } from '../../src/train/trees/trainForest.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { trainTree } from '../../src/train/trees/trainTree.js';
import { CATEGORIES, smallCreditDataset } from './_fixtures.js';

const data = smallCreditDataset(3000, 11);
const models: [string, TreeEnsembleArtifact][] = [
  ['tree', trainTree(data, { maxDepth: 5, minSamplesLeaf: 10, allowProtected: true })],
  ['forest', trainForest(data, { trees: 8, maxDepth: 6, minSamplesLeaf: 10, seed: 3, allowProtected: true })],
  ['gbm', trainGradientBoosting(data, { trees: 25, maxDepth: 4, maxLeaves: null, learningRate: 0.2, rowSubsample: 0.8, seed: 5, allowProtected: true })],
  ['gbm (monotone)', trainGradientBoosting(data, { trees: 15, maxDepth: 3, learningRate: 0.3, monotone: 'catalogue', seed: 5, allowProtected: true })],
];

/** Path-dependent value of coalition S (bit mask over features), Lundberg et al. 2018 Alg. 1. */
function coalitionValue(c: CompiledTrees, x: Float64Array, mask: number): number {
  const walk = (k: number): number => {
    if (c.feature[k] < 0) return c.value[k];
    if ((mask >> c.feature[k]) & 1) return walk(nextNode(c, k, x[c.feature[k]]));
    return c.leftFraction[k] * walk(c.left[k]) + c.rightFraction[k] * walk(c.right[k]);
  };
  let s = c.base;
  for (let t = 0; t < c.trees; t++) s += walk(c.roots[t]);
  return s;
}

/** Shapley values by enumerating every coalition (2^M, M <= 6). */
function bruteForceShapley(c: CompiledTrees, x: Float64Array, M: number): Float64Array {
  const fact = [1, 1, 2, 6, 24, 120, 720, 5040];
  const v = new Float64Array(1 << M);
  for (let mask = 0; mask < 1 << M; mask++) v[mask] = coalitionValue(c, x, mask);
  const phi = new Float64Array(M);
  for (let j = 0; j < M; j++) {
    for (let mask = 0; mask < 1 << M; mask++) {
      if ((mask >> j) & 1) continue;
      let size = 0;
      for (let b = 0; b < M; b++) size += (mask >> b) & 1;
      phi[j] += ((fact[size] * fact[M - size - 1]) / fact[M]) * (v[mask | (1 << j)] - v[mask]);
    }
  }
  return phi;
}

const applicant = fc.record({
  utilization: fc.option(fc.double({ min: -0.2, max: 1.5, noNaN: true }), { nil: null }),
  income: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true }), { nil: null }),
  inquiries: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: null }),
  noise: fc.option(fc.double({ min: -4, max: 4, noNaN: true }), { nil: null }),
  housing: fc.option(fc.constantFrom(...CATEGORIES, 'boat'), { nil: null }),
});

describe('treeShap', () => {
  for (const [name, artifact] of models) {
    const scorer = new TreeEnsembleScorer(artifact);
    const M = artifact.features.length;

    it(`treeShap(${name}) contributions sum to log-odds − expected value within 1e-9 (fast-check, seeded)`, () => {
      fc.assert(
        fc.property(applicant, (record) => {
          const e = scorer.explainLogOdds(record);
          const sum = e.contributions.reduce((a, b) => a + b, 0);
          expect(Math.abs(e.expectedValue + sum - e.logOdds)).toBeLessThan(1e-9);
        }),
        { seed: 20261123, numRuns: 300 },
      );
    });

    it(`treeShap(${name}) equals brute-force Shapley values of the path-dependent expectation (${M} features)`, () => {
      expect(M).toBeLessThanOrEqual(6);
      fc.assert(
        fc.property(applicant, (record) => {
          const e = scorer.explainLogOdds(record);
          const row = new Float64Array(M);
          artifact.features.forEach((f, j) => {
            const v = record[f.name as keyof typeof record];
            row[j] = v === null ? Number.NaN : typeof v === 'string' ? (f.categories ?? []).indexOf(v) : v;
          });
          const exact = bruteForceShapley(scorer.compiled, row, M);
          for (let j = 0; j < M; j++) expect(e.contributions[j]).toBeCloseTo(exact[j], 10);
          expect(coalitionValue(scorer.compiled, row, (1 << M) - 1)).toBeCloseTo(logOddsOfRow(scorer.compiled, row), 12);
          expect(coalitionValue(scorer.compiled, row, 0)).toBeCloseTo(scorer.compiled.expectedValue, 12);
        }),
        { seed: 7, numRuns: 60 },
      );
    });
  }

  it('treeShap(compiled, row, phi, work) adds into phi, so a zeroed phi gives the contributions', () => {
    const scorer = new TreeEnsembleScorer(models[2][1]);
    const row = Float64Array.of(0.9, 1200, 4, 30, 0, 0);
    const phi = new Float64Array(6);
    treeShap(scorer.compiled, row, phi, createTreeShapWork(scorer.compiled.maxDepth));
    const again = Float64Array.from(phi);
    treeShap(scorer.compiled, row, again, createTreeShapWork(scorer.compiled.maxDepth));
    for (let j = 0; j < 6; j++) expect(again[j]).toBeCloseTo(2 * phi[j], 12);
  });
});
