import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashCanonicalJson } from '../../src/_lib/hashCanonicalJson.js';
import { hashSha256 } from '../../src/_lib/hashSha256.js';
import { InvalidArtifactError } from '../../src/errors.js';
import type { LogisticArtifact } from '../../src/schema/artifacts/logistic.js';
import { applyCalibration } from '../../src/scorers/applyCalibration.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { modelIdOf } from '../../src/scorers/modelIdOf.js';
import { trainLogistic } from '../../src/train/trainLogistic.js';
import { syntheticDataset } from './_data.js';
import { catchError } from '../_catchError.js';

const artifact = trainLogistic(syntheticDataset(600), { id: 'tamper-me' });
/** A deep copy as loose JSON, to tamper with. */
function copy(): Record<string, unknown> & { model: { terms: Record<string, unknown>[]; intercept: unknown }; features: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(artifact));
}

function pathsOf(fn: () => unknown): (string | number)[][] {
  const e = catchError(fn);
  expect(e).toBeInstanceOf(InvalidArtifactError);
  return e.issues.map((i) => i.path);
}

describe('loadModel', () => {
  it('loadModel(artifact | JSON text) returns a scorer with the artifact id and content hash', () => {
    const a = loadModel(artifact);
    const b = loadModel(JSON.stringify(artifact, null, 2));
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(modelIdOf(artifact));
    expect(a.featureNames).toEqual(artifact.features.map((f) => f.name));
  });

  it('loadModel(artifact of another schemaVersion) throws unsupported_artifact_version naming found and supported versions, before any schema check', () => {
    const e = catchError(() => loadModel({ schemaVersion: 2, whatever: true }));
    expect(e).toBeInstanceOf(InvalidArtifactError);
    expect(e.code).toBe('unsupported_artifact_version');
    expect(e.message).toMatch(/schemaVersion 2/);
    expect(e.message).toMatch(/reads 1/);
    expect(e.message).toMatch(/newer release/);
    expect(e.issues).toEqual([{ code: 'unsupported_artifact_version', path: ['schemaVersion'], message: 'found 2, supported 1' }]);
    const missing = catchError(() => loadModel({ ...copy(), schemaVersion: undefined }));
    expect(missing.code).toBe('unsupported_artifact_version');
    expect(missing.message).toMatch(/schemaVersion none/);
    expect(catchError(() => loadModel({ ...copy(), schemaVersion: '1' })).code).toBe('unsupported_artifact_version');
  });

  it('loadModel rejects a numeric term whose coefficient / scale overflows (scoring would give a NaN PD at the center)', () => {
    const a = copy();
    const j = a.model.terms.findIndex((t) => t.type === 'numeric');
    a.model.terms[j] = { ...a.model.terms[j], scale: 1e-300, coefficient: 1e10 };
    expect(pathsOf(() => loadModel(a))).toContainEqual(['model', 'terms', j, 'scale']);
    expect(catchError(() => loadModel(a)).issues.find((i) => i.path[3] === 'scale')?.code).toBe('not_finite');
    // a tiny but harmless scale still loads
    a.model.terms[j] = { ...a.model.terms[j], scale: 1e-300, coefficient: 1e-10 };
    expect(() => loadModel(a)).not.toThrow();
  });

  it('loadModel(not JSON / not an object) throws InvalidArtifactError', () => {
    expect(catchError(() => loadModel('{"kind": ')).issues[0].code).toBe('invalid_json');
    expect(catchError(() => loadModel('[1, 2]')).issues[0].code).toBe('invalid_type');
    expect(catchError(() => loadModel(null)).code).toBe('invalid_artifact');
    expect(catchError(() => loadModel(42)).code).toBe('invalid_artifact');
  });

  it('loadModel(tampered artifact) rejects schema violations with their paths', () => {
    const a = copy();
    a.model.terms[0].coefficient = 'lots';
    expect(pathsOf(() => loadModel(a))).toEqual([['model', 'terms', 0, 'coefficient']]);

    const b = copy();
    b.model.terms[1].scale = -2;
    expect(pathsOf(() => loadModel(b))).toEqual([['model', 'terms', 1, 'scale']]);

    const c = copy();
    c.model.terms[0].backdoor = 1;
    const extra = catchError(() => loadModel(c));
    expect(extra.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['model', 'terms', 0] });

    const d = copy();
    d.kind = 'neural-network';
    expect(pathsOf(() => loadModel(d))).toEqual([['kind']]);

    const e = copy();
    e.format = 'ml-cart';
    expect(pathsOf(() => loadModel(e))).toEqual([['format']]);

    const f = copy();
    (f.model as Record<string, unknown>).intercept = null;
    expect(pathsOf(() => loadModel(f))).toEqual([['model', 'intercept']]);
  });

  it('loadModel(tampered artifact) rejects a JSON text whose numbers overflow to Infinity', () => {
    const text = JSON.stringify(artifact).replace(/"intercept":[^,]+,/, '"intercept":1e999,');
    expect(pathsOf(() => loadModel(text))).toEqual([['model', 'intercept']]);
  });

  it('loadModel(inconsistent artifact) rejects terms that do not match the features, with paths', () => {
    const a = copy();
    a.model.terms.pop();
    expect(pathsOf(() => loadModel(a))).toEqual([['model', 'terms']]);

    const b = copy();
    const housing = b.model.terms[2] as { coefficients: number[] };
    housing.coefficients.push(0.3);
    expect(pathsOf(() => loadModel(b))).toEqual([['model', 'terms', 2, 'coefficients']]);

    const c = copy();
    c.model.terms[0] = { ...c.model.terms[2] };
    expect(pathsOf(() => loadModel(c))).toEqual([['model', 'terms', 0, 'type']]);

    const d = copy();
    d.model.terms[0].lower = 10;
    d.model.terms[0].upper = 1;
    expect(pathsOf(() => loadModel(d))).toEqual([['model', 'terms', 0, 'upper']]);
  });

  it('loadModel(inconsistent envelope) rejects duplicate features, bad dictionaries, clamps and calibrations, with paths', () => {
    const a = copy();
    a.features[1].name = a.features[0].name;
    expect(pathsOf(() => loadModel(a))).toEqual([['features', 1, 'name']]);

    const b = copy();
    delete b.features[2].categories;
    expect(pathsOf(() => loadModel(b))).toEqual([['features', 2, 'categories']]);

    const c = copy();
    c.features[2].categories = ['own', 'own', 'x', 'y'];
    expect(pathsOf(() => loadModel(c))).toEqual([['features', 2, 'categories']]);

    const d = copy();
    d.scaling = { ...(d.scaling as object), clamp: [850, 300] };
    expect(pathsOf(() => loadModel(d))).toEqual([['scaling', 'clamp']]);

    const e = copy();
    e.calibration = { method: 'isotonic', x: [0.1, 0.05], y: [0.2, 1.5, 0.3] };
    expect(pathsOf(() => loadModel(e))).toEqual([
      ['calibration', 'y'],
      ['calibration', 'x', 1],
      ['calibration', 'y', 1],
    ]);
  });

  it('loadModel(artifact) does not keep a reference to the caller object', () => {
    const a = copy() as unknown as LogisticArtifact;
    const scorer = loadModel(a);
    const before = scorer.score({ utilization: 0.5, income: 30_000, housing: 'rent' });
    a.model.intercept = 10;
    expect(scorer.score({ utilization: 0.5, income: 30_000, housing: 'rent' })).toEqual(before);
  });
});

