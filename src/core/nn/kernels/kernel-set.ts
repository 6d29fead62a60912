/**
 * The products and element passes of forward and back propagation, behind one interface, so
 * that backpropagation is written once (backprop.ts) and runs on either kernel set: the
 * TypeScript kernels (typescript-kernel-set.ts) or the WebAssembly ones (wasm-kernel-set.ts).
 *
 * A kernel set is made for one architecture and owns its workspace: θ and Δ while an
 * evaluation runs, and z^(l), a^(l), δ^(l) of one chunk of at most `chunk` examples. Layers are
 * the lecture's l = 1 … L (network.ts); each step names the formula it computes. Nothing here
 * allocates.
 */
import type { Batch } from '../batch';

export interface KernelSet {
  /** Which kernels these are, for reports. */
  readonly path: KernelPath;
  /** The most examples one chunk holds. */
  readonly chunk: number;
  /** L, the number of layers. */
  readonly L: number;
  /**
   * Starts an evaluation at θ (only read): Δ, accumulated from here on, is added into `Delta`
   * (unrolled like θ) by `end`, or directly, as the kernel set prefers.
   */
  begin(theta: Float64Array, Delta: Float64Array): void;
  /** Adds what is left of the Δ accumulated since `begin` into its `Delta`. */
  end(): void;
  /**
   * Sends Δ elsewhere mid-evaluation: what was accumulated so far is added into the current
   * target, and accumulation goes on into `Delta` (the same array flushes). The caller cuts a
   * batch into pieces summed apart (batch-pieces.ts) this way.
   */
  setDeltaTarget(Delta: Float64Array): void;
  /**
   * Starts a piece of the batch whose Δ is its own (batch-pieces.ts): what was accumulated so
   * far goes to the current target, and `Delta` will hold exactly this piece's Δ at finishPiece.
   */
  startPiece(Delta: Float64Array): void;
  /** Ends the piece started by startPiece: its Delta now holds the piece's Δ, from zero. */
  finishPiece(): void;
  /** a^(1) = x and y of examples [r0, r0 + b) of the batch (b ≤ chunk). */
  loadExamples(batch: Batch, r0: number, b: number): void;
  /** z^(l+1) = Θ^(l) [1; a^(l)] for the chunk's b examples, l = 1 … L − 1. */
  affine(l: number, b: number): void;
  /** a^(l) = g(z^(l)), l = 2 … L. */
  activate(l: number, b: number): void;
  /** Σ_i J_i of the chunk (unregularised), from z^(L), a^(L) and y. */
  outputCost(b: number): number;
  /** δ^(L) = ∂J_i/∂z^(L) for each example (a^(L) − y for the canonical pairs); returns Σ_i J_i. */
  outputDelta(b: number): number;
  /** Δ^(l) += Σ_i δ^(l+1) [1; a^(l)]ᵀ, l = 1 … L − 1; returns Σ_i Σ_k |δ^(l+1)_k|. */
  accumulateDelta(l: number, b: number): number;
  /** δ^(l) = (Θ^(l)ᵀ δ^(l+1)) without its bias row, ⊙ g'(z^(l)), l = 2 … L − 1. */
  backpropDelta(l: number, b: number): void;
  /** The chunk's z^(l), a^(l), δ^(l), b·s_l entries row-major (z and δ are empty for l = 1). */
  z(l: number): Float64Array;
  a(l: number): Float64Array;
  delta(l: number): Float64Array;
}

/** The kernels that computed an evaluation. */
export type KernelPath = 'typescript' | 'wasm-simd';
