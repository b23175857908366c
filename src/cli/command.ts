import type { CliIO } from './io.js';

/** One CLI command: its help text (with an example) and its runner, which returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}
