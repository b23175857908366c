export { ScoreScalingSchema, DEFAULT_SCALING, scalingConstants, scoreFromLogOdds, scoreFromProbability, probabilityFromScore, clampScore, sigmoid } from './scaling.js';
export type { ScoreScaling } from './scaling.js';
