import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { layerShapes } from '../../../src/core/nn/network';
import { unitHealth } from '../../../src/core/train/unit-health';
import type { Dataset } from '../../../src/core/nn/dataset';

const data: Dataset = { m: 4, n: 2, k: 1, X: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), Y: Float64Array.from([0, 1, 1, 0]) };

/** θ for 2-3-1 with hidden rows [bias, w1, w2] as given and output weights 0.1. */
function theta(rows: number[][]): Float64Array {
  const [s1, s2] = layerShapes([2, 3, 1]);
  const t = new Float64Array(s1!.size + s2!.size);
  rows.forEach((row, i) => row.forEach((v, j) => (t[i * 3 + j] = v)));
  t.fill(0.1, s1!.size);
  return t;
}

describe('unitHealth', () => {
  it('finds relu units whose output is 0 on every example, and only those', () => {
    const ev = new NetworkEvaluator({ sizes: [2, 3, 1], activations: ['relu', 'sigmoid'], cost: 'cross-entropy', lambda: 0 });
    const health = unitHealth(ev, theta([[-5, 1, 1], [0.5, 1, -1], [-1, 2, 0]]), data);
    assert.deepEqual(health, [{ layer: 2, units: 3, dead: [1], saturated: [], examples: 4 }]);
  });

  it('finds sigmoid units with g′ < 0.01 on (nearly) every example', () => {
    const ev = new NetworkEvaluator({ sizes: [2, 3, 1], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0 });
    const health = unitHealth(ev, theta([[0, 0.1, 0.1], [20, 1, 1], [-30, 2, 2]]), data);
    assert.deepEqual(health, [{ layer: 2, units: 3, dead: [], saturated: [2, 3], examples: 4 }]);
  });

  it('reports nothing for a healthy network or one without hidden layers', () => {
    const ev = new NetworkEvaluator({ sizes: [2, 3, 1], activations: ['tanh', 'sigmoid'], cost: 'cross-entropy', lambda: 0 });
    assert.deepEqual(unitHealth(ev, theta([[0, 0.5, -0.5], [0.1, 1, 1], [-0.2, 0.3, 0.4]]), data), []);
    const flat = new NetworkEvaluator({ sizes: [2, 1], activations: ['sigmoid'], cost: 'cross-entropy', lambda: 0 });
    assert.deepEqual(unitHealth(flat, new Float64Array(3), data), []);
  });
});
