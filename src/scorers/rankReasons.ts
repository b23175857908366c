import type { FeatureSpec } from '../schema/artifactCommon.js';
import type { ReasonCode } from '../types.js';

/**
 * Options of {@link rankReasons}.
 *
 * @category Scoring
 * @example
 * const o: RankReasonsOptions = { maxReasons: 4, inquiryReasonCode: 'RC05' };
 */
export interface RankReasonsOptions {
  /** @defaultValue 4 */
  maxReasons?: number;
  /** Reason code added as an extra reason whenever it is a factor but not already listed. */
  inquiryReasonCode?: string;
}

/**
 * Turns per-feature adverse impacts (score points lost relative to the model's baseline, > 0 hurts)
 * into ranked reason codes, as adverse-action practice wants them: features sharing a reason code
 * are summed into one reason; reasons are ranked by total impact, largest first, ties broken by the
 * position of their first feature; at most `maxReasons`, plus the inquiry reason as one more when
 * it is a factor and not already listed. Protected features and non-positive impacts are never
 * cited. A feature whose value is missing (`null`) and whose spec has a `missingReasonCode` counts
 * under that code instead, with `missingReasonText` (e.g. every bureau feature of an applicant
 * without a credit file → one "Limited or no credit file" reason). O(features · log features).
 *
 * @param specs - the model's feature specifications
 * @param impacts - points lost per feature, aligned with `specs`
 * @param values - the applicant's value per feature (`null` when missing)
 * @returns the reasons, largest first
 * @category Scoring
 * @example
 * const specs = [
 *   { name: 'inq6', type: 'numeric', description: '', reasonCode: 'RC05', reasonText: 'Too many recent inquiries', riskDirection: 'increasing', isProtected: false },
 *   { name: 'inq12', type: 'numeric', description: '', reasonCode: 'RC05', reasonText: 'Too many recent inquiries', riskDirection: 'increasing', isProtected: false },
 *   { name: 'util', type: 'numeric', description: '', reasonCode: 'RC01', reasonText: 'Revolving balances too high', riskDirection: 'increasing', isProtected: false },
 * ] as const;
 * rankReasons(specs, [4, 3, 6], [5, 7, 0.9]).map((r) => [r.code, r.impact]);
 * //=> [['RC05', 7], ['RC01', 6]]
 */
export function rankReasons(
  specs: readonly FeatureSpec[],
  impacts: ArrayLike<number>,
  values: readonly (number | string | null)[],
  options: RankReasonsOptions = {},
): ReasonCode[] {
  const maxReasons = options.maxReasons ?? 4;
  const groups = new Map<string, { total: number; best: number; bestIndex: number; first: number }>();
  for (let j = 0; j < specs.length; j++) {
    const impact = impacts[j];
    const spec = specs[j];
    if (spec.isProtected || !(impact > 0)) continue;
    const code = values[j] === null && spec.missingReasonCode !== undefined ? spec.missingReasonCode : spec.reasonCode;
    const g = groups.get(code);
    if (g === undefined) groups.set(code, { total: impact, best: impact, bestIndex: j, first: j });
    else {
      g.total += impact;
      if (impact > g.best) {
        g.best = impact;
        g.bestIndex = j;
      }
    }
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].total - a[1].total || a[1].first - b[1].first);
  const toReason = ([code, g]: (typeof ranked)[number]): ReasonCode => ({
    code,
    feature: specs[g.bestIndex].name,
    description: code === specs[g.bestIndex].reasonCode ? specs[g.bestIndex].reasonText : (specs[g.bestIndex].missingReasonText ?? specs[g.bestIndex].reasonText),
    impact: g.total,
    value: values[g.bestIndex],
  });
  const out = ranked.slice(0, Math.max(0, maxReasons)).map(toReason);
  if (options.inquiryReasonCode !== undefined && maxReasons > 0) {
    const idx = ranked.findIndex(([code]) => code === options.inquiryReasonCode);
    if (idx >= maxReasons) out.push(toReason(ranked[idx]));
  }
  return out;
}
