import { InvalidOptionsError, type Issue } from '../errors.js';
import type { FeatureSpec } from '../schema/artifactCommon.js';
import { FEATURE_CATALOGUE } from './featureCatalogue.js';

/**
 * The artifact {@link FeatureSpec}s (all numeric) of catalogue features, in the order asked: what a
 * trainer stores in a model artifact so that scoring can explain itself with the catalogue's reason
 * codes and wording. O(features).
 *
 * @param names - feature names to include, in this order; all catalogue features when omitted
 * @returns one fresh spec per name
 * @throws {@link InvalidOptionsError} naming every unknown (`unknown_feature`) or repeated
 *   (`duplicate_feature`) name by its index in `names`
 * @category Features
 * @example
 * const [spec] = catalogueFeatureSpecs(['hardInquiries6m']);
 * [spec.name, spec.type, spec.reasonCode, spec.reasonText, spec.riskDirection, spec.isProtected];
 * //=> ['hardInquiries6m', 'numeric', 'RC05', 'Too many recent credit inquiries', 'increasing', false]
 */
export function catalogueFeatureSpecs(names?: readonly string[]): FeatureSpec[] {
  const chosen = names ?? FEATURE_CATALOGUE.map((d) => d.name);
  const byName = new Map(FEATURE_CATALOGUE.map((d) => [d.name, d]));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  const specs: FeatureSpec[] = [];
  chosen.forEach((name, i) => {
    const d = byName.get(name);
    if (d === undefined) issues.push({ code: 'unknown_feature', path: ['names', i], message: 'not a feature of the catalogue' });
    else if (seen.has(name)) issues.push({ code: 'duplicate_feature', path: ['names', i], message: 'feature listed more than once' });
    else {
      seen.add(name);
      specs.push({
        name: d.name,
        type: 'numeric',
        description: d.description,
        reasonCode: d.reasonCode,
        reasonText: d.reasonText,
        ...(d.missingReasonCode !== undefined && d.missingReasonText !== undefined ? { missingReasonCode: d.missingReasonCode, missingReasonText: d.missingReasonText } : {}),
        riskDirection: d.riskDirection,
        isProtected: d.isProtected,
      });
    }
  });
  if (issues.length > 0) {
    throw new InvalidOptionsError(
      `catalogueFeatureSpecs: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues
        .slice(0, 10)
        .map((x) => `names[${String(x.path[1])}] ${JSON.stringify(chosen[x.path[1] as number])}: ${x.message}`)
        .join('; ')})`,
      issues,
    );
  }
  return specs;
}
