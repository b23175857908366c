import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Dataset } from '../data/Dataset.js';
import { datasetToFeatureMatrix, stratifiedSplit, subsetRows } from '../data/index.js';
import { auc, brierScore, ksStatistic } from '../metrics/index.js';
import type { ModelArtifact } from '../schema/artifact.js';
import { loadModel } from '../scorers/index.js';
import { trainForest, trainGradientBoosting, trainLogistic, trainScorecard, trainTree } from '../train/index.js';
import { decimal, integer, list, parseCommandArgs, required } from './args.js';
import type { Command } from './command.js';
import { EXIT, UsageError, note } from './io.js';
import { isApplicantFile, markProtected, readApplicantDataset, readLabelledTable, type TableArgs } from './_trainingData.js';
import { checkOutputPath } from './_output.js';
import { DEFAULT_MISSING, parseDelimiterOption, parseMissingOption, unionTokens, withReadingOptions } from './_readingOptions.js';
import { unusedColumnMessages } from './_unusedColumns.js';

const FAMILIES = ['scorecard', 'logistic', 'tree', 'forest', 'gbm'] as const;
type Family = (typeof FAMILIES)[number];

const HELP = `Usage: credit-scoring train --data FILE [--target COL] [--bad VALUE [--good VALUE]]
                            [--model ${FAMILIES.join('|')}] [--categorical A,B] [--numeric A,B]
                            [--exclude C,D] [--missing T1,T2] [--delimiter C] [--seed N]
                            [--weight COL] [--valid-fraction F] [--id ID] [--protected A,B]
                            [--allow-protected] [--missing-bins woe|fitted]
                            --out MODEL.json

Trains a model and writes its artifact (validated, versioned JSON; the same data and seed give
identical bytes). FILE is a table (CSV with a header, or JSON Lines of flat objects; .gz read
transparently) with a target column, or raw applicants as JSON Lines ({ "applicant": ...,
"outcome": { "defaulted": ... } } per line, as 'generate' writes them), whose point-in-time
features are extracted by the feature catalogue. '-' reads stdin (a table when --target is given).
Messages on stderr say which columns were dropped (ID-like, constant), which look mistyped (mostly
numbers read as categorical, decimal commas), and which columns the trainer left out of the model.
The reading options (--missing, --delimiter) are recorded in the model, and score and backtest
use them by default.

Options:
  --data FILE            training data (required)
  --target COL           target column of a table (required for tables)
  --bad VALUE            the target value meaning "bad" (default: 1 when the target is 0/1)
  --good VALUE           the target value meaning "good": rows with any other target value are
                         left out (counted on stderr); needed when the target has more than two
                         values (e.g. --bad "Charged Off" --good "Fully Paid")
  --model FAMILY         ${FAMILIES.join(', ')} (default scorecard)
  --categorical A,B      columns to treat as categorical (others inferred)
  --numeric A,B          columns to treat as numeric
  --exclude C,D          columns never used as features (tables: not read; raw applicants:
                         catalogue feature names)
  --missing T1,T2        cell texts meaning missing, added to the defaults (empty, NA, N/A, NaN,
                         null, ?); the empty cell is always missing
  --delimiter C          CSV delimiter, one character or 'tab' (default: detected among , ; tab)
  --weight COL           sample-weight column of a table (finite, >= 0; not a feature): each
                         row's share of the bins' counts, the fit's loss and the reported
                         metrics is multiplied by its weight (a scorecard of integer weights is
                         the scorecard of the rows repeated; logistic clipping/standardisation
                         and tree minimum leaf sizes count rows); an invalid weight skips the row
  --seed N               seed of every random choice (default 1)
  --valid-fraction F     hold out a stratified fraction F in (0, 0.5] to report validation AUC/KS
                         (gbm: also used for early stopping); default 0 (gbm: 0.2)
  --id ID                artifact id (default: the family name)
  --protected A,B        columns holding protected attributes (sex, marital status, national
                         origin, age...): kept out of the model; names that look protected are warned about
  --allow-protected      use protected attributes as features anyway (reason codes never cite them)
  --missing-bins MODE    scorecard only: how a missing bin is scored. woe (default): by its own
                         WoE; fitted: one log-odds term per group of characteristics missing on
                         (nearly) the same rows, fitted with the coefficients, so characteristics
                         missing together (no bureau file, no bank data) are counted once per
                         group, not once per characteristic
  --out MODEL.json       where to write the artifact (required)

Example:
  credit-scoring train --data german/train.csv --target creditability --bad bad --model scorecard \\
    --protected personal_status_and_sex,age_in_years,foreign_worker --out german.json
`;

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a scorecard, logistic, tree, forest or gbm model on a CSV / JSON Lines file',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs('train', argv, {
      data: { type: 'string' },
      target: { type: 'string' },
      bad: { type: 'string' },
      good: { type: 'string' },
      model: { type: 'string' },
      categorical: { type: 'string' },
      numeric: { type: 'string' },
      exclude: { type: 'string' },
      missing: { type: 'string' },
      delimiter: { type: 'string' },
      seed: { type: 'string' },
      weight: { type: 'string' },
      'valid-fraction': { type: 'string' },
      id: { type: 'string' },
      'allow-protected': { type: 'boolean' },
      protected: { type: 'string' },
      'missing-bins': { type: 'string' },
      out: { type: 'string' },
    });
    const data = required('train', 'data', values.data);
    const out = required('train', 'out', values.out);
    const family = (values.model ?? 'scorecard') as Family;
    if (!FAMILIES.includes(family)) throw new UsageError(`train: --model must be one of ${FAMILIES.join(', ')}`);
    const seed = integer('train', 'seed', values.seed, 1, 0, 2 ** 31 - 1);
    const validFraction = decimal('train', 'valid-fraction', values['valid-fraction'], family === 'gbm' ? 0.2 : 0, 0, 0.5) ?? 0;
    if (values.good !== undefined && values.bad === undefined) throw new UsageError('train: --good needs --bad');
    const missingBins = values['missing-bins'];
    if (missingBins !== undefined && missingBins !== 'woe' && missingBins !== 'fitted') throw new UsageError('train: --missing-bins must be woe or fitted');
    if (missingBins !== undefined && family !== 'scorecard') throw new UsageError('train: --missing-bins applies to --model scorecard');
    const addedMissing = parseMissingOption(values.missing);
    const delimiter = parseDelimiterOption(values.delimiter);
    const tableArgs: TableArgs = {
      target: values.target,
      bad: values.bad,
      good: values.good,
      categorical: list(values.categorical),
      numeric: list(values.numeric),
      exclude: list(values.exclude),
      missing: unionTokens(DEFAULT_MISSING, addedMissing),
      delimiter,
      ...(values.weight !== undefined ? { weight: values.weight } : {}),
    };
    // Before any long work: a bad --out path fails now, not after the fit.
    checkOutputPath('train', out);

    let dataset: Dataset;
    const isApplicants = isApplicantFile(data, tableArgs);
    if (isApplicants) {
      if (values.weight !== undefined) throw new UsageError('train: --weight applies to tables (with --target)');
      const r = await readApplicantDataset(data, io, 'train');
      dataset = r.dataset;
      note(io, `train: ${r.rows.toLocaleString('en-US')} labelled applicants read${r.skipped ? `, ${r.skipped} skipped` : ''}; ${dataset.columns.length - 1} catalogue features`);
    } else {
      if (tableArgs.target === undefined) throw new UsageError('train: --target is required for a table');
      const r = await readLabelledTable(data, tableArgs, io, 'train');
      dataset = markProtected(r.dataset, list(values.protected) ?? [], io, 'train');
      note(io, `train: ${r.report.rows.toLocaleString('en-US')} rows read${r.report.skippedRows ? `, ${r.report.skippedRows} skipped` : ''}; ${dataset.columns.length} columns`);
    }

    let fitRows = dataset;
    let validRows: Dataset | undefined;
    if (validFraction > 0) {
      const split = stratifiedSplit(dataset, { testFraction: validFraction, seed });
      fitRows = subsetRows(dataset, split.train);
      validRows = subsetRows(dataset, split.test);
    }
    const common = {
      id: values.id ?? family,
      seed,
      // A table's excluded columns were never read; raw applicants' are catalogue features.
      ...(isApplicants && tableArgs.exclude !== undefined ? { exclude: tableArgs.exclude } : {}),
      allowProtected: values['allow-protected'] === true,
      target: { name: tableArgs.target ?? 'defaulted', bad: tableArgs.bad },
    };
    const started = performance.now();
    const trained: ModelArtifact = family === 'scorecard' && missingBins !== undefined ? trainScorecard(fitRows, { ...common, missingBins }) : train(family, fitRows, validRows, common);
    const seconds = (performance.now() - started) / 1000;
    const reading = isApplicants ? {} : { ...(addedMissing !== undefined && addedMissing.length > 0 ? { missing: tableArgs.missing } : {}), ...(delimiter !== undefined ? { delimiter } : {}) };
    const artifact = Object.keys(reading).length > 0 ? withReadingOptions(trained, reading) : trained;
    const scorer = loadModel(artifact);
    for (const m of unusedColumnMessages(dataset, artifact, { allowProtected: common.allowProtected, isApplicants })) note(io, `train: ${m}`);
    note(io, `train: ${family} model '${scorer.id}' on ${fitRows.rows.toLocaleString('en-US')} rows with ${artifact.features.length} feature${artifact.features.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`);
    if (validRows !== undefined) {
      const m = datasetToFeatureMatrix(validRows, artifact.features);
      const pd = scorer.predict(m);
      const y = validRows.target as Uint8Array;
      note(io, `train: validation (${validRows.rows} rows): AUC ${auc(pd, y).toFixed(4)}  KS ${ksStatistic(pd, y).ks.toFixed(4)}  Brier ${brierScore(pd, y).toFixed(4)}`);
    }
    const json = family === 'logistic' || family === 'scorecard' ? JSON.stringify(artifact, null, 1) : JSON.stringify(artifact);
    writeFileSync(out, `${json}\n`);
    note(io, `train: wrote ${basename(out)} (${(json.length / 1024).toFixed(1)} kB)`);
    return EXIT.ok;
  },
};

function train(
  family: Family,
  rows: Dataset,
  validation: Dataset | undefined,
  common: { id: string; seed: number; exclude?: string[]; allowProtected: boolean; target: { name: string; bad?: string } },
): ModelArtifact {
  switch (family) {
    case 'logistic':
      return trainLogistic(rows, common);
    case 'scorecard':
      return trainScorecard(rows, common);
    case 'tree':
      return trainTree(rows, common);
    case 'forest':
      return trainForest(rows, common);
    case 'gbm':
      return trainGradientBoosting(rows, validation === undefined ? common : { ...common, validation, earlyStoppingRounds: 20 });
  }
}
