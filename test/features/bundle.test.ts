/**
 * The runtime path (extractFeatures) must not carry the catalogue's documentation: descriptions
 * live in featureDocs.ts, which only FEATURE_CATALOGUE imports (issue 7's bundle budget).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FEATURE_CATALOGUE } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');

async function bundle(contents: string): Promise<string> {
  const out = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', external: ['zod'], logLevel: 'silent' });
  return out.outputFiles[0].text;
}

describe('feature extraction bundle', () => {
  it('import { extractFeatures } bundles the readers but none of the catalogue descriptions', async () => {
    const code = await bundle("import { extractFeatures } from './src/index.ts'; export const f = extractFeatures;");
    expect(code).toContain('hasBureauHit');
    const leaked = FEATURE_CATALOGUE.filter((d) => code.includes(d.description.slice(0, 40))).map((d) => d.name);
    expect(leaked).toEqual([]);
  });

  it('import { FEATURE_CATALOGUE } bundles the descriptions', async () => {
    const code = await bundle("import { FEATURE_CATALOGUE } from './src/index.ts'; export const c = FEATURE_CATALOGUE;");
    expect(code).toContain('Too many recent credit inquiries');
    // the detector of the first test finds them here (it is not vacuous)
    expect(FEATURE_CATALOGUE.filter((d) => code.includes(d.description.slice(0, 40))).length).toBe(FEATURE_CATALOGUE.length);
  });
});
