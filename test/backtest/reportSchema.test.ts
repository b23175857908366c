/**
 * The published report format: the JSON Schema made from the zod schema is committed
 * (backtest-report.v1.schema.json), so any change of keys shows up as a diff in review; update it
 * with `npx vitest run test/backtest/reportSchema.test.ts -u` only together with a schemaVersion
 * bump when a key is removed or renamed.
 */
import { describe, expect, it } from 'vitest';
import { BACKTEST_REPORT_SCHEMA_VERSION, BacktestReportSchema, backtest, backtestReportJsonSchema } from '../../src/backtest/index.js';
import { CHALLENGER, CHAMPION, syntheticDataset, testScorer } from './_synthetic.js';

interface JsonSchemaObject {
  properties: Record<string, JsonSchemaObject & { anyOf?: JsonSchemaObject[] }>;
  required: string[];
  additionalProperties: boolean;
}

describe('backtestReportJsonSchema', () => {
  it('backtestReportJsonSchema() is the committed JSON Schema of report format v1', async () => {
    expect(BACKTEST_REPORT_SCHEMA_VERSION).toBe(1);
    await expect(`${JSON.stringify(backtestReportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('./backtest-report.v1.schema.json');
  });

  it('backtestReportJsonSchema() lists exactly the keys a real report has, every object closed', async () => {
    const report = await backtest([testScorer('a', CHAMPION), testScorer('b', CHALLENGER)], syntheticDataset(1500, 3), { split: { kind: 'oot', cutoff: '2023-01' }, bootstrap: { resamples: 20 } });
    const schema = backtestReportJsonSchema() as unknown as JsonSchemaObject;
    expect(Object.keys(report).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.required.sort()).toEqual(Object.keys(report).sort());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(report.metrics).sort()).toEqual(Object.keys(schema.properties.metrics.properties).sort());
    for (const key of ['auc', 'gini', 'ks', 'brier', 'logLoss', 'count']) expect(schema.properties.metrics.required).toContain(key);
    expect(JSON.stringify(schema)).not.toMatch(/"additionalProperties":true/);
    expect(BacktestReportSchema.parse(report)).toEqual(report);
  });
});
