import * as z from 'zod/mini';
import { fail } from '../_issue.js';
import { ArtifactCommonShape, type FeatureSpec } from '../artifactCommon.js';

const finite = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number' }));
const nodeIndex = z.number().check(z.int(), z.gte(-1));

/**
 * One decision tree as parallel arrays, one entry per node; node 0 is the root and every child has
 * a larger index than its parent. Node `i` is a leaf when `feature[i] === -1` (then `left`/`right`
 * are −1 and `value[i]` is the leaf's value); otherwise it splits on `features[feature[i]]`:
 * - numeric feature: `x <= threshold[i]` goes to `left[i]`, `x > threshold[i]` to `right[i]`;
 * - categorical feature: categories listed in `leftCategories[i]` (indices into the feature's
 *   `categories`) go left, every other category goes right (`threshold[i]` is 0);
 * - a missing value (and an unseen category, index −1) goes left when `defaultLeft[i] === 1`.
 *
 * `cover[i]` is the training weight (rows, or summed sample weights) that reached the node, used by
 * TreeSHAP. Thresholds are real feature values (the shortest decimal between two training values),
 * so the tree compiles to SQL `CASE WHEN x <= t` as it stands.
 *
 * @category Artifacts
 * @example
 * CompactTreeSchema.parse({ feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1],
 *   defaultLeft: [1, 0, 0], value: [0, -0.2, 0.3], cover: [100, 60, 40] });
 */
export const CompactTreeSchema = z
  .strictObject({
    feature: z.array(nodeIndex).check(z.minLength(1)),
    threshold: z.array(finite),
    left: z.array(nodeIndex),
    right: z.array(nodeIndex),
    defaultLeft: z.array(z.union([z.literal(0), z.literal(1)])),
    value: z.array(finite),
    cover: z.array(finite.check(z.refine((v) => v >= 0, { message: 'must be >= 0' }))),
    leftCategories: z.optional(z.record(z.string().check(z.regex(/^\d+$/)), z.array(z.number().check(z.int(), z.gte(0))))),
  })
  .check(z.superRefine((t, ctx) => {
    const n = t.feature.length;
    for (const key of ['threshold', 'left', 'right', 'defaultLeft', 'value', 'cover'] as const) {
      if (t[key].length !== n) fail(ctx, [key], `must have one entry per node (${n})`, 'length_mismatch');
    }
    if (t.left.length !== n || t.right.length !== n) return;
    const parents = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const isLeaf = t.feature[i] === -1;
      for (const side of ['left', 'right'] as const) {
        const c = t[side][i];
        if (isLeaf ? c !== -1 : !(c > i && c < n)) {
          fail(ctx, [side, i], isLeaf ? 'a leaf has no children (-1)' : 'a child must be a later node of the same tree', 'invalid_tree_structure');
        } else if (!isLeaf) parents[c]++;
      }
    }
    for (let i = 1; i < n; i++) {
      if (parents[i] !== 1) fail(ctx, ['feature', i], 'every node but the root must have exactly one parent', 'invalid_tree_structure');
    }
    for (const key of Object.keys(t.leftCategories ?? {})) {
      const i = Number(key);
      if (!(i < n && t.feature[i] >= 0)) fail(ctx, ['leftCategories', key], 'must name a split node', 'invalid_tree_structure');
    }
  }));
/**
 * One tree of a tree artifact (see {@link CompactTreeSchema}).
 *
 * @category Artifacts
 * @example
 * const stump: CompactTree = { feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], defaultLeft: [1, 0, 0], value: [0, 0.02, 0.09], cover: [100, 60, 40] };
 */
export type CompactTree = z.infer<typeof CompactTreeSchema>;

