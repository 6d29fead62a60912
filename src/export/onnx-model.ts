/**
 * An exported network as an ONNX model (opset and IR version: onnx-version.ts). The graph,
 * with N examples a row:
 *
 *   x [N, s_1] ─Sub(shift)─Div(scale)─▶ a1 ─Gemm(W1, b1)─▶ z2 ─g─▶ a2 … ─Gemm─▶ zL ─g─▶ y [N, s_L]
 *
 * Gemm computes z = a · Wᵀ + b (transB = 1), so W^(l) is stored as in Θ^(l) without its bias
 * column (s_(l+1) × s_l, row-major) and b^(l) is Θ^(l)'s column 0. Activations map to
 * Sigmoid, Tanh, Relu, Identity (linear) and Softmax (axis 1: over the units of an example).
 * The scaling nodes are left out when the network was trained without scaling.
 *
 * The element type is float32 by default, the type every ONNX runtime and accelerator runs
 * these operators in (the weights are rounded to the nearest float32); float64 keeps the
 * trained doubles and reproduces nnspec's predictions to rounding (see docs/export.md).
 */
import { ONNX_PRODUCER } from '../data/exported-by-nnspec';
import type { ActivationName } from '../core/spec/schema';
import type { ExportedNetwork } from './exported-network';
import { ATTRIBUTE_INT, ONNX_DOUBLE, ONNX_FLOAT, onnxModelType } from './onnx-proto';
import { ONNX_IR_VERSION, ONNX_OPSET } from './onnx-version';

/** The names of the graph's input and output. */
export const ONNX_INPUT = 'x';
export const ONNX_OUTPUT = 'y';

/** The element type of the model's tensors, its input and its output. */
export type OnnxPrecision = 'float32' | 'float64';

/** The ONNX operator of each activation. */
const OPERATOR: Readonly<Record<ActivationName, string>> = {
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'Relu',
  linear: 'Identity',
  softmax: 'Softmax',
};

interface Node {
  input: string[];
  output: string[];
  name: string;
  opType: string;
  attribute?: { name: string; type: number; i: number }[];
}

/** The ModelProto of a network, as a plain object in the shape of onnx-proto.ts. */
export function onnxModel(network: ExportedNetwork, precision: OnnxPrecision = 'float32'): Record<string, unknown> {
  const elemType = precision === 'float64' ? ONNX_DOUBLE : ONNX_FLOAT;
  const nodes: Node[] = [];
  const initializer: Record<string, unknown>[] = [];
  const tensor = (name: string, dims: number[], values: ArrayLike<number>): string => {
    const data = Array.from(values);
    initializer.push({ name, dims, dataType: elemType, ...(precision === 'float64' ? { doubleData: data } : { floatData: data }) });
    return name;
  };
  const n = network.sizes[0]!, K = network.sizes.at(-1)!;
  let a = ONNX_INPUT;
  if (network.scaled) {
    nodes.push({ name: 'shift', opType: 'Sub', input: [a, tensor('shift', [n], network.shift)], output: ['x_shifted'] });
    nodes.push({ name: 'scale', opType: 'Div', input: ['x_shifted', tensor('scale', [n], network.scale)], output: ['a1'] });
    a = 'a1';
  }
  network.layers.forEach((layer, index) => {
    const l = index + 1, last = l === network.layers.length;
    const W = tensor(`W${l}`, [layer.outputs, layer.inputs], layer.weight);
    const b = tensor(`b${l}`, [layer.outputs], layer.bias);
    const z = `z${l + 1}`;
    nodes.push({ name: `gemm${l}`, opType: 'Gemm', input: [a, W, b], output: [z], attribute: [{ name: 'transB', type: ATTRIBUTE_INT, i: 1 }] });
    const out = last ? ONNX_OUTPUT : `a${l + 1}`;
    nodes.push({
      name: `${layer.activation}${l + 1}`,
      opType: OPERATOR[layer.activation],
      input: [z],
      output: [out],
      ...(layer.activation === 'softmax' ? { attribute: [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }] } : {}),
    });
    a = out;
  });
  const classes = network.classes ? `; unit k is class classes[k] of ${JSON.stringify(network.classes)}` : '';
  const valueInfo = (name: string, width: number, docString: string): Record<string, unknown> => ({
    name,
    docString,
    type: { tensorType: { elemType, shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] } } },
  });
  return {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: ONNX_PRODUCER,
    docString: `${network.name}: a ${network.sizes.join('-')} network exported by nnspec (${precision})`,
    // For programs that load the model (in Python: InferenceSession.get_modelmeta().custom_metadata_map).
    metadataProps: [
      { key: 'nnspec.layers', value: network.sizes.join('-') },
      { key: 'nnspec.task', value: network.task },
      ...(network.classes ? [{ key: 'nnspec.classes', value: JSON.stringify(network.classes) }] : []),
    ],
    graph: {
      name: network.name,
      node: nodes,
      initializer,
      input: [valueInfo(ONNX_INPUT, n, `N examples × ${n} features, unscaled (the scaling is in the graph)`)],
      output: [valueInfo(ONNX_OUTPUT, K, `the outputs h(x) = a^(L), N × ${K}${classes}`)],
    },
  };
}

/** The bytes of the `.onnx` file of a network. */
export function encodeOnnx(network: ExportedNetwork, precision: OnnxPrecision = 'float32'): Uint8Array {
  const type = onnxModelType();
  return type.encode(type.fromObject(onnxModel(network, precision))).finish();
}
