/**
 * The streams a CLI command reads and writes, injected so commands are testable in-process.
 * stdout carries data only; messages and progress go to stderr.
 */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** A quality gate failed (`backtest --min-auc`, `--max-psi`), or an unexpected internal error. */
  failed: 1,
  /** Bad usage (unknown option, missing argument) or bad input (unreadable file, invalid model). */
  usage: 2,
} as const;

/** Thrown for bad command-line usage; main prints it with the command's help hint and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Writes a line to stderr. */
export function note(io: CliIO, message: string): void {
  io.stderr.write(`${message}\n`);
}

/** Writes to a stream and resolves once the data is flushed (backpressure-aware). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
  return undefined;
}
