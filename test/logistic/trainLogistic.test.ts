import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/Dataset.js';
import { InsufficientDataError, InvalidInputError, InvalidOptionsError } from '../../src/errors.js';
import { LogisticArtifactSchema } from '../../src/schema/artifacts/logistic.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { featureSpecsFromDataset } from '../../src/train/featureSpecsFromDataset.js';
import { trainLogistic } from '../../src/train/trainLogistic.js';
import { CATEGORIES, aucOf, germanCredit, hasDatasets, recordOf, syntheticDataset } from './_data.js';
import { catchError } from '../_catchError.js';

describe('featureSpecsFromDataset', () => {
  //#region example:featureSpecsFromDataset
  it('featureSpecsFromDataset(plain table) gives a stable reason code and generic wording per column', () => {
    const ds = {
      rows: 2,
      columns: [
        { name: 'duration_in_month', type: 'numeric', values: Float64Array.of(12, 24) },
        { name: 'purpose', type: 'categorical', codes: Int32Array.of(0, 1), categories: ['car', 'tv'] },
      ],
    } as const;
    expect(featureSpecsFromDataset(ds).map((s) => [s.reasonCode, s.reasonText])).toEqual([
      ['R_DURATION_IN_MONTH', 'Duration in month: value associated with higher risk'],
      ['R_PURPOSE', 'Purpose: category associated with higher risk'],
    ]);
  });
  //#endregion

  it('featureSpecsFromDataset(dataset) slugs camelCase and odd names, and suffixes clashing slugs in column order', () => {
    const ds: Dataset = {
      rows: 1,
      columns: [
        { name: 'revolvingUtilization', type: 'numeric', values: Float64Array.of(1) },
        { name: 'a-b', type: 'numeric', values: Float64Array.of(1) },
        { name: 'a_b', type: 'numeric', values: Float64Array.of(1) },
        { name: 'Éçole ü', type: 'numeric', values: Float64Array.of(1) },
        { name: '???', type: 'numeric', values: Float64Array.of(1) },
      ],
    };
    const specs = featureSpecsFromDataset(ds);
    expect(specs.map((s) => s.reasonCode)).toEqual(['R_REVOLVING_UTILIZATION', 'R_A_B', 'R_A_B_2', 'R_ECOLE_U', 'R_COLUMN']);
    expect(specs[0].reasonText).toBe('Revolving utilization: value associated with higher risk');
    expect(specs[0].description).toBe('Revolving utilization (column revolvingUtilization)');
  });

  it('featureSpecsFromDataset(dataset with metadata) uses the catalogue wording, direction and protected flag', () => {
    const ds: Dataset = {
      rows: 1,
      columns: [
        { name: 'hardInquiries6m', type: 'numeric', values: Float64Array.of(1) },
        { name: 'monthsOnBook', type: 'numeric', values: Float64Array.of(1) },
        { name: 'age', type: 'numeric', values: Float64Array.of(40) },
        { name: 'asOf', type: 'date', values: Float64Array.of(19000) },
      ],
      dateColumn: 'asOf',
      metadata: {
        hardInquiries6m: { description: 'Hard inquiries, 6 months', reasonCode: 'RC05', reasonText: 'Too many recent credit inquiries', riskDirection: 'increasing' },
        monthsOnBook: { riskDirection: 'decreasing' },
        age: { isProtected: true },
      },
    };
    const specs = featureSpecsFromDataset(ds);
    expect(specs.map((s) => s.name)).toEqual(['hardInquiries6m', 'monthsOnBook']); // protected and date columns left out
    expect(specs[0]).toMatchObject({ reasonCode: 'RC05', reasonText: 'Too many recent credit inquiries', riskDirection: 'increasing', description: 'Hard inquiries, 6 months' });
    expect(specs[1]).toMatchObject({ reasonCode: 'R_MONTHS_ON_BOOK', reasonText: 'Months on book too low', riskDirection: 'decreasing' });

    const withAge = featureSpecsFromDataset(ds, { allowProtected: true });
    expect(withAge.find((s) => s.name === 'age')?.isProtected).toBe(true);

    const e = catchError(() => featureSpecsFromDataset(ds, { include: ['monthsOnBook', 'age'] }));
    expect(e).toBeInstanceOf(InvalidOptionsError);
    expect(e.issues).toEqual([expect.objectContaining({ code: 'protected_feature', path: ['include', 1] })]);
    expect(e.message).toMatch(/"age"/);
    expect(e.message).toMatch(/allowProtected/);

    expect(featureSpecsFromDataset(ds, { include: ['asOf'] })[0]).toMatchObject({ name: 'asOf', type: 'numeric' });
  });

  it('featureSpecsFromDataset(dataset, { include/exclude with unknown names }) throws InvalidOptionsError with paths', () => {
    const ds = syntheticDataset(10);
    const e = catchError(() => featureSpecsFromDataset(ds, { include: ['utilization', 'nope'], exclude: ['zzz'] }));
    expect(e).toBeInstanceOf(InvalidOptionsError);
    expect(e.issues.map((i) => i.path)).toEqual([
      ['include', 1],
      ['exclude', 0],
    ]);
    expect(catchError(() => featureSpecsFromDataset(ds, { exclude: ds.columns.map((c) => c.name) })).issues[0].code).toBe('no_features');
  });

  it('featureSpecsFromDataset(dataset) copies the categorical dictionary', () => {
    const ds = syntheticDataset(10);
    const spec = featureSpecsFromDataset(ds).find((s) => s.name === 'housing');
    expect(spec?.categories).toEqual([...CATEGORIES]);
  });
});

