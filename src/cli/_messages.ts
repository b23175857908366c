/**
 * Library messages reworded for the command line: option names become the flags a user types
 * (`bad` -> `--bad VALUE`), so an error tells the user what to pass to the command.
 */

const REWORDINGS: readonly [RegExp, string][] = [
  [/pass both `bad` and `good` to keep those two classes and report the other rows/g, 'pass --bad VALUE and --good VALUE to keep those two classes, leaving out the rows with other values'],
  [/; a binary target needs two$/, '; a binary target needs two (pass --bad VALUE and --good VALUE to keep two classes, leaving out the rows with other values)'],
  [/pass `?bad`? to say which value means bad/g, 'pass --bad VALUE to say which value means bad'],
  [/the bad value given matches no row/g, 'the --bad value matches no row (values are compared exactly, after trimming)'],
  [/\(option (\w+), CLI (--[\w-]+)\)/g, '($2)'],
];

/** `message` with library option names replaced by CLI flags. */
export function cliWording(message: string): string {
  let out = message;
  for (const [pattern, replacement] of REWORDINGS) out = out.replace(pattern, replacement);
  return out;
}
