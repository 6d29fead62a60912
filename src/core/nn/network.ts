/**
 * The network: its architecture and the layout of its parameters.
 *
 * Glossary (the lecture's names, used everywhere in nnspec, the inspector's labels included):
 * - L        number of layers; layer 1 is the input, layer L the output.
 * - s_l      units in layer l, bias unit not counted.
 * - m        number of examples in the batch.
 * - a        activations: a^(1) = x, a^(l) = g(z^(l)); a_0^(l) = 1 is the bias unit.
 * - z        pre-activations (total inputs): z^(l+1) = Θ^(l) [1; a^(l)].
 * - Theta    Θ^(l), the weights from layer l to l + 1: s_(l+1) × (s_l + 1), bias in column 0.
 * - delta    δ^(l) = ∂J_i/∂z^(l), the error of each unit for one example i (not divided by m).
 * - D        the gradient D^(l) = ∂J/∂Θ^(l) = Δ^(l)/m + (λ/m)Θ^(l) off the bias column,
 *            Δ^(l)/m on it, where Δ^(l) = Σ_i δ^(l+1) [1; a^(l)]ᵀ.
 * - lambda   λ, the L2 regularisation strength: J += λ/(2m) Σ Θ² over non-bias weights.
 *
 * Parameters live in one unrolled Float64Array θ (the lecture's thetaVec): Θ^(1) first, then
 * Θ^(2), …, each row-major (note: Octave's Theta(:) is column-major; ours is row-major).
 * Θ^(l)_ij is at offset(l) + i·(s_l + 1) + j, with i the unit of layer l + 1 (0-based here,
 * 1-based in reports) and j = 0 the bias.
 *
 * Layer numbers are the lecture's everywhere, l = 1 … L, from the kernels to the inspector's
 * labels. Arrays keyed by layer hold layer l at layerIndex(l) = l − 1: per-layer arrays (a, z,
 * δ, the activation g of layer l, mean |δ^(l)|) and per-Θ arrays (Θ^(l), D^(l), ‖D^(l)‖) alike;
 * an entry a layer lacks (z^(1), δ^(1), g of the input layer) is empty or unused, never shifted.
 */
import type { ActivationName, CostName } from '../spec/schema';

export { layerAt, layerIndex } from './layer-numbering';

/** A network's shape and objective. */
export interface Architecture {
  /** s_1 … s_L. */
  readonly sizes: readonly number[];
  /** The activations g of layers 2 … L (length L − 1); softmax only last. */
  readonly activations: readonly ActivationName[];
  readonly cost: CostName;
  /** λ ≥ 0. */
  readonly lambda: number;
}

/** Where Θ^(l) lives in θ: a rows × cols row-major block at offset. */
export interface LayerShape {
  /** l, 1-based as in Θ^(l). */
  readonly layer: number;
  /** s_(l+1). */
  readonly rows: number;
  /** s_l + 1. */
  readonly cols: number;
  readonly offset: number;
  /** rows · cols. */
  readonly size: number;
}

/** The blocks Θ^(1) … Θ^(L−1) of θ for layer sizes s_1 … s_L. */
export function layerShapes(sizes: readonly number[]): LayerShape[] {
  const shapes: LayerShape[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const rows = sizes[l + 1]!, cols = sizes[l]! + 1;
    shapes.push({ layer: l + 1, rows, cols, offset, size: rows * cols });
    offset += rows * cols;
  }
  return shapes;
}

/** The length of θ: Σ_l s_(l+1)(s_l + 1). */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l + 1]! * (sizes[l]! + 1);
  return n;
}

/** Θ^(l) (l 1-based) as a view into θ: no copy, writes go through. */
export function thetaView(theta: Float64Array, sizes: readonly number[], l: number): Float64Array {
  const shape = layerShapes(sizes)[l - 1];
  if (!shape) throw new RangeError(`no Θ^(${l}) in a network of ${sizes.length} layers`);
  return theta.subarray(shape.offset, shape.offset + shape.size);
}

/** The 1-based (layer, i, j) of θ's entry at index, with i the row (unit of l + 1) and j the column (0 = bias). */
export function parameterPosition(sizes: readonly number[], index: number): { layer: number; i: number; j: number } {
  for (const s of layerShapes(sizes)) {
    if (index < s.offset + s.size) {
      const k = index - s.offset;
      return { layer: s.layer, i: Math.floor(k / s.cols) + 1, j: k % s.cols };
    }
  }
  throw new RangeError(`parameter ${index} is beyond θ`);
}

/**
 * Checks an architecture: at least two layers of ≥ 1 unit, one activation per non-input layer,
 * softmax only on the output layer, λ ≥ 0. Returns the problems (empty when valid).
 */
export function architectureProblems(arch: Architecture): string[] {
  const problems: string[] = [];
  const L = arch.sizes.length;
  if (L < 2) problems.push('a network needs at least an input and an output layer');
  arch.sizes.forEach((s, l) => {
    if (!Number.isInteger(s) || s < 1) problems.push(`layer ${l + 1} has ${s} units; it needs a whole number ≥ 1`);
  });
  if (arch.activations.length !== L - 1) problems.push(`${L - 1} activations expected (layers 2…${L}), got ${arch.activations.length}`);
  arch.activations.forEach((g, l) => {
    if (g === 'softmax' && l !== L - 2) problems.push(`softmax is for the output layer only, not layer ${l + 2}`);
  });
  if (!(arch.lambda >= 0)) problems.push(`lambda must be ≥ 0, got ${arch.lambda}`);
  return problems;
}