describe('trainLogistic', () => {
  const dataset = syntheticDataset();

  it('trainLogistic(dataset) returns a schema-valid artifact with training metadata and no timestamp', () => {
    const artifact = trainLogistic(dataset, { id: 'synthetic', seed: 3 });
    expect(LogisticArtifactSchema.safeParse(artifact).success).toBe(true);
    expect(artifact.kind).toBe('logistic');
    expect(artifact.features.map((f) => f.name)).toEqual(['utilization', 'income', 'housing']);
    expect(artifact.training).toMatchObject({
      rows: 2000,
      seed: 3,
      converged: true,
      dropped: [{ feature: 'branch_code', reason: expect.stringMatching(/^constant/) }],
      options: { l2: 1, clipPercentiles: [0.5, 99.5], minCategoryCount: 10 },
    });
    expect(JSON.stringify(artifact)).not.toMatch(/20\d\d-\d\d-\d\dT/);
    const bads = dataset.target?.reduce((s, v) => s + v, 0) ?? 0;
    expect(artifact.training?.badRate).toBeCloseTo(bads / 2000, 12);
  });

  it('trainLogistic(same data) twice gives byte-identical JSON with keys in schema order', () => {
    const a = JSON.stringify(trainLogistic(dataset, { id: 'x' }));
    const b = JSON.stringify(trainLogistic(syntheticDataset(), { id: 'x' }));
    expect(a).toBe(b);
    expect(Object.keys(JSON.parse(a))).toEqual(['format', 'schemaVersion', 'id', 'features', 'scaling', 'training', 'kind', 'model']);
  });

  it('trainLogistic(dataset) does not mutate the dataset', () => {
    const ds = syntheticDataset(500);
    const before = ds.columns.map((c) => (c.type === 'categorical' ? Array.from(c.codes) : Array.from(c.values)));
    trainLogistic(ds);
    expect(ds.columns.map((c) => (c.type === 'categorical' ? Array.from(c.codes) : Array.from(c.values)))).toEqual(before);
  });

  it('trainLogistic(dataset) learns a missing coefficient for a numeric column with missing values (never a silent zero)', () => {
    const artifact = trainLogistic(dataset);
    const term = artifact.model.terms[0];
    if (term.type !== 'numeric') throw new Error('expected numeric');
    // The data give missing utilisation the risk of u = 0.9 plus 0.5: well above the mean's contribution (0).
    expect(term.missingCoefficient).toBeGreaterThan(0.5);
    expect(term.coefficient).toBeGreaterThan(0);
    // The scorer uses that coefficient: a missing value scores as missingCoefficient, not as x = 0.
    const scorer = loadModel(artifact);
    const base = { income: 36_000, housing: 'own' };
    const missing = scorer.score({ ...base, utilization: null }).probabilityOfDefault;
    const atZero = scorer.score({ ...base, utilization: 0 }).probabilityOfDefault;
    const housing = artifact.model.terms[2];
    const income = artifact.model.terms[1];
    if (housing.type !== 'categorical' || income.type !== 'numeric') throw new Error('unexpected term types');
    const incomeContribution = (income.coefficient * (Math.min(income.upper, Math.max(income.lower, 36_000)) - income.center)) / income.scale;
    const eta = artifact.model.intercept + term.missingCoefficient + incomeContribution + housing.coefficients[0];
    expect(missing).toBeCloseTo(1 / (1 + Math.exp(-eta)), 14);
    expect(missing).toBeGreaterThan(atZero);
  });

  it('trainLogistic(dataset) clips numeric values at the 0.5 / 99.5 training percentiles and standardises', () => {
    const artifact = trainLogistic(dataset);
    const term = artifact.model.terms[1];
    if (term.type !== 'numeric') throw new Error('expected numeric');
    const column = dataset.columns[1];
    if (column.type === 'categorical') throw new Error('expected numeric');
    const sorted = Float64Array.from(column.values).sort();
    const percentile = (q: number): number => {
      const h = ((sorted.length - 1) * q) / 100;
      const lo = Math.floor(h);
      return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    };
    expect(term.lower).toBe(percentile(0.5));
    expect(term.upper).toBe(percentile(99.5));
    const clipped = Array.from(column.values, (v) => Math.min(term.upper, Math.max(term.lower, v)));
    const mean = clipped.reduce((s, v) => s + v, 0) / clipped.length;
    expect(term.center).toBeCloseTo(mean, 6);
    expect(term.scale).toBeCloseTo(Math.sqrt(clipped.reduce((s, v) => s + (v - mean) ** 2, 0) / clipped.length), 6);
    // Beyond the clip points the contribution no longer changes.
    const scorer = loadModel(artifact);
    const record = { utilization: 0.3, housing: 'rent' };
    expect(scorer.score({ ...record, income: term.upper * 10 }).probabilityOfDefault).toBe(scorer.score({ ...record, income: term.upper }).probabilityOfDefault);
  });

  it('trainLogistic(dataset) pools rare categories into one level that also scores unseen ones, and learns a missing level', () => {
    const artifact = trainLogistic(dataset);
    const term = artifact.model.terms[2];
    if (term.type !== 'categorical') throw new Error('expected categorical');
    expect(term.coefficients).toHaveLength(CATEGORIES.length);
    // 'boat' (about 6 rows) is below minCategoryCount = 10: it carries the pooled coefficient, as unseen categories do.
    expect(term.coefficients[3]).toBe(term.unseenCoefficient);
    expect(term.missingCoefficient).toBeGreaterThan(Math.max(term.coefficients[0], term.coefficients[2])); // missing carries +0.8 in the data
    expect(term.bestContribution).toBe(Math.min(...term.coefficients, term.missingCoefficient, term.unseenCoefficient));
    const scorer = loadModel(artifact);
    const base = { utilization: 0.4, income: 40_000 };
    expect(scorer.score({ ...base, housing: 'caravan' }).probabilityOfDefault).toBe(scorer.score({ ...base, housing: 'boat' }).probabilityOfDefault);
  });

  it('trainLogistic(dataset, { minCategoryCount: 1 }) without rare or missing levels scores unseen and missing as the riskiest level', () => {
    const ds: Dataset = {
      rows: 400,
      columns: [{ name: 'grade', type: 'categorical', categories: ['A', 'B', 'C'], codes: Int32Array.from({ length: 400 }, (_, i) => i % 3) }],
      target: Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 2 ? i % 2 : i % 5 === 0 ? 1 : 0)),
    };
    const artifact = trainLogistic(ds, { minCategoryCount: 1 });
    const term = artifact.model.terms[0];
    if (term.type !== 'categorical') throw new Error('expected categorical');
    const riskiest = Math.max(...term.coefficients);
    expect(term.unseenCoefficient).toBe(riskiest);
    expect(term.missingCoefficient).toBe(riskiest);
  });

  it('trainLogistic(dataset, { l2: 0 }) uses the most frequent level as reference (coefficient 0)', () => {
    const artifact = trainLogistic(dataset, { l2: 0 });
    const term = artifact.model.terms[2];
    if (term.type !== 'categorical') throw new Error('expected categorical');
    expect(term.coefficients[0]).toBe(0); // 'own' is the most frequent category
  });

  it('trainLogistic(dataset with a numeric column never missing) sets its missing coefficient to the riskiest end of the range', () => {
    const artifact = trainLogistic(dataset);
    const term = artifact.model.terms[1];
    if (term.type !== 'numeric') throw new Error('expected numeric');
    const atLower = (term.coefficient * (term.lower - term.center)) / term.scale;
    const atUpper = (term.coefficient * (term.upper - term.center)) / term.scale;
    expect(term.missingCoefficient).toBe(Math.max(atLower, atUpper));
    expect(term.bestContribution).toBe(Math.min(atLower, atUpper));
  });

  it('trainLogistic(dataset with a protected column) leaves it out by default, uses it flagged with allowProtected', () => {
    const ds: Dataset = { ...dataset, metadata: { income: { isProtected: true } } };
    expect(trainLogistic(ds).features.map((f) => f.name)).toEqual(['utilization', 'housing']);
    const withIncome = trainLogistic(ds, { allowProtected: true });
    expect(withIncome.features.find((f) => f.name === 'income')?.isProtected).toBe(true);
    // never cited as a reason, even when it costs points
    const reasons = loadModel(withIncome).score({ utilization: 0.1, income: 5_000, housing: 'own' }).reasonCodes;
    expect(reasons.map((r) => r.feature)).not.toContain('income');
    expect(() => trainLogistic(ds, { include: ['income', 'utilization'] })).toThrow(InvalidOptionsError);
  });

  it('trainLogistic(dataset, bad options) throws InvalidOptionsError with option paths', () => {
    const e = catchError(() => trainLogistic(dataset, { l2: -1, clipPercentiles: [50, 10] } as never));
    expect(e).toBeInstanceOf(InvalidOptionsError);
    expect(e.issues.map((i) => i.path)).toEqual([['l2'], ['clipPercentiles']]);
    expect(catchError(() => trainLogistic(dataset, { bogus: 1 } as never)).issues[0].code).toBe('unrecognized_keys');
  });

  it('trainLogistic(bad dataset) throws InvalidInputError or InsufficientDataError', () => {
    const { target: _target, ...unlabelled } = dataset;
    expect(catchError(() => trainLogistic(unlabelled)).issues[0]).toMatchObject({ code: 'missing_target', path: ['target'] });
    const short: Dataset = { ...dataset, target: new Uint8Array(5) };
    expect(catchError(() => trainLogistic(short))).toBeInstanceOf(InvalidInputError);
    const oneClass: Dataset = { ...dataset, target: new Uint8Array(dataset.rows) };
    expect(catchError(() => trainLogistic(oneClass))).toBeInstanceOf(InsufficientDataError);
    const constantOnly: Dataset = { ...dataset, columns: [dataset.columns[3]] };
    expect(catchError(() => trainLogistic(constantOnly)).issues[0].code).toBe('no_usable_feature');
    const badCode: Dataset = { ...dataset, columns: [{ name: 'c', type: 'categorical', categories: ['a'], codes: new Int32Array(dataset.rows).fill(4) }] };
    expect(catchError(() => trainLogistic(badCode)).issues[0].path).toEqual(['columns', 'c', 0]);
  });

  it('trainLogistic(dataset with weights) passes them to the fit and records their sum', () => {
    const small = syntheticDataset(300, 9);
    const weights = Float64Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 2 : 1));
    const weighted = trainLogistic({ ...small, weights });
    // Preprocessing statistics (percentiles, mean, sd) ignore weights; the fit uses them.
    const plain = trainLogistic(small);
    expect(weighted.training?.weightSum).toBe(450);
    expect(weighted.model.intercept).not.toBe(plain.model.intercept);
  });

  (hasDatasets ? describe : describe.skip)('on German credit (../shared/datasets)', () => {
    it('trainLogistic(german train.csv) reaches the reference L2 logistic test AUC (0.7903) within 0.005', () => {
      const train = germanCredit('train');
      const test = germanCredit('test');
      const artifact = trainLogistic(train, { id: 'german-logistic' });
      const scorer = loadModel(JSON.stringify(artifact));
      const pds = Array.from({ length: test.rows }, (_, i) => scorer.score(recordOf(test, i)).probabilityOfDefault);
      const auc = aucOf(pds, test.target as Uint8Array);
      expect(auc).toBeGreaterThan(0.7903 - 0.005);
      expect(artifact.training?.iterations).toBeLessThan(15);
    });
  });
});
