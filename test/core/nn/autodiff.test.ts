import assert from 'node:assert/strict';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';
import { scalarCost } from './helpers/scalar-network';
import { Value } from './helpers/value';

/** Relative agreement: |a − b| ≤ tol · max(|a|, |b|, 1e-3). */
function agrees(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-3);
}

function problem(arch: Architecture, m: number, seed: number) {
  const rng = createRng(seed);
  const n = arch.sizes[0]!, K = arch.sizes[arch.sizes.length - 1]!;
  const theta = new Float64Array(parameterCount(arch.sizes)).map(() => rng.next() - 0.5);
  const X = new Float64Array(m * n).map(() => 2 * rng.next() - 1);
  const Y = new Float64Array(m * K);
  for (let i = 0; i < m; i++) {
    if (arch.cost === 'squared-error') for (let k = 0; k < K; k++) Y[i * K + k] = rng.next() - 0.5;
    else if (arch.activations[arch.activations.length - 1] === 'softmax') Y[i * K + rng.nextInt(K)] = 1;
    else for (let k = 0; k < K; k++) Y[i * K + k] = rng.nextInt(2);
  }
  return { theta, X, Y, m };
}

const NETWORKS: Architecture[] = [
  { sizes: [3, 5, 3], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 0 },
  { sizes: [4, 6, 5, 3], activations: ['tanh', 'relu', 'softmax'], cost: 'cross-entropy', lambda: 0.7 },
  { sizes: [2, 3, 4, 3, 2], activations: ['relu', 'tanh', 'sigmoid', 'linear'], cost: 'squared-error', lambda: 1.5 },
  { sizes: [5, 4, 2], activations: ['tanh', 'sigmoid'], cost: 'squared-error', lambda: 3 },
  { sizes: [3, 7, 4], activations: ['sigmoid', 'softmax'], cost: 'squared-error', lambda: 0.1 },
];

describe('backpropagation against an independent scalar autodiff', () => {
  NETWORKS.forEach((arch, k) => {
    it(`${arch.sizes.join('-')} ${arch.activations.join('/')} ${arch.cost} λ = ${arch.lambda}: J and every ∂J/∂θ to 1e-9`, () => {
      const { theta, X, Y, m } = problem(arch, 7, 100 + k);
      const grad = new Float64Array(theta.length);
      const J = new NetworkEvaluator(arch, 7).costAndGradient(theta, { X, Y, m }, grad);
      const { cost, params } = scalarCost(arch, theta, X, Y, m);
      cost.backward();
      assert.ok(agrees(J, cost.data, 1e-9), `J ${J} vs ${cost.data}`);
      params.forEach((p: Value, i) => assert.ok(agrees(grad[i]!, p.grad, 1e-9), `θ[${i}]: ${grad[i]} vs ${p.grad}`));
    });
  });

  it('the autodiff itself: d/dx of (x + y)·z and of σ(w0x0 + w1x1 + w2), as in the lecture', () => {
    const x = new Value(-2), y = new Value(5), z = new Value(-4);
    const f = x.add(y).mul(z);
    f.backward();
    assert.deepEqual([f.data, x.grad, y.grad, z.grad], [-12, -4, -4, 3]);
    const w0 = new Value(2), x0 = new Value(-1), w1 = new Value(-3), x1 = new Value(-2), w2 = new Value(-3);
    const s = new Value(1).div(w0.mul(x0).add(w1.mul(x1)).add(w2).neg().exp().add(1));
    s.backward();
    assert.ok(Math.abs(x0.grad - 0.39322386648296376) < 1e-12);
    assert.ok(Math.abs(w0.grad - -0.19661193324148188) < 1e-12);
  });
});
