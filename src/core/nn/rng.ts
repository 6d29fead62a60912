/**
 * The one source of randomness of the core: xoshiro128** (Blackman & Vigna), a 32-bit
 * generator seeded through splitmix32, so the same seed gives the same stream on every
 * machine and JavaScript engine (only 32-bit integer arithmetic via Math.imul and >>>).
 * Nothing in the core calls Math.random.
 */
export interface Rng {
  /** A uniform double in [0, 1), with 32 random bits. */
  next(): number;
  /** A uniform integer in [0, n). */
  nextInt(n: number): number;
  /** A standard normal deviate (Box–Muller). */
  nextGaussian(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator. Seeds are integers; seeds beyond 32 bits are folded. */
export function createRng(seed: number): Rng {
  const hi = Math.floor(seed / 0x100000000);
  const mix = splitmix32((seed >>> 0) ^ Math.imul(hi >>> 0, 0x9e3779b9));
  let a = mix(), b = mix(), c = mix(), d = mix();
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spareGaussian: number | undefined;
  return {
    next: () => nextUint32() / 0x100000000,
    nextInt: (n) => Math.floor((nextUint32() / 0x100000000) * n),
    nextGaussian: () => {
      if (spareGaussian !== undefined) {
        const g = spareGaussian;
        spareGaussian = undefined;
        return g;
      }
      let u = 0;
      while (u === 0) u = nextUint32() / 0x100000000;
      const v = nextUint32() / 0x100000000;
      const r = Math.sqrt(-2 * Math.log(u));
      spareGaussian = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
