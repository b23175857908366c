import { z } from 'zod';
import { InvalidInputError, InvalidOptionsError, fromZodError, type Issue } from '../../errors.js';
import type { FitCategoricalBinningOptions, FitNumericBinningOptions } from '../binningOptions.js';
import { BINNING_DEFAULTS, BinningOptionsSchema } from '../binningOptionsSchema.js';

const weights = z
  .custom<ArrayLike<number>>((v) => v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number', { message: 'must be an array of numbers' })
  .optional();
const NumericSchema = BinningOptionsSchema.omit({ rareCategoryShare: true }).extend({ weights });
const CategoricalSchema = BinningOptionsSchema.omit({ trend: true, specialValues: true }).extend({ weights });

type Defaults = typeof BINNING_DEFAULTS;
export type ParsedNumericOptions = Omit<Defaults, 'rareCategoryShare'> & { weights?: ArrayLike<number> };
export type ParsedCategoricalOptions = Omit<Defaults, 'trend' | 'specialValues'> & { weights?: ArrayLike<number> };

function withDefaults<T extends object>(parsed: T): Defaults & T {
  const out: Record<string, unknown> = { ...BINNING_DEFAULTS };
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined) out[k] = v;
  return out as Defaults & T;
}

export function parseNumericOptions(where: string, options: FitNumericBinningOptions | undefined): ParsedNumericOptions {
  const r = NumericSchema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return withDefaults(r.data);
}

export function parseCategoricalOptions(where: string, options: FitCategoricalBinningOptions | undefined): ParsedCategoricalOptions {
  const r = CategoricalSchema.safeParse(options ?? {});
  if (!r.success) throw fromZodError(r.error, where, InvalidOptionsError);
  return withDefaults(r.data);
}

/** Checks the target (0/1, one per row) and weights (finite, >= 0, one per row). */
export function checkTargetAndWeights(where: string, rows: number, target: ArrayLike<number>, weights: ArrayLike<number> | undefined): void {
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
