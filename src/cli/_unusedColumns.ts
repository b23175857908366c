/**
 * What `train` tells the user about the columns the model does not use: date columns (skipped as
 * features; they serve out-of-time splits) and candidate columns the trainer left out (constant in
 * training, low information value, correlated...), with the trainer's reason when its training
 * record gives one (`training.dropped` of the logistic family, `training.selection` of the
 * scorecard). Column names only, never values.
 */
import type { Dataset } from '../data/Dataset.js';
import type { ModelArtifact } from '../schema/artifact.js';

/** Reasons recorded by the trainers, by feature name. */
function recordedReasons(artifact: ModelArtifact): Map<string, string> {
  const reasons = new Map<string, string>();
  const training = artifact.training ?? {};
  for (const key of ['dropped', 'selection']) {
    const entries = training[key];
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (e === null || typeof e !== 'object' || Array.isArray(e)) continue;
      const entry = e as Record<string, unknown>;
      if (typeof entry.feature !== 'string' || entry.status === 'selected') continue;
      if (typeof entry.reason === 'string') reasons.set(entry.feature, entry.reason.replace(/_/g, ' '));
    }
  }
  return reasons;
}

const MAX_LISTED = 30;

/** The messages (without the command prefix), one per line. */
export function unusedColumnMessages(dataset: Dataset, artifact: ModelArtifact, options: { allowProtected: boolean; isApplicants: boolean }): string[] {
  const messages: string[] = [];
  const used = new Set(artifact.features.map((f) => f.name));
  const dates = dataset.columns.filter((c) => c.type === 'date' || c.name === dataset.dateColumn).map((c) => c.name);
  if (!options.isApplicants) {
    for (const name of dates) {
      if (!used.has(name)) messages.push(`date column '${name}' is not used as a feature (a date column serves out-of-time splits: backtest --split oot --date ${name})`);
    }
  }
  const candidates = dataset.columns.filter((c) => !dates.includes(c.name) && (options.allowProtected || dataset.metadata?.[c.name]?.isProtected !== true)).map((c) => c.name);
  const unused = candidates.filter((n) => !used.has(n));
  if (unused.length > 0) {
    const reasons = recordedReasons(artifact);
    const listed = unused.slice(0, MAX_LISTED).map((n) => (reasons.has(n) ? `${n} (${reasons.get(n)})` : n));
    const more = unused.length > MAX_LISTED ? `, ... and ${unused.length - MAX_LISTED} more` : '';
    messages.push(`${unused.length} of ${candidates.length} candidate feature${candidates.length === 1 ? '' : 's'} left out by the trainer: ${listed.join(', ')}${more}`);
  }
  return messages;
}
