import assert from 'node:assert/strict';
import { optimizers, type Objective, type OptimizeResult, type OptimizerName } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { logistic } from './problems';

const NAMES: OptimizerName[] = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'];

/**
 * Runs `name` on logistic regression, poisoned from iteration `k` on: every evaluation
 * during iteration k and after returns NaN cost (`where` = 'cost') or puts +Infinity in
 * gradient entry 2. Records the last parameters that were evaluated finitely and the
 * iterates the optimiser reported.
 */
function poisoned(name: OptimizerName, k: number, where: 'cost' | 'gradient', batchSize: number | 'all' = 'all') {
  const m = 40;
  const { objective } = logistic(m, false, 8);
  let poison = k <= 1;
  let lastFinite: number[] = [];
  const reported: number[][] = [];
  const wrapped: Objective = (theta, grad, batch) => {
    const J = objective(theta, grad, batch);
    if (!poison) {
      lastFinite = Array.from(theta);
      return J;
    }
    if (where === 'gradient') grad[2] = Infinity;
    return where === 'cost' ? NaN : J;
  };
  const result = optimizers[name](wrapped, Float64Array.of(0.5, -0.5, 0.25), {
    maxIterations: 50, learningRate: 0.1, batchSize, examples: m, rng: createRng(2),
    onIteration: (r) => {
      reported.push(Array.from(r.theta));
      if (r.iteration === k - 1) poison = true;
    },
  });
  return { result, lastFinite, reported };
}

function assertStoppedAt(result: OptimizeResult, k: number, where: 'cost' | 'gradient'): void {
  assert.equal(result.reason, 'not-finite');
  assert.equal(result.iterations, k - 1);
  assert.equal(result.notFinite?.iteration, k);
  assert.equal(result.notFinite?.where, where);
  if (where === 'gradient') assert.equal(result.notFinite?.index, 2);
  assert.ok(result.theta.every(Number.isFinite), 'θ finite');
}

describe('NaN or infinite cost or gradient: stop at once, keep the last finite parameters', () => {
  for (const name of NAMES) {
    for (const where of ['cost', 'gradient'] as const) {
      it(`${name}: ${where} not finite from iteration 4 → stops at 4 with θ of iteration 3`, () => {
        const { result, lastFinite, reported } = poisoned(name, 4, where);
        assertStoppedAt(result, 4, where);
        assert.deepEqual(Array.from(result.theta), lastFinite);
        assert.deepEqual(Array.from(result.theta), reported[2]);
        assert.equal(reported.length, 3);
      });
    }

    it(`${name}: not finite from the start → iteration 0, θ0 returned`, () => {
      for (const batchSize of ['all', 8] as const) {
        const { result } = poisoned(name, 1, 'gradient', batchSize);
        assert.equal(result.reason, 'not-finite');
        assert.deepEqual(result.notFinite, { iteration: 0, where: 'gradient', index: 2 });
        assert.equal(result.iterations, 0);
        assert.deepEqual(Array.from(result.theta), [0.5, -0.5, 0.25]);
      }
    });
  }

  for (const name of ['momentum', 'adam'] as const) {
    it(`${name} with mini-batches: stops in the epoch, θ = the last finitely evaluated parameters`, () => {
      const { result, lastFinite } = poisoned(name, 3, 'gradient', 8);
      assertStoppedAt(result, 3, 'gradient');
      assert.deepEqual(Array.from(result.theta), lastFinite);
    });
  }

  it('a NaN at θ0 itself is iteration 0', () => {
    for (const name of NAMES) {
      const result = optimizers[name](() => NaN, Float64Array.of(1, 2), { maxIterations: 5 });
      assert.equal(result.reason, 'not-finite');
      assert.deepEqual(result.notFinite, { iteration: 0, where: 'cost' });
      assert.equal(result.iterations, 0);
      assert.deepEqual(Array.from(result.theta), [1, 2]);
    }
  });

  it('gd with a step that overflows θ stops before writing it', () => {
    const huge: Objective = (theta, grad) => {
      grad.fill(1e308);
      return theta[0]!;
    };
    const result = optimizers.gd(huge, Float64Array.of(0), { maxIterations: 5, learningRate: 10 });
    assert.equal(result.reason, 'not-finite');
    assert.deepEqual(result.notFinite, { iteration: 1, where: 'gradient', index: 0 });
    assert.deepEqual(Array.from(result.theta), [0]);
  });

  it('cg and lbfgs step back from a region where J overflows, and still converge', () => {
    // J = ½‖θ − 3‖² inside |θ_i| < 3.5, +Infinity outside; from (2.9, 2.9) the first trial (length 1) lands outside.
    let walls = 0;
    const walled: Objective = (theta, grad) => {
      let J = 0;
      for (let i = 0; i < theta.length; i++) {
        if (Math.abs(theta[i]!) >= 3.5) {
          walls++;
          return Infinity;
        }
        grad[i] = theta[i]! - 3;
        J += 0.5 * grad[i]! ** 2;
      }
      return J;
    };
    for (const name of ['cg', 'lbfgs'] as const) {
      walls = 0;
      const result = optimizers[name](walled, Float64Array.of(2.9, 2.9), { maxIterations: 50, tolerance: 1e-12 });
      assert.ok(walls > 0, `${name} never hit the wall`);
      assert.equal(result.reason, 'converged', name);
      assert.ok(Math.abs(result.theta[0]! - 3) < 1e-6 && Math.abs(result.theta[1]! - 3) < 1e-6, `${name}: ${result.theta}`);
    }
  });
});