/** Checks every tree's splits against the artifact's features (index, type, categories). */
function checkTreesAgainstFeatures(
  features: readonly FeatureSpec[],
  trees: readonly CompactTree[],
  path: readonly (string | number)[],
  ctx: z.core.$RefinementCtx,
  leafProbability: boolean,
): void {
  trees.forEach((t, ti) => {
    const base = trees.length === 1 && path[path.length - 1] === 'tree' ? [...path] : [...path, ti];
    for (let i = 0; i < t.feature.length; i++) {
      const f = t.feature[i];
      if (f === -1) {
        if (leafProbability && !(t.value[i] > 0 && t.value[i] < 1)) {
          fail(ctx, [...base, 'value', i], 'a leaf probability must be in (0, 1)', 'out_of_range');
        }
        continue;
      }
      const spec = features[f];
      if (spec === undefined) {
        fail(ctx, [...base, 'feature', i], `must index one of the ${features.length} features`, 'unknown_feature');
        continue;
      }
      const cats = t.leftCategories?.[String(i)];
      if (spec.type === 'numeric' && cats !== undefined) {
        fail(ctx, [...base, 'leftCategories', String(i)], 'a numeric split has no category set', 'invalid_tree_structure');
      }
      if (spec.type === 'categorical') {
        const k = spec.categories?.length ?? 0;
        if (cats === undefined) fail(ctx, [...base, 'leftCategories', String(i)], 'a categorical split needs its left category set', 'invalid_tree_structure');
        else if (cats.some((c) => c >= k)) fail(ctx, [...base, 'leftCategories', String(i)], `category indices must be < ${k}`, 'out_of_range');
      }
    }
  });
}

/**
 * A single CART decision tree. Leaf `value`s are probabilities of default in (0, 1); the model's
 * log-odds is the logit of the leaf reached.
 *
 * @category Artifacts
 * @example
 * TreeArtifactSchema.safeParse(JSON.parse(readFileSync('tree.json', 'utf8'))).success; //=> true
 */
export const TreeArtifactSchema = z
  .strictObject({
    ...ArtifactCommonShape,
    kind: z.literal('tree'),
    model: z.strictObject({ tree: CompactTreeSchema }),
  })
  .check(z.superRefine((a, ctx) => checkTreesAgainstFeatures(a.features, [a.model.tree], ['model', 'tree'], ctx, true)));
/**
 * A validated `tree` artifact.
 *
 * @category Artifacts
 * @example
 * const a: TreeArtifact = trainTree(dataset, { maxDepth: 4 });
 */
export type TreeArtifact = z.infer<typeof TreeArtifactSchema>;

/**
 * A random forest. Leaf `value`s are probabilities of default in (0, 1); the forest's log-odds is
 * the mean over trees of the logit of the leaf reached (`aggregation: 'mean-log-odds'`), which keeps
 * the model additive in log-odds, so TreeSHAP contributions are exact.
 *
 * @category Artifacts
 * @example
 * ForestArtifactSchema.safeParse(JSON.parse(readFileSync('forest.json', 'utf8'))).success; //=> true
 */
export const ForestArtifactSchema = z
  .strictObject({
    ...ArtifactCommonShape,
    kind: z.literal('forest'),
    model: z.strictObject({ aggregation: z.literal('mean-log-odds'), trees: z.array(CompactTreeSchema).check(z.minLength(1)) }),
  })
  .check(z.superRefine((a, ctx) => checkTreesAgainstFeatures(a.features, a.model.trees, ['model', 'trees'], ctx, true)));
/**
 * A validated `forest` artifact.
 *
 * @category Artifacts
 * @example
 * const a: ForestArtifact = trainForest(dataset, { trees: 100 });
 */
export type ForestArtifact = z.infer<typeof ForestArtifactSchema>;

/**
 * Gradient-boosted trees for binary log-loss. Log-odds of default = `baseLogOdds` + the sum over
 * trees of the leaf `value` reached (shrinkage already applied).
 *
 * @category Artifacts
 * @example
 * GradientBoostingArtifactSchema.safeParse(JSON.parse(readFileSync('gbm.json', 'utf8'))).success; //=> true
 */
export const GradientBoostingArtifactSchema = z
  .strictObject({
    ...ArtifactCommonShape,
    kind: z.literal('gbm'),
    model: z.strictObject({ baseLogOdds: finite, trees: z.array(CompactTreeSchema) }),
  })
  .check(z.superRefine((a, ctx) => checkTreesAgainstFeatures(a.features, a.model.trees, ['model', 'trees'], ctx, false)));
/**
 * A validated `gbm` artifact.
 *
 * @category Artifacts
 * @example
 * const a: GradientBoostingArtifact = trainGradientBoosting(dataset, { trees: 300 });
 */
export type GradientBoostingArtifact = z.infer<typeof GradientBoostingArtifactSchema>;
