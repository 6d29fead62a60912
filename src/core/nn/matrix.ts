/**
 * Dense matrix kernels on row-major Float64Arrays. Every kernel writes into `out` (the first
 * parameter, returned) and allocates nothing. Matrices are addressed by (array, offset,
 * leading dimension), so a kernel can work on a view: Θ^(l) inside the unrolled θ, its
 * weight block (columns 1…) skipping the bias column, or a chunk of rows of X.
 *
 * Aliasing: `out` must not overlap A or B in any kernel here (results are stored while
 * inputs are still being read).
 *
 * Speed: one strided micro-kernel computes a 4 × 4 block of `out` with sixteen local
 * accumulators over the whole inner dimension, so each loaded element of A is used four
 * times and each element of B four times (plain i-k-j loops use each load once).
 */
import { affineSmall, gemmNNSmall, gemmNTSmall, gemmTNSmall, isSmall, outerSmall } from './matrix-small';

/**
 * The general strided product: for i < m, j < n,
 * out[oOff + i·ldo + j] (+)= Σ_{p<k} A[aOff + i·ai + p·ap] · B[bOff + j·bj + p·bp].
 * With `accumulate` false, out is overwritten; with true, the product is added to it.
 */
export function gemmStrided(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, ai: number, ap: number,
  B: Float64Array, bOff: number, bj: number, bp: number,
  m: number, n: number, k: number, accumulate: boolean,
): Float64Array {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const aRow = aOff + i * ai;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = aRow, pb = bOff + j * bj;
      const a1 = ai, a2 = 2 * ai, a3 = 3 * ai, b1 = bj, b2 = 2 * bj, b3 = 3 * bj;
      for (let p = 0; p < k; p++) {
        const x0 = A[pa]!, x1 = A[pa + a1]!, x2 = A[pa + a2]!, x3 = A[pa + a3]!;
        const y0 = B[pb]!, y1 = B[pb + b1]!, y2 = B[pb + b2]!, y3 = B[pb + b3]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        pa += ap; pb += bp;
      }
      let o = oOff + i * ldo + j;
      if (accumulate) {
        out[o] = out[o]! + c00; out[o + 1] = out[o + 1]! + c01; out[o + 2] = out[o + 2]! + c02; out[o + 3] = out[o + 3]! + c03; o += ldo;
        out[o] = out[o]! + c10; out[o + 1] = out[o + 1]! + c11; out[o + 2] = out[o + 2]! + c12; out[o + 3] = out[o + 3]! + c13; o += ldo;
        out[o] = out[o]! + c20; out[o + 1] = out[o + 1]! + c21; out[o + 2] = out[o + 2]! + c22; out[o + 3] = out[o + 3]! + c23; o += ldo;
        out[o] = out[o]! + c30; out[o + 1] = out[o + 1]! + c31; out[o + 2] = out[o + 2]! + c32; out[o + 3] = out[o + 3]! + c33;
      } else {
        out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03; o += ldo;
        out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13; o += ldo;
        out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23; o += ldo;
        out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
      }
    }
    if (j < n) edge(out, oOff, ldo, A, aOff, ai, ap, B, bOff, bj, bp, i, i + 4, j, n, k, accumulate);
  }
  if (i < m) edge(out, oOff, ldo, A, aOff, ai, ap, B, bOff, bj, bp, i, m, 0, n, k, accumulate);
  return out;
}

/**
 * The rows [i0, i1) × columns [j0, j1) of gemmStrided that the 4 × 4 blocks leave over: 4 × 1
 * strips while 4 rows remain, then 1 × 4 strips, then single dot products.
 */
function edge(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, ai: number, ap: number,
  B: Float64Array, bOff: number, bj: number, bp: number,
  i0: number, i1: number, j0: number, j1: number, k: number, accumulate: boolean,
): void {
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    for (let j = j0; j < j1; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let pa = aOff + i * ai, pb = bOff + j * bj;
      for (let p = 0; p < k; p++) {
        const y = B[pb]!;
        s0 += A[pa]! * y; s1 += A[pa + ai]! * y; s2 += A[pa + 2 * ai]! * y; s3 += A[pa + 3 * ai]! * y;
        pa += ap; pb += bp;
      }
      const o = oOff + i * ldo + j;
      if (accumulate) {
        out[o] = out[o]! + s0; out[o + ldo] = out[o + ldo]! + s1;
        out[o + 2 * ldo] = out[o + 2 * ldo]! + s2; out[o + 3 * ldo] = out[o + 3 * ldo]! + s3;
      } else {
        out[o] = s0; out[o + ldo] = s1; out[o + 2 * ldo] = s2; out[o + 3 * ldo] = s3;
      }
    }
  }
  for (; i < i1; i++) {
    let j = j0;
    for (; j + 4 <= j1; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let pa = aOff + i * ai, pb = bOff + j * bj;
      for (let p = 0; p < k; p++) {
        const x = A[pa]!;
        s0 += x * B[pb]!; s1 += x * B[pb + bj]!; s2 += x * B[pb + 2 * bj]!; s3 += x * B[pb + 3 * bj]!;
        pa += ap; pb += bp;
      }
      const o = oOff + i * ldo + j;
      if (accumulate) {
        out[o] = out[o]! + s0; out[o + 1] = out[o + 1]! + s1; out[o + 2] = out[o + 2]! + s2; out[o + 3] = out[o + 3]! + s3;
      } else {
        out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3;
      }
    }
    for (; j < j1; j++) {
      let s = 0;
      let pa = aOff + i * ai, pb = bOff + j * bj;
      for (let p = 0; p < k; p++) {
        s += A[pa]! * B[pb]!;
        pa += ap; pb += bp;
      }
      const o = oOff + i * ldo + j;
      out[o] = accumulate ? out[o]! + s : s;
    }
  }
}