describe('modelIdOf', () => {
  //#region example:modelIdOf
  it('modelIdOf(artifact) is "<id>@<8 hex>", independent of key order and formatting', () => {
    const id = modelIdOf(artifact);
    expect(id).toMatch(/^tamper-me@[0-9a-f]{8}$/);
    const reordered = Object.fromEntries(Object.entries(artifact).reverse()) as typeof artifact;
    expect(modelIdOf(reordered)).toBe(id);
    expect(modelIdOf(JSON.parse(JSON.stringify(artifact, null, 4)))).toBe(id);
  });
  //#endregion

  it('modelIdOf(artifact) changes when any content changes', () => {
    const id = modelIdOf(artifact);
    const changed = JSON.parse(JSON.stringify(artifact)) as LogisticArtifact;
    changed.model.intercept += 1e-12;
    expect(modelIdOf(changed)).not.toBe(id);
    const renamed = { ...artifact, features: artifact.features.map((f, j) => (j === 0 ? { ...f, reasonText: `${f.reasonText}!` } : f)) };
    expect(modelIdOf(renamed)).not.toBe(id);
  });

  it('hashSha256(bytes) matches the FIPS 180-4 test vectors', () => {
    const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(hashSha256(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashSha256(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('hashSha256(bytes) agrees with node:crypto on every length 0..300 (all padding cases) and on 1 MB', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(hashSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const big = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) & 255);
    expect(hashSha256(big)).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('canonicalJson(value) sorts keys, drops undefined members, and rejects non-JSON numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2, e: undefined }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(hashCanonicalJson({ a: 1, b: 2 })).toBe(hashCanonicalJson({ b: 2, a: 1 }));
  });
});

describe('applyCalibration', () => {
  //#region example:applyCalibration
  it('applyCalibration(calibration, logOdds) maps raw log-odds to a calibrated PD', () => {
    expect(applyCalibration(undefined, 0)).toBe(0.5);
    expect(applyCalibration({ method: 'platt', a: 1, b: Math.log(2) }, 0)).toBeCloseTo(2 / 3, 15);
    expect(applyCalibration({ method: 'isotonic', x: [0.1, 0.9], y: [0.2, 0.4] }, 0)).toBeCloseTo(0.3, 15);
  });
  //#endregion

  it('applyCalibration(isotonic) is flat beyond the end points and handles repeated x', () => {
    const iso = { method: 'isotonic' as const, x: [0.1, 0.5, 0.5, 0.9], y: [0.05, 0.2, 0.3, 0.6] };
    expect(applyCalibration(iso, -10)).toBeCloseTo(0.05, 15);
    expect(applyCalibration(iso, 10)).toBeCloseTo(0.6, 15);
    expect(applyCalibration(iso, Math.log(0.3 / 0.7))).toBeCloseTo(0.05 + (0.2 / 0.4) * 0.15, 14);
  });

  it('applyCalibration(...) stays strictly inside (0, 1) for extreme log-odds and 0/1 isotonic values', () => {
    for (const z of [-1e6, -800, -40, 40, 800, 1e6]) {
      const pd = applyCalibration(undefined, z);
      expect(pd).toBeGreaterThan(0);
      expect(pd).toBeLessThan(1);
    }
    const iso = { method: 'isotonic' as const, x: [0.1, 0.9], y: [0, 1] };
    expect(applyCalibration(iso, -5)).toBeGreaterThan(0);
    expect(applyCalibration(iso, 5)).toBeLessThan(1);
  });
});
