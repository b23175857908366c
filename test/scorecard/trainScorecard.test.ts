import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { applyBinning } from '../../src/binning/applyBinning.js';
import type { Dataset } from '../../src/data/Dataset.js';
import { InsufficientDataError, InvalidOptionsError } from '../../src/errors.js';
import { DEFAULT_SCALING, scalingConstants } from '../../src/scaling/scaling.js';
import { ScorecardArtifactSchema, type ScorecardArtifact } from '../../src/schema/artifacts/scorecard.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import { syntheticDataset } from './synthetic.js';
import { applicantsToDataset } from '../../src/features/applicantsToDataset.js';
import { loadFixtureSample } from '../../fixtures/loadFixtureSample.js';

const dataset = syntheticDataset();
const options = { binningByFeature: { monthsSinceDelinquency: { specialValues: [-1] } } };
const artifact = trainScorecard(dataset, options);

type Entry = { feature: string; status: string; reason?: string; detail?: string; iv: number; coefficient?: number };
const selectionOf = (a: ScorecardArtifact): Entry[] => (a.training as { selection: Entry[] }).selection;

/** Exact (unrounded) score of every training row, computed from the artifact alone. */
function exactAndRounded(a: ScorecardArtifact, ds: Dataset): { exact: Float64Array; rounded: Float64Array } {
  const { factor, offset } = scalingConstants(a.scaling);
  const exact = new Float64Array(ds.rows);
  const rounded = new Float64Array(ds.rows);
  const logOdds = new Float64Array(ds.rows).fill(a.model.intercept);
  a.features.forEach((f, j) => {
    const c = a.model.characteristics[j];
    const bins = applyBinning(c.binning, ds.columns.find((col) => col.name === f.name)!);
    for (let i = 0; i < ds.rows; i++) {
      logOdds[i] += c.coefficient * c.binning.bins[bins[i]].woe;
      rounded[i] += c.points[bins[i]];
    }
  });
  for (let i = 0; i < ds.rows; i++) exact[i] = offset - factor * logOdds[i];
  return { exact, rounded };
}

