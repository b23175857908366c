/**
 * Seeded in-place Fisher–Yates shuffle. Private to `src/data`.
 *
 * @module
 */
import type { Random } from '../../_lib/random.js';

/** Shuffles `a` in place with `random`, uniformly; returns it. */
export function shuffleInPlace(a: Int32Array, random: Random): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** Row indices grouped by target class (all rows in one group when there is no target). */
export function rowsByClass(rows: number, target: Uint8Array | undefined): Int32Array[] {
  if (target === undefined) return [Int32Array.from({ length: rows }, (_, i) => i)];
  let bad = 0;
  for (let i = 0; i < rows; i++) bad += target[i];
  const goods = new Int32Array(rows - bad);
  const bads = new Int32Array(bad);
  let g = 0;
  let b = 0;
  for (let i = 0; i < rows; i++) {
    if (target[i] === 1) bads[b++] = i;
    else goods[g++] = i;
  }
  return [goods, bads];
}
