import assert from 'node:assert/strict';
import { optimizers, type OptimizeOptions } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { leastSquares, maxAbsDiff } from './problems';

describe('optimizers on a convex quadratic (least squares, minimum J = 0 at θ*)', () => {
  const m = 40, n = 5;
  const { objective, thetaStar } = leastSquares(m, n, 11);
  const theta0 = new Float64Array(n);
  const J0 = objective(theta0, new Float64Array(n));

  /** Runs an optimiser and checks that the reported costs never make θ0 worse and end near 0. */
  function solve(name: keyof typeof optimizers, options: Partial<OptimizeOptions>) {
    const costs: number[] = [];
    const result = optimizers[name](objective, theta0, {
      maxIterations: 200, examples: m, rng: createRng(1), ...options,
      onIteration: (r) => void costs.push(r.cost),
    });
    assert.equal(result.iterations, costs.length);
    assert.ok(costs.every((c) => c < J0), `${name}: a cost above J(θ0)`);
    assert.ok(theta0.every((v) => v === 0), 'θ0 untouched');
    return { result, costs };
  }

  it('cg reaches θ* to 1e-8 in about n iterations', () => {
    const { result } = solve('cg', { tolerance: 1e-20 });
    assert.ok(maxAbsDiff(result.theta, thetaStar) < 1e-8, `${maxAbsDiff(result.theta, thetaStar)}`);
    assert.ok(result.iterations <= 4 * n, `iterations ${result.iterations}`);
    assert.equal(result.reason, 'converged');
  });

  it('lbfgs reaches θ* to 1e-8 in about n iterations, ~1 evaluation each', () => {
    const { result } = solve('lbfgs', { tolerance: 1e-20 });
    assert.ok(maxAbsDiff(result.theta, thetaStar) < 1e-8, `${maxAbsDiff(result.theta, thetaStar)}`);
    assert.ok(result.iterations <= 4 * n, `iterations ${result.iterations}`);
    assert.ok(result.evaluations <= 1.5 * result.iterations + 2, `evaluations ${result.evaluations} for ${result.iterations} iterations`);
  });

  it('gd decreases J monotonically and approaches θ*', () => {
    const { result, costs } = solve('gd', { learningRate: 0.05, maxIterations: 3000 });
    for (let k = 1; k < costs.length; k++) assert.ok(costs[k]! <= costs[k - 1]! + 1e-15, `J rose at ${k + 1}`);
    assert.ok(maxAbsDiff(result.theta, thetaStar) < 1e-4, `${maxAbsDiff(result.theta, thetaStar)}`);
  });

  it('momentum approaches θ*, full batch and mini-batches', () => {
    for (const batchSize of ['all', 8] as const) {
      const { result } = solve('momentum', { learningRate: 0.01, momentum: 0.9, batchSize, maxIterations: 1000 });
      assert.ok(maxAbsDiff(result.theta, thetaStar) < 1e-4, `batch ${batchSize}: ${maxAbsDiff(result.theta, thetaStar)}`);
    }
  });

  it('adam approaches θ*, full batch and mini-batches', () => {
    for (const batchSize of ['all', 8] as const) {
      const { result } = solve('adam', { learningRate: 0.01, batchSize, maxIterations: 2000 });
      assert.ok(maxAbsDiff(result.theta, thetaStar) < 1e-2, `batch ${batchSize}: ${maxAbsDiff(result.theta, thetaStar)}`);
    }
  });

  it('mini-batch epochs call the objective once per batch, with every example once per epoch', () => {
    const seen: number[] = [];
    const counting: typeof objective = (theta, grad, batch) => {
      assert.ok(batch !== undefined);
      seen.push(...batch);
      return objective(theta, grad, batch);
    };
    const result = optimizers.adam(counting, theta0, { maxIterations: 3, batchSize: 16, examples: m, rng: createRng(5) });
    assert.equal(result.evaluations, 3 * Math.ceil(m / 16));
    for (let epoch = 0; epoch < 3; epoch++) {
      const ids = seen.slice(epoch * m, (epoch + 1) * m).sort((a, b) => a - b);
      assert.deepEqual(ids, Array.from({ length: m }, (_, i) => i));
    }
  });
});
