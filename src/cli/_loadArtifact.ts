import { readFileSync } from 'node:fs';
import { defaultModel } from '../scoreApplicant.js';
import { loadModel } from '../scorers/index.js';
import type { Scorer } from '../types.js';

/** Loads `--model FILE` (validated), or the bundled default model when no file is given. */
export function loadScorerArg(path: string | undefined): Scorer {
  if (path === undefined) return defaultModel();
  return loadModel(readFileSync(path, 'utf8'));
}
