import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALING, clampScore, probabilityFromScore, scalingConstants, scoreFromProbability, sigmoid } from './scaling.js';

describe('scaling', () => {
  it('scalingConstants(600, 50:1, 20) matches the hand-computed factor and offset', () => {
    // factor = 20 / ln 2 = 28.85390081777927; offset = 600 - factor * ln 50 = 487.1228762045055
    const { factor, offset } = scalingConstants(DEFAULT_SCALING);
    expect(factor).toBeCloseTo(28.85390081777927, 12);
    expect(offset).toBeCloseTo(487.1228762045055, 10);
  });
  it('scoreFromProbability(1/51) is the base score and doubling the odds adds pdo', () => {
    expect(scoreFromProbability(1 / 51, DEFAULT_SCALING)).toBeCloseTo(600, 10);
    expect(scoreFromProbability(1 / 101, DEFAULT_SCALING)).toBeCloseTo(620, 10);
    expect(scoreFromProbability(1 / 26, DEFAULT_SCALING)).toBeCloseTo(580, 10);
  });
  it('probabilityFromScore inverts scoreFromProbability', () => {
    for (const pd of [1e-6, 0.001, 0.02, 0.3, 0.5, 0.97]) {
      expect(probabilityFromScore(scoreFromProbability(pd, DEFAULT_SCALING), DEFAULT_SCALING)).toBeCloseTo(pd, 12);
    }
  });
  it('clampScore limits the display range only', () => {
    const s = { ...DEFAULT_SCALING, clamp: [300, 850] as [number, number] };
    expect(clampScore(910, s)).toBe(850);
    expect(clampScore(200, s)).toBe(300);
    expect(clampScore(612.5, s)).toBe(612.5);
  });
  it('scoreFromProbability(pd) rejects pd outside (0, 1)', () => {
    expect(() => scoreFromProbability(0, DEFAULT_SCALING)).toThrow(/pd must be in/);
    expect(() => scoreFromProbability(Number.NaN, DEFAULT_SCALING)).toThrow(/pd must be in/);
  });
  it('sigmoid is stable for large |z|', () => {
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});
