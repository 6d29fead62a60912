/**
 * Backpropagation, written once, in the lecture's names (network.ts has the glossary). Every
 * evaluation of J and D runs these functions, whatever the kernels (kernels/kernel-set.ts)
 * and however many threads share the batch (a pool thread runs gradientSums on its pieces).
 *
 * The batch goes through in chunks of at most `kernels.chunk` examples: each chunk goes forward,
 * then backward, adding its share of Δ while its activations are still in cache. The result
 * does not depend on the chunking beyond rounding.
 */
import type { Batch } from './batch';
import type { GradientSums } from './gradient-sums';
import type { KernelSet } from './kernels/kernel-set';

/** Forward propagation of the loaded chunk of b examples: z^(l) and a^(l) for l = 2 … L. */
export function forwardPropagation(kernels: KernelSet, b: number): void {
  for (let l = 2; l <= kernels.L; l++) forwardLayer(kernels, l, b);
}

/** One layer forward, l = 2 … L: z^(l) = Θ^(l−1) [1; a^(l−1)], a^(l) = g(z^(l)). */
export function forwardLayer(kernels: KernelSet, l: number, b: number): void {
  kernels.affine(l - 1, b);
  kernels.activate(l, b);
}

/**
 * Back propagation of the chunk just forwarded: δ^(L), then for l = L − 1 down to 1,
 * Δ^(l) += δ^(l+1) [1; a^(l)]ᵀ and δ^(l) from δ^(l+1) (no δ^(1): the input has no error).
 * Adds the chunk's Σ_i J_i, Δ and Σ|δ| into out.
 */
export function backPropagation(kernels: KernelSet, b: number, out: GradientSums): void {
  outputLayerDelta(kernels, b, out);
  for (let l = kernels.L - 1; l >= 1; l--) backwardLayer(kernels, l, b, out);
}

/** δ^(L) = ∂J_i/∂z^(L) (a^(L) − y for the canonical pairs); adds Σ_i J_i into out. */
export function outputLayerDelta(kernels: KernelSet, b: number, out: GradientSums): void {
  out.costSum[0] = out.costSum[0]! + kernels.outputDelta(b);
}

/**
 * One weight layer backward, l = L − 1 … 1: Δ^(l) += δ^(l+1) [1; a^(l)]ᵀ (Σ|δ^(l+1)| into out),
 * then, for l > 1, δ^(l) = (Θ^(l))ᵀ δ^(l+1) .* g'(z^(l)) without the bias unit's row.
 */
export function backwardLayer(kernels: KernelSet, l: number, b: number, out: GradientSums): void {
  // Σ|δ^(l+1)| lands at layerIndex(l + 1) = l.
  out.absDeltaSum[l] = out.absDeltaSum[l]! + kernels.accumulateDelta(l, b);
  if (l > 1) kernels.backpropDelta(l, b);
}

/**
 * The gradient sums of examples [r0, r1) of the batch, added into out: Σ_i J_i, Δ^(l) and
 * Σ|δ^(l)|. Call between kernels.begin(θ, out.Delta) and kernels.end().
 */
export function gradientSums(kernels: KernelSet, batch: Batch, r0: number, r1: number, out: GradientSums): void {
  const chunk = kernels.chunk;
  for (let r = r0; r < r1; r += chunk) {
    const b = Math.min(chunk, r1 - r);
    kernels.loadExamples(batch, r, b);
    forwardPropagation(kernels, b);
    backPropagation(kernels, b, out);
  }
}

/** Σ_i J_i of the batch by forward propagation only (unregularised, not divided by m). */
export function costSum(kernels: KernelSet, batch: Batch): number {
  const chunk = kernels.chunk;
  let sum = 0;
  for (let r = 0; r < batch.m; r += chunk) {
    const b = Math.min(chunk, batch.m - r);
    kernels.loadExamples(batch, r, b);
    forwardPropagation(kernels, b);
    sum += kernels.outputCost(b);
  }
  return sum;
}
