import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

/** Option definitions in node:util parseArgs form. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * Parses a command's argv strictly: unknown options and stray positionals are usage errors.
 * `--help` / `-h` is always accepted.
 */
export function parseCommandArgs<T extends OptionSpec>(
  command: string,
  argv: readonly string[],
  options: T,
): { values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string }; help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument '${positionals[0]}'`);
    const { help, ...rest } = values as Record<string, unknown>;
    return { values: rest as never, help: help === true };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
}

/** A required option, or a usage error naming it. */
export function required(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${command}: --${name} is required`);
  return value;
}

/** A comma-separated list option (`--exclude a,b`). */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An integer option within bounds. */
export function integer(command: string, name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${command}: --${name} must be an integer in [${min}, ${max}]`);
  return n;
}

/** A number option within bounds. */
export function decimal(command: string, name: string, value: string | undefined, fallback: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${command}: --${name} must be a number in [${min}, ${max}]`);
  return n;
}
