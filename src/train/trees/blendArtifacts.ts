import { z } from 'zod';
import { InvalidOptionsError, fromZodError, type Issue } from '../../errors.js';
import { ARTIFACT_SCHEMA_VERSION, CalibrationSchema, type Calibration, type FeatureSpec } from '../../schema/artifactCommon.js';
import type { ModelArtifact } from '../../schema/artifact.js';
import { BlendArtifactSchema, type BlendArtifact } from '../../schema/artifacts/blend.js';
import { ScoreScalingSchema, type ScoreScaling } from '../../scaling/scaling.js';

/**
 * Options of {@link blendArtifacts}.
 *
 * @category Training
 * @example
 * const o: BlendArtifactsOptions = { id: 'champion-blend', calibration: { method: 'platt', a: 1.05, b: -0.02 } };
 */
export interface BlendArtifactsOptions {
  /** Artifact id. @defaultValue 'blend' */
  id?: string;
  /** Artifact description. */
  description?: string;
  /** Score scaling of the blend. @defaultValue the first member's scaling */
  scaling?: ScoreScaling;
  /** Calibration applied to the blended log-odds (fit it with `fitCalibration` on held-out rows). @defaultValue none */
  calibration?: Calibration;
  /** Outcome definition. @defaultValue the first member's */
  target?: { name: string; horizonMonths?: number; bad?: string };
}

/**
 * One member of a blend.
 *
 * @category Training
 * @example
 * const m: BlendMember = { artifact: gbmArtifact, weight: 2 };
 */
export interface BlendMember {
  /** A model artifact of any kind (validated by `loadModel` when the blend is loaded). */
  artifact: ModelArtifact;
  /** Positive weight; weights are normalised to sum to 1. @defaultValue 1 */
  weight?: number;
}

const OptionsSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  description: z.string().optional(),
  scaling: ScoreScalingSchema.optional(),
  calibration: CalibrationSchema.optional(),
  target: z.strictObject({ name: z.string(), horizonMonths: z.number().int().positive().optional(), bad: z.string().optional() }).optional(),
});

/**
 * Blends scorers of any kinds into one artifact: the blend's log-odds of default is the weighted
 * average of the members' log-odds of their (calibrated) PDs, `Σ wₖ·logit(PDₖ) / Σ wₖ`, then the
 * blend's own optional calibration. The blend's features are the union of the members' features by
 * name (a feature shared by members must have the same type and categories); a feature any member
 * marks protected stays protected. Members are copied into the artifact. O(total artifact size).
 *
 * @param members - the artifacts and their weights (at least one)
 * @param options - id, scaling, calibration
 * @returns a `blend` artifact
 * @throws {@link InvalidOptionsError} when there is no member, a weight is not a positive finite
 *   number, or members disagree on a shared feature's type or categories
 * @category Training
 * @example
 * const blend = blendArtifacts([{ artifact: gbm, weight: 2 }, { artifact: scorecard, weight: 1 }], { id: 'blend' });
 * loadModel(blend).score(record).probabilityOfDefault; //=> 0.3951
 */
export function blendArtifacts(members: readonly BlendMember[], options: BlendArtifactsOptions = {}): BlendArtifact {
  const where = 'blendArtifacts';
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, where, InvalidOptionsError);
  const o = parsed.data;
  const issues: Issue[] = [];
  if (!Array.isArray(members) || members.length === 0) issues.push({ code: 'too_small', path: ['members'], message: 'needs at least one member' });
  const features: FeatureSpec[] = [];
  const byName = new Map<string, number>();
  (members ?? []).forEach((m, i) => {
    const w = m.weight ?? 1;
    if (!(Number.isFinite(w) && w > 0)) issues.push({ code: 'invalid_weight', path: ['members', i, 'weight'], message: 'must be a finite number > 0' });
    const specs: readonly FeatureSpec[] = m.artifact?.features ?? [];
    for (const spec of specs) {
      const k = byName.get(spec.name);
      if (k === undefined) {
        byName.set(spec.name, features.length);
        features.push({ ...spec, ...(spec.categories !== undefined ? { categories: [...spec.categories] } : {}) });
        continue;
      }
      const seen = features[k];
      const sameCategories = JSON.stringify(seen.categories ?? null) === JSON.stringify(spec.categories ?? null);
      if (seen.type !== spec.type || !sameCategories) {
        issues.push({ code: 'feature_conflict', path: ['members', i, 'artifact', 'features', spec.name], message: 'type or categories differ from an earlier member' });
      } else if (spec.isProtected && !seen.isProtected) features[k] = { ...seen, isProtected: true };
    }
  });
  if (issues.length > 0) {
    throw new InvalidOptionsError(`${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 10).join('; ')}`, issues);
  }
  const first = members[0].artifact;
  const inquiry = members.map((m) => m.artifact.inquiryReasonCode).find((c) => c !== undefined);
  const target = o.target ?? first.target;
  // parsing validates the members and puts every key in schema order
  const blend = BlendArtifactSchema.safeParse({
    format: 'credit-scoring/model',
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    id: o.id ?? 'blend',
    ...(o.description !== undefined ? { description: o.description } : {}),
    features,
    scaling: o.scaling ?? { ...first.scaling },
    ...(o.calibration !== undefined ? { calibration: o.calibration } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(inquiry !== undefined ? { inquiryReasonCode: inquiry } : {}),
    training: { trainer: where, members: members.map((m) => ({ id: m.artifact.id, kind: m.artifact.kind, weight: m.weight ?? 1 })) },
    kind: 'blend',
    model: { members: members.map((m) => ({ weight: m.weight ?? 1, artifact: structuredClone(m.artifact) })) },
  });
  if (!blend.success) throw fromZodError(blend.error, where, InvalidOptionsError);
  return blend.data;
}
