/**
 * A missing value is cited as missing data, not as bad behaviour: an applicant without a credit
 * file is told "Limited or no credit file" (RC11), never "Delinquency on accounts" or "Too many
 * recent credit inquiries"; one without bank data is told the data was not provided (RC29).
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_CATALOGUE, defaultModel, scoreApplicant } from '../../src/index.js';
import { FEATURE_REASON_CODES } from '../../src/features/index.js';
import type { FeatureSpec } from '../../src/index.js';
import { rankReasons } from '../../src/scorers/rankReasons.js';

const spec = (name: string, reasonCode: string, missingReasonCode?: string): FeatureSpec => ({
  name,
  type: 'numeric',
  description: '',
  reasonCode,
  reasonText: `text ${reasonCode}`,
  ...(missingReasonCode === undefined ? {} : { missingReasonCode, missingReasonText: `missing ${missingReasonCode}` }),
  riskDirection: 'increasing',
  isProtected: false,
});

describe('rankReasons with missing values', () => {
  const specs = [spec('dpd', 'RC03', 'RC11'), spec('inq', 'RC05', 'RC11'), spec('util', 'RC01', 'RC11'), spec('amount', 'RC24')];

  it('rankReasons(specs, impacts, values with nulls) groups missing features under their missing code, with its wording', () => {
    const reasons = rankReasons(specs, [10, 8, 5, 3], [null, null, 0.9, null], { inquiryReasonCode: 'RC05' });
    expect(reasons.map((r) => [r.code, r.impact, r.description, r.feature])).toEqual([
      ['RC11', 18, 'missing RC11', 'dpd'],
      ['RC01', 5, 'text RC01', 'util'],
      ['RC24', 3, 'text RC24', 'amount'], // no missing code: cited under its own code
    ]);
  });

  it('rankReasons(specs, impacts, present values) is unchanged by missing codes', () => {
    const reasons = rankReasons(specs, [10, 8, 5, 3], [2, 4, 0.9, 9000]);
    expect(reasons.map((r) => [r.code, r.impact, r.description])).toEqual([
      ['RC03', 10, 'text RC03'],
      ['RC05', 8, 'text RC05'],
      ['RC01', 5, 'text RC01'],
      ['RC24', 3, 'text RC24'],
    ]);
  });
});

describe('catalogue missing-value reasons', () => {
  it('FEATURE_CATALOGUE: every bureau feature is cited as RC11 when missing; income as RC28; protected features have none', () => {
    for (const d of FEATURE_CATALOGUE) {
      if (d.isProtected) expect(d.missingReasonCode).toBeUndefined();
      else if (d.source === 'bureau') expect(d.missingReasonCode).toBe('RC11');
      else if (d.source === 'income') expect(d.missingReasonCode).toBe('RC28');
      if (d.missingReasonCode !== undefined) expect(d.missingReasonText).toBe(FEATURE_REASON_CODES[d.missingReasonCode as keyof typeof FEATURE_REASON_CODES]);
    }
  });

  it('the bundled model carries the missing codes in its artifact', () => {
    const features = defaultModel().toArtifact().features;
    expect(features.some((f) => f.missingReasonCode === 'RC11')).toBe(true);
  });
});

describe('scoreApplicant: applicants without data', () => {
  const base = {
    asOf: '2025-03-01',
    application: { requestedAmount: 8000, termMonths: 36, purpose: 'auto', housing: 'rent' },
    income: { statedAnnual: 36000, payFrequency: 'monthly', employmentStartDate: '2021-01-01', employmentType: 'employed' },
  } as const;
  const bureauCodes = new Set(FEATURE_CATALOGUE.filter((d) => d.source === 'bureau' && d.reasonCode !== 'RC11').map((d) => d.reasonCode));

  for (const bureau of [{ status: 'no_hit' }, { status: 'unavailable' }, undefined] as const) {
    it(`scoreApplicant(bureau ${bureau === undefined ? 'absent' : bureau.status}) never cites a bureau behaviour reason; a credit-file reason is RC11`, () => {
      const r = scoreApplicant(bureau === undefined ? base : { ...base, bureau });
      expect(r.isThinFile).toBe(true);
      for (const reason of r.reasonCodes) expect(bureauCodes.has(reason.code)).toBe(false);
      expect(r.reasonCodes.map((x) => x.code)).toContain('RC11');
      const rc11 = r.reasonCodes.find((x) => x.code === 'RC11');
      expect(rc11?.description).toBe('Limited or no credit file');
    });
  }

  it('scoreApplicant(no bank data) cites RC29 "not provided", never "Low bank account balances" for a missing balance', () => {
    const r = scoreApplicant({ ...base, bureau: { status: 'no_hit' } });
    for (const reason of r.reasonCodes) {
      if (reason.value === null && ['RC16', 'RC17', 'RC18', 'RC19', 'RC20'].includes(reason.code)) throw new Error(`${reason.code} cited for a missing value`);
    }
  });
});
