/** The part of zod's refinement context the artifact checks use. */
export type IssueSink = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string; params: { rule: string } }) => void };

/**
 * Adds a custom issue at `path` with its `rule`: one call shape for the artifact schemas' checks
 * (shorter in the runtime bundle than an object literal per check).
 *
 * @example
 * fail(ctx, ['missingBin'], 'not a bin index', 'bin_index');
 */
export function fail(ctx: IssueSink, path: (string | number)[], message: string, rule: string): void {
  ctx.addIssue({ code: 'custom', path, message, params: { rule } });
}
