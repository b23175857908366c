/**
 * Private: picks at most `maxPoints` indices of a monotone curve, spread evenly along its length
 * (L1 arc length, so steep and flat stretches both keep detail), always keeping the first and last
 * points exactly and, when `mustKeep >= 0`, that index too (e.g. the KS point).
 */
export function downsampleCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number, mustKeep: number): number[] {
  const m = x.length;
  if (m <= maxPoints) return Array.from({ length: m }, (_, k) => k);
  const arc = new Float64Array(m);
  for (let k = 1; k < m; k++) arc[k] = arc[k - 1] + Math.abs(x[k] - x[k - 1]) + Math.abs(y[k] - y[k - 1]);
  const total = arc[m - 1];
  const keep = new Set<number>([0, m - 1]);
  if (mustKeep >= 0 && mustKeep < m) keep.add(mustKeep);
  const budget = maxPoints - keep.size;
  let k = 0;
  for (let j = 1; j <= budget; j++) {
    const target = (j * total) / (budget + 1);
    while (k < m - 1 && arc[k] < target) k++;
    keep.add(k);
  }
  return [...keep].sort((a, b) => a - b).slice(0, maxPoints);
}
