/**
 * Writes synthetic applicants (fixtures/generator) as JSON Lines, gzip when the path ends in .gz.
 *
 *   npx tsx scripts/generateFixtures.ts
 *       regenerates the committed sample: fixtures/applicants.jsonl.gz (5,000 applicants, seed
 *       20261123) and its ground-truth figures fixtures/truth.json
 *   npx tsx scripts/generateFixtures.ts --n 100000 --seed 7 --out /tmp/applicants.jsonl.gz
 *       any size, in constant memory; prints the ground-truth summary as JSON on stdout
 *
 * Options: --n <rows> --seed <int> --out <path> [--start-month YYYY-MM] [--include-truth]
 * [--summary <path.json>] (write the summary there too). Same options, same text.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTruthSummary, DEFAULT_START_MONTH, writeApplicantsJsonl } from '../fixtures/generator/index.js';

const SAMPLE = { n: 5000, seed: 20261123 } as const;

interface Args {
  n: number;
  seed: number;
  out: string;
  startMonth: string;
  includeTruth: boolean;
  summary: string | null;
  isSample: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--include-truth') flags.add(a);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: generateFixtures.ts [--n <rows> --seed <int> --out <path> [--start-month YYYY-MM] [--include-truth] [--summary <file>]]\n');
      process.exit(0);
    } else if (a.startsWith('--') && i + 1 < argv.length) values.set(a, argv[(i += 1)]);
    else throw new Error(`generateFixtures: unknown argument ${a}`);
  }
  const isSample = !values.has('--out');
  const n = Number(values.get('--n') ?? SAMPLE.n);
  const seed = Number(values.get('--seed') ?? SAMPLE.seed);
  return {
    n,
    seed,
    out: values.get('--out') ?? path.join(repo, 'fixtures', 'applicants.jsonl.gz'),
    startMonth: values.get('--start-month') ?? DEFAULT_START_MONTH,
    includeTruth: flags.has('--include-truth'),
    summary: values.get('--summary') ?? (isSample ? path.join(repo, 'fixtures', 'truth.json') : null),
    isSample,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.isSample && (args.n !== SAMPLE.n || args.seed !== SAMPLE.seed)) {
    throw new Error('generateFixtures: --n/--seed other than the committed sample need --out');
  }
  const summary = createTruthSummary();
  const started = performance.now();
  const written = await writeApplicantsJsonl(
    { n: args.n, seed: args.seed, startMonth: args.startMonth, includeTruth: args.includeTruth, gzipLevel: args.isSample ? 9 : 6, onApplicant: (g) => summary.add(g) },
    args.out,
  );
  const seconds = (performance.now() - started) / 1000;
  const figures = summary.finish();
  const document = {
    description:
      'Ground-truth figures of the synthetic applicants (fixtures/README.md): bad rate overall, per vintage and per segment, and the AUC of the true PD (and of the observable PD, latent shock excluded) against the outcome on the whole file, the train rows and the hold-out rows (i % 10 >= 7).',
    generator: { n: args.n, seed: args.seed, startMonth: args.startMonth, command: args.isSample ? 'npx tsx scripts/generateFixtures.ts' : `npx tsx scripts/generateFixtures.ts --n ${args.n} --seed ${args.seed} --out ${args.out}` },
    file: args.isSample ? 'fixtures/applicants.jsonl.gz' : args.out,
    ...figures,
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (args.summary !== null) writeFileSync(args.summary, text);
  if (!args.isSample) process.stdout.write(text);
  process.stderr.write(`wrote ${written.rows} applicants (${(written.bytes / 1e6).toFixed(1)} MB of JSON) to ${args.out} in ${seconds.toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