/**
 * out (m × n) (+)= A · Bᵀ, with A m × k (leading dimension lda) and B n × k (ldb):
 * out[i, j] = Σ_p A[i, p] · B[j, p]. Both inner reads are contiguous (dot products of rows).
 */
export function gemmNT(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate = false,
): Float64Array {
  if (isSmall(m, n, k)) return gemmNTSmall(out, oOff, ldo, A, aOff, lda, B, bOff, ldb, m, n, k, accumulate);
  return gemmStrided(out, oOff, ldo, A, aOff, lda, 1, B, bOff, ldb, 1, m, n, k, accumulate);
}

/**
 * out (m × n) (+)= A · B, with A m × k (lda) and B k × n (ldb):
 * out[i, j] = Σ_p A[i, p] · B[p, j].
 */
export function gemmNN(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate = false,
): Float64Array {
  if (isSmall(m, n, k)) return gemmNNSmall(out, oOff, ldo, A, aOff, lda, B, bOff, ldb, m, n, k, accumulate);
  return gemmStrided(out, oOff, ldo, A, aOff, lda, 1, B, bOff, 1, ldb, m, n, k, accumulate);
}

/**
 * out (m × n) (+)= Aᵀ · B, with A k × m (lda) and B k × n (ldb):
 * out[i, j] = Σ_p A[p, i] · B[p, j] (a sum of outer products of rows, as Δ = Σ δ aᵀ).
 */
export function gemmTN(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  m: number, n: number, k: number, accumulate = false,
): Float64Array {
  if (isSmall(m, n, k)) return gemmTNSmall(out, oOff, ldo, A, aOff, lda, B, bOff, ldb, m, n, k, accumulate);
  return gemmStrided(out, oOff, ldo, A, aOff, 1, lda, B, bOff, 1, ldb, m, n, k, accumulate);
}

/**
 * Affine map of a batch through one layer: out[i, r] = Θ[r, 0] + Σ_c A[i, c] · Θ[r, c + 1],
 * i.e. z = Θ·[1; a] for each example row of A (m × sIn, lda), Θ being sOut × (sIn + 1)
 * row-major at tOff with the bias in column 0. out is m × sOut (ldo).
 */
export function affineRows(
  out: Float64Array, oOff: number, ldo: number,
  A: Float64Array, aOff: number, lda: number,
  theta: Float64Array, tOff: number,
  m: number, sIn: number, sOut: number,
): Float64Array {
  const ldt = sIn + 1;
  if (isSmall(m, sOut, sIn)) return affineSmall(out, oOff, ldo, A, aOff, lda, theta, tOff, m, sIn, sOut);
  for (let i = 0; i < m; i++) {
    const o = oOff + i * ldo;
    for (let r = 0; r < sOut; r++) out[o + r] = theta[tOff + r * ldt]!;
  }
  return gemmStrided(out, oOff, ldo, A, aOff, lda, 1, theta, tOff + 1, ldt, 1, m, sOut, sIn, true);
}

/**
 * Accumulates one layer's gradient sum over a batch: Δ += δᵀ [1 | A], i.e.
 * Δ[r, 0] += Σ_i δ[i, r] and Δ[r, c + 1] += Σ_i δ[i, r] · A[i, c], with δ m × sOut (ldd),
 * A m × sIn (lda) and Δ sOut × (sIn + 1) row-major at DeltaOff (the lecture's Δ^(l) += δ^(l+1)(a^(l))ᵀ
 * summed over examples). Returns Delta.
 */
export function accumulateOuter(
  Delta: Float64Array, DeltaOff: number,
  delta: Float64Array, dOff: number, ldd: number,
  A: Float64Array, aOff: number, lda: number,
  m: number, sIn: number, sOut: number,
): Float64Array {
  if (isSmall(sOut, sIn, m)) return outerSmall(Delta, DeltaOff, delta, dOff, ldd, A, aOff, lda, m, sIn, sOut);
  const cols = sIn + 1;
  for (let r = 0; r < sOut; r++) {
    let s = 0;
    for (let i = 0; i < m; i++) {
      s += delta[dOff + i * ldd + r]!;
    }
    Delta[DeltaOff + r * cols] = Delta[DeltaOff + r * cols]! + s;
  }
  return gemmStrided(Delta, DeltaOff + 1, cols, delta, dOff, 1, ldd, A, aOff, 1, lda, sOut, sIn, m, true);
}
