import { z } from 'zod';
import { InvalidInputError, InvalidOptionsError, fromZodError, type Issue } from '../../errors.js';
import type { FitCategoricalBinningOptions, FitNumericBinningOptions } from '../binningOptions.js';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const nonNegative = finite.refine((v) => v >= 0, { message: 'must be >= 0' });

const Common = {
  maxPrebins: z.number().int().min(2).max(50).default(20),
  maxBins: z.number().int().min(1).max(50).default(8),
  minBinShare: finite.refine((v) => v >= 0 && v <= 0.5, { message: 'must be in [0, 0.5]' }).default(0.05),
  minGoods: nonNegative.default(1),
  minBads: nonNegative.default(1),
  smoothing: finite.refine((v) => v > 0, { message: 'must be > 0' }).default(1),
  weights: z.custom<ArrayLike<number>>((v) => v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number', { message: 'must be an array of numbers' }).optional(),
};

/** Zod schema of {@link FitNumericBinningOptions}. */
export const NumericOptionsSchema = z.strictObject({
  ...Common,
  trend: z.enum(['auto', 'auto-unimodal', 'ascending', 'descending', 'peak', 'valley', 'none']).default('auto'),
  specialValues: z.array(finite).default([]),
});

/** Zod schema of {@link FitCategoricalBinningOptions}. */
export const CategoricalOptionsSchema = z.strictObject({
  ...Common,
  rareCategoryShare: finite.refine((v) => v >= 0 && v <= 0.5, { message: 'must be in [0, 0.5]' }).default(0.01),
});

export type ParsedNumericOptions = z.output<typeof NumericOptionsSchema>;
export type ParsedCategoricalOptions = z.output<typeof CategoricalOptionsSchema>;

export function parseNumericOptions(where: string, options: FitNumericBinningOptions | undefined): ParsedNumericOptions {
  const r = NumericOptionsSchema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return r.data;
}

export function parseCategoricalOptions(where: string, options: FitCategoricalBinningOptions | undefined): ParsedCategoricalOptions {
  const r = CategoricalOptionsSchema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return r.data;
}

/**
 * Checks the target (0/1, one per row) and weights (finite, >= 0, one per row) and returns the
 * weighted totals. Throws InvalidInputError listing the first problems with their paths.
 */
export function checkTargetAndWeights(
  where: string,
  rows: number,
  target: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
): void {
  const issues: Issue[] = [];
  if (target.length !== rows) issues.push({ code: 'length_mismatch', path: ['target'], message: `must have one value per row (${rows})` });
  else {
    for (let i = 0; i < rows && issues.length < 10; i++) {
      const t = target[i];
      if (t !== 0 && t !== 1) issues.push({ code: 'invalid_value', path: ['target', i], message: 'must be 0 (good) or 1 (bad)' });
    }
  }
  if (weights !== undefined) {
    if (weights.length !== rows) issues.push({ code: 'length_mismatch', path: ['weights'], message: `must have one value per row (${rows})` });
    else {
      for (let i = 0; i < rows && issues.length < 10; i++) {
        const w = weights[i];
        if (!(Number.isFinite(w) && w >= 0)) issues.push({ code: 'out_of_range', path: ['weights', i], message: 'must be a finite number >= 0' });
      }
    }
  }
  if (issues.length > 0) {
    throw new InvalidInputError(`${where}: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`, issues);
  }
}
