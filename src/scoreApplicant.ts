import defaultArtifact from '../models/default.json' with { type: 'json' };
import { CreditScoreError, InvalidInputError, withPathPrefix } from './errors.js';
import { extractFeatures } from './features/index.js';
import { parseApplicant } from './schema/parseApplicant.js';
import { loadModel } from './scorers/loadModel.js';
import type { BatchResult, FeatureVector, ScoreResult, Scorer } from './types.js';

/**
 * Options of {@link scoreApplicant} and {@link scoreApplicants}.
 *
 * @category Scoring
 * @example
 * const o: ScoreApplicantOptions = { model: loadModel(artifactJson), maxReasons: 4 };
 */
export interface ScoreApplicantOptions {
  /**
   * The model to score with; its features must be catalogue features.
   * @defaultValue the bundled default model ({@link defaultModel})
   */
  model?: Scorer;
  /** @defaultValue 4 */
  maxReasons?: number;
}

/**
 * What {@link scoreApplicant} returns: the model's result plus whether the applicant is thin-file
 * (no bureau hit, or too few usable tradelines): scored from the data there is, and flagged.
 *
 * @category Scoring
 * @example
 * const r: ApplicantScoreResult = scoreApplicant(raw);
 * r.isThinFile; //=> false
 */
export interface ApplicantScoreResult extends ScoreResult {
  isThinFile: boolean;
}

let bundled: Scorer | undefined;

/**
 * The bundled default model (trained on the fixture sample by `npm run train:default`), loaded and
 * validated once on first use. No I/O: the artifact is part of the code.
 *
 * @category Scoring
 * @example
 * defaultModel().featureNames.length; //=> 16
 */
export function defaultModel(): Scorer {
  bundled ??= loadModel(defaultArtifact);
  return bundled;
}

const columnMaps = new WeakMap<Scorer, Int32Array>();

function columnsFor(scorer: Scorer, names: readonly string[]): Int32Array {
  let map = columnMaps.get(scorer);
  if (map === undefined) {
    map = new Int32Array(scorer.featureNames.length);
    const unknown: string[] = [];
    scorer.featureNames.forEach((name, j) => {
      const k = names.indexOf(name);
      if (k < 0) unknown.push(name);
      map![j] = k;
    });
    if (unknown.length > 0) {
      throw new InvalidInputError(`scoreApplicant: the model uses ${unknown.length} feature(s) the catalogue does not compute`, unknown.map((n) => ({ code: 'unknown_feature', path: ['model', 'features', n], message: 'not a catalogue feature' })));
    }
    columnMaps.set(scorer, map);
  }
  return map;
}

/**
 * Scores one raw applicant in one synchronous call: validates it ({@link parseApplicant}), extracts
 * its point-in-time features ({@link extractFeatures}) and scores them with the given model or the
 * bundled default. Does no I/O, so a loan system can call it inline.
 *
 * @param raw - the applicant as received (parsed JSON)
 * @returns score, probability of default, reason codes, model id and the thin-file flag
 * @throws {@link InvalidInputError} listing every schema issue with its path
 * @category Scoring
 * @example
 * const r = scoreApplicant({
 *   asOf: '2024-06-15',
 *   application: { requestedAmount: 12000, termMonths: 36, purpose: 'auto', housing: 'rent' },
 *   bureau: { status: 'no_hit' },
 * });
 * r.isThinFile; //=> true
 */
export function scoreApplicant(raw: unknown, options: ScoreApplicantOptions = {}): ApplicantScoreResult {
  const applicant = parseApplicant(raw);
  const scorer = options.model ?? defaultModel();
  const all = extractFeatures(applicant);
  const columns = columnsFor(scorer, all.names);
  const values = new Float64Array(columns.length);
  for (let j = 0; j < columns.length; j++) values[j] = all.values[columns[j]];
  const vector: FeatureVector = { names: scorer.featureNames, values };
  const result = scorer.score(vector, { maxReasons: options.maxReasons });
  const thin = all.values[all.names.indexOf('isThinFile')];
  return { ...result, isThinFile: thin === 1 };
}

/**
 * Scores many raw applicants; one result per input, in order. A bad applicant gives
 * `{ ok: false, error }` (issue paths prefixed with its index) and never stops the others.
 *
 * @category Scoring
 * @example
 * const results = scoreApplicants([good, { asOf: 'nope' }]);
 * results.map((r) => r.ok); //=> [true, false]
 */
export function scoreApplicants(raws: readonly unknown[], options: ScoreApplicantOptions = {}): BatchResult<ApplicantScoreResult>[] {
  return raws.map((raw, i) => {
    try {
      return { ok: true, result: scoreApplicant(raw, options) };
    } catch (e) {
      if (e instanceof CreditScoreError) return { ok: false, error: withPathPrefix(e, [i]) };
      throw e;
    }
  });
}
