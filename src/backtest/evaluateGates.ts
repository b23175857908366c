import { z } from 'zod';
import { InvalidOptionsError, fromZodError } from '../errors.js';
import type { BacktestReport } from './BacktestReport.js';

/**
 * Quality gates a backtest must pass. Every gate is optional; an absent gate is not checked.
 *
 * @category Backtest
 * @example
 * const gates: QualityGates = { minAuc: 0.7, maxPsi: 0.25 };
 */
export interface QualityGates {
  /** The champion's AUC must be at least this. */
  minAuc?: number;
  /**
   * The score PSI (reference vs evaluated sample) must be at most this. When the report has no
   * stability section (no reference), the gate fails: a drift gate that cannot be measured must
   * not pass silently.
   */
  maxPsi?: number;
}

/**
 * One gate that failed: its name, the measured value (`null` when it could not be measured) and
 * the threshold.
 *
 * @category Backtest
 * @example
 * const f: GateFailure = { gate: 'minAuc', value: 0.64, threshold: 0.7 };
 */
export interface GateFailure {
  gate: keyof QualityGates;
  value: number | null;
  threshold: number;
}

const GatesSchema = z.strictObject({
  minAuc: z.number().min(0).max(1).optional(),
  maxPsi: z.number().min(0).refine(Number.isFinite, { message: 'must be a finite number' }).optional(),
});

/**
 * Checks a report against quality gates, as data: `passed` is true when no gate failed. The CLI
 * maps a failure to exit code 1.
 *
 * @param report - the backtest report
 * @param gates - thresholds; absent ones are not checked
 * @returns `{ passed, failures }`, failures in the order minAuc, maxPsi
 * @throws {@link InvalidOptionsError} when a threshold is out of range (AUC outside [0, 1], negative PSI)
 * @category Backtest
 * @example
 * evaluateGates(report, { minAuc: 0.99 });
 * //=> { passed: false, failures: [{ gate: 'minAuc', value: 0.7905, threshold: 0.99 }] }
 */
export function evaluateGates(report: BacktestReport, gates: QualityGates): { passed: boolean; failures: GateFailure[] } {
  const parsed = GatesSchema.safeParse(gates);
  if (!parsed.success) throw fromZodError(parsed.error, 'evaluateGates: gates', InvalidOptionsError);
  const failures: GateFailure[] = [];
  const { minAuc, maxPsi } = parsed.data;
  if (minAuc !== undefined && !(report.metrics.auc >= minAuc)) failures.push({ gate: 'minAuc', value: report.metrics.auc, threshold: minAuc });
  if (maxPsi !== undefined) {
    const psi = report.stability?.psi.value ?? null;
    if (psi === null || psi > maxPsi) failures.push({ gate: 'maxPsi', value: psi, threshold: maxPsi });
  }
  return { passed: failures.length === 0, failures };
}
