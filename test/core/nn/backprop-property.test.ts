import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';
import type { ActivationName, CostName } from '../../../src/core/spec/schema';

const HIDDEN: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear'];
const OUTPUT: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'];
const COSTS: CostName[] = ['cross-entropy', 'squared-error'];

const network = fc.record({
  input: fc.integer({ min: 1, max: 4 }),
  hidden: fc.array(fc.record({ units: fc.integer({ min: 1, max: 6 }), g: fc.constantFrom(...HIDDEN) }), { minLength: 1, maxLength: 4 }),
  output: fc.integer({ min: 1, max: 4 }),
  g: fc.constantFrom(...OUTPUT),
  cost: fc.constantFrom(...COSTS),
  lambda: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
  m: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('backpropagation agrees with central differences on random networks (property)', () => {
  it('every activation × cost, 1–4 hidden layers of 1–6 units, random λ: |num − bp| ≤ 1e-6·(1 + |num|)', () => {
    let checked = 0;
    fc.assert(
      fc.property(network, (p) => {
        const arch: Architecture = {
          sizes: [p.input, ...p.hidden.map((h) => h.units), p.output],
          activations: [...p.hidden.map((h) => h.g), p.g],
          cost: p.cost,
          lambda: p.lambda,
        };
        const rng = createRng(p.seed);
        const K = p.output;
        const theta = new Float64Array(parameterCount(arch.sizes)).map(() => 2 * rng.next() - 1);
        if (p.cost === 'cross-entropy' && p.g !== 'sigmoid' && p.g !== 'softmax') {
          // Cross-entropy needs outputs in (0, 1): start the output layer near a = 0.5.
          const cols = p.hidden.at(-1)!.units + 1, start = theta.length - K * cols;
          for (let k = start; k < theta.length; k++) theta[k] = (k - start) % cols === 0 ? 0.5 : 0.1 * theta[k]!;
        }
        const X = new Float64Array(p.m * p.input).map(() => 2 * rng.next() - 1);
        const Y = new Float64Array(p.m * K);
        for (let i = 0; i < p.m; i++) {
          if (p.cost === 'squared-error') for (let k = 0; k < K; k++) Y[i * K + k] = 2 * rng.next() - 1;
          else if (p.g === 'softmax') Y[i * K + rng.nextInt(K)] = 1;
          else for (let k = 0; k < K; k++) Y[i * K + k] = rng.nextInt(2);
        }
        const data = { X, Y, m: p.m };
        const ev = new NetworkEvaluator(arch, p.m);
        // Stay away from where the cost is not differentiable: relu kinks, and the clamp of
        // cross-entropy on outputs that are not probabilities.
        for (let i = 0; i < p.m; i++) {
          const t = ev.trace(theta, data, i);
          for (let l = 1; l < arch.sizes.length; l++) {
            if (arch.activations[l - 1] === 'relu' && t.z[l]!.some((z) => Math.abs(z) < 1e-3)) return true;
          }
          const h = t.a[arch.sizes.length - 1]!;
          if (p.cost === 'cross-entropy' && p.g !== 'sigmoid' && p.g !== 'softmax' && h.some((a) => a < 0.02 || a > 0.98)) return true;
        }
        const grad = new Float64Array(theta.length);
        ev.costAndGradient(theta, data, grad);
        const eps = 1e-5;
        for (let k = 0; k < theta.length; k++) {
          const t = theta[k]!;
          theta[k] = t + eps;
          const plus = ev.cost(theta, data);
          theta[k] = t - eps;
          const minus = ev.cost(theta, data);
          theta[k] = t;
          const num = (plus - minus) / (2 * eps);
          assert.ok(Math.abs(num - grad[k]!) <= 1e-6 * (1 + Math.abs(num)), `${JSON.stringify(arch)} θ[${k}]: ${num} vs ${grad[k]}`);
        }
        checked++;
        return true;
      }),
      { numRuns: 400, seed: 20261128 },
    );
    assert.ok(checked > 300, `only ${checked} of 400 networks were away from kinks and clamps`);
  });
});
