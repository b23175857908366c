import { applicantJsonLine, generateApplicants, writeApplicantsJsonl } from '../../fixtures/generator/index.js';
import { integer, parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { EXIT, UsageError, note, write } from './io.js';
import { createProgress } from './progress.js';

const HELP = `Usage: credit-scoring generate --n N [--seed S] [--start-month YYYY-MM] [--out FILE|-] [--truth]

Writes N synthetic raw applicants as JSON Lines, one { "applicant": ..., "outcome": ... } per line,
from the seeded fixture generator (fixtures/README.md documents its ground truth). The same seed
gives byte-identical output. FILE ending in .gz is gzip-compressed; '-' (the default) is stdout.

Options:
  --n N                number of applicants (required)
  --seed S             generator seed (default 20261123, the committed sample's)
  --start-month M      first of the 24 monthly vintages (default 2023-01)
  --out FILE           output file, or '-' for stdout (default '-')
  --truth              also write each applicant's true PD and segment ("truth")

Example:
  credit-scoring generate --n 100000 --seed 7 --out applicants-100k.jsonl.gz
`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write seeded synthetic applicants (JSON Lines) with outcomes',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs('generate', argv, {
      n: { type: 'string' },
      seed: { type: 'string' },
      'start-month': { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'boolean' },
    });
    if (values.n === undefined) throw new UsageError('generate: --n is required');
    const n = integer('generate', 'n', values.n, 0, 1, 100_000_000);
    const seed = integer('generate', 'seed', values.seed, 20261123, 0, 2 ** 32 - 1);
    const startMonth = values['start-month'];
    if (startMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(startMonth)) throw new UsageError('generate: --start-month must be YYYY-MM');
    const includeTruth = values.truth === true;
    const out = values.out ?? '-';
    const progress = createProgress(io, 'generate');
    if (out === '-') {
      let i = 0;
      for (const g of generateApplicants({ n, seed, startMonth })) {
        const pending = write(io.stdout, `${applicantJsonLine(g, includeTruth)}\n`);
        if (pending) await pending;
        if (++i % 1000 === 0) progress.update(i, n);
      }
      progress.finish();
      return EXIT.ok;
    }
    const result = await writeApplicantsJsonl({ n, seed, startMonth, includeTruth, onApplicant: (_g, i) => progress.update(i + 1, n) }, out);
    progress.finish();
    note(io, `generate: wrote ${result.rows.toLocaleString('en-US')} applicants to ${result.path} (${(result.bytes / 1e6).toFixed(1)} MB${result.isGzip ? ', gzip' : ''})`);
    return EXIT.ok;
  },
};
