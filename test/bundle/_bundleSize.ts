/**
 * Bundle-size measurement for issue 7's budget: `import { loadModel, scoreApplicant }` bundled by
 * esbuild (ESM, minified, browser platform: the runtime must bundle for browsers), gzipped
 * (zlib level 9). Shared by bundle.test.ts and benchmarks/bundleSize.ts.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The entry a browser app writes. */
export const RUNTIME_ENTRY = "export { loadModel, scoreApplicant } from './src/index.ts';";

export interface BundleSize {
  /** Minified bytes. */
  bytes: number;
  /** Gzipped minified bytes. */
  gzipBytes: number;
  /** Names the bundle exports. */
  exports: string[];
  /** Minified bytes contributed by each input group (`zod`, `models`, `src/<folder>`, ...), largest first. */
  byGroup: { group: string; bytes: number }[];
  /** Every input file with bytes in the output (paths as esbuild reports them). */
  inputs: string[];
}

function groupOf(input: string): string {
  if (input.includes('node_modules/')) return input.split('node_modules/')[1].split('/')[0];
  const parts = input.split('/');
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts[0] === 'src' ? 'src' : parts[0];
}

/** Bundles `contents` (resolved from the repository root); `external` packages stay imports. */
export async function bundleSize(contents: string, external: readonly string[] = []): Promise<BundleSize> {
  const out = await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: [...external],
    metafile: true,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].contents;
  const groups = new Map<string, number>();
  const exports: string[] = [];
  const inputs: string[] = [];
  for (const output of Object.values(out.metafile.outputs)) {
    exports.push(...output.exports);
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
      if (bytesInOutput > 0) inputs.push(input);
    }
  }
  return {
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    exports: exports.sort(),
    byGroup: [...groups].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes),
    inputs: inputs.sort(),
  };
}
