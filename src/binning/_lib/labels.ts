/** A number for a label: integers as is, others to 6 significant digits. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** Label of interval bin `k` of `cutpoints.length + 1` left-closed intervals. */
export function intervalLabel(cutpoints: ArrayLike<number>, k: number): string {
  const lower = k === 0 ? '(-inf' : `[${formatNumber(cutpoints[k - 1])}`;
  const upper = k === cutpoints.length ? 'inf)' : `${formatNumber(cutpoints[k])})`;
  return `${lower}, ${upper}`;
}
