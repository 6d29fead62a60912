/**
 * An exported network as an ONNX model (opset 13, IR version 7, the IR that opset 13 came
 * with). The graph, with N examples a row:
 *
 *   x [N, s_1] ─Sub(shift)─Div(scale)─▶ a1 ─Gemm(W1, b1)─▶ z2 ─g─▶ a2 … ─Gemm─▶ zL ─g─▶ y [N, s_L]
 *
 * Gemm computes z = a · Wᵀ + b (transB = 1), so W^(l) is stored as in Θ^(l) without its bias
 * column (s_(l+1) × s_l, row-major) and b^(l) is Θ^(l)'s column 0. Activations map to
 * Sigmoid, Tanh, Relu, Identity (linear) and Softmax (axis 1: over the units of an example).
 * The scaling nodes are left out when the network was trained without scaling.
 *
 * Everything is float32, the element type every ONNX runtime and accelerator supports for
 * these operators; the weights are rounded to the nearest float32 (see docs/export.md).
 */
import type { ActivationName } from '../core/spec/schema';
import type { ExportedNetwork } from './exported-network';
import { ATTRIBUTE_INT, ONNX_FLOAT, onnxModelType } from './onnx-proto';

export const ONNX_OPSET = 13;
export const ONNX_IR_VERSION = 7;
/** The names of the graph's input and output. */
export const ONNX_INPUT = 'x';
export const ONNX_OUTPUT = 'y';

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

interface Tensor {
  name: string;
  dims: number[];
  dataType: number;
  floatData: number[];
}

/** The ModelProto of a network, as a plain object in the shape of onnx-proto.ts. */
export function onnxModel(network: ExportedNetwork): Record<string, unknown> {
  const nodes: Node[] = [];
  const initializer: Tensor[] = [];
  const tensor = (name: string, dims: number[], values: ArrayLike<number>): string => {
    initializer.push({ name, dims, dataType: ONNX_FLOAT, floatData: Array.from(values) });
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
    const op = OPERATOR[layer.activation];
    nodes.push({
      name: `${layer.activation}${l + 1}`,
      opType: op,
      input: [z],
      output: [out],
      ...(layer.activation === 'softmax' ? { attribute: [{ name: 'axis', type: ATTRIBUTE_INT, i: 1 }] } : {}),
    });
    a = out;
  });
  const classes = network.classes ? `; unit k is class classes[k] of ${JSON.stringify(network.classes)}` : '';
  return {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'nnspec',
    docString: `${network.name}: a ${network.sizes.join('-')} network exported by nnspec`,
    graph: {
      name: network.name,
      node: nodes,
      initializer,
      input: [valueInfo(ONNX_INPUT, n, `N examples × ${n} features, unscaled (the scaling is in the graph)`)],
      output: [valueInfo(ONNX_OUTPUT, K, `the outputs h(x) = a^(L), N × ${K}${classes}`)],
    },
  };
}

function valueInfo(name: string, width: number, docString: string): Record<string, unknown> {
  return {
    name,
    docString,
    type: { tensorType: { elemType: ONNX_FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] } } },
  };
}

/** The bytes of the `.onnx` file of a network. */
export function encodeOnnx(network: ExportedNetwork): Uint8Array {
  const type = onnxModelType();
  const message = type.fromObject(onnxModel(network));
  return type.encode(message).finish();
}
