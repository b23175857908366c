/**
 * zod schemas for the reader options shared by `readRows` and `readTable`. Private to `src/data`.
 *
 * @module
 */
import { z } from 'zod';
import { fromZodError, InvalidOptionsError } from '../../errors.js';

const oneCharacter = z
  .string()
  .length(1, { message: 'must be one character' })
  .refine((d) => d !== '"' && d !== '\n' && d !== '\r', { message: 'cannot be a quote or a line break' });

/** Options that control how raw rows are read (format, delimiter, missing tokens...). */
export const RowReaderOptionsShape = {
  format: z.enum(['csv', 'jsonl']).optional(),
  delimiter: oneCharacter.optional(),
  missing: z.array(z.string()).optional(),
  header: z.boolean().optional(),
  columns: z.array(z.string().min(1)).min(1).optional(),
  encoding: z.enum(['utf8', 'latin1', 'utf16le']).optional(),
  maxRecordChars: z.number().int().min(1).optional(),
};

/** Default `maxRecordChars`: 16 Mi characters. */
export const DEFAULT_MAX_RECORD_CHARS = 1 << 24;

/** Parses options with `schema`, converting a zod failure to InvalidOptionsError. */
export function parseOptions<T extends z.ZodType>(schema: T, options: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return r.data;
}
