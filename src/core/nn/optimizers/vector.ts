/** Small Float64Array kernels of the optimisers. None allocates. */

/** aᵀb. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** out = x + α·y, elementwise; `out` may alias `x` or `y`. Returns out. */
export function addScaled(out: Float64Array, x: Float64Array, alpha: number, y: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = x[i]! + alpha * y[i]!;
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
