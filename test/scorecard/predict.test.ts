/**
 * Randomized checks of the batch path (`predict`, `scorePoints`) against the one-record path
 * (`score`): same PD and score to the bit for every row, and the same error (first invalid cell in
 * row-major order, its path and code) for every matrix with an invalid cell. The scorecards cover
 * the kernel's cases: categorical characteristics, special values, missing bins, up to 7 cut-points
 * (the unrolled search) and more (the general search), with and without calibration; the matrices
 * hold missing cells, special values, exact cut-points and their neighbours, -0, extreme values,
 * unseen categories, permuted and extra columns, and every row count modulo 4.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { InvalidInputError } from '../../src/errors.js';
import type { ScorecardArtifact } from '../../src/schema/artifacts/scorecard.js';
import { ScorecardScorer } from '../../src/scorers/ScorecardScorer.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import type { FeatureMatrix } from '../../src/types.js';
import { syntheticDataset } from './synthetic.js';

type Random = ReturnType<typeof createRandom>;

const dataset = syntheticDataset(2000, 7);
const mixed = trainScorecard(dataset, { binningByFeature: { monthsSinceDelinquency: { specialValues: [-1] } }, minIv: 0 });
const fine = trainScorecard(dataset, { binning: { maxBins: 40, maxPrebins: 50, minBinShare: 0.005, trend: 'none', minBads: 1, minGoods: 1 }, minIv: 0 });
const medium = trainScorecard(dataset, { binning: { maxBins: 16, maxPrebins: 40, minBinShare: 0.02, trend: 'none' }, minIv: 0 });
const numericOnly = trainScorecard({ ...dataset, columns: dataset.columns.filter((c) => c.type === 'numeric') }, { minIv: 0 });

function withCalibration(a: ScorecardArtifact, calibration: ScorecardArtifact['calibration']): ScorecardArtifact {
  return { ...structuredClone(a), calibration };
}

const cases: [string, ScorecardArtifact][] = [
  ['mixed (categorical, special values)', mixed],
  ['many cut-points', fine],
  ['8 to 15 cut-points', medium],
  ['numeric only', numericOnly],
  ['Platt calibration', withCalibration(mixed, { method: 'platt', a: 0.9, b: -0.2 })],
  ['isotonic calibration', withCalibration(fine, { method: 'isotonic', x: [0.01, 0.1, 0.3, 0.8], y: [0.02, 0.08, 0.35, 0.7] })],
];

/** Interesting finite values for a numeric characteristic: around its cut-points and specials, and far away. */
function numericPool(a: ScorecardArtifact, j: number): number[] {
  const b = a.model.characteristics[j].binning;
  if (b.type !== 'numeric') return [];
  const pool = [0, -0, 1e300, -1e300, 5e-324, -5e-324, 1e9, -1e9];
  for (const c of b.cutpoints) pool.push(c, c + Math.abs(c) * 1e-15 + 1e-300, c - Math.abs(c) * 1e-15 - 1e-300, c + 0.5, c - 0.5);
  for (const s of b.specialValues) pool.push(s.value, s.value + 1e-9);
  return pool;
}

/** One random valid cell of characteristic j (NaN = missing; categorical: an index or -1). */
function validCell(rng: Random, a: ScorecardArtifact, j: number, pool: number[]): number {
  const r = rng.next();
  if (r < 0.1) return Number.NaN;
  const spec = a.features[j];
  if (spec.type === 'categorical') return r < 0.2 ? -1 : rng.int((spec.categories ?? []).length);
  if (r < 0.55) return pool[rng.int(pool.length)];
  const b = a.model.characteristics[j].binning;
  const cuts = b.type === 'numeric' ? b.cutpoints : [];
  const lo = cuts.length > 0 ? cuts[0] : -1;
  const hi = cuts.length > 0 ? cuts[cuts.length - 1] : 1;
  const span = hi - lo || 1;
  return lo - span + rng.next() * 3 * span;
}

interface Layout {
  names: string[];
  /** Column of each characteristic. */
  columnOf: number[];
}

/** The model's columns in a random order, plus an extra column (ignored by predict). */
function randomLayout(rng: Random, a: ScorecardArtifact): Layout {
  const names = [...a.features.map((f) => f.name), 'extra_column'];
  for (let i = names.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [names[i], names[k]] = [names[k], names[i]];
  }
  return { names, columnOf: a.features.map((f) => names.indexOf(f.name)) };
}

function randomMatrix(rng: Random, a: ScorecardArtifact, layout: Layout, rows: number): FeatureMatrix {
  const width = layout.names.length;
  const values = new Float64Array(rows * width);
  const pools = a.features.map((_, j) => numericPool(a, j));
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < width; c++) values[i * width + c] = rng.normal() * 1e6; // the extra column: anything
    a.features.forEach((_, j) => {
      values[i * width + layout.columnOf[j]] = validCell(rng, a, j, pools[j]);
    });
  }
  return { names: layout.names, rows, values };
}

/** Row i as a feature vector in the model's feature order. */
function rowVector(a: ScorecardArtifact, layout: Layout, m: FeatureMatrix, i: number): { names: string[]; values: Float64Array } {
  const width = layout.names.length;
  return { names: a.features.map((f) => f.name), values: Float64Array.from(layout.columnOf, (c) => m.values[i * width + c]) };
}

