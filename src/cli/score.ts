import { readJsonLines, readRows, recordToFeatureRecord } from '../data/index.js';
import { CreditScoreError, InvalidInputError } from '../errors.js';
import { scoreApplicant } from '../scoreApplicant.js';
import type { FeatureRecord, ReasonCode, Scorer, ScoreResult } from '../types.js';
import { integer, parseCommandArgs, required } from './args.js';
import type { Command } from './command.js';
import { EXIT, UsageError, note, write } from './io.js';
import { createProgress } from './progress.js';
import { loadScorerArg } from './_loadArtifact.js';
import { looksLikeApplicant } from './_trainingData.js';
import { openInput } from './_openInput.js';
import { openOutput } from './_output.js';
import { flatTextRecord } from './_tableRecord.js';
import { missingTest, parseDelimiterOption, resolveReading } from './_readingOptions.js';

const HELP = `Usage: credit-scoring score [--model MODEL.json] --data FILE|- [--out FILE.jsonl|FILE.csv|-]
                            [--format jsonl|csv] [--max-reasons N] [--missing T1,T2]
                            [--delimiter C] [--allow-missing-columns]

Scores every row of FILE, streaming in constant memory, and writes one output row per input row,
in order. FILE is a table (CSV or JSON Lines of flat objects) with the model's feature columns
(extra columns such as the target are ignored), or raw applicants as JSON Lines (each line a bare
applicant or { "applicant": ..., "outcome": ... }), validated and turned into features. .gz input
is read transparently; '-' is stdin. Without --model, the bundled default model scores.

A table is read with the missing tokens and delimiter the model was trained with (train records
them) unless --missing / --delimiter say otherwise. Every model feature must be a column of the
table (CSV header; in JSON Lines, a key of the first table line, null when missing): a model column
absent from the input stops the command (exit 2) naming the columns, unless
--allow-missing-columns is given, in which case they are scored as missing in every row.

Each JSON Lines output row is
  { "row": N, "score": ..., "probabilityOfDefault": ..., "reasonCodes": [...] }
or, for a row that cannot be scored,
  { "row": N, "error": { "code": ..., "message": ..., "issues": [...] } }
and processing goes on. N counts data rows from 1. CSV output has the columns
row,score,probabilityOfDefault,reason1..reasonK,error.

Options:
  --model FILE      model artifact (default: the bundled default model)
  --data FILE       input rows (required); '-' for stdin
  --out FILE        output file; .csv writes CSV; '-' (default) is stdout
  --format F        output format when --out is stdout: jsonl (default) or csv
  --max-reasons N   reason codes per row (default 4)
  --missing T1,T2   cell texts meaning missing, added to those the model was trained with
                    (default: empty, NA, N/A, NaN, null, ?); the empty cell is always missing
  --delimiter C     CSV delimiter, one character or 'tab' (default: the model's training
                    delimiter when train was given one, else detected among , ; tab)
  --allow-missing-columns
                    score even when model columns are absent from the input (scored as
                    missing in every row; the columns are named on stderr)

Example:
  credit-scoring score --model german.json --data german/test.csv --out scores.jsonl
`;

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a CSV / JSON Lines file (tables or raw applicants), streaming',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs('score', argv, {
      model: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      'max-reasons': { type: 'string' },
      missing: { type: 'string' },
      delimiter: { type: 'string' },
      'allow-missing-columns': { type: 'boolean' },
    });
    const data = required('score', 'data', values.data);
    const outPath = values.out ?? '-';
    const format = values.format ?? (outPath.endsWith('.csv') ? 'csv' : 'jsonl');
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('score: --format must be jsonl or csv');
    const maxReasons = integer('score', 'max-reasons', values['max-reasons'], 4, 0, 100);
    const scorer = loadScorerArg(values.model);
    const specs = scorer.toArtifact().features;
    const names = specs.map((s) => s.name);
    const reading = resolveReading(scorer, values.missing, parseDelimiterOption(values.delimiter));
    const isMissing = missingTest(reading.missing);
    const allowMissingColumns = values['allow-missing-columns'] === true;
    // The output is opened before any input is read: a bad --out path fails at once (exit 2).
    const opened = outPath === '-' ? undefined : openOutput('score', outPath);
    const out: NodeJS.WritableStream = opened?.stream ?? io.stdout;
    const failed = opened === undefined ? undefined : new Promise<never>((_, reject) => opened.stream.once('error', () => reject(opened.failure())));
    failed?.catch(() => undefined);
    const emit = format === 'csv' ? csvWriter(maxReasons) : jsonlWriter;
    const progress = createProgress(io, 'score');
    let row = 0;
    let errors = 0;
    const put = async (text: string): Promise<void> => {
      const failure = opened?.failure();
      if (failure !== undefined) throw failure;
      const pending = write(out, text);
      if (pending) await (failed === undefined ? pending : Promise.race([pending, failed]));
    };
    // Model columns are checked once, on the header (CSV) or the first table line (JSON Lines).
    let isChecked = false;
    const checkColumns = (present: (name: string) => boolean): void => {
      isChecked = true;
      const absent = names.filter((n) => !present(n));
      if (absent.length === 0) return;
      if (allowMissingColumns) {
        note(io, `score: ${absent.length} model column${absent.length === 1 ? '' : 's'} absent from the input, scored as missing in every row (--allow-missing-columns): ${absent.join(', ')}`);
        return;
      }
      const delimiterHint =
        absent.length === names.length && reading.delimiter !== undefined
          ? `; the file was read with the delimiter ${JSON.stringify(reading.delimiter)}${values.delimiter === undefined ? ' recorded in the model' : ''}: pass --delimiter if it differs`
          : '';
      throw new InvalidInputError(
        `score: the input lacks ${absent.length} of the model's ${names.length} feature columns: ${absent.join(', ')} (every row would be scored with ${absent.length === 1 ? 'it' : 'them'} missing; pass --allow-missing-columns to score anyway${delimiterHint})`,
        absent.map((n) => ({ code: 'missing_feature', path: [n], message: 'model column not in the input' })),
      );
    };
    // Unreadable rows before the first readable one wait for the column check.
    const early: { line: number; reason: string }[] = [];
    const flushEarly = async (): Promise<void> => {
      for (const e of early.splice(0)) {
        await handle(() => {
          throw unreadable(e.reason, e.line);
        });
      }
    };

    const scoreOne = (kind: 'applicant' | 'record', input: unknown): ScoreResult => {
      if (kind === 'applicant') {
        const raw = typeof input === 'object' && input !== null && 'applicant' in input ? (input as { applicant: unknown }).applicant : input;
        return scoreApplicant(raw, { model: scorer, maxReasons });
      }
      return scorer.score(input as FeatureRecord, { maxReasons });
    };
    const handle = async (result: () => ScoreResult): Promise<void> => {
      row++;
      try {
        await put(emit(row, result()));
      } catch (e) {
        if (!(e instanceof CreditScoreError)) throw e;
        errors++;
        await put(emit(row, e));
      }
      if (row % 1000 === 0) progress.update(row);
    };

    try {
      const input = await openInput(data, io.stdin);
      if (format === 'csv') await put(`row,score,probabilityOfDefault,${Array.from({ length: maxReasons }, (_, i) => `reason${i + 1}`).join(',')}${maxReasons > 0 ? ',' : ''}error\n`);
      if (input.format === 'jsonl') {
        for await (const item of readJsonLines(input.stream)) {
          if ('error' in item) {
            await handle(() => {
              throw unreadable(item.error.reason, item.line);
            });
            continue;
          }
          const value = item.value;
          if (looksLikeApplicant(value, names)) {
            await handle(() => scoreOne('applicant', value));
            continue;
          }
          if (!isChecked && value !== null && typeof value === 'object' && !Array.isArray(value)) checkColumns((n) => Object.hasOwn(value, n));
          await handle(() => scoreOne('record', recordToFeatureRecord(flatTextRecord(value, names, isMissing, `line ${item.line}`), specs)));
        }
      } else {
        for await (const item of readRows(input.stream, { format: 'csv', missing: reading.missing, ...(reading.delimiter !== undefined ? { delimiter: reading.delimiter } : {}) })) {
          if ('error' in item) {
            if (isChecked) {
              await handle(() => {
                throw unreadable(item.error.reason, item.line);
              });
            } else early.push({ line: item.line, reason: item.error.reason });
            continue;
          }
          const record = item.record;
          if (!isChecked) {
            checkColumns((n) => Object.hasOwn(record, n));
            await flushEarly();
          }
          await handle(() => scoreOne('record', recordToFeatureRecord(pick(record, names, item.line), specs)));
        }
        await flushEarly();
      }
      progress.finish();
      if (opened !== undefined) {
        const ended = new Promise<void>((resolve) => opened.stream.end(() => resolve()));
        await (failed === undefined ? ended : Promise.race([ended, failed]));
      }
    } catch (e) {
      progress.finish();
      opened?.stream.destroy();
      throw e;
    }
    note(io, `score: ${row.toLocaleString('en-US')} rows, ${errors.toLocaleString('en-US')} with errors, model ${scorer.id}`);
    return EXIT.ok;
  },
};

