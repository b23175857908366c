/**
 * trainScorecard({ missingBins: 'fitted' }): one free log-odds term per group of characteristics
 * missing on the same rows, instead of each missing bin's own WoE (which counts an applicant without
 * a bureau file once per bureau characteristic).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { applyBinning } from '../../src/binning/applyBinning.js';
import type { Dataset, NumericColumn } from '../../src/data/Dataset.js';
import { datasetToFeatureMatrix } from '../../src/data/datasetToFeatureMatrix.js';
import { InvalidArtifactError } from '../../src/errors.js';
import { scalingConstants } from '../../src/scaling/scaling.js';
import { ScorecardArtifactSchema, type ScorecardArtifact } from '../../src/schema/artifacts/scorecard.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { ScorecardScorer } from '../../src/scorers/ScorecardScorer.js';
import { fitLogisticRegression } from '../../src/train/fitLogisticRegression.js';
import { trainScorecard } from '../../src/train/trainScorecard.js';
import { catchError } from '../_catchError.js';
import { loadFixtureSample } from '../../fixtures/loadFixtureSample.js';
import { INQUIRY_REASON_CODE, applicantsToDataset } from '../../src/features/index.js';

/**
 * `a` and `b` are missing together on the "no file" rows (~25%), `d` on its own ~12% of rows, `c`
 * never. The no-file rows are riskier than average, but only by the `noFile` term: each of `a` and
 * `b` alone already shows it in its missing bin's WoE, so scoring both WoE counts it twice.
 */