describe.each(cases)('ScorecardScorer.predict on random matrices: %s', (_label, artifact) => {
  const scorer = new ScorecardScorer(artifact);

  it('equals score(row) to the bit for every row (PD and points), any row count and column order', () => {
    const rng = createRandom(2024);
    for (let trial = 0; trial < 40; trial++) {
      const layout = randomLayout(rng, artifact);
      const rows = trial < 9 ? trial : rng.int(64);
      const m = randomMatrix(rng, artifact, layout, rows);
      const pds = scorer.predict(m);
      const points = scorer.scorePoints(m);
      expect(pds).toHaveLength(rows);
      for (let i = 0; i < rows; i++) {
        const one = scorer.score(rowVector(artifact, layout, m, i));
        if (!Object.is(pds[i], one.probabilityOfDefault) || !Object.is(points[i], one.score)) {
          expect({ row: i, pd: pds[i], points: points[i] }).toEqual({ row: i, pd: one.probabilityOfDefault, points: one.score });
        }
      }
    }
  });

  it('reports the first invalid cell in row-major order (path [row, feature], code) like score() does', () => {
    const rng = createRandom(99);
    const numeric = artifact.features.map((f, j) => (f.type === 'numeric' ? j : -1)).filter((j) => j >= 0);
    const categorical = artifact.features.map((f, j) => (f.type === 'categorical' ? j : -1)).filter((j) => j >= 0);
    for (let trial = 0; trial < 60; trial++) {
      const layout = randomLayout(rng, artifact);
      const rows = 1 + rng.int(40);
      const m = randomMatrix(rng, artifact, layout, rows);
      const width = layout.names.length;
      const bad = 1 + rng.int(3);
      for (let b = 0; b < bad; b++) {
        const i = rng.int(rows);
        const useCategorical = categorical.length > 0 && (numeric.length === 0 || rng.next() < 0.4);
        const j = useCategorical ? categorical[rng.int(categorical.length)] : numeric[rng.int(numeric.length)];
        const invalid = useCategorical ? [1.5, -2, 1e9, Infinity, (artifact.features[j].categories ?? []).length][rng.int(5)] : [Infinity, -Infinity][rng.int(2)];
        m.values[i * width + layout.columnOf[j]] = invalid;
      }
      // expected: the first row (in order) whose vector score() rejects, and score()'s first issue's code
      let expected: { code: string; path: (string | number)[] } | undefined;
      for (let i = 0; i < rows && expected === undefined; i++) {
        try {
          scorer.score(rowVector(artifact, layout, m, i));
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidInputError);
          const feature = String((e as InvalidInputError).issues[0].path[0]);
          // the batch path's codes (score() calls an infinite category cell not_finite)
          const code = artifact.features.find((f) => f.name === feature)?.type === 'categorical' ? 'invalid_category_index' : 'not_finite';
          expected = { code, path: [i, feature] };
        }
      }
      expect(expected).toBeDefined();
      for (const run of [() => scorer.predict(m), () => scorer.scorePoints(m)]) {
        try {
          run();
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidInputError);
          const err = e as InvalidInputError;
          expect(err.issues).toHaveLength(1);
          expect(err.issues[0]).toMatchObject(expected!);
        }
      }
    }
  });
});

describe('ScorecardScorer.predict column mapping', () => {
  it('maps columns afresh when the same names array is reordered between calls, and still checks the length', () => {
    const scorer = new ScorecardScorer(mixed);
    const rng = createRandom(5);
    const layout = randomLayout(rng, mixed);
    const m = randomMatrix(rng, mixed, layout, 13);
    const expected = scorer.predict(m);
    expect(scorer.predict(m)).toEqual(expected); // second call: remembered mapping
    // swap two columns in place: same names array object, new order, values swapped to match
    const names = m.names as string[];
    const width = names.length;
    const swapped = new Float64Array(m.values);
    for (let i = 0; i < m.rows; i++) [swapped[i * width], swapped[i * width + 1]] = [m.values[i * width + 1], m.values[i * width]];
    [names[0], names[1]] = [names[1], names[0]];
    const again = scorer.predict({ names, rows: m.rows, values: swapped });
    expect(Array.from(again)).toEqual(Array.from(expected));
    try {
      scorer.predict({ names, rows: m.rows + 1, values: swapped });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).issues[0]).toMatchObject({ code: 'length_mismatch', path: ['values'] });
    }
    try {
      scorer.predict({ names: names.slice(1), rows: 0, values: new Float64Array(0) });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).issues[0]).toMatchObject({ code: 'missing_feature' });
    }
    expect(Array.from(scorer.predict({ names, rows: m.rows, values: swapped }))).toEqual(Array.from(expected));
  });
});

describe('ScorecardScorer.predict kernel coverage', () => {
  it('the cases include characteristics with more than 7 and more than 15 cut-points, special values and a categorical one', () => {
    const cuts = fine.model.characteristics.map((c) => (c.binning.type === 'numeric' ? c.binning.cutpoints.length : 0));
    expect(Math.max(...cuts)).toBeGreaterThan(15);
    const mediumCuts = medium.model.characteristics.map((c) => (c.binning.type === 'numeric' ? c.binning.cutpoints.length : 0));
    expect(Math.max(...mediumCuts)).toBeGreaterThan(7);
    expect(Math.max(...mediumCuts)).toBeLessThanOrEqual(15);
    expect(mixed.model.characteristics.some((c) => c.binning.type === 'categorical')).toBe(true);
    expect(mixed.model.characteristics.some((c) => c.binning.type === 'numeric' && c.binning.specialValues.length > 0)).toBe(true);
    expect(numericOnly.model.characteristics.every((c) => c.binning.type === 'numeric' && c.binning.specialValues.length === 0)).toBe(true);
  });
});