/**
 * Keeps only the model's columns: extra columns (target, ids) are ignored, as documented. A row
 * with none of the model's columns is an error, never a silent all-missing score.
 */
function pick(record: Record<string, string | null>, names: readonly string[], line: number): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  let found = 0;
  for (const n of names) {
    if (n in record) {
      out[n] = record[n];
      found++;
    }
  }
  if (found === 0) throw noModelColumns(line);
  return out;
}

function noModelColumns(line: number): CreditScoreError {
  return new CreditScoreError('invalid_input', `line ${line}: the row has none of the model's feature columns`, [
    { code: 'missing_feature', path: [], message: "none of the model's feature columns is present" },
  ]);
}

function unreadable(reason: string, line: number): CreditScoreError {
  return new CreditScoreError('invalid_input', `line ${line}: ${reason}`, [{ code: 'unreadable_row', path: [], message: reason }]);
}

function jsonlWriter(row: number, r: ScoreResult | CreditScoreError): string {
  if (r instanceof CreditScoreError) return `${JSON.stringify({ row, error: r.toJSON() })}\n`;
  return `${JSON.stringify({ row, ...r })}\n`;
}

function csvWriter(maxReasons: number): (row: number, r: ScoreResult | CreditScoreError) => string {
  return (row, r) => {
    if (r instanceof CreditScoreError) return `${row},,,${','.repeat(maxReasons)}${csvCell(`${r.code}: ${r.message}`)}\n`;
    const codes = Array.from({ length: maxReasons }, (_, i) => (r.reasonCodes[i] as ReasonCode | undefined)?.code ?? '');
    return `${row},${r.score},${r.probabilityOfDefault},${codes.map(csvCell).join(',')}${maxReasons > 0 ? ',' : ''}\n`;
  };
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
