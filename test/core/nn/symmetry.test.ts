import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { initializeTheta } from '../../../src/core/nn/init';
import { layerShapes, parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';
import { findSymmetricUnits } from '../../../src/core/nn/symmetry';

/** 200 steps of full-batch gradient descent (α = 1) on OR (XOR's balanced labels give a zero gradient at θ = 0) from the given initialisation. */
function trainOr(strategy: 'zeros' | 'uniform'): { theta: Float64Array; sizes: number[] } {
  const arch: Architecture = { sizes: [2, 4, 3, 1], activations: ['sigmoid', 'sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0.1 };
  const theta = initializeTheta(new Float64Array(parameterCount(arch.sizes)), layerShapes(arch.sizes), strategy, createRng(1));
  const data = { X: new Float64Array([0, 0, 0, 1, 1, 0, 1, 1]), Y: new Float64Array([0, 1, 1, 1]), m: 4 };
  const ev = new NetworkEvaluator(arch, 4), grad = new Float64Array(theta.length);
  for (let step = 0; step < 200; step++) {
    ev.costAndGradient(theta, data, grad);
    for (let k = 0; k < theta.length; k++) theta[k] = theta[k]! - grad[k]!;
  }
  return { theta, sizes: [...arch.sizes] };
}

describe('symmetry detector', () => {
  it('groups units whose incoming rows (bias included) agree within the tolerance, and only those', () => {
    // 2-4-1: rows of Θ^(1) (3 columns): units 1 and 3 equal, unit 4 equal up to 1e-12, unit 2 differs in the bias only.
    const theta = new Float64Array([
      0.1, 0.2, 0.3,
      0.0, 0.2, 0.3,
      0.1, 0.2, 0.3,
      0.1, 0.2 + 1e-12, 0.3,
      1, 2, 3, 4, 5,
    ]);
    assert.deepEqual(findSymmetricUnits(theta, [2, 4, 1]), [{ layer: 2, groups: [[1, 3, 4]] }]);
    assert.deepEqual(findSymmetricUnits(theta, [2, 4, 1], 1e-14), [{ layer: 2, groups: [[1, 3]] }]);
  });

  it('after training from zeros, every hidden unit of each layer is still identical (backprop keeps the symmetry)', () => {
    const { theta, sizes } = trainOr('zeros');
    assert.ok(theta.some((t) => t !== 0), 'training moved the weights');
    assert.deepEqual(findSymmetricUnits(theta, sizes), [
      { layer: 2, groups: [[1, 2, 3, 4]] },
      { layer: 3, groups: [[1, 2, 3]] },
    ]);
  });

  it('after training from uniform weights, no units are symmetric', () => {
    const { theta, sizes } = trainOr('uniform');
    assert.deepEqual(findSymmetricUnits(theta, sizes), []);
  });
});
