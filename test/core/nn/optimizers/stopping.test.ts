import assert from 'node:assert/strict';
import { optimizers, type Objective, type OptimizeOptions, type OptimizerName } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { leastSquares, logistic, rosenbrock, rosenbrockStart } from './problems';

const NAMES: OptimizerName[] = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'];
const m = 40;
const { objective } = logistic(m, false, 13);
const theta0 = Float64Array.of(0.3, 0.1, -0.2);

/** Options for `name`: mini-batches of 8 for momentum and adam. */
function optionsFor(name: OptimizerName, extra: Partial<OptimizeOptions>): OptimizeOptions {
  const miniBatch = name === 'momentum' || name === 'adam';
  return { maxIterations: 100, learningRate: 0.1, batchSize: miniBatch ? 8 : 'all', examples: m, rng: createRng(4), ...extra };
}

describe('cancellation (an AbortSignal-like flag)', () => {
  for (const name of NAMES) {
    it(`${name}: aborted inside onIteration at iteration 3 → stops after it, iterations 3`, () => {
      const signal = { aborted: false };
      let after = 0, calls = 0, evaluationsAt3 = 0;
      let theta3: number[] = [];
      const counting: Objective = (theta, grad, batch) => {
        calls++;
        return objective(theta, grad, batch);
      };
      const result = optimizers[name](counting, theta0, optionsFor(name, {
        signal,
        onIteration: (r) => {
          if (signal.aborted) after++;
          if (r.iteration === 3) {
            signal.aborted = true;
            evaluationsAt3 = calls;
            theta3 = Array.from(r.theta);
          }
        },
      }));
      assert.equal(result.reason, 'cancelled');
      assert.equal(result.iterations, 3);
      assert.equal(after, 0);
      assert.equal(calls, evaluationsAt3, 'no objective call after the abort');
      assert.equal(result.evaluations, calls);
      assert.deepEqual(Array.from(result.theta), theta3);
    });

    it(`${name}: aborted inside an objective call → no further call`, () => {
      const signal = { aborted: false };
      let calls = 0;
      const abortingAt = 5;
      const aborting: Objective = (theta, grad, batch) => {
        calls++;
        if (calls === abortingAt) signal.aborted = true;
        return objective(theta, grad, batch);
      };
      const result = optimizers[name](aborting, theta0, optionsFor(name, { signal }));
      assert.equal(result.reason, 'cancelled');
      assert.equal(calls, abortingAt);
      assert.ok(result.theta.every(Number.isFinite));
    });

    it(`${name}: already aborted → 0 iterations, θ0`, () => {
      const result = optimizers[name](objective, theta0, optionsFor(name, { signal: { aborted: true } }));
      assert.equal(result.reason, 'cancelled');
      assert.equal(result.iterations, 0);
      assert.deepEqual(result.theta, theta0);
      assert.equal(result.evaluations, 0);
    });

    it(`${name}: onIteration 'stop' at iteration 2 → reason 'stopped', iterations 2`, () => {
      const result = optimizers[name](objective, theta0, optionsFor(name, { onIteration: (r) => (r.iteration === 2 ? 'stop' : undefined) }));
      assert.equal(result.reason, 'stopped');
      assert.equal(result.iterations, 2);
    });

    it(`${name}: runs maxIterations when nothing else stops it`, () => {
      const result = optimizers[name](objective, theta0, optionsFor(name, { maxIterations: 7, tolerance: 0 }));
      assert.equal(result.reason, 'max-iterations');
      assert.equal(result.iterations, 7);
    });
  }

  it('lbfgs: aborted in the middle of a line search returns the iterate before it', () => {
    // In iteration 2, the first trial returns +Infinity (so the search must go on) and aborts.
    const signal = { aborted: false };
    let calls = 0, callsAfter1 = -1;
    let theta1: number[] = [];
    const watching: Objective = (theta, grad) => {
      calls++;
      if (callsAfter1 >= 0 && calls === callsAfter1 + 1) {
        signal.aborted = true;
        return Infinity;
      }
      return rosenbrock(theta, grad);
    };
    const result = optimizers.lbfgs(watching, rosenbrockStart(2), {
      maxIterations: 100, signal,
      onIteration: (r) => {
        if (r.iteration === 1) {
          callsAfter1 = r.evaluations;
          theta1 = Array.from(r.theta);
        }
      },
    });
    assert.equal(result.reason, 'cancelled');
    assert.equal(calls, callsAfter1 + 1, 'stopped right after the aborting call');
    assert.equal(result.iterations, 1);
    assert.deepEqual(Array.from(result.theta), theta1);
  });
});

describe('convergence by tolerance', () => {
  const ls = leastSquares(40, 4, 2);
  for (const name of NAMES) {
    it(`${name}: reason 'converged' before maxIterations`, () => {
      const result = optimizers[name](ls.objective, new Float64Array(4), { maxIterations: 5000, tolerance: 1e-6, learningRate: 0.05 });
      assert.equal(result.reason, 'converged');
      assert.ok(result.iterations < 5000);
      assert.ok(result.convergedBy === 'gradient' || result.convergedBy === 'cost');
    });
  }

  it('the gradient test: ‖∇J(θ_k)‖ ≤ τ at the reported iterate', () => {
    const result = optimizers.lbfgs(ls.objective, new Float64Array(4), { maxIterations: 500, tolerance: 1e-4, onIteration: () => undefined });
    const g = new Float64Array(4);
    ls.objective(result.theta, g);
    if (result.convergedBy === 'gradient') assert.ok(Math.hypot(...g) <= 1e-4);
    else assert.equal(result.convergedBy, 'cost');
  });

  it('already at the minimum → converged after 0 iterations', () => {
    const result = optimizers.lbfgs(ls.objective, ls.thetaStar, { maxIterations: 10, tolerance: 1e-9 });
    assert.equal(result.reason, 'converged');
    assert.equal(result.iterations, 0);
  });

  it('a rising cost never counts as convergence (gd with too large a step diverges)', () => {
    const result = optimizers.gd(ls.objective, new Float64Array(4), { maxIterations: 20, tolerance: 1e-3, learningRate: 5 });
    assert.notEqual(result.reason, 'converged');
  });

  it('invalid options throw RangeError', () => {
    assert.throws(() => optimizers.gd(ls.objective, new Float64Array(4), { maxIterations: 1, learningRate: 0 }), RangeError);
    assert.throws(() => optimizers.momentum(ls.objective, new Float64Array(4), { maxIterations: 1, momentum: 1 }), RangeError);
    assert.throws(() => optimizers.adam(ls.objective, new Float64Array(4), { maxIterations: 1, batchSize: 4 }), RangeError);
    assert.throws(() => optimizers.lbfgs(ls.objective, new Float64Array(4), { maxIterations: 1, tolerance: -1 }), RangeError);
  });
});
