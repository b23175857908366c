/**
 * Table-only options of backtestFile on raw applicant lines: `weight` and `good` name columns or
 * values of a table; an applicant line has neither, so they must be refused, not silently dropped
 * (a weighted backtest that reports unweighted metrics looks right and is wrong). The CLI's
 * `backtest --data applicants.jsonl --target outcome --weight w` reached this path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApplicants } from '../../fixtures/generator/index.js';
import { backtestFile } from '../../src/backtest/index.js';
import { defaultModel } from '../../src/index.js';
import { cli } from '../cli/runCliHelper.js';

const dir = mkdtempSync(join(tmpdir(), 'backtest-applicant-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const path = join(dir, 'applicants.jsonl');
const lines = [...generateApplicants({ n: 120, seed: 5 })].map((g) => JSON.stringify({ applicant: g.applicant, outcome: { defaulted: g.outcome.defaulted }, w: 3 }));
writeFileSync(path, `${lines.join('\n')}\n`);

describe('backtestFile on raw applicants: table-only options', () => {
  it('refuses weight (a column of a table) instead of reporting unweighted metrics', async () => {
    await expect(backtestFile(defaultModel(), path, { weight: 'w', bootstrap: false })).rejects.toMatchObject({ name: 'InvalidOptionsError', issues: [{ path: ['weight'] }] });
  });

  it('refuses good (a target value of a table) instead of ignoring it', async () => {
    await expect(backtestFile(defaultModel(), path, { bad: '1', good: '0', bootstrap: false })).rejects.toMatchObject({ name: 'InvalidOptionsError', issues: [{ path: ['good'] }] });
  });

  it('still backtests applicant lines without them', async () => {
    const report = await backtestFile(defaultModel(), path, { bootstrap: false });
    expect(report.data.rows).toBe(120);
  });

  it('CLI: backtest --weight on an applicants file fails with a message instead of unweighted metrics', async () => {
    const r = await cli(['backtest', '--data', path, '--target', 'outcome', '--weight', 'w']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/weight/);
  });
});
