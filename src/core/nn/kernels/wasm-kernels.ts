/**
 * The WebAssembly kernels as the core sees them: an interface (no platform import) and the one
 * place a loader installs them (src/kernels/wasm-loader.ts reads dist/nn-kernels.wasm in Node).
 * Without an installed module the evaluator runs the TypeScript kernels of matrix.ts.
 *
 * Pointers are byte offsets into the instance's own memory; strides and counts are in doubles.
 * See src/kernels/assembly/nn-kernels.ts for each kernel's formula.
 */

/** The exports of one instance of nn-kernels.wasm, with the memory it was given. */
export interface NnKernels {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** C (=, +=, = bias +) A·B; see the AssemblyScript source. */
  gemm(
    c: number, ldc: number, a: number, ai: number, ap: number, b: number, bp: number, bq: number,
    M: number, N: number, K: number, mode: number, bias: number, bs: number,
  ): void;
  /** Packs B(p, j) = src[p·sp + j·sj] into column panels of 4. */
  pack(dst: number, src: number, sp: number, sj: number, K: number, N: number): void;
  sigmoid(out: number, z: number, n: number): void;
  sigmoidBackprop(out: number, g: number, a: number, n: number): void;
  sigmoidCrossEntropy(out: number, z: number, a: number, y: number, n: number): number;
  /** Adds the column sums of δ to Δ's bias column; returns Σ|δ| of the block. */
  columnSums(g: number, ldg: number, d: number, ldd: number, m: number, n: number): number;
  absSum(d: number, n: number): number;
}

/** Makes a fresh instance with a memory of `pages` 64 KiB pages (throws if that cannot be had). */
export type NnKernelFactory = (pages: number) => NnKernels;

/** Bytes at the bottom of an instance's memory kept for the module's own constants. */
export const RESERVED_BYTES = 65536;

let factory: NnKernelFactory | undefined;

/** Installs (or, with undefined, removes) the WebAssembly kernels for evaluators made afterwards. */
export function installWasmKernels(f: NnKernelFactory | undefined): void {
  factory = f;
}

/** The installed factory, if any. */
export function wasmKernelFactory(): NnKernelFactory | undefined {
  return factory;
}
