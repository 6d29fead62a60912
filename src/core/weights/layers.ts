/**
 * The weight matrices of a network against the unrolled parameter vector θ: Θ^(l) has
 * shape s_(l+1) × (s_l + 1), the bias in column 0, and θ holds Θ^(1) first, each row-major.
 */
import type { WeightsFailure, WeightsFile, WeightsLayer, WeightsResult } from './format';

/** The shape [rows, cols] of each Θ^(l) for layer sizes s_1 … s_L. */
export function layerShapes(layerSizes: readonly number[]): [rows: number, cols: number][] {
  const shapes: [number, number][] = [];
  for (let l = 0; l + 1 < layerSizes.length; l++) shapes.push([layerSizes[l + 1] ?? 0, (layerSizes[l] ?? 0) + 1]);
  return shapes;
}

/** Splits θ into the layers of the file, or fails when its length does not fit the sizes. */
export function layersFromTheta(theta: Float64Array, layerSizes: readonly number[]): WeightsResult<WeightsLayer[]> {
  const shapes = layerShapes(layerSizes);
  const total = shapes.reduce((sum, [r, c]) => sum + r * c, 0);
  if (theta.length !== total) {
    return { ok: false, error: { code: 'weights-layer-shape', message: `θ has ${theta.length} numbers but layers ${layerSizes.join('-')} need ${total}.` } };
  }
  const layers: WeightsLayer[] = [];
  let offset = 0;
  for (const [rows, cols] of shapes) {
    layers.push({ rows, cols, data: Array.from(theta.subarray(offset, offset + rows * cols)) });
    offset += rows * cols;
  }
  return { ok: true, value: layers };
}

/**
 * Checks that the file's matrices fit layer sizes s_1 … s_L, naming the first layer that
 * does not (1-based l of Θ^(l)).
 */
export function checkLayerShapes(file: Pick<WeightsFile, 'layers'>, layerSizes: readonly number[]): WeightsResult<void> {
  const shapes = layerShapes(layerSizes);
  if (file.layers.length !== shapes.length) {
    return failure({
      code: 'weights-layer-count',
      message: `The weights have ${file.layers.length} weight matrices but the spec's ${layerSizes.length} layers need ${shapes.length}.`,
    });
  }
  for (let l = 0; l < shapes.length; l++) {
    const [rows, cols] = shapes[l] ?? [0, 0];
    const layer = file.layers[l];
    if (layer && (layer.rows !== rows || layer.cols !== cols)) {
      return failure({
        code: 'weights-layer-shape',
        layer: l + 1,
        message: `Layer ${l + 1} (Θ^(${l + 1})) is ${layer.rows}×${layer.cols} but the spec needs ${rows}×${cols}.`,
      });
    }
  }
  return { ok: true, value: undefined };
}

/** The unrolled θ of the file's layers: Θ^(1) first, each row-major. */
export function unrollLayers(layers: readonly WeightsLayer[]): Float64Array {
  const theta = new Float64Array(layers.reduce((sum, layer) => sum + layer.data.length, 0));
  let offset = 0;
  for (const layer of layers) {
    theta.set(layer.data, offset);
    offset += layer.data.length;
  }
  return theta;
}

function failure(error: WeightsFailure): WeightsResult<never> {
  return { ok: false, error };
}
