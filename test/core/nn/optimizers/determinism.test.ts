import assert from 'node:assert/strict';
import { optimizers, type OptimizerName } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { logistic } from './problems';

describe('determinism: the same seed gives the same trajectory', () => {
  const m = 50;
  const { objective } = logistic(m, false, 21);

  /** Every iterate and every batch, as plain arrays. */
  function trajectory(name: OptimizerName, seed: number): { thetas: number[][]; batches: number[][] } {
    const thetas: number[][] = [], batches: number[][] = [];
    const recording: typeof objective = (theta, grad, batch) => {
      if (batch) batches.push(Array.from(batch));
      return objective(theta, grad, batch);
    };
    optimizers[name](recording, Float64Array.of(0.1, -0.2, 0.3), {
      maxIterations: 5, learningRate: 0.05, batchSize: 7, examples: m, rng: createRng(seed),
      onIteration: (r) => void thetas.push(Array.from(r.theta)),
    });
    return { thetas, batches };
  }

  for (const name of ['momentum', 'adam'] as const) {
    it(`${name}: identical iterates and batches for one seed, different batches for another`, () => {
      const a = trajectory(name, 123), b = trajectory(name, 123), c = trajectory(name, 124);
      assert.equal(a.thetas.length, 5);
      assert.deepEqual(a.thetas, b.thetas);
      assert.deepEqual(a.batches, b.batches);
      assert.notDeepEqual(a.batches, c.batches);
      assert.notDeepEqual(a.thetas, c.thetas);
    });

    it(`${name}: each epoch is reshuffled`, () => {
      const { batches } = trajectory(name, 5);
      const perEpoch = Math.ceil(m / 7);
      assert.notDeepEqual(batches.slice(0, perEpoch), batches.slice(perEpoch, 2 * perEpoch));
    });
  }

  for (const name of ['gd', 'cg', 'lbfgs'] as const) {
    it(`${name}: no randomness, the same trajectory twice`, () => {
      assert.deepEqual(trajectory(name, 1).thetas, trajectory(name, 2).thetas);
    });
  }
});
