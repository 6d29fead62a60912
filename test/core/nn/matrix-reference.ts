/**
 * Reference matrix product, written for clarity rather than speed: the oracle the fast
 * kernels of matrix.ts are tested against. out (m × n) = op(A) · op(B) with op = identity
 * or transpose, dense row-major, no offsets.
 */
export function gemmReference(
  out: Float64Array, A: Float64Array, B: Float64Array,
  m: number, n: number, k: number, transA: boolean, transB: boolean,
): Float64Array {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const a = transA ? A[p * m + i]! : A[i * k + p]!;
        const b = transB ? B[j * k + p]! : B[p * n + j]!;
        s += a * b;
      }
      out[i * n + j] = s;
    }
  }
  return out;
}
