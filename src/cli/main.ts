/**
 * The `credit-scoring` executable: parses argv and dispatches to one command per file. All real
 * work lives in library functions; commands only read arguments, call them and format output.
 * stdout carries data only; messages, progress and errors go to stderr.
 */
import { CreditScoreError, formatIssuePath } from '../errors.js';
import pkg from '../../package.json' with { type: 'json' };
import type { Command } from './command.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { commands } from './commands.js';
import { cliWording } from './_messages.js';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `credit-scoring ${pkg.version}: credit scoring from the command line`,
    '',
    'Usage: credit-scoring <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `credit-scoring <command> --help` for a command\'s options and an example.',
    'Exit codes: 0 success, 1 failed quality gate (or internal error), 2 bad usage or input.',
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments and streams; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Bad usage: the usage text is a message (stderr); stdout carries data only.
    io.stderr.write(usage());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`credit-scoring: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\nRun \`credit-scoring ${command.name} --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof CreditScoreError) {
      io.stderr.write(`credit-scoring ${command.name}: ${e.name} (${e.code}): ${cliWording(e.message)}\n`);
      for (const issue of e.issues.slice(0, 20)) io.stderr.write(`  - ${formatIssuePath(issue.path)}: ${issue.message} [${issue.code}]\n`);
      if (e.issues.length > 20) io.stderr.write(`  ... and ${e.issues.length - 20} more\n`);
      return EXIT.usage;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR')) {
      io.stderr.write(`credit-scoring ${command.name}: cannot read ${err.path ?? 'file'} (${err.code})\n`);
      return EXIT.usage;
    }
    io.stderr.write(`credit-scoring ${command.name}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.failed;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /(?:^|[\\/])(main\.(?:ts|js)|credit-scoring)$/.test(process.argv[1]);
if (isMain) {
  // A closed stdout (e.g. `| head`) is not an error for a CLI.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`credit-scoring: ${String(e)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
