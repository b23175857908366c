import en from 'zod/v4/locales/en.js';
import type * as z from 'zod/mini';

let options: z.core.ParseContext<z.core.$ZodIssue> | undefined;

/**
 * Parse options that give every issue zod's English message, whatever the global zod config.
 * `zod/mini` loads no locale (its issues would read "Invalid input"), and classic `zod` installs
 * English globally only when something imports it: passing these to `safeParse` keeps our error
 * messages the same in every process (a per-parse error map outranks the global one).
 */
export function englishMessages(): z.core.ParseContext<z.core.$ZodIssue> {
  options ??= { error: en().localeError };
  return options;
}
