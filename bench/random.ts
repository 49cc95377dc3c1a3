/** A seeded random number generator in [0, 1): the same seed gives the same corpus on every machine. */
export type Random = () => number;

/** mulberry32: small, fast, and good enough to shuffle test data. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
