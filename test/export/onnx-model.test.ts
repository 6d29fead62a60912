import assert from 'node:assert/strict';
import { exportedNetwork } from '../../src/export/exported-network';
import { encodeOnnx } from '../../src/export/onnx-model';
import { onnxModelType } from '../../src/export/onnx-proto';

interface Decoded {
  irVersion: number;
  metadataProps?: { key: string; value: string }[];
  opsetImport: { domain?: string; version: number }[];
  graph: {
    node: { opType: string; input: string[]; output: string[]; attribute?: { name: string; i: number }[] }[];
    initializer: { name: string; dims: number[]; dataType: number; floatData?: number[]; doubleData?: number[] }[];
    input: { name: string; type: { tensorType: { elemType: number; shape: { dim: { dimParam?: string; dimValue?: number }[] } } } }[];
    output: { name: string }[];
  };
}

/** θ = 1, 2, 3, … so every weight says where it came from. */
const counting = (length: number): Float64Array => Float64Array.from({ length }, (_, k) => k + 1);

function decode(bytes: Uint8Array): Decoded {
  const type = onnxModelType();
  return type.toObject(type.decode(bytes), { longs: Number, defaults: false, arrays: true }) as Decoded;
}

describe('the ONNX model of a network', () => {
  const architecture = { sizes: [2, 3, 2], activations: ['relu', 'softmax'] as const, cost: 'cross-entropy' as const, lambda: 0 };
  const scaled = exportedNetwork(architecture, counting(17), { normalization: { kind: 'standard', shift: [1, 2], scale: [4, 8] } }, { task: 'classification' });

  it('declares opset 13 of the default domain and IR version 7', () => {
    const model = decode(encodeOnnx(scaled));
    assert.equal(model.irVersion, 7);
    assert.deepEqual(model.opsetImport.map((o) => [o.domain ?? '', o.version]), [['', 13]]);
  });

  it('chains Sub, Div, then Gemm (transB = 1) and the activation per layer, from x to y', () => {
    const { graph } = decode(encodeOnnx(scaled));
    assert.deepEqual(graph.node.map((n) => n.opType), ['Sub', 'Div', 'Gemm', 'Relu', 'Gemm', 'Softmax']);
    assert.deepEqual(graph.node.map((n) => n.input[0]), ['x', 'x_shifted', 'a1', 'z2', 'a2', 'z3']);
    assert.equal(graph.node.at(-1)!.output[0], 'y');
    for (const gemm of graph.node.filter((n) => n.opType === 'Gemm')) assert.deepEqual(gemm.attribute?.map((a) => [a.name, a.i]), [['transB', 1]]);
    assert.deepEqual(graph.node.at(-1)!.attribute?.map((a) => [a.name, a.i]), [['axis', 1]]);
    const dims = graph.input[0]!.type.tensorType.shape.dim;
    assert.deepEqual(dims.map((d) => d.dimParam ?? d.dimValue), ['N', 2]);
    assert.deepEqual(graph.output.map((o) => o.name), ['y']);
  });

  it('stores W as Θ without its bias column and b as column 0, row by row', () => {
    const { graph } = decode(encodeOnnx(scaled, 'float64'));
    const tensors = new Map(graph.initializer.map((t) => [t.name, t]));
    // Θ^(1) is 3 × 3: rows [1 2 3], [4 5 6], [7 8 9]; Θ^(2) is 2 × 4: [10 … 13], [14 … 17].
    assert.deepEqual(tensors.get('W1')?.dims, [3, 2]);
    assert.deepEqual(tensors.get('W1')?.doubleData, [2, 3, 5, 6, 8, 9]);
    assert.deepEqual(tensors.get('b1')?.doubleData, [1, 4, 7]);
    assert.deepEqual(tensors.get('W2')?.doubleData, [11, 12, 13, 15, 16, 17]);
    assert.deepEqual(tensors.get('b2')?.doubleData, [10, 14]);
    assert.deepEqual(tensors.get('shift')?.doubleData, [1, 2]);
    assert.deepEqual(tensors.get('scale')?.doubleData, [4, 8]);
    assert.ok([...tensors.values()].every((t) => t.dataType === 11));
  });

  it('names the layers, the task and the classes in the model’s metadata (classes only for classification)', () => {
    const named = exportedNetwork(architecture, counting(17), { normalization: { kind: 'none', shift: [], scale: [] }, classes: ['setosa', 'other'] }, { task: 'classification' });
    assert.deepEqual(decode(encodeOnnx(named)).metadataProps, [
      { key: 'nnspec.layers', value: '2-3-2' },
      { key: 'nnspec.task', value: 'classification' },
      { key: 'nnspec.classes', value: '["setosa","other"]' },
    ]);
    assert.deepEqual(decode(encodeOnnx(scaled)).metadataProps?.map((p) => p.key), ['nnspec.layers', 'nnspec.task']);
  });

  it('rounds to float32 by default and leaves out the scaling when there is none', () => {
    const plain = exportedNetwork(architecture, counting(17).map((x) => x / 10), { normalization: { kind: 'none', shift: [], scale: [] } }, { task: 'classification' });
    const { graph } = decode(encodeOnnx(plain));
    assert.deepEqual(graph.node.map((n) => n.opType), ['Gemm', 'Relu', 'Gemm', 'Softmax']);
    assert.equal(graph.node[0]!.input[0], 'x');
    const b1 = graph.initializer.find((t) => t.name === 'b1')!;
    assert.equal(b1.dataType, 1);
    assert.deepEqual(b1.floatData, [0.1, 0.4, 0.7].map(Math.fround));
  });
});
