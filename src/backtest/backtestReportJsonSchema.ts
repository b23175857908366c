import { z } from 'zod';
import { BacktestReportSchema } from './BacktestReport.js';

/**
 * The published {@link BacktestReportSchema} as a JSON Schema (draft 2020-12) document, for CI
 * scripts in any language that read `credit-scoring backtest --json` (the CLI prints it with
 * `credit-scoring backtest --schema`). Every object is closed (`additionalProperties: false`), so
 * the document lists every key of the report; keys are stable within a `schemaVersion`. Rules that
 * JSON Schema cannot state (numbers finite, rates in [0, 1]) are checked by the zod schema only.
 *
 * @returns a JSON Schema object
 * @category Backtest
 * @example
 * const schema = backtestReportJsonSchema();
 * schema.$schema; //=> 'https://json-schema.org/draft/2020-12/schema'
 * (schema.required as string[]).includes('metrics'); //=> true
 */
export function backtestReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(BacktestReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
