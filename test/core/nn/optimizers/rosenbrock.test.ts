import assert from 'node:assert/strict';
import { optimizers } from '../../../../src/core/nn/optimizers';
import { maxAbsDiff, rosenbrock, rosenbrockStart } from './problems';

describe('cg and lbfgs on Rosenbrock from the standard start (−1.2, 1, …)', () => {
  for (const n of [2, 10]) {
    for (const name of ['cg', 'lbfgs'] as const) {
      it(`${name} reaches the minimum (1, …, 1) in ${n}-D to 1e-6`, () => {
        let previous = Infinity;
        const result = optimizers[name](rosenbrock, rosenbrockStart(n), {
          maxIterations: 500,
          tolerance: 1e-15,
          onIteration: (r) => {
            assert.ok(r.cost < previous, `J must decrease at every iteration (${r.iteration})`);
            previous = r.cost;
          },
        });
        assert.equal(result.reason, 'converged');
        assert.ok(maxAbsDiff(result.theta, new Float64Array(n).fill(1)) < 1e-6, `${maxAbsDiff(result.theta, new Float64Array(n).fill(1))}`);
        assert.ok(result.cost < 1e-12);
        assert.ok(Math.abs(result.initialCost - (n / 2) * 24.2) < 1e-12);
        if (name === 'lbfgs') assert.ok(result.evaluations <= 1.5 * result.iterations, `${result.evaluations} evaluations for ${result.iterations} iterations`);
      });
    }
  }
});
