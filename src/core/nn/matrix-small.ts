/**
 * The small-shape paths of the kernels in matrix.ts: plain loops with sums in registers, for
 * shapes too small for 4 × 4 blocks (fewer than 4 rows or columns, or few multiply-adds), where
 * entering the blocked kernel costs more than it saves. Same contracts as their callers.
 */
/**
 * Below this many multiply-adds, or with fewer than 4 rows or columns (no 4 × 4 block), the
 * wrappers use plain loops with unit strides: cheaper to enter than the blocked kernel.
 */
export const SMALL = 256;

/** Whether an m × n product over k terms goes to the small paths (no 4 × 4 block, or under SMALL multiply-adds). */
export function isSmall(m: number, n: number, k: number): boolean {
  return m < 4 || n < 4 || m * n * k < SMALL;
}

/** affineRows by plain dot products (small shapes). */
export function affineSmall(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  theta: Float64Array, tOff: number,
  m: number, sIn: number, sOut: number,
): Float64Array {
  const ldt = sIn + 1;
  for (let i = 0; i < m; i++) {
    const a = aOff + i * lda, o = oOff + i * ldo;
    for (let r = 0; r < sOut; r++) {
      const t = tOff + r * ldt;
      let s = theta[t]!;
      for (let c = 0; c < sIn; c++) s += A[a + c]! * theta[t + 1 + c]!;
      out[o + r] = s;
    }
  }
  return out;
}

/** accumulateOuter with sums in registers, one store per entry of Δ (small shapes). */
export function outerSmall(
  Delta: Float64Array, DeltaOff: number,
  delta: Float64Array, dOff: number, ldd: number,
  A: Float64Array, aOff: number, lda: number,
  m: number, sIn: number, sOut: number,
): Float64Array {
  const cols = sIn + 1;
  for (let r = 0; r < sOut; r++) {
    const d0 = DeltaOff + r * cols;
    let s = 0;
    for (let i = 0, d = dOff + r; i < m; i++, d += ldd) s += delta[d]!;
    Delta[d0] = Delta[d0]! + s;
    for (let c = 0; c < sIn; c++) {
      let t = 0;
      for (let i = 0, d = dOff + r, a = aOff + c; i < m; i++, d += ldd, a += lda) t += delta[d]! * A[a]!;
      Delta[d0 + 1 + c] = Delta[d0 + 1 + c]! + t;
    }
  }
  return Delta;
}

// gemmNT, gemmNN and gemmTN below differ only in their strides. They stay three loops: one
// loop taking the strides as arguments made W1 (2-2-1) 10–15 % slower (measured 28 November).

/** gemmNT by plain dot products (small shapes). */
export function gemmNTSmall(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate: boolean,
): Float64Array {
  for (let i = 0; i < m; i++) {
    const a = aOff + i * lda, o = oOff + i * ldo;
    for (let j = 0; j < n; j++) {
      const b = bOff + j * ldb;
      let s = accumulate ? out[o + j]! : 0;
      for (let p = 0; p < k; p++) s += A[a + p]! * B[b + p]!;
      out[o + j] = s;
    }
  }
  return out;
}

/** gemmNN by plain dot products (small shapes). */
export function gemmNNSmall(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate: boolean,
): Float64Array {
  for (let i = 0; i < m; i++) {
    const a = aOff + i * lda, o = oOff + i * ldo;
    for (let j = 0; j < n; j++) {
      let s = accumulate ? out[o + j]! : 0;
      for (let p = 0, b = bOff + j; p < k; p++, b += ldb) s += A[a + p]! * B[b]!;
      out[o + j] = s;
    }
  }
  return out;
}

/** gemmTN by plain dot products (small shapes). */
export function gemmTNSmall(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate: boolean,
): Float64Array {
  for (let i = 0; i < m; i++) {
    const o = oOff + i * ldo;
    for (let j = 0; j < n; j++) {
      let s = accumulate ? out[o + j]! : 0;
      for (let p = 0, a = aOff + i, b = bOff + j; p < k; p++, a += lda, b += ldb) s += A[a]! * B[b]!;
      out[o + j] = s;
    }
  }
  return out;
}
