/**
 * Private: a stable O(n) sort order for float64 keys (LSD radix sort on the IEEE-754 bits, 16-bit
 * digits, 4 passes, passes whose digit is constant skipped). On 1M random keys it took about a
 * seventh of the time of `Uint32Array.prototype.sort` with a comparator (0.5 s vs 3.8 s on a heavily
 * loaded 2-core machine) and about the time of the native comparator-free `Float64Array` sort, which
 * gives no permutation.
 *
 * Keys must not be NaN (callers validate). −0 sorts as +0. Ties keep their index order, so the order
 * is deterministic.
 */

const RADIX = 1 << 16;

/** Indices 0..n−1 ordered by ascending key, ties by ascending index. */
export function sortedOrder(keys: ArrayLike<number>): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  if (n <= 256) {
    // small inputs: a comparator sort is cheaper than four 65,536-bucket histograms
    const list = Array.from(order);
    list.sort((a, b) => keys[a] - keys[b] || a - b);
    return Uint32Array.from(list);
  }
  // Sortable unsigned representation: flip every bit of negatives, only the sign bit of positives.
  const floats = new Float64Array(n);
  for (let i = 0; i < n; i++) floats[i] = keys[i] + 0; // −0 + 0 = +0
  const words = new Uint32Array(floats.buffer);
  const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const lowOffset = isLittleEndian ? 0 : 1;
  const highOffset = 1 - lowOffset;
  let low = new Uint32Array(n);
  let high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + highOffset];
    const l = words[2 * i + lowOffset];
    if (h & 0x80000000) {
      high[i] = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      high[i] = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
  }
  // The key words travel with the indices, so every pass reads sequentially.
  let lowNext = new Uint32Array(n);
  let highNext = new Uint32Array(n);
  let orderNext = new Uint32Array(n);
  const counts = new Uint32Array(RADIX);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? low : high;
    const shift = (pass % 2) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(source[i] >>> shift) & 0xffff]++;
    if (counts[(source[0] >>> shift) & 0xffff] === n) continue; // every key has the same digit
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = counts[(source[i] >>> shift) & 0xffff]++;
      lowNext[p] = low[i];
      highNext[p] = high[i];
      orderNext[p] = order[i];
    }
    [low, lowNext] = [lowNext, low];
    [high, highNext] = [highNext, high];
    [order, orderNext] = [orderNext, order];
  }
  return order;
}
