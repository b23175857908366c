import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/backtest/index.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { sampleReport } from './_sampleReport.js';

describe('evaluateGates', () => {
  const report = sampleReport({ stability: true });

  //#region example:evaluateGates
  it('evaluateGates(report, { minAuc }) fails the AUC gate below the threshold', () => {
    expect(evaluateGates(report, { minAuc: 0.99 })).toEqual({ passed: false, failures: [{ gate: 'minAuc', value: 0.7812345, threshold: 0.99 }] });
  });
  //#endregion

  it('evaluateGates(report, gates) passes when every gate holds (thresholds inclusive)', () => {
    expect(evaluateGates(report, { minAuc: 0.7812345, maxPsi: 0.0412 })).toEqual({ passed: true, failures: [] });
    expect(evaluateGates(report, {})).toEqual({ passed: true, failures: [] });
  });

  it('evaluateGates(report, { maxPsi }) fails above the threshold, listing gates in a fixed order', () => {
    expect(evaluateGates(report, { maxPsi: 0.01, minAuc: 0.9 }).failures).toEqual([
      { gate: 'minAuc', value: 0.7812345, threshold: 0.9 },
      { gate: 'maxPsi', value: 0.0412, threshold: 0.01 },
    ]);
  });

  it('evaluateGates(report, { maxPsi }) fails when stability was not measured (value null)', () => {
    expect(evaluateGates(sampleReport(), { maxPsi: 0.25 })).toEqual({ passed: false, failures: [{ gate: 'maxPsi', value: null, threshold: 0.25 }] });
  });

  it('evaluateGates(report, gates) rejects out-of-range thresholds with their path', () => {
    try {
      evaluateGates(report, { minAuc: 1.2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).issues[0].path).toEqual(['minAuc']);
    }
    expect(() => evaluateGates(report, { maxPsi: -1 })).toThrow(InvalidOptionsError);
    expect(() => evaluateGates(report, { minAuc: Number.NaN })).toThrow(InvalidOptionsError);
  });
});
