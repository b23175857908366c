import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBinning } from '../../src/binning/applyBinning.js';
import type { Dataset } from '../../src/data/Dataset.js';
import { InvalidArtifactError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { scalingConstants, sigmoid } from '../../src/scaling/scaling.js';
import { ScorecardArtifactSchema, type ScorecardArtifact } from '../../src/schema/artifacts/scorecard.js';
import { applyCalibration } from '../../src/scorers/applyCalibration.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { ScorecardScorer } from '../../src/scorers/ScorecardScorer.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import type { FeatureMatrix, FeatureRecord } from '../../src/types.js';
import { PURPOSES, syntheticDataset } from './synthetic.js';

const dataset = syntheticDataset();
const artifact = trainScorecard(dataset, { binningByFeature: { monthsSinceDelinquency: { specialValues: [-1] } }, reasonCutoff: { score: 560 } });
const scorer = new ScorecardScorer(artifact);
const names = artifact.features.map((f) => f.name);

/** Row i of the dataset as a feature record (only the model's characteristics). */
function recordOf(ds: Dataset, i: number): FeatureRecord {
  const out: Record<string, number | string | null> = {};
  for (const name of names) {
    const c = ds.columns.find((col) => col.name === name)!;
    if (c.type === 'categorical') out[name] = c.codes[i] < 0 ? null : c.categories[c.codes[i]];
    else out[name] = Number.isNaN(c.values[i]) ? null : c.values[i];
  }
  return out;
}

function matrixOf(records: readonly FeatureRecord[]): FeatureMatrix {
  const values = new Float64Array(records.length * names.length);
  records.forEach((r, i) => {
    names.forEach((name, j) => {
      const v = r[name];
      const spec = artifact.features[j];
      values[i * names.length + j] = v === null || v === undefined ? NaN : spec.type === 'categorical' ? (spec.categories ?? []).indexOf(String(v)) : Number(v);
    });
  });
  return { names, rows: records.length, values };
}

const arbitraryRecord = fc.record({
  utilizationCopy: fc.option(fc.double({ min: -0.5, max: 2, noNaN: true }), { nil: null }),
  income: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  purpose: fc.option(fc.constantFrom(...PURPOSES, 'unseen-purpose'), { nil: null }),
  monthsSinceDelinquency: fc.option(fc.constantFrom(-1, 0, 3, 12, 24, 59, 120), { nil: null }),
  inquiries: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
});

describe('ScorecardScorer', () => {
  it('new ScorecardScorer(artifact) scores the sum of bin points and the PD of the unrounded log-odds', () => {
    const rec = recordOf(dataset, 0);
    const r = scorer.score(rec);
    let points = 0;
    let logOdds = artifact.model.intercept;
    artifact.features.forEach((f, j) => {
      const c = artifact.model.characteristics[j];
      const col = dataset.columns.find((x) => x.name === f.name)!;
      const bin = applyBinning(c.binning, col)[0];
      points += c.points[bin];
      logOdds += c.coefficient * c.binning.bins[bin].woe;
    });
    expect(r.score).toBe(points);
    expect(r.probabilityOfDefault).toBe(sigmoid(logOdds));
    expect(r.modelId).toBe(scorer.id);
    expect(scorer.id).toMatch(/^scorecard@[0-9a-f]{8}$/);
    // The PD is the exact inverse of the unrounded score.
    const { factor, offset } = scalingConstants(artifact.scaling);
    expect(Math.abs(r.score - (offset - factor * logOdds))).toBeLessThan(artifact.features.length);
  });

  it('score(x) for one record equals the same row scored inside a batch (predict and scorePoints)', () => {
    const records = Array.from({ length: 200 }, (_, i) => recordOf(dataset, i));
    const m = matrixOf(records);
    const pds = scorer.predict(m);
    const scores = scorer.scorePoints(m);
    records.forEach((rec, i) => {
      const r = scorer.score(rec);
      expect(pds[i]).toBe(r.probabilityOfDefault);
      expect(scores[i]).toBe(r.score);
    });
    // A feature vector in matrix order scores the same as the record.
    const v = { names, values: m.values.slice(0, names.length) };
    expect(scorer.score(v)).toEqual(scorer.score(records[0]));
    // Column order of the matrix does not matter.
    const reversed: FeatureMatrix = { names: [...names].reverse(), rows: m.rows, values: new Float64Array(m.values.length) };
    for (let i = 0; i < m.rows; i++) for (let j = 0; j < names.length; j++) reversed.values[i * names.length + j] = m.values[i * names.length + (names.length - 1 - j)];
    expect(scorer.predict(reversed)).toEqual(pds);
  });

  it('sum of reason shortfalls (baseline max, no cap) + score equals the maximum attainable score (seeded property)', () => {
    fc.assert(
      fc.property(arbitraryRecord, (rec) => {
        const r = scorer.score(rec, { maxReasons: Number.POSITIVE_INFINITY, baseline: 'max' });
        const lost = r.reasonCodes.reduce((s, rc) => s + rc.impact, 0);
        expect(lost + r.score).toBe(scorer.maxScore);
        expect(r.score).toBeGreaterThanOrEqual(scorer.minScore);
        expect(r.score).toBeLessThanOrEqual(scorer.maxScore);
        expect(r.probabilityOfDefault).toBeGreaterThan(0);
        expect(r.probabilityOfDefault).toBeLessThan(1);
        for (const rc of r.reasonCodes) expect(rc.impact).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('score is monotone in every numeric characteristic along its bin trend (seeded property)', () => {
    const numeric = artifact.model.characteristics.map((c, j) => ({ c, name: names[j] })).filter(({ c }) => c.binning.type === 'numeric' && (c.binning.trend === 'ascending' || c.binning.trend === 'descending'));
    expect(numeric.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(arbitraryRecord, fc.constantFrom(...numeric), (base, { c, name }) => {
        if (c.binning.type !== 'numeric') return;
        const cuts = c.binning.cutpoints;
        const grid = [cuts[0] - 1, ...cuts.flatMap((x, k) => [x, k + 1 < cuts.length ? (x + cuts[k + 1]) / 2 : x + 1])].filter((v) => !c.binning.type || !(c.binning as { specialValues: { value: number }[] }).specialValues.some((s) => s.value === v));
        const scores = grid.map((v) => scorer.score({ ...base, [name]: v }).score);
        const pds = grid.map((v) => scorer.score({ ...base, [name]: v }).probabilityOfDefault);
        for (let k = 1; k < grid.length; k++) {
          // ascending bad rate: the score never rises with the value; descending: never falls.
          if (c.binning.trend === 'ascending') {
            expect(scores[k]).toBeLessThanOrEqual(scores[k - 1]);
            expect(pds[k]).toBeGreaterThanOrEqual(pds[k - 1]);
          } else {
            expect(scores[k]).toBeGreaterThanOrEqual(scores[k - 1]);
            expect(pds[k]).toBeLessThanOrEqual(pds[k - 1]);
          }
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('score(x) cites at most maxReasons reasons, largest first, never a characteristic at its maximum', () => {
    const best: Record<string, number | string | null> = {};
    artifact.model.characteristics.forEach((c, j) => {
      const k = c.points.indexOf(Math.max(...c.points));
      const b = c.binning;
      if (b.type === 'categorical') best[names[j]] = b.categories[b.categoryBins.indexOf(k)];
      else best[names[j]] = b.specialValues.find((s) => s.bin === k)?.value ?? (k === 0 ? b.cutpoints[0] - 1 : b.cutpoints[k - 1]);
    });
    const top = scorer.score(best);
    expect(top.score).toBe(scorer.maxScore);
    expect(top.reasonCodes).toEqual([]);
    const r = scorer.score(recordOf(dataset, 3), { maxReasons: 2 });
    expect(r.reasonCodes.length).toBeLessThanOrEqual(2);
    const all = scorer.score(recordOf(dataset, 3), { maxReasons: 10 }).reasonCodes;
    for (let k = 1; k < all.length; k++) expect(all[k].impact).toBeLessThanOrEqual(all[k - 1].impact);
    expect(r.reasonCodes).toEqual(all.slice(0, 2));
  });

  it('score(x) aggregates characteristics sharing a reason code and adds the inquiry reason as a fifth', () => {
    const shared: Dataset = {
      ...dataset,
      metadata: {
        utilizationCopy: { reasonCode: 'RC01', reasonText: 'Balances too high' },
        income: { reasonCode: 'RC01', reasonText: 'Balances too high' },
        inquiries: { reasonCode: 'RC05', reasonText: 'Too many recent credit inquiries' },
      },
    };
    const a = trainScorecard(shared, { binningByFeature: { monthsSinceDelinquency: { specialValues: [-1] } }, inquiryReasonCode: 'RC05' });
    const s = loadModel(a) as ScorecardScorer;
    const worst: FeatureRecord = { utilizationCopy: 1.4, income: null, purpose: 'education', monthsSinceDelinquency: 1, inquiries: 6 };
    const all = s.score(worst, { maxReasons: 10 }).reasonCodes;
    const rc01 = all.find((r) => r.code === 'RC01')!;
    const j1 = a.features.findIndex((f) => f.name === 'utilizationCopy');
    const j2 = a.features.findIndex((f) => f.name === 'income');
    const lost = (j: number, value: number | null): number => {
      const c = a.model.characteristics[j];
      const bin = value === null ? c.binning.missingBin : applyBinning(c.binning, { name: 'x', type: 'numeric', values: Float64Array.of(value) })[0];
      return Math.max(...c.points) - c.points[bin];
    };
    expect(rc01.impact).toBe(lost(j1, 1.4) + lost(j2, null));
    expect(all.filter((r) => r.code === 'RC01')).toHaveLength(1);
    // Inquiries rank below the top 1 here: asked for one reason, the inquiry reason comes as a second.
    const one = s.score(worst, { maxReasons: 1 }).reasonCodes;
    const rank = all.findIndex((r) => r.code === 'RC05');
    expect(rank).toBeGreaterThan(0);
    expect(one.map((r) => r.code)).toEqual([all[0].code, 'RC05']);
  });

  it('score(x, { baseline }) measures points lost against the maximum, the population average or the cut-off average', () => {
    const rec = recordOf(dataset, 5);
    const m = scorer.score(rec, { baseline: 'max', maxReasons: 99 });
    const avg = scorer.score(rec, { baseline: 'average', maxReasons: 99 });
    const cut = scorer.score(rec, { baseline: 'cutoff', maxReasons: 99 });
    expect(avg.score).toBe(m.score);
    expect(cut.probabilityOfDefault).toBe(m.probabilityOfDefault);
    const j = names.indexOf(avg.reasonCodes[0]?.feature ?? names[0]);
    const c = artifact.model.characteristics[j];
    const bin = applyBinning(c.binning, dataset.columns.find((x) => x.name === names[j])!)[5];
    if (avg.reasonCodes.length > 0) expect(avg.reasonCodes[0].impact).toBeCloseTo(c.averagePoints - c.points[bin], 5);
    // Against the average, a better-than-average applicant has fewer reasons than against the maximum.
    expect(avg.reasonCodes.length).toBeLessThanOrEqual(m.reasonCodes.length);
    const plain = new ScorecardScorer(trainScorecard(dataset));
    expect(() => plain.score(rec, { baseline: 'cutoff' })).toThrow(InvalidOptionsError);
    expect(() => scorer.score(rec, { maxReasons: -1 })).toThrow(InvalidOptionsError);
  });

  it('score(x) maps missing values, special values and unseen categories to their documented bins', () => {
    const j = names.indexOf('purpose');
    const b = artifact.model.characteristics[j].binning;
    const pointsOf = (rec: FeatureRecord): number => scorer.score(rec, { maxReasons: 99 }).score;
    const base = recordOf(dataset, 0);
    if (b.type !== 'categorical') throw new Error('purpose should be categorical');
    const unseen = pointsOf({ ...base, purpose: 'space travel' });
    const missing = pointsOf({ ...base, purpose: null });
    const withBin = (k: number): number => pointsOf({ ...base, purpose: b.categories[b.categoryBins.indexOf(k)] });
    const c = artifact.model.characteristics[j];
    expect(unseen - missing).toBe(c.points[b.unseenBin] - c.points[b.missingBin]);
    expect(b.bins[b.unseenBin].kind).toBe('missing'); // training had missing purposes: unseen → missing bin
    expect(unseen).toBe(missing);
    expect(withBin(0) - unseen).toBe(c.points[0] - c.points[b.unseenBin]);
    // Reason values: '(unseen)' for an unseen category, null for missing.
    const riskyPurpose = { ...base, purpose: 'space travel', utilizationCopy: 0.1 };
    const unseenReason = scorer.score(riskyPurpose, { maxReasons: 99 }).reasonCodes.find((r) => r.feature === 'purpose');
    expect(unseenReason?.value).toBe('(unseen)');
    expect(scorer.score({ ...riskyPurpose, purpose: null }, { maxReasons: 99 }).reasonCodes.find((r) => r.feature === 'purpose')?.value).toBeNull();
    // A special value scores its own bin.
    const mj = names.indexOf('monthsSinceDelinquency');
    const mb = artifact.model.characteristics[mj].binning;
    if (mb.type !== 'numeric') throw new Error('monthsSinceDelinquency should be numeric');
    const specialPoints = artifact.model.characteristics[mj].points[mb.specialValues[0].bin];
    const at = (v: number | null): number => scorer.score({ ...base, monthsSinceDelinquency: v }).score;
    expect(at(-1) - at(0)).toBe(specialPoints - artifact.model.characteristics[mj].points[0]);
  });

  it('score(x) rejects unknown features and wrong types with their paths; predict rejects bad cells', () => {
    try {
      scorer.score({ income: 'lots' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0].path).toEqual(['income']);
    }
    expect(() => scorer.score({ incomee: 3000 })).toThrow(InvalidInputError);
    try {
      scorer.predict({ names: names.slice(1), rows: 0, values: new Float64Array(0) });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).issues[0]).toMatchObject({ code: 'missing_feature', path: ['names', names[0]] });
    }
    const m = matrixOf([recordOf(dataset, 0), recordOf(dataset, 1)]);
    const j = names.indexOf('purpose');
    m.values[names.length + j] = 17;
    try {
      scorer.predict(m);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).issues[0]).toMatchObject({ code: 'invalid_category_index', path: [1, 'purpose'] });
    }
    m.values[names.length + j] = -1; // unseen is fine
    expect(scorer.predict(m)).toHaveLength(2);
    m.values[0] = Infinity;
    expect(() => scorer.scorePoints(m)).toThrow(InvalidInputError);
  });

  it('loadModel(artifact) round-trips a scorecard through JSON with identical scores', () => {
    const text = JSON.stringify(artifact);
    const loaded = loadModel(text);
    expect(loaded).toBeInstanceOf(ScorecardScorer);
    expect(loaded.id).toBe(scorer.id);
    expect(loaded.featureNames).toEqual(names);
    expect(JSON.stringify(loaded.toArtifact())).toBe(text);
    const m = matrixOf(Array.from({ length: 50 }, (_, i) => recordOf(dataset, i)));
    expect(loaded.predict(m)).toEqual(scorer.predict(m));
    for (let i = 0; i < 20; i++) expect(loaded.score(recordOf(dataset, i))).toEqual(scorer.score(recordOf(dataset, i)));
    // toArtifact is a copy.
    const copy = scorer.toArtifact() as ScorecardArtifact;
    copy.model.intercept = 99;
    expect((scorer.toArtifact() as ScorecardArtifact).model.intercept).toBe(artifact.model.intercept);
  });

  it('loadModel rejects a tampered scorecard with the path of the problem', () => {
    const bad = structuredClone(artifact);
    bad.model.characteristics[1].points.pop();
    try {
      loadModel(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArtifactError);
      expect((e as InvalidArtifactError).issues.map((i) => i.path)).toContainEqual(['model', 'characteristics', 1, 'points']);
    }
    const wrongType = structuredClone(artifact);
    const j = names.indexOf('purpose');
    wrongType.features[j] = { ...wrongType.features[j], categories: ['a', 'b'] };
    expect(() => loadModel(wrongType)).toThrow(InvalidArtifactError);
    const badBin = structuredClone(artifact);
    badBin.model.characteristics[0].binning.missingBin = 99;
    try {
      loadModel(badBin);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidArtifactError).issues[0].path).toEqual(['model', 'characteristics', 0, 'binning', 'missingBin']);
    }
    expect(ScorecardArtifactSchema.safeParse({ ...artifact, extra: 1 }).success).toBe(false);
  });

  it('loadModel refuses a bin that no value maps to (it would inflate maxScore and the reason shortfalls), numeric and categorical', () => {
    const pathsOf = (a: unknown): unknown[] => {
      const r = ScorecardArtifactSchema.safeParse(a);
      return r.success ? [] : r.error.issues.map((i) => [i.path, (i as { params?: { rule?: string } }).params?.rule]);
    };
    // numeric: an interval bin appended after the missing bin, worth 500 points
    const j = artifact.model.characteristics.findIndex((x) => x.binning.type === 'numeric');
    const numeric = structuredClone(artifact);
    const c = numeric.model.characteristics[j];
    c.binning.bins.push({ ...c.binning.bins[0], label: 'orphan' });
    c.points.push(500);
    expect(pathsOf(numeric)).toEqual([[['model', 'characteristics', j, 'binning', 'bins', c.binning.bins.length - 1], 'unreachable_bin']]);
    expect(() => loadModel(numeric)).toThrow(InvalidArtifactError);
    // categorical: a group no category, missing value or unseen category maps to
    const k = names.indexOf('purpose');
    const categorical = structuredClone(artifact);
    const p = categorical.model.characteristics[k];
    p.binning.bins.push({ ...p.binning.bins[0], label: 'orphan' });
    p.points.push(500);
    expect(pathsOf(categorical)).toEqual([[['model', 'characteristics', k, 'binning', 'bins', p.binning.bins.length - 1], 'unreachable_bin']]);
    // trained artifacts never have one (every bin of every characteristic is reached)
    expect(pathsOf(artifact)).toEqual([]);
  });

  it('a calibrated scorecard computes its PD through the calibration', () => {
    const calibrated = { ...artifact, calibration: { method: 'platt' as const, a: 0.9, b: 0.1 } };
    const s = loadModel(calibrated);
    const plain = scorer.score(recordOf(dataset, 2));
    const logit = Math.log(plain.probabilityOfDefault / (1 - plain.probabilityOfDefault));
    expect(s.score(recordOf(dataset, 2)).probabilityOfDefault).toBeCloseTo(applyCalibration(calibrated.calibration, logit), 12);
    expect(s.score(recordOf(dataset, 2)).score).toBe(plain.score);
  });

  it('pointsTable(), pointsTableMarkdown() and pointsTableCsv() export the points of every bin', () => {
    const rows = scorer.pointsTable();
    expect(rows).toHaveLength(artifact.model.characteristics.reduce((s, c) => s + c.points.length, 0));
    expect(rows[0]).toMatchObject({ feature: names[0], bin: 0, points: artifact.model.characteristics[0].points[0] });
    const md = scorer.pointsTableMarkdown();
    expect(md).toContain('| Characteristic | Bin | Points | WoE | Share | Bad rate |');
    expect(md).toContain(`score range ${scorer.minScore}–${scorer.maxScore}`);
    const csv = scorer.pointsTableCsv().trimEnd().split('\n');
    expect(csv[0]).toBe('feature,bin,label,kind,points,woe,count,share,bad_rate');
    expect(csv).toHaveLength(rows.length + 1);
    expect(csv[1].startsWith(`${names[0]},0,`)).toBe(true);
  });
});
