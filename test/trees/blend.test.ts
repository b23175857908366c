import { describe, expect, it } from 'vitest';
import { InvalidArtifactError, InvalidOptionsError } from '../../src/errors.js';
import { loadModel } from '../../src/scorers/loadModel.js';
import { blendArtifacts } from '../../src/train/trees/blendArtifacts.js';
import { trainGradientBoosting } from '../../src/train/trees/trainGradientBoosting.js';
import { trainLogistic } from '../../src/train/trainLogistic.js';
import { trainTree } from '../../src/train/trees/trainTree.js';
import { matrixOf, smallCreditDataset } from './_fixtures.js';

const data = smallCreditDataset(2000, 31);
const test = smallCreditDataset(300, 32);
const gbm = trainGradientBoosting(data, { trees: 30, seed: 1, exclude: ['noise'] });
const tree = trainTree(data, { maxDepth: 3, include: ['utilization', 'income', 'noise'] });
const logistic = trainLogistic(data);
const logit = (p: number): number => Math.log(p / (1 - p));

describe('blendArtifacts', () => {
  it('blendArtifacts(members) scores the weighted mean of the members’ log-odds (batch and single)', () => {
    const blend = loadModel(blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: tree, weight: 1 }, { artifact: logistic, weight: 1 }], { id: 'b' }));
    expect([...blend.featureNames].sort()).toEqual(['housing', 'income', 'inquiries', 'noise', 'utilization']);
    const members = [loadModel(gbm), loadModel(tree), loadModel(logistic)];
    const m = matrixOf(test, blend.featureNames);
    const pd = blend.predict(m);
    const memberPd = members.map((s) => s.predict(matrixOf(test, s.featureNames)));
    for (let r = 0; r < test.rows; r++) {
      const z = (2 * logit(memberPd[0][r]) + logit(memberPd[1][r]) + logit(memberPd[2][r])) / 4;
      expect(pd[r]).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
      const v = { names: m.names, values: m.values.slice(r * m.names.length, (r + 1) * m.names.length) };
      expect(blend.score(v).probabilityOfDefault).toBeCloseTo(pd[r], 14);
    }
  });

  it('blend reasons are the members’ reasons, weighted, in the blend’s points; the JSON round trip is exact', () => {
    const artifact = blendArtifacts([{ artifact: gbm }, { artifact: logistic }]);
    const blend = loadModel(JSON.stringify(artifact));
    expect(JSON.stringify(blend.toArtifact())).toBe(JSON.stringify(artifact));
    const record = { utilization: 0.97, income: 900, inquiries: 6, noise: 0, housing: 'rent' };
    const r = blend.score(record, { maxReasons: 5 });
    const { noise: _noise, ...withoutNoise } = record;
    const a = loadModel(gbm).score(withoutNoise, { maxReasons: 5 });
    const b = loadModel(logistic).score(record, { maxReasons: 5 });
    const util = (x: typeof r) => x.reasonCodes.find((c) => c.feature === 'utilization')?.impact ?? 0;
    expect(util(r)).toBeCloseTo((util(a) + util(b)) / 2, 9);
    expect(r.reasonCodes[0].impact).toBeGreaterThan(0);
    expect(loadModel(artifact).score(record, { maxReasons: 5 })).toEqual(r);
  });

  it('blend JSON save → loadModel scores identically: predict(matrix) and score() row by row, nested blends too', () => {
    const inner = blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: tree }]);
    for (const artifact of [blendArtifacts([{ artifact: gbm }, { artifact: tree }, { artifact: logistic, weight: 0.5 }]), blendArtifacts([{ artifact: inner }, { artifact: logistic }])]) {
      const direct = loadModel(artifact);
      const loaded = loadModel(JSON.parse(JSON.stringify(artifact)) as unknown);
      expect(loaded.id).toBe(direct.id);
      const m = matrixOf(test, direct.featureNames);
      expect(Array.from(loaded.predict(m))).toEqual(Array.from(direct.predict(m)));
      for (let r = 0; r < 50; r++) {
        const v = { names: m.names, values: m.values.slice(r * m.names.length, (r + 1) * m.names.length) };
        expect(loaded.score(v, { maxReasons: 4 })).toEqual(direct.score(v, { maxReasons: 4 }));
      }
    }
  });

  it('a blend may hold a blend; member problems are reported with their path from the root', () => {
    const inner = blendArtifacts([{ artifact: gbm }, { artifact: tree }]);
    const outer = blendArtifacts([{ artifact: inner, weight: 3 }, { artifact: logistic }]);
    const scorer = loadModel(outer);
    expect(scorer.predict(matrixOf(test, scorer.featureNames)).every((p) => p > 0 && p < 1)).toBe(true);
    const broken = structuredClone(outer) as { model: { members: { artifact: { model: { members: { artifact: { features: { name: string }[] } }[] } } }[] } };
    broken.model.members[0].artifact.model.members[1].artifact.features[0].name = broken.model.members[0].artifact.model.members[1].artifact.features[1].name;
    try {
      loadModel(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArtifactError);
      expect((e as InvalidArtifactError).issues[0].path.slice(0, 8)).toEqual(['model', 'members', 0, 'artifact', 'model', 'members', 1, 'artifact']);
    }
  });

  it('blendArtifacts rejects no members, a bad weight and conflicting feature definitions', () => {
    expect(() => blendArtifacts([])).toThrowError(InvalidOptionsError);
    expect(() => blendArtifacts([{ artifact: gbm, weight: 0 }])).toThrowError(/weight/);
    const other = trainTree(
      { ...data, columns: data.columns.map((c) => (c.name === 'housing' && c.type === 'categorical' ? { ...c, categories: [...c.categories].reverse() } : c)) },
      { maxDepth: 2 },
    );
    expect(() => blendArtifacts([{ artifact: gbm }, { artifact: other }])).toThrowError(/housing/);
  });
});
