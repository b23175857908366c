import { describe, expect, it } from 'vitest';
import {
  FEATURE_CATALOGUE,
  FEATURE_NAMES,
  INQUIRY_REASON_CODE,
  InvalidInputError,
  InvalidOptionsError,
  applicantsToDataset,
  catalogueFeatureSpecs,
  extractFeatureMatrix,
  extractFeatures,
  parseApplicant,
} from '../../src/index.js';
import { FEATURE_REASON_CODES } from '../../src/features/index.js';
import { FeatureSpecSchema } from '../../src/schema/artifactCommon.js';
import { dayNumber } from '../../src/schema/primitives.js';
import { rankReasons } from '../../src/scorers/rankReasons.js';
import { GOLDEN_APPLICANTS } from './goldenApplicants.js';

const goldens = GOLDEN_APPLICANTS.map((g) => parseApplicant(g.input));

describe('FEATURE_CATALOGUE integrity', () => {
  it('has at least 30 features with unique camelCase names, in FEATURE_NAMES order', () => {
    expect(FEATURE_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    expect(FEATURE_CATALOGUE.length).toBe(49);
    const names = FEATURE_CATALOGUE.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...FEATURE_NAMES]);
    for (const n of names) expect(n).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('every definition has every field filled and valid', () => {
    for (const d of FEATURE_CATALOGUE) {
      for (const key of ['name', 'description', 'unit', 'source', 'riskDirection', 'reasonCode', 'reasonText'] as const) {
        expect(typeof d[key], `${d.name}.${key}`).toBe('string');
        expect(d[key].trim().length, `${d.name}.${key}`).toBeGreaterThan(0);
      }
      expect(d.description.length, d.name).toBeGreaterThan(40);
      expect(['bureau', 'income', 'behavior', 'application']).toContain(d.source);
      expect(['increasing', 'decreasing', 'none']).toContain(d.riskDirection);
      expect(typeof d.isProtected).toBe('boolean');
      expect(typeof d.compute).toBe('function');
      expect(d.reasonCode).toMatch(/^RC\d\d$/);
      expect(d.reasonText).toBe(FEATURE_REASON_CODES[d.reasonCode as keyof typeof FEATURE_REASON_CODES]);
      expect(Object.isFrozen(d)).toBe(true);
    }
    expect(Object.isFrozen(FEATURE_CATALOGUE)).toBe(true);
  });

  it('represents every source', () => {
    const counts = new Map<string, number>();
    for (const d of FEATURE_CATALOGUE) counts.set(d.source, (counts.get(d.source) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ bureau: 26, income: 6, behavior: 12, application: 5 });
  });

  it('every inquiry feature, and only those, carries INQUIRY_REASON_CODE', () => {
    expect(INQUIRY_REASON_CODE).toBe('RC05');
    expect(FEATURE_REASON_CODES[INQUIRY_REASON_CODE]).toBe('Too many recent credit inquiries');
    const inquiry = FEATURE_CATALOGUE.filter((d) => d.reasonCode === INQUIRY_REASON_CODE).map((d) => d.name);
    expect(inquiry).toEqual(FEATURE_NAMES.filter((n) => /inquir/i.test(n)));
    expect(inquiry).toEqual(['hardInquiries6m', 'hardInquiries12m', 'monthsSinceMostRecentInquiry']);
  });

  it('marks applicant age, and only it, as protected', () => {
    expect(FEATURE_CATALOGUE.filter((d) => d.isProtected).map((d) => d.name)).toEqual(['applicantAgeYears']);
  });

  it('documents missing values: a feature that is NaN for some golden applicant says when in its description', () => {
    const m = extractFeatureMatrix(goldens);
    FEATURE_NAMES.forEach((name, j) => {
      let sawNaN = false;
      for (let i = 0; i < m.rows; i++) if (Number.isNaN(m.values[i * FEATURE_NAMES.length + j])) sawNaN = true;
      const description = FEATURE_CATALOGUE[j].description;
      if (sawNaN) expect(description, name).toContain('NaN');
      else expect(/NaN|Never missing/.test(description), name).toBe(true);
    });
  });

  it('every reason code of FEATURE_REASON_CODES is used by some feature (as its reason or its missing-value reason)', () => {
    const used = new Set(FEATURE_CATALOGUE.flatMap((d) => (d.missingReasonCode === undefined ? [d.reasonCode] : [d.reasonCode, d.missingReasonCode])));
    expect([...used].sort()).toEqual(Object.keys(FEATURE_REASON_CODES).sort());
  });
});

describe('catalogueFeatureSpecs', () => {
  it('catalogueFeatureSpecs() returns one valid numeric spec per catalogue feature, in order', () => {
    const specs = catalogueFeatureSpecs();
    expect(specs.map((s) => s.name)).toEqual([...FEATURE_NAMES]);
    for (const s of specs) {
      expect(FeatureSpecSchema.parse(s)).toEqual(s);
      expect(s.type).toBe('numeric');
    }
  });

  it('catalogueFeatureSpecs(names) keeps the order asked', () => {
    //#region example:catalogueFeatureSpecs
    const [spec] = catalogueFeatureSpecs(['hardInquiries6m']);
    //#endregion
    expect(spec).toMatchObject({ name: 'hardInquiries6m', type: 'numeric', reasonCode: 'RC05', reasonText: 'Too many recent credit inquiries', riskDirection: 'increasing', isProtected: false });
    expect(catalogueFeatureSpecs(['termMonths', 'revolvingUtilization']).map((s) => s.name)).toEqual(['termMonths', 'revolvingUtilization']);
  });

  it('catalogueFeatureSpecs(names) throws InvalidOptionsError naming unknown and repeated names by index', () => {
    let caught: unknown;
    try {
      catalogueFeatureSpecs(['termMonths', 'nope', 'termMonths']);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidOptionsError);
    expect((caught as InvalidOptionsError).issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_feature', ['names', 1]],
      ['duplicate_feature', ['names', 2]],
    ]);
  });

  it('specs work with rankReasons: inquiry features group under one reason, protected never cited', () => {
    const specs = catalogueFeatureSpecs(['hardInquiries6m', 'hardInquiries12m', 'revolvingUtilization', 'applicantAgeYears']);
    const reasons = rankReasons(specs, [3, 2, 4, 50], [4, 6, 0.9, 22], { inquiryReasonCode: INQUIRY_REASON_CODE });
    expect(reasons.map((r) => [r.code, r.impact, r.feature])).toEqual([
      ['RC05', 5, 'hardInquiries6m'],
      ['RC01', 4, 'revolvingUtilization'],
    ]);
  });
});

