import { readFileSync } from 'node:fs';
import { recordToFeatureRecord } from '../data/index.js';
import { InvalidInputError } from '../errors.js';
import { scalingConstants } from '../scaling/index.js';
import type { ModelArtifact } from '../schema/artifact.js';
import type { CompactTree } from '../schema/artifacts/trees.js';
import { extractFeatures, featureRecordFromVector } from '../features/index.js';
import { parseApplicant } from '../schema/parseApplicant.js';
import { scoreApplicant } from '../scoreApplicant.js';
import { ScorecardScorer, TreeEnsembleScorer } from '../scorers/index.js';
import type { FeatureRecord, Scorer } from '../types.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { EXIT, note, write, type CliIO } from './io.js';
import { loadScorerArg } from './_loadArtifact.js';
import { looksLikeApplicant } from './_trainingData.js';
import { missingTest, resolveReading } from './_readingOptions.js';
import { flatTextRecord } from './_tableRecord.js';

const HELP = `Usage: credit-scoring explain [--model MODEL.json] [--row JSON|@FILE] [--json]

Without --row: describes the model. A scorecard prints its points table (characteristic, bin,
points, WoE, count, bad rate); a logistic model its terms; a tree model its size and feature
importance (splits and training cover per feature).

With --row: one applicant's explanation: score, probability of default, every adverse factor with
the points it costs (reason codes, largest first) and, for tree models, each feature's TreeSHAP
contribution in log-odds and points. The row is a raw applicant (or { "applicant": ... }) or a
feature record ({ "feature": value, ... }, read like a row of a JSON Lines table: "yes"/"no",
numbers as text and missing tokens are understood), as JSON text or @file. A feature record should
hold every model feature (a feature it lacks is scored as missing, and the command says which ones
on stderr); keys that are not model features are ignored.

Options:
  --model FILE   model artifact (default: the bundled default model)
  --row JSON     the applicant or feature record to explain; @path reads it from a file
  --json         print JSON instead of text (model description: the table as JSON rows)

Examples:
  credit-scoring explain --model german.json
  credit-scoring explain --model german.json --row @applicant.json
  credit-scoring explain --model german.json --row \\
    '{"status_of_existing_checking_account": "no checking account", "duration_in_month": 27,
     "credit_history": "existing credits paid back duly till now", "purpose": "car (new)",
     "credit_amount": 2570, "savings_account_and_bonds": "... < 100 DM",
     "present_employment_since": "1 <= ... < 4 years",
     "installment_rate_in_percentage_of_disposable_income": 3,
     "personal_status_and_sex": "male : single", "other_debtors_or_guarantors": "none",
     "present_residence_since": 3, "property": "real estate", "age_in_years": 21,
     "other_installment_plans": "none", "housing": "rent",
     "number_of_existing_credits_at_this_bank": 1, "job": "skilled employee / official",
     "number_of_people_being_liable_to_provide_maintenance_for": 1, "telephone": "none",
     "foreign_worker": "yes"}'
`;

export const explainCommand: Command = {
  name: 'explain',
  summary: "show a model's points table / terms / tree summary, or one applicant's contributions",
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs('explain', argv, { model: { type: 'string' }, row: { type: 'string' }, json: { type: 'boolean' } });
    const scorer = loadScorerArg(values.model);
    const asJson = values.json === true;
    const text = values.row === undefined ? describeModel(scorer, asJson) : explainRow(scorer, readRowArg(values.row), asJson, io);
    const pending = write(io.stdout, text.endsWith('\n') ? text : `${text}\n`);
    if (pending) await pending;
    return EXIT.ok;
  },
};

function readRowArg(arg: string): unknown {
  const text = arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidInputError('explain: --row is not valid JSON', [{ code: 'invalid_json', path: ['row'], message: 'not valid JSON' }]);
  }
}

function explainRow(scorer: Scorer, row: unknown, asJson: boolean, io: CliIO): string {
  const all = scorer.featureNames.length;
  let result;
  let record: FeatureRecord;
  if (looksLikeApplicant(row, scorer.featureNames)) {
    const raw = typeof row === 'object' && row !== null && 'applicant' in row ? (row as { applicant: unknown }).applicant : row;
    result = scoreApplicant(raw, { model: scorer, maxReasons: all });
    // The same point-in-time features scoreApplicant scored, for the TreeSHAP contributions.
    const features = featureRecordFromVector(extractFeatures(parseApplicant(raw)));
    record = Object.fromEntries(scorer.featureNames.map((n) => [n, features[n] ?? null]));
  } else {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InvalidInputError('explain: --row must be a JSON object', [{ code: 'invalid_type', path: ['row'], message: 'expected an object' }]);
    }
    const lacking = scorer.featureNames.filter((n) => !Object.hasOwn(row, n));
    if (lacking.length > 0) {
      note(
        io,
        `explain: the row lacks ${lacking.length} of the model's ${all} features, scored as missing: ${lacking.join(', ')}${lacking.length === all ? ' (is it the right model?)' : ''}`,
      );
    }
    // Read as a table row is read for the model: "yes", "52000", "NA" mean what they meant in training.
    const specs = scorer.toArtifact().features;
    record = recordToFeatureRecord(flatTextRecord(row, scorer.featureNames, missingTest(resolveReading(scorer, undefined, undefined).missing), 'explain: --row'), specs);
    result = scorer.score(record, { maxReasons: all });
  }
  let contributions: { feature: string; logOdds: number; points: number }[] | undefined;
  if (scorer instanceof TreeEnsembleScorer) {
    const { factor } = scalingConstants(scorer.toArtifact().scaling);
    const e = scorer.explainLogOdds(record);
    contributions = scorer.featureNames
      .map((feature, j) => ({ feature, logOdds: e.contributions[j], points: -factor * e.contributions[j] }))
      .filter((c) => c.logOdds !== 0)
      .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
  }
  if (asJson) return JSON.stringify({ ...result, ...(contributions ? { contributions } : {}) }, null, 2);
  const lines = [
    `model ${result.modelId}`,
    `score ${result.score.toFixed(1)}   probability of default ${(result.probabilityOfDefault * 100).toFixed(2)}%`,
    '',
    result.reasonCodes.length === 0 ? 'no adverse factors' : 'adverse factors (points lost against the baseline, largest first):',
    ...result.reasonCodes.map((r) => `  ${r.code.padEnd(8)} ${r.impact.toFixed(1).padStart(7)} pts  ${r.description}  (${r.feature} = ${r.value === null ? 'missing' : r.value})`),
  ];
  if (contributions) {
    lines.push('', 'TreeSHAP contributions (log-odds of default; + raises risk):');
    for (const c of contributions) lines.push(`  ${c.feature.padEnd(40)} ${c.logOdds >= 0 ? '+' : ''}${c.logOdds.toFixed(4)}  (${c.points >= 0 ? '+' : ''}${c.points.toFixed(1)} pts)`);
  }
  return lines.join('\n');
}

