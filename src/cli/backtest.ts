import { writeFileSync } from 'node:fs';
import { backtestFile, backtestReportJsonSchema, evaluateGates, renderReportHtml, renderReportMarkdown, type BacktestFileOptions, type BacktestSplit } from '../backtest/index.js';
import { OTHER_TARGET_NOTE } from '../backtest/backtestFile.js';
import { defaultModel } from '../scoreApplicant.js';
import { decimal, integer, list, parseCommandArgs, required } from './args.js';
import type { Command } from './command.js';
import { EXIT, UsageError, note, write, type CliIO } from './io.js';
import { createProgress } from './progress.js';
import { loadScorerArg } from './_loadArtifact.js';
import { checkOutputPath } from './_output.js';
import { parseDelimiterOption, resolveReading } from './_readingOptions.js';

const HELP = `Usage: credit-scoring backtest [--model MODEL.json] --data FILE [--target COL [--bad VALUE [--good VALUE]]]
                               [--split none|stratified|oot] [--date COL] [--cutoff YYYY-MM]
                               [--test-fraction F] [--seed N] [--challenger M2.json[,M3.json]]
                               [--reference FILE] [--out report.html|report.md|report.json] [--json]
                               [--min-auc X] [--max-psi Y] [--missing T1,T2] [--delimiter C]
       credit-scoring backtest --schema

Backtests a model (and challengers, side by side with DeLong p-values) on a labelled file,
streamed in constant memory: AUC, Gini, KS, Brier, log loss, bootstrap intervals, calibration
(Hosmer-Lemeshow, slope), per-grade PD tests, score bands, PSI/CSI. FILE is a table with the target
column, or raw applicants with outcomes as JSON Lines ({ "applicant": ..., "outcome": ... }).
Without --model, the bundled default model is tested.

Output: a summary on stderr; --json prints only the report JSON on stdout (its "metrics" object holds
auc, gini, ks, brier, logLoss, count, ...); --out writes HTML (self-contained, charts inline),
Markdown or JSON by extension. --schema prints the report's JSON Schema (for CI scripts) and exits.

Options:
  --model FILE         champion model artifact (default: the bundled default model)
  --data FILE          labelled rows (required); '-' for stdin
  --target COL         target column (tables)
  --bad VALUE          target value meaning bad (default: 1 when the target is 0/1)
  --good VALUE         target value meaning good: rows with any other target value are left out
                       (counted on stderr); needed when the target has more than two values
  --weight COL         sample-weight column of a table (finite, >= 0): every metric is weighted;
                       a row with an invalid weight is skipped and reported; a --reference file
                       is read the same way, so it needs the column too
  --missing T1,T2      cell texts meaning missing, added to those the model was trained with
                       (recorded by train; default: empty, NA, N/A, NaN, null, ?)
  --delimiter C        CSV delimiter ('tab' for a tab; default: the model's training delimiter
                       when train was given one, else detected among , ; tab)
  --split S            none (default), stratified (test part of a seeded split) or oot
  --date COL           date column for --split oot (raw applicants: asOf)
  --cutoff YYYY-MM     oot: rows dated in or after this month are evaluated
  --test-fraction F    stratified: test fraction (default 0.3)
  --seed N             stratified split and bootstrap seed (default 1)
  --challenger FILES   comma-separated challenger artifacts
  --reference FILE     stability reference file (PSI/CSI), read like --data
  --out FILE           write the report (.html, .md or .json)
  --json               print the report JSON on stdout
  --min-auc X          quality gate: exit 1 when the champion's AUC < X
  --max-psi Y          quality gate: exit 1 when the score PSI > Y
  --schema             print the JSON Schema of the report (draft 2020-12) and exit

Exit codes: 0 success, 1 a quality gate failed, 2 bad usage or input.

Example:
  credit-scoring backtest --model german.json --data german/test.csv --target creditability --bad bad --out report.html
`;

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'backtest models on a labelled file: metrics, calibration, stability, HTML/Markdown/JSON report',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs('backtest', argv, {
      model: { type: 'string' },
      data: { type: 'string' },
      target: { type: 'string' },
      bad: { type: 'string' },
      weight: { type: 'string' },
      split: { type: 'string' },
      date: { type: 'string' },
      cutoff: { type: 'string' },
      'test-fraction': { type: 'string' },
      seed: { type: 'string' },
      challenger: { type: 'string' },
      reference: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      'min-auc': { type: 'string' },
      'max-psi': { type: 'string' },
      schema: { type: 'boolean' },
      delimiter: { type: 'string' },
      missing: { type: 'string' },
      good: { type: 'string' },
    });
    if (values.schema === true) {
      const pending = write(io.stdout, `${JSON.stringify(backtestReportJsonSchema(), null, 2)}\n`);
      if (pending) await pending;
      return EXIT.ok;
    }
    const data = required('backtest', 'data', values.data);
    const seed = integer('backtest', 'seed', values.seed, 1, 0, 2 ** 31 - 1);
    const minAuc = decimal('backtest', 'min-auc', values['min-auc'], undefined, 0, 1);
    const maxPsi = decimal('backtest', 'max-psi', values['max-psi'], undefined, 0, 100);
    let split: BacktestSplit = 'none';
    const kind = values.split ?? (values.cutoff !== undefined ? 'oot' : 'none');
    if (kind === 'oot') {
      if (values.cutoff === undefined) throw new UsageError('backtest: --split oot needs --cutoff YYYY-MM');
      split = { kind: 'oot', cutoff: values.cutoff, ...(values.date !== undefined ? { dateColumn: values.date } : {}) };
    } else if (kind === 'stratified') {
      split = { kind: 'stratified', testFraction: decimal('backtest', 'test-fraction', values['test-fraction'], 0.3, 0.01, 0.99) ?? 0.3, seed };
    } else if (kind !== 'none') {
      throw new UsageError('backtest: --split must be none, stratified or oot');
    }
    if (values.out !== undefined) checkOutputPath('backtest', values.out);
    const champion = values.model === undefined ? defaultModel() : loadScorerArg(values.model);
    const reading = resolveReading(champion, values.missing, parseDelimiterOption(values.delimiter));
    const challengers = (list(values.challenger) ?? []).map((p) => loadScorerArg(p));
    const progress = createProgress(io, 'backtest');
    const options: BacktestFileOptions = {
      split,
      bootstrap: { seed },
      onProgress: (rows) => progress.update(rows),
      ...(values.target !== undefined ? { target: values.target } : {}),
      ...(values.bad !== undefined ? { bad: values.bad } : {}),
      ...(values.good !== undefined ? { good: values.good } : {}),
      ...(values.weight !== undefined ? { weight: values.weight } : {}),
      ...(reading.delimiter !== undefined ? { delimiter: reading.delimiter } : {}),
      missing: reading.missing,
      ...(values.reference !== undefined ? { reference: values.reference } : {}),
    };
    if (values.good !== undefined && (values.target === undefined || values.bad === undefined)) throw new UsageError('backtest: --good needs --target and --bad');
    if (values.weight !== undefined && values.target === undefined) throw new UsageError('backtest: --weight applies to tables (with --target)');
    const report = await backtestFile([champion, ...challengers], data === '-' ? io.stdin : data, options);
    progress.finish();
    const left = report.notes.find((n) => n.endsWith(OTHER_TARGET_NOTE));
    if (left !== undefined) note(io, `backtest: ${left}`);

    const m = report.metrics;
    note(
      io,
      `backtest: ${champion.id} on ${m.count.toLocaleString('en-US')} rows (bad rate ${(m.badRate * 100).toFixed(1)}%): AUC ${m.auc.toFixed(4)}  Gini ${m.gini.toFixed(4)}  KS ${m.ks.toFixed(4)}  Brier ${m.brier.toFixed(4)}  log loss ${m.logLoss.toFixed(4)}`,
    );
    if (values.out !== undefined) {
      const out = values.out;
      const text = out.endsWith('.html') || out.endsWith('.htm') ? renderReportHtml(report) : out.endsWith('.md') ? renderReportMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
      writeFileSync(out, text);
      note(io, `backtest: report written to ${out}`);
    }
    if (values.json === true) {
      const pending = write(io.stdout, `${JSON.stringify(report)}\n`);
      if (pending) await pending;
    }
    const gates = evaluateGates(report, { ...(minAuc !== undefined ? { minAuc } : {}), ...(maxPsi !== undefined ? { maxPsi } : {}) });
    if (!gates.passed) {
      for (const f of gates.failures) note(io, `backtest: quality gate failed: ${f.gate} = ${f.value} (threshold ${f.threshold})`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};