describe('applicantsToDataset', () => {
  const rows = goldens.map((applicant, i) => ({ applicant, outcome: { defaulted: i % 2 === 1 } }));

  it('applicantsToDataset(rows) has one numeric column per feature equal to the feature matrix, then the asOf date column', () => {
    const ds = applicantsToDataset(rows);
    expect(ds.rows).toBe(goldens.length);
    expect(ds.columns.map((c) => c.name)).toEqual([...FEATURE_NAMES, 'asOf']);
    const m = extractFeatureMatrix(goldens);
    FEATURE_NAMES.forEach((name, j) => {
      const col = ds.columns[j];
      expect(col.type).toBe('numeric');
      if (col.type === 'categorical') return;
      for (let i = 0; i < ds.rows; i++) expect(Object.is(col.values[i], m.values[i * FEATURE_NAMES.length + j]), name).toBe(true);
    });
    const dates = ds.columns[FEATURE_NAMES.length];
    expect(dates.type).toBe('date');
    if (dates.type !== 'categorical') expect([...dates.values]).toEqual(goldens.map((a) => dayNumber(a.asOf)));
  });

  it('applicantsToDataset(rows) sets target from outcome.defaulted, dateColumn asOf, and catalogue metadata (not for asOf)', () => {
    const ds = applicantsToDataset(rows);
    expect([...(ds.target ?? [])]).toEqual([0, 1, 0, 1, 0, 1]);
    expect(ds.dateColumn).toBe('asOf');
    expect(Object.keys(ds.metadata ?? {})).toEqual([...FEATURE_NAMES]);
    expect(ds.metadata?.hardInquiries6m).toEqual({
      description: FEATURE_CATALOGUE[FEATURE_NAMES.indexOf('hardInquiries6m')].description,
      reasonCode: 'RC05',
      reasonText: 'Too many recent credit inquiries',
      riskDirection: 'increasing',
      isProtected: false,
      missingReasonCode: 'RC11',
      missingReasonText: 'Limited or no credit file',
    });
    expect(ds.metadata?.applicantAgeYears?.isProtected).toBe(true);
  });

  it('applicantsToDataset(rows) without outcomes has no target', () => {
    const ds = applicantsToDataset(goldens.map((applicant) => ({ applicant })));
    expect(ds.target).toBeUndefined();
    expect(ds.rows).toBe(goldens.length);
  });

  it('applicantsToDataset([]) is an empty dataset with every column', () => {
    const ds = applicantsToDataset([]);
    expect(ds.rows).toBe(0);
    expect(ds.columns.length).toBe(FEATURE_NAMES.length + 1);
  });

  it('applicantsToDataset(rows) throws InvalidInputError naming rows that lack an outcome when others have one', () => {
    let caught: unknown;
    try {
      applicantsToDataset([{ applicant: goldens[0], outcome: { defaulted: true } }, { applicant: goldens[1] }, { applicant: goldens[2] }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_outcome', [1, 'outcome']],
      ['missing_outcome', [2, 'outcome']],
    ]);
  });

  it('applicantsToDataset(rows) rejects a non-boolean defaulted', () => {
    const bad = [{ applicant: goldens[0], outcome: { defaulted: 1 as unknown as boolean } }];
    expect(() => applicantsToDataset(bad)).toThrow(InvalidInputError);
  });
});

describe('documentation examples', () => {
  it('extractFeatures example', () => {
    //#region example:extractFeatures
    const v = extractFeatures(parseApplicant({
      asOf: '2024-06-15',
      application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
      bureau: { status: 'hit', inquiries: [{ date: '2024-04-02', type: 'hard' }] },
    }));
    //#endregion
    expect(v.values[v.names.indexOf('hardInquiries6m')]).toBe(1);
    expect(v.values[v.names.indexOf('monthlyIncome')]).toBeNaN();
  });

  it('FeatureDefinition.compute example', () => {
    const def = FEATURE_CATALOGUE.find((d) => d.name === 'termMonths');
    expect(def?.compute(goldens[0], '2024-06-15')).toBe(36);
  });
});
