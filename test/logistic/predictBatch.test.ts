/**
 * LogisticScorer.predict (the batch path: column-blocked, up to eight numeric features per pass,
 * one calibration loop) against score() row by row, to the bit, on a mixed model whose feature
 * order exercises every kernel (runs of 8, 4 and 1 numeric features, categorical features between
 * them), over matrices with missing values, clipped values, unseen categories, permuted and extra
 * columns, and row counts that are not multiples of the block size; plus the first-invalid-cell
 * error in row-major order and the calibration loop against applyCalibration.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { InvalidInputError } from '../../src/errors.js';
import { DEFAULT_SCALING } from '../../src/scaling/scaling.js';
import type { Calibration } from '../../src/schema/artifactCommon.js';
import type { LogisticArtifact } from '../../src/schema/artifacts/logistic.js';
import { LogisticScorer } from '../../src/scorers/LogisticScorer.js';
import { pdsFromLogOdds } from '../../src/scorers/_logisticPds.js';
import { applyCalibration } from '../../src/scorers/applyCalibration.js';
import { catchError } from '../_catchError.js';

const CATEGORIES = ['a', 'b', 'c'];
/** Feature kinds in model order: n = numeric, c = categorical (runs of 9, 5, 1, 3, 2 numeric). */
const LAYOUT = 'nnnnnnnnncnnnnnccnccnnncnn';

function mixedArtifact(calibration?: Calibration): LogisticArtifact {
  const rng = createRandom(5);
  const names = [...LAYOUT].map((_, j) => `f${j}`);
  const artifact: LogisticArtifact = {
    format: 'credit-scoring/model',
    schemaVersion: 1,
    id: 'mixed',
    features: names.map((name, j) => ({
      name,
      type: LAYOUT[j] === 'n' ? ('numeric' as const) : ('categorical' as const),
      ...(LAYOUT[j] === 'c' ? { categories: CATEGORIES } : {}),
      description: name,
      reasonCode: `RC${j}`,
      reasonText: name,
      riskDirection: 'increasing' as const,
      isProtected: false,
    })),
    scaling: { ...DEFAULT_SCALING },
    kind: 'logistic',
    model: {
      intercept: -1.7,
      terms: names.map((_, j) => {
        if (LAYOUT[j] === 'c') {
          const coefficients = CATEGORIES.map(() => rng.normal() * 0.4);
          return { type: 'categorical' as const, coefficients, unseenCoefficient: 0.11 * j, missingCoefficient: -0.07 * j, bestContribution: Math.min(...coefficients, 0.11 * j, -0.07 * j) };
        }
        const center = rng.normal() * 3;
        const scale = 0.3 + rng.next() * 7;
        const coefficient = rng.normal() * 0.5;
        const lower = center - 1 - rng.next() * 2;
        const upper = center + 1 + rng.next() * 2;
        const ends = [(coefficient * (lower - center)) / scale, (coefficient * (upper - center)) / scale];
        return { type: 'numeric' as const, center, scale, coefficient, lower, upper, missingCoefficient: 0.05 * j - 0.4, bestContribution: Math.min(...ends, 0.05 * j - 0.4) };
      }),
    },
  } as LogisticArtifact;
  if (calibration !== undefined) artifact.calibration = calibration;
  return artifact;
}

/** A random matrix over `names` (the model's features in any order, plus extras). */
function randomMatrix(names: string[], rows: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  const values = new Float64Array(rows * names.length);
  for (let i = 0; i < values.length; i++) {
    const j = Number(names[i % names.length].slice(1));
    const u = rng.next();
    if (Number.isNaN(j) || LAYOUT[j] === 'n') values[i] = u < 0.1 ? Number.NaN : rng.normal() * 4; // ~10% missing, many clipped
    else values[i] = u < 0.1 ? Number.NaN : u < 0.2 ? -1 : Math.floor(rng.next() * CATEGORIES.length);
  }
  return values;
}

const CALIBRATIONS: [string, Calibration | undefined][] = [
  ['none', undefined],
  ['platt', { method: 'platt', a: 1.3, b: -0.2 }],
  ['isotonic', { method: 'isotonic', x: [0.01, 0.1, 0.3, 0.8], y: [0.02, 0.12, 0.25, 0.9] }],
];

