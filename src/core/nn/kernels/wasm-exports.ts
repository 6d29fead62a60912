/**
 * The exports of nn-kernels.wasm (src/kernels/assembly/nn-kernels.as) as the core sees them:
 * a typed interface, no platform import. src/kernels/wasm-loader.ts compiles the module where
 * the platform can read it and hands a factory to whoever builds a Compute.
 *
 * Pointers are byte offsets into the instance's own memory; strides and counts are in doubles.
 * A matrix operand B is read as B(p, j) = b[(j >> 2)·bq + p·bp + (j & 3)]: column panels of 4
 * (bq = 4, bp = ldb for a plain row-major B; bq = 4K, bp = 4 for panels made by `pack`).
 */

/** One instance of nn-kernels.wasm, with the memory it was given. */
export interface NnKernels {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** C = A·B: C[i·ldc + j] = Σ_{p<K} A[i·ai + p·ap] · B(p, j), i < M, j < N. */
  gemmSet(c: number, ldc: number, a: number, ai: number, ap: number, b: number, bp: number, bq: number, M: number, N: number, K: number): void;
  /** C += A·B (as gemmSet, adding the old value of C last). */
  gemmAdd(c: number, ldc: number, a: number, ai: number, ap: number, b: number, bp: number, bq: number, M: number, N: number, K: number): void;
  /** C = bias + A·B, bias[j·bs] added last to column j (z = Θ[1; a] with the bias column of Θ). */
  gemmBiasSet(
    c: number, ldc: number, a: number, ai: number, ap: number, b: number, bp: number, bq: number,
    M: number, N: number, K: number, bias: number, bs: number,
  ): void;
  /** Packs B(p, j) = src[p·sp + j·sj] (p < K, j < N) into column panels of 4 at dst. */
  pack(dst: number, src: number, sp: number, sj: number, K: number, N: number): void;
  /** a = σ(z) on n doubles (out may alias z). */
  sigmoid(out: number, z: number, n: number): void;
  /** out = upstream ⊙ a ⊙ (1 − a) on n doubles (out may alias upstream). */
  sigmoidBackprop(out: number, upstream: number, a: number, n: number): void;
  /** δ = a − y into out and returns Σ softplus(z) − y·z over n doubles (sigmoid outputs, cross-entropy). */
  sigmoidCrossEntropy(out: number, z: number, a: number, y: number, n: number): number;
  /** Delta[r·ldDelta] += Σ_{i<m} delta[i·ldd + r] for r < n (Δ's bias column); returns Σ|δ| of the block. */
  columnSums(Delta: number, ldDelta: number, delta: number, ldd: number, m: number, n: number): number;
}

/** Makes a fresh instance with a memory of `pages` 64 KiB pages (throws if that cannot be had). */
export type NnKernelFactory = (pages: number) => NnKernels;

/** Bytes at the bottom of an instance's memory kept for the module's own constants. */
export const RESERVED_BYTES = 65536;
