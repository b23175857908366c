import { z as classic } from 'zod';
import * as z from 'zod/mini';
import { InvalidOptionsError, fromZodError } from '../errors.js';
import { englishMessages } from '../schema/_lib/englishMessages.js';

/** The fields of a score scaling (zod/mini schemas), shared by {@link ScoreScalingSchema} and the runtime check. */
const SCALING_SHAPE = {
  /** Score at `baseOdds`. @defaultValue 600 */
  baseScore: z.number().check(z.refine(Number.isFinite)),
  /** Good:bad odds at `baseScore`. @defaultValue 50 */
  baseOdds: z.number().check(z.gt(0), z.refine(Number.isFinite)),
  /** Points to double the odds. @defaultValue 20 */
  pdo: z.number().check(z.gt(0), z.refine(Number.isFinite)),
  /** Optional display range; clamping never changes the PD. */
  clamp: z.optional(z.tuple([z.number(), z.number()])),
};

/**
 * The score-scaling schema the runtime uses (artifacts, {@link scalingConstants}): `zod/mini`, so a
 * browser bundle of the scoring API carries no classic zod. Same fields and rules as
 * {@link ScoreScalingSchema}.
 */
export const ScoreScalingCheck = z.strictObject(SCALING_SHAPE);

/**
 * Points-to-double-the-odds scaling (DESIGN.md §4):
 * `score = offset + factor · ln(goodOdds)`, `factor = pdo / ln 2`, `offset = baseScore − factor · ln(baseOdds)`,
 * where `goodOdds = (1 − pd) / pd`.
 *
 * A classic zod schema (chainable: `ScoreScalingSchema.optional()` in options schemas) over the same
 * field schemas as the runtime's `zod/mini` {@link ScoreScalingCheck}; nothing on the scoring path
 * uses it, so bundlers drop it (and classic zod) from a scoring-only bundle.
 *
 * @category Scaling
 * @example
 * const s: ScoreScaling = { baseScore: 600, baseOdds: 50, pdo: 20 };
 */
export const ScoreScalingSchema = /* @__PURE__ */ classic.strictObject(SCALING_SHAPE);

/**
 * A score scaling (see {@link ScoreScalingSchema}).
 *
 * @category Scaling
 * @example
 * const s: ScoreScaling = { baseScore: 600, baseOdds: 50, pdo: 20, clamp: [300, 850] };
 */
export type ScoreScaling = z.infer<typeof ScoreScalingSchema>;

/**
 * The industry default: 600 points at 50:1 good:bad odds, 20 points to double the odds.
 *
 * @category Scaling
 * @example
 * DEFAULT_SCALING.pdo; //=> 20
 */
export const DEFAULT_SCALING: Readonly<ScoreScaling> = Object.freeze({ baseScore: 600, baseOdds: 50, pdo: 20 });

/**
 * The `factor` and `offset` of a scaling.
 *
 * @category Scaling
 * @example
 * scalingConstants(DEFAULT_SCALING); //=> { factor: 28.8539..., offset: 487.1228... }
 */
export function scalingConstants(s: ScoreScaling): { factor: number; offset: number } {
  const r = ScoreScalingCheck.safeParse(s, englishMessages());
  if (!r.success) throw fromZodError(r.error, 'scalingConstants', InvalidOptionsError);
  const factor = s.pdo / Math.LN2;
  return { factor, offset: s.baseScore - factor * Math.log(s.baseOdds) };
}

/**
 * Score from the log-odds of default (`ln(pd / (1 − pd))`): `offset − factor · logOddsBad`.
 * Unclamped; see {@link clampScore}.
 *
 * @category Scaling
 * @example
 * scoreFromLogOdds(-Math.log(50), DEFAULT_SCALING); //=> 600
 */
export function scoreFromLogOdds(logOddsBad: number, s: ScoreScaling): number {
  const { factor, offset } = scalingConstants(s);
  return offset - factor * logOddsBad;
}

/**
 * Score from a probability of default.
 *
 * @category Scaling
 * @example
 * scoreFromProbability(1 / 51, DEFAULT_SCALING); //=> 600
 */
export function scoreFromProbability(pd: number, s: ScoreScaling): number {
  if (!(pd > 0 && pd < 1)) throw new InvalidOptionsError('scoreFromProbability: pd must be in (0, 1)', [{ code: 'out_of_range', path: ['pd'], message: 'must be in (0, 1)' }]);
  return scoreFromLogOdds(Math.log(pd / (1 - pd)), s);
}

/**
 * Probability of default from an (unclamped) score: the exact inverse of {@link scoreFromProbability}.
 *
 * @category Scaling
 * @example
 * probabilityFromScore(600, DEFAULT_SCALING); //=> 0.0196...
 */
export function probabilityFromScore(score: number, s: ScoreScaling): number {
  const { factor, offset } = scalingConstants(s);
  const logOddsBad = (offset - score) / factor;
  return 1 / (1 + Math.exp(-logOddsBad));
}

/**
 * Clamps a score to the scaling's display range, when it has one.
 *
 * @category Scaling
 * @example
 * clampScore(910, { ...DEFAULT_SCALING, clamp: [300, 850] }); //=> 850
 */
export function clampScore(score: number, s: ScoreScaling): number {
  if (!s.clamp) return score;
  return Math.min(s.clamp[1], Math.max(s.clamp[0], score));
}

/**
 * The logistic function `1 / (1 + e^(−z))`, computed without overflow for large |z|.
 *
 * @category Scaling
 * @example
 * sigmoid(0); //=> 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
