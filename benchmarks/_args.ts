/** Command-line helpers shared by the stand-alone benchmark scripts (backtest1m, scaling, readLargeCsv). */

const args = process.argv.slice(2);

/** The value after `name` on the command line (`--rows 1000` → '1000'), or undefined. */
export function argValue(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether the bare flag `name` is on the command line. */
export function hasFlag(name: string): boolean {
  return args.includes(name);
}

/** A progress line on stderr (stdout stays for results). */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
