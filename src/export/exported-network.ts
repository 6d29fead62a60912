/**
 * A trained network in the shape exporters write: for each layer l = 1 … L − 1 the weight
 * matrix W^(l) (Θ^(l) without its bias column, s_(l+1) × s_l, row-major), the bias b^(l)
 * (Θ^(l)'s column 0) and the activation g of layer l + 1; and the input scaling
 * x' = (x − shift) / scale saved with the weights. So a^(l+1) = g(W^(l) a^(l) + b^(l)),
 * the same function NetworkEvaluator.predict computes after applyNormalization.
 */
import type { ActivationName, TaskName } from '../core/spec/schema';
import type { Architecture } from '../core/nn/network';
import type { WeightsFile } from '../core/weights/format';

/** One affine map and its activation: a_out = g(W a_in + b). */
export interface ExportedLayer {
  /** s_l, the units feeding this map. */
  readonly inputs: number;
  /** s_(l+1), the units it produces. */
  readonly outputs: number;
  /** W^(l): outputs × inputs, row-major (row k holds the weights into unit k). */
  readonly weight: Float64Array;
  /** b^(l): one bias per output unit. */
  readonly bias: Float64Array;
  readonly activation: ActivationName;
}

export interface ExportedNetwork {
  /** The spec's name, or "network". */
  readonly name: string;
  readonly task: TaskName;
  /** s_1 … s_L. */
  readonly sizes: readonly number[];
  readonly layers: readonly ExportedLayer[];
  /** Per input feature: x' = (x − shift) / scale (shift 0, scale 1 when there is no scaling). */
  readonly shift: readonly number[];
  readonly scale: readonly number[];
  /** True when some feature is shifted or scaled, i.e. the exporters must write the scaling. */
  readonly scaled: boolean;
  /** Classification: output unit k stands for classes[k]. */
  readonly classes?: readonly (string | number)[];
}

/**
 * Splits θ (unrolled Θ^(1) … Θ^(L−1), each row-major, bias in column 0) into the layers of
 * an exported network. The weights file must fit the architecture (readWeights checks).
 * @throws RangeError when θ's length does not fit the layer sizes.
 */
export function exportedNetwork(
  architecture: Architecture,
  theta: Float64Array,
  weights: Pick<WeightsFile, 'normalization' | 'classes'>,
  about: { readonly name?: string | undefined; readonly task: TaskName },
): ExportedNetwork {
  const sizes = architecture.sizes;
  const needed = sizes.reduce((sum, s, l) => (l === 0 ? 0 : sum + s * (sizes[l - 1]! + 1)), 0);
  if (theta.length !== needed) throw new RangeError(`θ has ${theta.length} numbers; layers ${sizes.join('-')} need ${needed}`);
  const layers: ExportedLayer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l]!, outputs = sizes[l + 1]!, cols = inputs + 1;
    const weight = new Float64Array(outputs * inputs);
    const bias = new Float64Array(outputs);
    for (let k = 0; k < outputs; k++) {
      const row = offset + k * cols;
      bias[k] = theta[row]!;
      for (let j = 0; j < inputs; j++) weight[k * inputs + j] = theta[row + 1 + j]!;
    }
    layers.push({ inputs, outputs, weight, bias, activation: architecture.activations[l]! });
    offset += outputs * cols;
  }
  const n = sizes[0]!;
  const { shift, scale } = weights.normalization;
  // A file written without scaling may carry empty lists; they mean shift 0, scale 1.
  const shiftOf = (j: number): number => shift[j] ?? 0;
  const scaleOf = (j: number): number => scale[j] ?? 1;
  const shifts = Array.from({ length: n }, (_, j) => shiftOf(j));
  const scales = Array.from({ length: n }, (_, j) => scaleOf(j));
  return {
    name: about.name ?? 'network',
    task: about.task,
    sizes: [...sizes],
    layers,
    shift: shifts,
    scale: scales,
    scaled: shifts.some((s) => s !== 0) || scales.some((s) => s !== 1),
    ...(weights.classes ? { classes: [...weights.classes] } : {}),
  };
}
