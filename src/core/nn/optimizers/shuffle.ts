/** Seeded shuffling of example indices for mini-batches. */
import type { Rng } from '../rng';

/** Fills `out` with 0, 1, …, out.length − 1. Returns out. */
export function identityPermutation(out: Int32Array): Int32Array {
  for (let i = 0; i < out.length; i++) out[i] = i;
  return out;
}

/**
 * Fisher–Yates in place: for i = n−1 … 1, swap a[i] with a[j], j uniform in [0, i].
 * Every permutation is equally likely, and the same generator state gives the same result.
 * Returns a.
 */
export function shuffleInPlace(a: Int32Array, rng: Rng): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/**
 * The mini-batches of one epoch as views of `order`: [0, B), [B, 2B), …, the last possibly
 * shorter. Shuffling `order` in place reshuffles every view, so the views are made once.
 */
export function batchViews(order: Int32Array, batchSize: number): Int32Array[] {
  const views: Int32Array[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    views.push(order.subarray(start, Math.min(start + batchSize, order.length)));
  }
  return views;
}
