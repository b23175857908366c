/**
 * Seeded pseudo-random generator (mulberry32 seeded through splitmix32). Every random choice in the
 * library goes through one of these, passed in explicitly, so the same seed gives identical output.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, one value per call, deterministic). */
  normal(): number;
  /** A new independent generator derived from this one (for per-tree streams). */
  fork(): Random;
}

function splitmix32(a: number): number {
  a = (a + 0x9e3779b9) | 0;
  let t = a ^ (a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** Creates a seeded generator. `seed` is any finite number; it is reduced to 32 bits. */
export function createRandom(seed: number): Random {
  let state = splitmix32(Math.trunc(seed) | 0 ^ Math.trunc(seed / 4294967296));
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Random = {
    next,
    int: (n: number) => Math.floor(next() * n),
    normal: () => {
      let u = next();
      while (u === 0) u = next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRandom(Math.floor(next() * 4294967296)),
  };
  return rng;
}
