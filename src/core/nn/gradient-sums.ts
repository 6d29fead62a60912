/**
 * The accumulators of backpropagation over a set of examples, before ÷m and regularisation:
 * what the reference backprop (backprop.ts) writes into, what a pool thread hands back, and what
 * finishGradient turns into J, D and the per-layer statistics.
 */
import type { LayerShape } from './network';

/** Σ over examples of the backprop quantities; layers at layerIndex(l) (network.ts). */
export interface GradientSums {
  /** Δ^(l) = Σ_i δ^(l+1) [1; a^(l)]ᵀ for every l, unrolled like θ. */
  readonly Delta: Float64Array;
  /**
   * Σ_i J_i, unregularised, in a one-entry array: a double returned from a call that is not
   * inlined would be boxed, one allocation per chunk.
   */
  readonly costSum: Float64Array;
  /** Σ_i Σ_k |δ^(l)_k| at layerIndex(l) for l = 2 … L (entry 0, the input layer, stays 0). */
  readonly absDeltaSum: Float64Array;
}

/** Per-layer figures of an evaluation, for progress reports; layers at layerIndex(l). */
export interface LayerStatistics {
  /** ‖D^(l)‖ (Frobenius norm) for l = 1 … L − 1. */
  readonly gradientNorm: Float64Array;
  /** Mean |δ^(l)_k| over the batch's examples and the layer's units, for l = 2 … L (entry 0 unused, 0). */
  readonly meanAbsDelta: Float64Array;
}

/** Fresh zeroed accumulators for a network with `parameters` entries in θ and L layers. */
export function createGradientSums(parameters: number, L: number): GradientSums {
  return { Delta: new Float64Array(parameters), costSum: new Float64Array(1), absDeltaSum: new Float64Array(L) };
}

/** Zeroes the accumulators (plain loops: for tiny networks cheaper than entering fill()). */
export function clearGradientSums(sums: GradientSums, parameters: number): void {
  const Delta = sums.Delta, abs = sums.absDeltaSum;
  for (let k = 0; k < parameters; k++) Delta[k] = 0;
  for (let l = 0; l < abs.length; l++) abs[l] = 0;
  sums.costSum[0] = 0;
}

/**
 * Turns the sums of m examples into the lecture's gradient and returns J(θ):
 * D^(l) = Δ^(l)/m + (λ/m)Θ^(l) off the bias column, Δ^(l)/m on it (regularisation skips the
 * bias), J = Σ_i J_i / m + λ/(2m) Σ Θ² over the non-bias weights. D may be sums.Delta (in
 * place). Writes ‖D^(l)‖ and mean |δ^(l)| into stats.
 */
export function finishGradient(
  theta: Float64Array, shapes: readonly LayerShape[], sizes: readonly number[], m: number, lambda: number,
  sums: GradientSums, D: Float64Array, stats: LayerStatistics,
): number {
  const Delta = sums.Delta, decay = lambda / m;
  let penalty = 0;
  for (let s = 0; s < shapes.length; s++) {
    const shape = shapes[s]!;
    let norm = 0;
    for (let r = 0; r < shape.rows; r++) {
      const row = shape.offset + r * shape.cols;
      const bias = Delta[row]! / m;
      D[row] = bias;
      norm += bias * bias;
      for (let c = row + 1, end = row + shape.cols; c < end; c++) {
        const t = theta[c]!, d = Delta[c]! / m + decay * t;
        D[c] = d;
        norm += d * d;
        penalty += t * t;
      }
    }
    stats.gradientNorm[s] = Math.sqrt(norm);
  }
  // δ^(l) exists for l = 2 … L: entry 0 (the input layer) has none.
  stats.meanAbsDelta[0] = 0;
  for (let i = 1; i < sizes.length; i++) stats.meanAbsDelta[i] = sums.absDeltaSum[i]! / (m * sizes[i]!);
  return sums.costSum[0]! / m + (lambda / (2 * m)) * penalty;
}