function jointMissingDataset(n = 4000, seed = 11): Dataset {
  const rng = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  const target = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const noFile = rng.next() < 0.25;
    const xa = rng.normal();
    const xb = 0.5 * xa + 0.87 * rng.normal();
    const xc = rng.normal();
    const xd = rng.normal();
    const dMissing = rng.next() < 0.12;
    a[i] = noFile ? Number.NaN : Math.round(xa * 100) / 100;
    b[i] = noFile ? Number.NaN : Math.round(xb * 100) / 100;
    c[i] = Math.round(xc * 100) / 100;
    d[i] = dMissing ? Number.NaN : Math.round(xd * 100) / 100;
    const z = -2 + 0.6 * xc + (noFile ? 0.5 : 0.7 * xa + 0.5 * xb) + (dMissing ? 0.3 : 0.4 * xd);
    target[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const col = (name: string, values: Float64Array): NumericColumn => ({ name, type: 'numeric', values });
  return { rows: n, columns: [col('a', a), col('b', b), col('c', c), col('d', d)], target };
}

const dataset = jointMissingDataset();
const y = dataset.target as Uint8Array;
const noFile = Array.from({ length: dataset.rows }, (_, i) => Number.isNaN((dataset.columns[0] as NumericColumn).values[i]));
const dMissing = Array.from({ length: dataset.rows }, (_, i) => Number.isNaN((dataset.columns[3] as NumericColumn).values[i]));

function meanPdAndBadRate(artifact: ScorecardArtifact, rows: boolean[]): { pd: number; badRate: number } {
  const pd = loadModel(artifact).predict(datasetToFeatureMatrix(dataset, artifact.features));
  let s = 0;
  let bads = 0;
  let count = 0;
  rows.forEach((inside, i) => {
    if (!inside) return;
    s += pd[i];
    bads += y[i];
    count++;
  });
  return { pd: s / count, badRate: bads / count };
}

const fitted = trainScorecard(dataset, { missingBins: 'fitted', minIv: 0 });
const plain = trainScorecard(dataset, { minIv: 0 });
const effectOf = (a: ScorecardArtifact, name: string): number | undefined => a.model.characteristics[a.features.findIndex((f) => f.name === name)].missingEffect;

describe("trainScorecard({ missingBins: 'fitted' })", () => {
  it('keeps all four characteristics and gives a and b (missing on the same rows) one shared term, d its own, c none', () => {
    expect(fitted.features.map((f) => f.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(effectOf(fitted, 'a')).toBe(effectOf(fitted, 'b'));
    expect(effectOf(fitted, 'd')).not.toBe(effectOf(fitted, 'a'));
    expect(effectOf(fitted, 'c')).toBeUndefined();
    const groupOf = (name: string): number | undefined => fitted.model.characteristics[fitted.features.findIndex((f) => f.name === name)].missingGroup;
    expect(groupOf('a')).toBe(groupOf('b'));
    expect(groupOf('d')).not.toBe(groupOf('a'));
    expect([groupOf('a'), groupOf('d')].sort()).toEqual([1, 2]);
    expect(groupOf('c')).toBeUndefined();
    // 'woe' (the default) writes no missingEffect at all.
    expect(plain.model.characteristics.every((ch) => ch.missingEffect === undefined)).toBe(true);
  });

  it("is the L2 logistic fit of the WoE columns plus one indicator per missing group (rebuilt here from the artifact's bins)", () => {
    const woeColumn = (name: string): Float64Array => {
      const j = fitted.features.findIndex((f) => f.name === name);
      const binning = fitted.model.characteristics[j].binning;
      const bins = applyBinning(binning, dataset.columns.find((col) => col.name === name)!);
      return Float64Array.from(bins, (bin) => binning.bins[bin].woe);
    };
    const columns = [woeColumn('a'), woeColumn('b'), woeColumn('c'), woeColumn('d'), Float64Array.from(noFile, Number), Float64Array.from(dMissing, Number)];
    const p = columns.length;
    const values = new Float64Array(dataset.rows * p);
    for (let i = 0; i < dataset.rows; i++) for (let j = 0; j < p; j++) values[i * p + j] = columns[j][i];
    const reference = fitLogisticRegression({ names: ['a', 'b', 'c', 'd', 'noFile', 'dMissing'], rows: dataset.rows, values }, y, { l2: 5 });
    expect(fitted.model.intercept).toBeCloseTo(reference.intercept, 7);
    fitted.model.characteristics.forEach((ch, j) => expect(ch.coefficient).toBeCloseTo(reference.coefficients[j], 7));
    expect((effectOf(fitted, 'a') as number) + (effectOf(fitted, 'b') as number)).toBeCloseTo(reference.coefficients[4], 7);
    expect(effectOf(fitted, 'd')).toBeCloseTo(reference.coefficients[5], 7);
  });

  it('counts a missing-together group once: with l2 ~ 0 the mean PD of the no-file rows equals their bad rate, which the WoE of each missing bin overshoots', () => {
    const nearMle = trainScorecard(dataset, { missingBins: 'fitted', minIv: 0, l2: 1e-9 });
    const group = meanPdAndBadRate(nearMle, noFile);
    expect(Math.abs(group.pd - group.badRate)).toBeLessThan(1e-6);
    const own = meanPdAndBadRate(nearMle, dMissing);
    expect(Math.abs(own.pd - own.badRate)).toBeLessThan(1e-6);
    // The WoE model counts the no-file rows' risk through both a and b.
    const woe = meanPdAndBadRate(trainScorecard(dataset, { minIv: 0, l2: 1e-9 }), noFile);
    expect(woe.pd - woe.badRate).toBeGreaterThan(0.01);
    // The default l2 shrinks the group term a little, not back to the double count.
    const shrunk = meanPdAndBadRate(fitted, noFile);
    expect(Math.abs(shrunk.pd - shrunk.badRate)).toBeLessThan(0.01);
  });

  it('scores the missing bin as coefficient * woe + missingEffect, in score() and predict() alike, and its points include it', () => {
    const scorer = loadModel(fitted);
    const record = { a: null, b: null, c: 0.5, d: null };
    let logOdds = fitted.model.intercept;
    let points = 0;
    fitted.model.characteristics.forEach((ch, j) => {
      const name = fitted.features[j].name;
      const bin = name === 'c' ? applyBinning(ch.binning, { name, type: 'numeric', values: Float64Array.of(0.5) })[0] : ch.binning.missingBin;
      logOdds += ch.coefficient * ch.binning.bins[bin].woe + (bin === ch.binning.missingBin ? (ch.missingEffect ?? 0) : 0);
      points += ch.points[bin];
    });
    const table = new ScorecardScorer(fitted).pointsTable();
    const aMissing = table.find((r) => r.feature === 'a' && r.kind === 'missing');
    const aChar = fitted.model.characteristics[0];
    expect(aMissing?.logOdds).toBe(aChar.coefficient * aMissing!.woe + (aChar.missingEffect as number));
    expect(table.find((r) => r.feature === 'c' && r.bin === 0)?.logOdds).toBe(fitted.model.characteristics[2].coefficient * fitted.model.characteristics[2].binning.bins[0].woe);
    const result = scorer.score(record);
    expect(result.probabilityOfDefault).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 14);
    expect(result.score).toBe(points);
    const matrix = { names: ['a', 'b', 'c', 'd'], rows: 1, values: Float64Array.of(Number.NaN, Number.NaN, 0.5, Number.NaN) };
    expect(scorer.predict(matrix)[0]).toBe(result.probabilityOfDefault);
    // Points of the missing bin follow the fitted log-odds: −(β·woe + δ + α/n)·factor + offset/n, rounded.
    const a = fitted.model.characteristics[0];
    const { factor, offset } = scalingConstants(fitted.scaling);
    const exact = -(a.coefficient * a.binning.bins[a.binning.missingBin].woe + (a.missingEffect as number) + fitted.model.intercept / 4) * factor + offset / 4;
    expect(Math.abs(a.points[a.binning.missingBin] - exact)).toBeLessThan(1);
  });

  it("the Markdown points table says which Missing bins carry a fitted term; the 'woe' table has no such note", () => {
    const md = new ScorecardScorer(fitted).pointsTableMarkdown();
    expect(md).toContain(`- a: the Missing bin's points add a fitted missing-data term of ${(effectOf(fitted, 'a') as number).toFixed(4)} log-odds to its WoE's (one share of a term split with b, missing on nearly the same applicants)`);
    expect(md).toMatch(/- d: the Missing bin's points add a fitted missing-data term of -?[0-9.]+ log-odds to its WoE's\n/);
    expect(md).not.toContain("- c: the Missing bin's");
    expect(new ScorecardScorer(plain).pointsTableMarkdown()).not.toContain('fitted missing-data term');
  });

  it('gives no term to a characteristic whose other bins all share one WoE (its WoE column is a constant plus its missing indicator: the fit would be singular)', () => {
    const collapsed = trainScorecard(dataset, { missingBins: 'fitted', minIv: 0, binningByFeature: { d: { maxBins: 1 } } });
    const j = collapsed.features.findIndex((f) => f.name === 'd');
    const d = collapsed.model.characteristics[j];
    expect(d.binning.bins.filter((b) => b.kind !== 'missing')).toHaveLength(1);
    expect(d.missingEffect).toBeUndefined();
    // d's coefficient is identified by its missing-vs-present contrast alone, as with 'woe'.
    const woe = trainScorecard(dataset, { minIv: 0, binningByFeature: { d: { maxBins: 1 } } });
    expect(d.coefficient).toBeLessThan(-0.1);
    expect(woe.model.characteristics[j].coefficient).toBeLessThan(-0.1);
    expect(effectOf(collapsed, 'a')).toBe(effectOf(collapsed, 'b'));
  });

  it('never lets a fitted term make withholding data beat the best record: on the fixture sample the capped terms tie the missing bin with the best observed bin, and the fitted values are logged', () => {
    const fixture = trainScorecard(applicantsToDataset(loadFixtureSample().train), { missingBins: 'fitted', inquiryReasonCode: INQUIRY_REASON_CODE });
    const log = (fixture.training as { selection: { feature: string; fittedMissingEffect?: number }[] }).selection;
    const capped = log.filter((e) => e.fittedMissingEffect !== undefined).map((e) => e.feature);
    // Uncapped, no-hit applicants out-scored "no public record" and no bills out-scored "all bills on time".
    expect(capped).toEqual(['publicRecordCount', 'billOnTimeRatio12m']);
    // A capped characteristic keeps its missing group, and the points table names its group mates.
    const groupOf = (name: string): number | undefined => fixture.model.characteristics[fixture.features.findIndex((f) => f.name === name)].missingGroup;
    expect(groupOf('publicRecordCount')).toBe(groupOf('derogatoryTradeCount'));
    expect(new ScorecardScorer(fixture).pointsTableMarkdown()).toMatch(/- publicRecordCount: the Missing bin's points add a fitted missing-data term of -?[0-9.]+ log-odds to its WoE's \(one share of a term split with derogatoryTradeCount, hardInquiries6m,/);
    fixture.model.characteristics.forEach((c, j) => {
      if (c.missingEffect === undefined) return;
      const { bins, missingBin } = c.binning;
      const observed = bins.flatMap((b, k) => (k !== missingBin && b.count > 0 ? [k] : []));
      const best = Math.min(...observed.map((k) => c.coefficient * bins[k].woe));
      const own = c.coefficient * bins[missingBin].woe;
      expect(own + c.missingEffect).toBeGreaterThanOrEqual(Math.min(best, own) - 1e-12);
      const entry = log.find((e) => e.feature === fixture.features[j].name);
      if (entry?.fittedMissingEffect !== undefined) {
        expect(entry.fittedMissingEffect).toBeLessThan(c.missingEffect);
        expect(own + c.missingEffect).toBeCloseTo(best, 12);
        // Tied in log-odds, so not more points: an applicant in the best observed bin is not cited for it.
        expect(c.points[missingBin]).toBeLessThanOrEqual(Math.max(...observed.map((k) => c.points[k])));
      }
    });
  });

  it('is deterministic and records the option', () => {
    const again = trainScorecard(dataset, { missingBins: 'fitted', minIv: 0 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(fitted));
    expect((fitted.training as { options: { missingBins: string } }).options.missingBins).toBe('fitted');
  });

  it('an artifact with a missingEffect on a characteristic whose missing values have no bin of their own is refused with its path', () => {
    const bad = structuredClone(fitted);
    const c = bad.model.characteristics[2];
    expect(c.binning.bins[c.binning.missingBin].kind).not.toBe('missing');
    c.missingEffect = 0.1;
    expect(ScorecardArtifactSchema.safeParse(bad).success).toBe(false);
    const e = catchError(() => loadModel(bad));
    expect(e).toBeInstanceOf(InvalidArtifactError);
    expect(e.issues.map((i) => i.path)).toContainEqual(['model', 'characteristics', 2, 'missingEffect']);
    const orphanGroup = structuredClone(fitted);
    orphanGroup.model.characteristics[2].missingGroup = 3;
    expect(catchError(() => loadModel(orphanGroup)).issues.map((i) => i.path)).toContainEqual(['model', 'characteristics', 2, 'missingGroup']);
    const notFinite = structuredClone(fitted);
    notFinite.model.characteristics[0].missingEffect = Number.POSITIVE_INFINITY;
    expect(catchError(() => loadModel(notFinite)).issues.map((i) => i.path)).toContainEqual(['model', 'characteristics', 0, 'missingEffect']);
  });
});
