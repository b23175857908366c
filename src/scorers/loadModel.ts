import { InvalidArtifactError, formatIssuePath, fromZodError, type Issue } from '../errors.js';
import { ModelArtifactSchema, type ModelArtifact } from '../schema/artifact.js';
import { SUPPORTED_ARTIFACT_VERSIONS } from '../schema/artifactCommon.js';
import { englishMessages } from '../schema/_lib/englishMessages.js';
import type { Scorer } from '../types.js';
import { LogisticScorer } from './LogisticScorer.js';
import { ScorecardScorer } from './ScorecardScorer.js';
import { TreeEnsembleScorer } from './TreeEnsembleScorer.js';
import { BlendScorer } from './BlendScorer.js';

const WHERE = 'loadModel';

/**
 * Validates a model artifact and returns the {@link Scorer} that runs it.
 *
 * Checks, in order, each failing with an {@link InvalidArtifactError} whose `issues` carry paths
 * into the artifact:
 * 1. a JSON string is parsed (`invalid_json`); the value must be an object;
 * 2. `schemaVersion` must be one this library reads (error code `unsupported_artifact_version`,
 *    message naming the version found and those supported) — before anything else, so an artifact
 *    from a newer release is reported as such rather than as a list of schema issues;
 * 3. the artifact schema (`ModelArtifactSchema`, strict: unknown keys, wrong types, non-finite
 *    numbers, unknown `kind` are all rejected);
 * 4. consistency shared by every family: unique feature names, categorical features with a
 *    dictionary of unique categories and numeric ones without, an ordered display clamp, an
 *    isotonic calibration with matching, ascending points and PDs in [0, 1];
 * 5. the family's own consistency (e.g. for `logistic`: one term per feature, of the same type,
 *    one coefficient per category), then the family's scorer.
 * O(artifact size); the returned scorer holds its own copy of the artifact.
 *
 * @param artifact - an artifact object or its JSON text
 * @returns the scorer for the artifact's `kind`
 * @throws {@link InvalidArtifactError} as above (`code` is `unsupported_artifact_version` for step 2, else `invalid_artifact`)
 * @category Scoring
 * @example
 * const scorer = loadModel(readFileSync('models/default.json', 'utf8'));
 * scorer.score({ revolvingUtilization: 0.9, hardInquiries6m: 4 }).reasonCodes.length; //=> 4
 * loadModel({ ...artifact, schemaVersion: 99 });
 * //=> throws InvalidArtifactError: loadModel: unsupported artifact schemaVersion 99 (this library reads 1); the artifact was written by a newer release
 */
export function loadModel(artifact: unknown): Scorer {
  let value: unknown = artifact;
  if (typeof artifact === 'string') {
    try {
      value = JSON.parse(artifact);
    } catch (error) {
      throw new InvalidArtifactError(`${WHERE}: the artifact text is not valid JSON (${error instanceof Error ? error.message : String(error)})`, [
        { code: 'invalid_json', path: [], message: 'not valid JSON' },
      ], { cause: error });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArtifactError(`${WHERE}: expected a model artifact object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`, [
      { code: 'invalid_type', path: [], message: 'expected an object' },
    ]);
  }

  const version = (value as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !SUPPORTED_ARTIFACT_VERSIONS.includes(version)) {
    const found = version === undefined ? 'none' : JSON.stringify(version);
    const supported = SUPPORTED_ARTIFACT_VERSIONS.join(', ');
    throw new InvalidArtifactError(
      `${WHERE}: unsupported artifact schemaVersion ${found} (this library reads ${supported})${typeof version === 'number' && version > Math.max(...SUPPORTED_ARTIFACT_VERSIONS) ? '; the artifact was written by a newer release' : ''}`,
      [{ code: 'unsupported_artifact_version', path: ['schemaVersion'], message: `found ${found}, supported ${supported}` }],
      { code: 'unsupported_artifact_version' },
    );
  }

  const parsed = ModelArtifactSchema.safeParse(value, englishMessages());
  if (!parsed.success) throw fromZodError(parsed.error, WHERE, InvalidArtifactError);
  const model = parsed.data;

  const issues = envelopeIssues(model);
  if (issues.length > 0) {
    throw new InvalidArtifactError(
      `${WHERE}: inconsistent artifact, ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues
        .slice(0, 10)
        .map((i) => `${formatIssuePath(i.path)}: ${i.message}`)
        .join('; ')})`,
      issues,
    );
  }

  // One case per model family; each family's scorer checks its own consistency.
  switch (model.kind) {
    case 'logistic':
      return new LogisticScorer(model);
    case 'scorecard':
      return new ScorecardScorer(model);
    case 'tree':
    case 'forest':
    case 'gbm':
      return new TreeEnsembleScorer(model);
    case 'blend':
      return new BlendScorer(model, loadModel);
    default: {
      const kind: string = (model as { kind: string }).kind;
      throw new InvalidArtifactError(`${WHERE}: no scorer for model kind ${JSON.stringify(kind)}`, [{ code: 'unknown_kind', path: ['kind'], message: 'no scorer for this kind' }]);
    }
  }
}

/** Consistency checks every family shares (the envelope of ArtifactCommonShape). */
function envelopeIssues(model: ModelArtifact): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  model.features.forEach((spec, j) => {
    if (seen.has(spec.name)) issues.push({ code: 'duplicate_feature', path: ['features', j, 'name'], message: `feature ${JSON.stringify(spec.name)} appears more than once` });
    seen.add(spec.name);
    if (spec.type === 'categorical') {
      if (spec.categories === undefined) issues.push({ code: 'missing_categories', path: ['features', j, 'categories'], message: 'a categorical feature needs its categories' });
      else if (new Set(spec.categories).size !== spec.categories.length) issues.push({ code: 'duplicate_category', path: ['features', j, 'categories'], message: 'categories must be unique' });
    } else if (spec.categories !== undefined) {
      issues.push({ code: 'unexpected_categories', path: ['features', j, 'categories'], message: 'a numeric feature has no categories' });
    }
  });
  const clamp = model.scaling.clamp;
  if (clamp !== undefined && !(clamp[0] < clamp[1])) issues.push({ code: 'invalid_clamp', path: ['scaling', 'clamp'], message: 'must be [lower, upper] with lower < upper' });
  const calibration = model.calibration;
  if (calibration?.method === 'isotonic') {
    const { x, y } = calibration;
    if (x.length !== y.length) issues.push({ code: 'length_mismatch', path: ['calibration', 'y'], message: `expected ${x.length} values (one per x), got ${y.length}` });
    for (let k = 1; k < x.length; k++) {
      if (!(x[k] >= x[k - 1])) {
        issues.push({ code: 'not_ascending', path: ['calibration', 'x', k], message: 'x must be ascending' });
        break;
      }
    }
    for (let k = 0; k < y.length; k++) {
      if (!(y[k] >= 0 && y[k] <= 1)) {
        issues.push({ code: 'out_of_range', path: ['calibration', 'y', k], message: 'calibrated PDs must be in [0, 1]' });
        break;
      }
    }
  }
  return issues;
}
