import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const configs: Options[] = [
  {
    // Library entry points: one per subpath export, ESM + CJS + .d.ts, code-split so shared
    // modules are not duplicated and every export stays tree-shakable.
    entry: {
      index: 'src/index.ts',
      train: 'src/train/index.ts',
      metrics: 'src/metrics/index.ts',
      data: 'src/data/index.ts',
      backtest: 'src/backtest/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The CLI: one ESM file with a shebang; it imports the library like any consumer would.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    splitting: false,
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

export default defineConfig(configs.filter((c) => c.entry === undefined || Object.values(c.entry as Record<string, string>).every((f) => existsSync(f))));
