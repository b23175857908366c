import { createWriteStream } from 'node:fs';
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

const HELP = `Usage: credit-scoring score [--model MODEL.json] --data FILE|- [--out FILE.jsonl|FILE.csv|-]
                            [--format jsonl|csv] [--max-reasons N]

Scores every row of FILE, streaming in constant memory, and writes one output row per input row,
in order. FILE is a table (CSV or JSON Lines of flat objects) with the model's feature columns
(extra columns such as the target are ignored), or raw applicants as JSON Lines (each line a bare
applicant or { "applicant": ..., "outcome": ... }), validated and turned into features. .gz input
is read transparently; '-' is stdin. Without --model, the bundled default model scores.

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
    });
    const data = required('score', 'data', values.data);
    const outPath = values.out ?? '-';
    const format = values.format ?? (outPath.endsWith('.csv') ? 'csv' : 'jsonl');
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('score: --format must be jsonl or csv');
    const maxReasons = integer('score', 'max-reasons', values['max-reasons'], 4, 0, 100);
    const scorer = loadScorerArg(values.model);
    const specs = scorer.toArtifact().features;
    const names = specs.map((s) => s.name);
    const out = outPath === '-' ? io.stdout : createWriteStream(outPath);
    const emit = format === 'csv' ? csvWriter(maxReasons) : jsonlWriter;
    const progress = createProgress(io, 'score');
    let row = 0;
    let errors = 0;
    const put = async (text: string): Promise<void> => {
      const pending = write(out, text);
      if (pending) await pending;
    };
    if (format === 'csv') await put(`row,score,probabilityOfDefault,${Array.from({ length: maxReasons }, (_, i) => `reason${i + 1}`).join(',')}${maxReasons > 0 ? ',' : ''}error\n`);

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

    const input = await openInput(data, io.stdin);
    if (input.format === 'jsonl') {
      for await (const item of readJsonLines(input.stream)) {
        if ('error' in item) {
          await handle(() => {
            throw unreadable(item.error.reason, item.line);
          });
          continue;
        }
        const value = item.value;
        if (looksLikeApplicant(value, names)) await handle(() => scoreOne('applicant', value));
        else await handle(() => scoreOne('record', flatRecord(value, names, item.line)));
      }
    } else {
      for await (const item of readRows(input.stream, { format: 'csv' })) {
        if ('error' in item) {
          await handle(() => {
            throw unreadable(item.error.reason, item.line);
          });
          continue;
        }
        const record = item.record;
        await handle(() => scoreOne('record', recordToFeatureRecord(pick(record, names, item.line), specs)));
      }
    }
    progress.finish();
    if (out !== io.stdout) await new Promise<void>((resolve, reject) => (out as NodeJS.WritableStream).end(() => resolve()) ?? reject);
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

function flatRecord(value: unknown, names: readonly string[], line: number): FeatureRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unreadable('a line must be a JSON object', line);
  const o = value as Record<string, unknown>;
  const out: Record<string, number | string | null> = {};
  let found = 0;
  for (const n of names) {
    if (!(n in o)) continue;
    found++;
    const v = o[n];
    if (typeof v === 'boolean') out[n] = v ? 1 : 0;
    else if (typeof v === 'number' || typeof v === 'string' || v === null) out[n] = v;
    else throw new InvalidInputError(`line ${line}: ${n} must be a number, a string or null`, [{ code: 'invalid_type', path: [n], message: 'expected a number, a string or null' }]);
  }
  if (found === 0) throw noModelColumns(line);
  return out;
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
