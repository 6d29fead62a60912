/**
 * The train/validation split: a seeded random subset of the examples is held out for
 * validation; both parts keep the examples in their original order, so with no validation
 * the training set is the data exactly as written.
 */
import { createRng } from '../nn/rng';

/** The example indices of each part, each in ascending order. */
export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * The split's random stream is derived from the seed so that it differs from the stream a
 * generator draws from the same seed (the low 32 bits are flipped by a constant).
 */
export function splitSeed(seed: number): number {
  const hi = Math.floor(seed / 0x100000000);
  const lo = (seed >>> 0) ^ 0x632be5ab;
  return hi * 0x100000000 + (lo >>> 0);
}

/**
 * The number of validation examples for m examples and a fraction in [0, 1):
 * round(m · fraction), but never so many that training is left with no example.
 */
export function validationCount(m: number, fraction: number): number {
  if (!(fraction > 0) || m < 2) return 0;
  return Math.min(m - 1, Math.round(m * fraction));
}

/**
 * Splits m examples: a Fisher–Yates shuffle of 0 … m−1 from the seeded stream, the first
 * `validationCount` of which are held out; each part is then sorted back into data order.
 */
export function splitExamples(m: number, fraction: number, seed: number): Split {
  const v = validationCount(m, fraction);
  if (v === 0) return { train: Int32Array.from({ length: m }, (_, i) => i), validation: new Int32Array(0) };
  const rng = createRng(splitSeed(seed));
  const order = Int32Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const validation = order.slice(0, v).sort();
  const train = order.slice(v).sort();
  return { train, validation };
}
