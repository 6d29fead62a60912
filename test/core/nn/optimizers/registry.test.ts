import assert from 'node:assert/strict';
import { optimizers, type IterationReport, type Objective } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { OPTIMIZERS } from '../../../../src/core/spec/schema';
import { logistic, rosenbrock } from './problems';

describe('optimizers registry', () => {
  it('has exactly the names of the .nnspec format', () => {
    assert.deepEqual(Object.keys(optimizers).sort(), [...OPTIMIZERS].sort());
  });

  const m = 30;
  const { objective } = logistic(m, false, 17);
  for (const name of OPTIMIZERS) {
    it(`${name}: returns a new θ, leaves θ0 alone, and reports consistent progress`, () => {
      const theta0 = Float64Array.of(0.2, -0.1, 0.4);
      const reports: { iteration: number; cost: number; gradNorm: number; evaluations: number; norm: number; theta: number[] }[] = [];
      const result = optimizers[name](objective, theta0, {
        maxIterations: 6, learningRate: 0.1, batchSize: name === 'momentum' || name === 'adam' ? 7 : 'all', examples: m, rng: createRng(3),
        onIteration: (r: IterationReport) => {
          reports.push({ iteration: r.iteration, cost: r.cost, gradNorm: r.gradNorm, evaluations: r.evaluations, norm: Math.hypot(...r.gradient), theta: Array.from(r.theta) });
        },
      });
      assert.notEqual(result.theta, theta0);
      assert.deepEqual(Array.from(theta0), [0.2, -0.1, 0.4]);
      assert.equal(result.reason, 'max-iterations');
      assert.deepEqual(reports.map((r) => r.iteration), [1, 2, 3, 4, 5, 6]);
      for (let k = 0; k < reports.length; k++) {
        const r = reports[k]!;
        assert.ok(Math.abs(r.gradNorm - r.norm) <= 1e-12 * r.norm, 'gradNorm = ‖gradient‖');
        if (k > 0) assert.ok(r.evaluations > reports[k - 1]!.evaluations);
      }
      const last = reports[5]!;
      assert.deepEqual(Array.from(result.theta), last.theta);
      assert.equal(result.cost, last.cost);
      assert.equal(result.evaluations, last.evaluations);
      if (name !== 'momentum' && name !== 'adam') {
        // Full batch: the reported cost and gradient are J and ∇J at the reported θ.
        const g = new Float64Array(3);
        assert.equal(objective(result.theta, g), last.cost);
        assert.equal(Math.hypot(...g), last.norm);
      }
    });
  }

  for (const name of ['cg', 'lbfgs'] as const) {
    it(`${name}: a wrong gradient (pointing uphill) ends 'converged' by 'no-progress' at θ0`, () => {
      const wrong: Objective = (theta, grad) => {
        const J = rosenbrock(theta, grad);
        for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
        return J;
      };
      const result = optimizers[name](wrong, Float64Array.of(-1.2, 1), { maxIterations: 10 });
      assert.equal(result.reason, 'converged');
      assert.equal(result.convergedBy, 'no-progress');
      assert.equal(result.iterations, 0);
      assert.deepEqual(Array.from(result.theta), [-1.2, 1]);
    });
  }
});