describe('LogisticScorer.predict (batch kernels)', () => {
  for (const [label, calibration] of CALIBRATIONS) {
    it(`predict equals score() row by row to the bit (calibration: ${label}; 1, 7, 64, 65 and 333 rows; permuted and extra columns)`, () => {
      const scorer = new LogisticScorer(mixedArtifact(calibration));
      const model = [...scorer.featureNames];
      const shuffled = [...model].reverse();
      shuffled.splice(3, 0, 'extra1');
      shuffled.push('extra2');
      for (const [names, rows, seed] of [
        [model, 333, 1],
        [shuffled, 333, 2],
        [model, 1, 3],
        [shuffled, 7, 4],
        [model, 64, 5],
        [shuffled, 65, 6],
      ] as const) {
        const values = randomMatrix([...names], rows, seed);
        const pds = scorer.predict({ names, rows, values });
        expect(pds.length).toBe(rows);
        for (let i = 0; i < rows; i++) {
          const row = values.subarray(i * names.length, (i + 1) * names.length);
          const expected = scorer.score({ names, values: Float64Array.from(row, (v, c) => (names[c].startsWith('extra') ? 0 : v)) }).probabilityOfDefault;
          if (!Object.is(pds[i], expected)) expect.fail(`row ${i} of ${rows} (${label}): predict ${pds[i]} ≠ score ${expected}`);
        }
      }
    });
  }

  it('the column lookup kept from the previous call follows a names array changed in place, or a new one', () => {
    const scorer = new LogisticScorer(mixedArtifact());
    const names = [...scorer.featureNames];
    const values = randomMatrix(names, 20, 13);
    const first = scorer.predict({ names, rows: 20, values });
    // swap two numeric columns' names in place: the same cells now mean other features
    [names[0], names[5]] = [names[5], names[0]];
    const swapped = scorer.predict({ names, rows: 20, values });
    for (let i = 0; i < 20; i++) expect(swapped[i]).toBe(scorer.score({ names, values: values.subarray(i * names.length, (i + 1) * names.length) }).probabilityOfDefault);
    expect(Array.from(swapped)).not.toEqual(Array.from(first));
    expect(Array.from(scorer.predict({ names: [...scorer.featureNames], rows: 20, values }))).toEqual(Array.from(first));
    // a names array lacking a feature still throws after a cached call
    expect(() => scorer.predict({ names: names.slice(1), rows: 20, values: values.subarray(0, 20 * (names.length - 1)) })).toThrow(InvalidInputError);
  });

  it('extreme log-odds: PDs stay strictly inside (0, 1) and equal score()', () => {
    const artifact = mixedArtifact();
    artifact.model.intercept = 80;
    const scorer = new LogisticScorer(artifact);
    const names = [...scorer.featureNames];
    const values = randomMatrix(names, 70, 9);
    const pds = scorer.predict({ names, rows: 70, values });
    for (let i = 0; i < 70; i++) {
      expect(pds[i]).toBeLessThan(1);
      expect(pds[i]).toBe(scorer.score({ names, values: values.subarray(i * names.length, (i + 1) * names.length) }).probabilityOfDefault);
    }
  });

  it('an invalid cell is reported as the first one in row-major order, whichever kernel meets it first', () => {
    const scorer = new LogisticScorer(mixedArtifact());
    const names = [...scorer.featureNames];
    const w = names.length;
    const rows = 200;
    const cases: { cells: [number, number, number][]; path: [number, string]; code: string }[] = [
      // row 130 (third block), in the 9-run's 9th feature, before a later column's bad cell in an earlier row of the same block
      { cells: [[131, 0, Number.POSITIVE_INFINITY], [130, 8, Number.NEGATIVE_INFINITY], [130, 25, 7]], path: [130, 'f8'], code: 'not_finite' },
      // a categorical cell (index out of range) before a numeric one in the same row
      { cells: [[5, 9, 3], [5, 10, Number.POSITIVE_INFINITY]], path: [5, 'f9'], code: 'invalid_category_index' },
      // non-integer, below -1 and infinite category indices; the last feature of the last row
      { cells: [[199, 16, 0.5]], path: [199, 'f16'], code: 'invalid_category_index' },
      { cells: [[64, 23, -2]], path: [64, 'f23'], code: 'invalid_category_index' },
      { cells: [[63, 19, Number.NEGATIVE_INFINITY]], path: [63, 'f19'], code: 'invalid_category_index' },
      { cells: [[199, 25, Number.POSITIVE_INFINITY]], path: [199, 'f25'], code: 'not_finite' },
      // a single-feature run (f14) after a 4-run, in the tail rows
      { cells: [[198, 14, Number.NEGATIVE_INFINITY], [199, 0, Number.NEGATIVE_INFINITY]], path: [198, 'f14'], code: 'not_finite' },
    ];
    for (const { cells, path, code } of cases) {
      const values = randomMatrix(names, rows, 11);
      for (const [r, c, v] of cells) values[r * w + c] = v;
      const error = catchError(() => scorer.predict({ names, rows, values }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ code, path });
    }
  });

  it('pdsFromLogOdds equals applyCalibration to the bit (none, Platt, isotonic; ±0, limits, extremes)', () => {
    const rng = createRandom(3);
    const zs = [0, -0, 1e-300, -1e-300, 34.999, 35, 35.0001, -35, -36, 700, -700, 1e308, -1e308, Number.MIN_VALUE];
    for (let i = 0; i < 2000; i++) zs.push(rng.normal() * (i % 2 === 0 ? 3 : 30));
    for (const [, calibration] of CALIBRATIONS) {
      const values = Float64Array.from(zs);
      pdsFromLogOdds(calibration, values, values.length);
      zs.forEach((z, i) => {
        if (!Object.is(values[i], applyCalibration(calibration, z))) expect.fail(`z = ${z}: ${values[i]} ≠ ${applyCalibration(calibration, z)}`);
      });
    }
  });
});
