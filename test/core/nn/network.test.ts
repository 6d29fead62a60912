import assert from 'node:assert/strict';
import { architectureProblems, layerShapes, parameterCount, parameterPosition, thetaView } from '../../../src/core/nn/network';

describe('network layout', () => {
  it('Θ^(l) is s_(l+1) × (s_l + 1); the lecture\'s 10-10-10-1 network has 231 parameters', () => {
    assert.deepEqual(layerShapes([10, 10, 1]), [
      { layer: 1, rows: 10, cols: 11, offset: 0, size: 110 },
      { layer: 2, rows: 1, cols: 11, offset: 110, size: 11 },
    ]);
    assert.equal(parameterCount([10, 10, 10, 1]), 231);
  });

  it('Θ^(l) is a row-major view of θ with the bias in column 0', () => {
    const theta = Float64Array.from({ length: parameterCount([2, 3, 1]) }, (_, k) => k);
    const t1 = thetaView(theta, [2, 3, 1], 1), t2 = thetaView(theta, [2, 3, 1], 2);
    assert.deepEqual([...t1], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual([...t2], [9, 10, 11, 12]);
    t2[0] = -1;
    assert.equal(theta[9], -1);
    assert.deepEqual(parameterPosition([2, 3, 1], 5), { layer: 1, i: 2, j: 2 });
    assert.deepEqual(parameterPosition([2, 3, 1], 9), { layer: 2, i: 1, j: 0 });
    assert.throws(() => parameterPosition([2, 3, 1], 13), RangeError);
  });

  it('reports invalid architectures', () => {
    assert.deepEqual(architectureProblems({ sizes: [2, 3, 1], activations: ['relu', 'sigmoid'], cost: 'cross-entropy', lambda: 0 }), []);
    assert.equal(architectureProblems({ sizes: [2, 3, 1], activations: ['softmax', 'sigmoid'], cost: 'cross-entropy', lambda: 0 }).length, 1);
    assert.equal(architectureProblems({ sizes: [2, 0, 1], activations: ['relu', 'sigmoid'], cost: 'cross-entropy', lambda: -1 }).length, 2);
    assert.equal(architectureProblems({ sizes: [2, 3, 1], activations: ['relu'], cost: 'cross-entropy', lambda: 0 }).length, 1);
  });
});
