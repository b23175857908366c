/**
 * `train --missing-bins fitted`: the scorecard's missing bins get one fitted log-odds term per
 * group of characteristics missing on the same rows (trainScorecard `missingBins: 'fitted'`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import type { ScorecardArtifact } from '../../src/schema/artifacts/scorecard.js';
import { cli } from './runCliHelper.js';

const tmp = mkdtempSync(join(tmpdir(), 'cs-cli-missing-bins-'));

/** utilization and balance are empty together on the "no file" rows; income on its own rows. */
function table(n: number, seed: number): string {
  const rng = createRandom(seed);
  const lines = ['utilization,balance,income,y'];
  for (let i = 0; i < n; i++) {
    const noFile = rng.next() < 0.25;
    const u = rng.next();
    const b = Math.round(rng.next() * 12000);
    const incomeMissing = rng.next() < 0.1;
    const income = Math.round(2000 + rng.next() * 6000);
    const z = -2 + (noFile ? 0.6 : 2 * (u - 0.5) + 0.00015 * (b - 6000)) + (incomeMissing ? 0.4 : -0.0003 * (income - 5000));
    const y = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    lines.push(`${noFile ? '' : u.toFixed(3)},${noFile ? '' : b},${incomeMissing ? '' : income},${y}`);
  }
  return `${lines.join('\n')}\n`;
}
const csv = join(tmp, 'train.csv');
writeFileSync(csv, table(3000, 5));

describe('train --missing-bins', () => {
  it('fitted: the characteristics missing together share one missingEffect, the option is recorded; the default writes none', async () => {
    const fitted = await cli(['train', '--data', csv, '--target', 'y', '--missing-bins', 'fitted', '--out', join(tmp, 'fitted.json')]);
    expect(fitted.code, fitted.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(tmp, 'fitted.json'), 'utf8')) as ScorecardArtifact;
    const effect = (name: string): number | undefined => a.model.characteristics[a.features.findIndex((f) => f.name === name)].missingEffect;
    expect(a.features.map((f) => f.name)).toEqual(['utilization', 'balance', 'income']);
    expect(effect('utilization')).toBeTypeOf('number');
    expect(effect('utilization')).toBe(effect('balance'));
    expect(effect('income')).toBeTypeOf('number');
    expect((a.training as { options: { missingBins: string } }).options.missingBins).toBe('fitted');
    const plain = await cli(['train', '--data', csv, '--target', 'y', '--out', join(tmp, 'woe.json')]);
    expect(plain.code, plain.stderr).toBe(0);
    const b = JSON.parse(readFileSync(join(tmp, 'woe.json'), 'utf8')) as ScorecardArtifact;
    expect(b.model.characteristics.every((c) => c.missingEffect === undefined)).toBe(true);
  });

  it('refuses an unknown mode and other model families with a usage error (exit 2)', async () => {
    const bogus = await cli(['train', '--data', csv, '--target', 'y', '--missing-bins', 'median', '--out', join(tmp, 'x.json')]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--missing-bins must be woe or fitted');
    const logistic = await cli(['train', '--data', csv, '--target', 'y', '--model', 'logistic', '--missing-bins', 'fitted', '--out', join(tmp, 'y.json')]);
    expect(logistic.code).toBe(2);
    expect(logistic.stderr).toContain('--missing-bins applies to --model scorecard');
  });
});
