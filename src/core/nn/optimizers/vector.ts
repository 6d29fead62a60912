/** Small Float64Array kernels of the optimisers. None allocates. */

/**
 * aᵀb. Four partial sums: one running sum waits on the latency of every addition, which made
 * L-BFGS's two-loop recursion a tenth of a digits training.
 */
export function dot(a: Float64Array, b: Float64Array): number {
  const n = a.length, n4 = n - (n % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < n4; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (let i = n4; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * d += c·v, then returns wᵀd with the updated d: one pass where an update and the next dot
 * product would take two (the two-loop recursion of L-BFGS). Partial sums as in dot.
 */
export function addScaledThenDot(d: Float64Array, c: number, v: Float64Array, w: Float64Array): number {
  const n = d.length, n4 = n - (n % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < n4; i += 4) {
    const d0 = d[i]! + c * v[i]!, d1 = d[i + 1]! + c * v[i + 1]!, d2 = d[i + 2]! + c * v[i + 2]!, d3 = d[i + 3]! + c * v[i + 3]!;
    d[i] = d0;
    d[i + 1] = d1;
    d[i + 2] = d2;
    d[i + 3] = d3;
    s0 += w[i]! * d0;
    s1 += w[i + 1]! * d1;
    s2 += w[i + 2]! * d2;
    s3 += w[i + 3]! * d3;
  }
  for (let i = n4; i < n; i++) {
    const di = d[i]! + c * v[i]!;
    d[i] = di;
    s0 += w[i]! * di;
  }
  return s0 + s1 + (s2 + s3);
}

/** out = x + α·y, elementwise; `out` may alias `x` or `y`. Returns out. */
export function addScaled(out: Float64Array, x: Float64Array, alpha: number, y: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = x[i]! + alpha * y[i]!;
  return out;
}

/** out = −x, elementwise (so −0 for +0: not 0 − x); `out` may alias `x`. Returns out. */
export function negate(out: Float64Array, x: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = -x[i]!;
  return out;
}

/** The index of the first NaN or ±Infinity entry of a, or −1 when every entry is finite. */
export function firstNonFinite(a: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return i;
  return -1;
}

/** ‖a‖₂ (overflows to Infinity only when the true norm exceeds the double range). */
export function norm2(a: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]! / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}