describe('trainScorecard', () => {
  it('trainScorecard(dataset) returns a schema-valid scorecard artifact of the selected characteristics', () => {
    expect(ScorecardArtifactSchema.safeParse(artifact).success).toBe(true);
    expect(artifact.kind).toBe('scorecard');
    expect(artifact.format).toBe('credit-scoring/model');
    expect(artifact.scaling).toEqual(DEFAULT_SCALING);
    const selected = selectionOf(artifact).filter((e) => e.status === 'selected').map((e) => e.feature);
    expect(artifact.features.map((f) => f.name)).toEqual(selected);
    // Categorical features carry the binning's dictionary.
    const purpose = artifact.features.findIndex((f) => f.name === 'purpose');
    expect(artifact.features[purpose].categories).toEqual(artifact.model.characteristics[purpose].binning.type === 'categorical' ? (artifact.model.characteristics[purpose].binning as { categories: string[] }).categories : null);
  });

  it('trainScorecard logs every candidate, with a reason for every dropped one', () => {
    const log = selectionOf(artifact);
    expect(log.map((e) => e.feature)).toEqual(dataset.columns.map((c) => c.name));
    for (const e of log) {
      if (e.status === 'dropped') {
        expect(e.reason).toMatch(/^(iv_below_minimum|correlated|vif|max_characteristics|stepwise|sign_flip)$/);
        expect(e.detail).toBeTruthy();
      } else {
        expect(e.coefficient).toBeLessThan(0);
      }
    }
    expect(log.find((e) => e.feature === 'noise')).toMatchObject({ status: 'dropped', reason: 'iv_below_minimum' });
    // Exactly one of the two near-identical utilisation columns survives the correlation filter.
    const copies = log.filter((e) => e.feature.startsWith('utilization'));
    expect(copies.map((e) => e.status).sort()).toEqual(['dropped', 'selected']);
    expect(copies.find((e) => e.status === 'dropped')?.reason).toBe('correlated');
  });

  it('trainScorecard puts missing and special values in bins of their own', () => {
    const income = artifact.model.characteristics[artifact.features.findIndex((f) => f.name === 'income')].binning;
    expect(income.bins[income.missingBin].kind).toBe('missing');
    const months = artifact.model.characteristics[artifact.features.findIndex((f) => f.name === 'monthsSinceDelinquency')].binning;
    expect(months.type).toBe('numeric');
    if (months.type === 'numeric') {
      expect(months.specialValues).toHaveLength(1);
      expect(months.bins[months.specialValues[0].bin]).toMatchObject({ kind: 'special', label: 'Special -1' });
      // "No delinquency" is safer than average by construction.
      expect(months.bins[months.specialValues[0].bin].woe).toBeGreaterThan(0.3);
    }
  });

  it('trainScorecard points follow -(beta * woe + alpha / n) * factor + offset / n, rounded by less than one unit', () => {
    const { factor, offset } = scalingConstants(artifact.scaling);
    const n = artifact.features.length;
    for (const c of artifact.model.characteristics) {
      c.binning.bins.forEach((b, k) => {
        const exact = -(c.coefficient * b.woe + artifact.model.intercept / n) * factor + offset / n;
        expect(Math.abs(c.points[k] - exact)).toBeLessThan(1);
        expect(Number.isInteger(c.points[k])).toBe(true);
      });
    }
  });

  it('trainScorecard keeps the score rounding error below 1 point on average (and records it)', () => {
    const { exact, rounded } = exactAndRounded(artifact, dataset);
    let abs = 0;
    let max = 0;
    for (let i = 0; i < dataset.rows; i++) {
      const e = Math.abs(rounded[i] - exact[i]);
      abs += e;
      max = Math.max(max, e);
    }
    const rounding = (artifact.training as { rounding: { meanAbsError: number; maxAbsError: number; plainRounding: { meanAbsError: number } } }).rounding;
    expect(abs / dataset.rows).toBeLessThan(1);
    expect(abs / dataset.rows).toBeCloseTo(rounding.meanAbsError, 9);
    expect(max).toBeCloseTo(rounding.maxAbsError, 9);
    expect(rounding.meanAbsError).toBeLessThanOrEqual(rounding.plainRounding.meanAbsError);
  });

  it('trainScorecard({ pointsDecimals: 2 }) rounds points to 2 decimals and bounds every applicant error by n * 0.005', () => {
    const a = trainScorecard(dataset, { ...options, pointsDecimals: 2 });
    for (const c of a.model.characteristics) for (const p of c.points) expect(Math.round(p * 100) / 100).toBe(p);
    const { exact, rounded } = exactAndRounded(a, dataset);
    const bound = a.features.length * 0.005 + 1e-9;
    for (let i = 0; i < dataset.rows; i++) expect(Math.abs(rounded[i] - exact[i])).toBeLessThanOrEqual(bound);
  });

  it('trainScorecard keeps each characteristic monotone after rounding (points follow WoE order)', () => {
    for (const c of artifact.model.characteristics) {
      const order = c.binning.bins.map((b, k) => [b.woe, c.points[k]] as const).sort((x, y) => x[0] - y[0]);
      for (let k = 1; k < order.length; k++) expect(order[k][1]).toBeGreaterThanOrEqual(order[k - 1][1]);
    }
  });

  it('trainScorecard is deterministic: same data and options give byte-identical JSON, with no timestamp', () => {
    const again = trainScorecard(syntheticDataset(), options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(artifact));
    expect(JSON.stringify(artifact)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('trainScorecard drops a characteristic whose coefficient contradicts its WoE and refits (sign check)', () => {
    // b helps only as a suppressor of a: its marginal WoE says "higher b riskier" but its joint
    // coefficient says the opposite.
    const rng = createRandom(3);
    const n = 4000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      a[i] = z + 0.5 * rng.normal();
      b[i] = z + 0.5 * rng.normal();
      y[i] = rng.next() < 1 / (1 + Math.exp(-(-1 + 2 * a[i] - 1.2 * b[i]))) ? 1 : 0;
    }
    const ds: Dataset = { rows: n, columns: [{ name: 'a', type: 'numeric', values: a }, { name: 'b', type: 'numeric', values: b }], target: y };
    const card = trainScorecard(ds, { maxCorrelation: 0.99, maxVif: 100 });
    expect(card.features.map((f) => f.name)).toEqual(['a']);
    expect(selectionOf(card).find((e) => e.feature === 'b')).toMatchObject({ status: 'dropped', reason: 'sign_flip' });
    expect(card.model.characteristics[0].coefficient).toBeLessThan(0);
  });

  it('trainScorecard re-admits characteristics shadowed by one that the sign check later drops: every "correlated" drop names a selected characteristic', () => {
    // The fixture applicants have many correlated bureau characteristics and several sign flips
    // (e.g. publicRecordCount, which shadows monthsSinceMostRecentPublicRecord).
    const card = trainScorecard(applicantsToDataset(loadFixtureSample().train));
    const log = selectionOf(card);
    const selected = new Set(card.features.map((f) => f.name));
    const correlated = log.filter((e) => e.reason === 'correlated');
    expect(correlated.length).toBeGreaterThan(0);
    expect(log.some((e) => e.reason === 'sign_flip')).toBe(true);
    for (const e of correlated) {
      const shadow = /with (\S+) \(higher IV\)/.exec(e.detail ?? '')?.[1];
      expect(selected.has(shadow ?? ''), `${e.feature}: ${e.detail}`).toBe(true);
    }
    // Selected entries carry no stale drop reason from an earlier round.
    for (const e of log.filter((x) => x.status === 'selected')) expect(e.reason).toBeUndefined();
  });

  it('trainScorecard({ stepwise: "bic" }) adds characteristics forward and logs those it leaves out', () => {
    const a = trainScorecard(dataset, { ...options, minIv: 0, maxCorrelation: 1, maxVif: 1e6, stepwise: 'bic' });
    const log = selectionOf(a);
    expect(log.find((e) => e.feature === 'noise')).toMatchObject({ status: 'dropped', reason: 'stepwise' });
    expect(a.features.map((f) => f.name)).toContain('income');
  });

  it('trainScorecard({ maxCharacteristics }) keeps the highest-IV characteristics', () => {
    const a = trainScorecard(dataset, { ...options, maxCharacteristics: 2 });
    expect(a.features).toHaveLength(2);
    expect(selectionOf(a).filter((e) => e.reason === 'max_characteristics').length).toBeGreaterThan(0);
  });

  it('trainScorecard refuses protected attributes unless allowProtected, and never cites them in reasons', () => {
    const ds: Dataset = { ...dataset, metadata: { purpose: { isProtected: true } } };
    expect(trainScorecard(ds, options).features.map((f) => f.name)).not.toContain('purpose');
    try {
      trainScorecard(ds, { include: ['purpose', 'income'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect((e as InvalidOptionsError).issues[0]).toMatchObject({ code: 'protected_feature', path: ['include', 0] });
    }
    const allowed = trainScorecard(ds, { ...options, allowProtected: true });
    const spec = allowed.features.find((f) => f.name === 'purpose');
    expect(spec?.isProtected).toBe(true);
  });

  it('trainScorecard uses dataset weights as row counts', () => {
    const small = syntheticDataset(600, 9);
    const doubled: Dataset = {
      rows: small.rows * 2,
      columns: small.columns.map((c) => (c.type === 'categorical' ? { ...c, codes: Int32Array.from([...c.codes, ...c.codes]) } : { ...c, values: Float64Array.from([...c.values, ...c.values]) })),
      target: Uint8Array.from([...small.target!, ...small.target!]),
    };
    const weighted: Dataset = { ...small, weights: new Float64Array(small.rows).fill(2) };
    const a = trainScorecard(doubled, { minIv: 0.05 });
    const b = trainScorecard(weighted, { minIv: 0.05 });
    expect(b.features.map((f) => f.name)).toEqual(a.features.map((f) => f.name));
    b.model.characteristics.forEach((c, j) => {
      expect(c.binning.bins.map((x) => x.count)).toEqual(a.model.characteristics[j].binning.bins.map((x) => x.count));
      expect(c.coefficient).toBeCloseTo(a.model.characteristics[j].coefficient, 6);
      expect(c.points).toEqual(a.model.characteristics[j].points);
    });
  });

  it('trainScorecard stores the average and cut-off baselines', () => {
    const a = trainScorecard(dataset, { ...options, reasonBaseline: 'cutoff', reasonCutoff: { score: 560, window: 25 } });
    expect(a.model.reasonBaseline).toBe('cutoff');
    expect(a.model.cutoff).toMatchObject({ score: 560, window: 25 });
    expect(a.model.cutoff!.count).toBeGreaterThan(0);
    for (const c of a.model.characteristics) {
      expect(c.cutoffPoints).toBeGreaterThanOrEqual(Math.min(...c.points));
      expect(c.cutoffPoints).toBeLessThanOrEqual(Math.max(...c.points));
    }
    // The population average of the points is the average of the rows' points.
    const { rounded } = exactAndRounded(artifact, dataset);
    const sumOfAverages = artifact.model.characteristics.reduce((s, c) => s + c.averagePoints, 0);
    expect(sumOfAverages).toBeCloseTo(rounded.reduce((s, v) => s + v, 0) / dataset.rows, 9);
  });

  it('trainScorecard rejects bad data and options with typed errors and paths', () => {
    expect(() => trainScorecard({ ...dataset, target: undefined })).toThrow(InsufficientDataError);
    expect(() => trainScorecard({ ...dataset, target: new Uint8Array(dataset.rows) })).toThrow(InsufficientDataError);
    const cases: [object, (string | number)[]][] = [
      [{ minIv: -1 }, ['minIv']],
      [{ binning: { maxBins: 0 } }, ['binning', 'maxBins']],
      [{ reasonBaseline: 'cutoff' }, ['reasonCutoff']],
      [{ binningByFeature: { nope: { maxBins: 3 } } }, ['binningByFeature', 'nope']],
      [{ pointsDecimals: 1.5 }, ['pointsDecimals']],
      [{ include: ['nope'] }, ['include', 0]],
    ];
    for (const [o, path] of cases) {
      try {
        trainScorecard(dataset, o);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidOptionsError);
        expect((e as InvalidOptionsError).issues[0].path).toEqual(path);
      }
    }
    expect(() => trainScorecard(dataset, { minIv: 5 })).toThrow(InsufficientDataError);
  });
});