function describeModel(scorer: Scorer, asJson: boolean): string {
  const artifact: ModelArtifact = scorer.toArtifact();
  const head = [
    `model ${scorer.id} (${artifact.kind}, ${artifact.features.length} features)`,
    ...(artifact.description ? [artifact.description] : []),
    `scaling: ${artifact.scaling.baseScore} points at ${artifact.scaling.baseOdds}:1 good:bad odds, ${artifact.scaling.pdo} points to double the odds`,
    '',
  ];
  if (scorer instanceof ScorecardScorer) {
    if (asJson) return JSON.stringify(scorer.pointsTable(), null, 2);
    return [...head, scorer.pointsTableMarkdown()].join('\n');
  }
  if (artifact.kind === 'logistic') {
    const rows = artifact.features.map((f, j) => {
      const t = artifact.model.terms[j];
      return t.type === 'numeric'
        ? { feature: f.name, type: 'numeric', coefficient: t.coefficient, center: t.center, scale: t.scale, missingCoefficient: t.missingCoefficient }
        : { feature: f.name, type: 'categorical', coefficients: Object.fromEntries((f.categories ?? []).map((c, k) => [c, t.coefficients[k]])), missingCoefficient: t.missingCoefficient };
    });
    if (asJson) return JSON.stringify({ intercept: artifact.model.intercept, terms: rows }, null, 2);
    return [
      ...head,
      `intercept ${artifact.model.intercept.toFixed(4)} (log-odds of default; terms on standardised values)`,
      '',
      '| feature | coefficient | missing |',
      '|---|---:|---:|',
      ...rows.map((r) =>
        r.type === 'numeric'
          ? `| ${r.feature} | ${(r.coefficient ?? 0).toFixed(4)} | ${r.missingCoefficient.toFixed(4)} |`
          : `| ${r.feature} | ${Object.entries(r.coefficients ?? {}).map(([c, v]) => `${c}: ${v.toFixed(3)}`).join('; ')} | ${r.missingCoefficient.toFixed(4)} |`,
      ),
    ].join('\n');
  }
  if (artifact.kind === 'tree' || artifact.kind === 'forest' || artifact.kind === 'gbm') {
    const trees: CompactTree[] = artifact.kind === 'tree' ? [artifact.model.tree] : artifact.model.trees;
    const splits = new Float64Array(artifact.features.length);
    const cover = new Float64Array(artifact.features.length);
    let leaves = 0;
    let maxDepth = 0;
    for (const t of trees) {
      const depth = new Int32Array(t.feature.length);
      for (let i = 0; i < t.feature.length; i++) {
        const f = t.feature[i];
        if (f === -1) {
          leaves++;
          continue;
        }
        splits[f]++;
        cover[f] += t.cover[i];
        depth[t.left[i]] = depth[i] + 1;
        depth[t.right[i]] = depth[i] + 1;
        maxDepth = Math.max(maxDepth, depth[i] + 1);
      }
    }
    const totalCover = cover.reduce((a, b) => a + b, 0) || 1;
    const rows = artifact.features
      .map((f, j) => ({ feature: f.name, splits: splits[j], coverShare: cover[j] / totalCover }))
      .filter((r) => r.splits > 0)
      .sort((a, b) => b.coverShare - a.coverShare);
    if (asJson) return JSON.stringify({ trees: trees.length, leaves, maxDepth, importance: rows }, null, 2);
    return [
      ...head,
      `${trees.length} tree${trees.length === 1 ? '' : 's'}, ${leaves} leaves, depth up to ${maxDepth}`,
      '',
      'feature importance (share of training cover at splits on the feature; splits):',
      '',
      '| feature | cover share | splits |',
      '|---|---:|---:|',
      ...rows.map((r) => `| ${r.feature} | ${(r.coverShare * 100).toFixed(1)}% | ${r.splits} |`),
    ].join('\n');
  }
  if (asJson) return JSON.stringify({ id: scorer.id, kind: artifact.kind, features: artifact.features.map((f) => f.name) }, null, 2);
  return [...head, `members: ${artifact.kind === 'blend' ? artifact.model.members.length : 0}`, `features: ${artifact.features.map((f) => f.name).join(', ')}`].join('\n');
}

