import assert from 'node:assert/strict';
import { optimizers, type Objective } from '../../../../src/core/nn/optimizers';
import { createRng } from '../../../../src/core/nn/rng';
import { logistic, maxAbsDiff, sigmoid } from './problems';

/** Newton's method with the exact Hessian (1/m) Σ h(1 − h) x̃x̃ᵀ, x̃ = [1, x]: an independent oracle. */
function newton(X: Float64Array, y: Float64Array, objective: Objective): Float64Array {
  const theta = new Float64Array(3), g = new Float64Array(3), m = y.length;
  for (let it = 0; it < 50; it++) {
    objective(theta, g);
    const H = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (let i = 0; i < m; i++) {
      const xt = [1, X[2 * i]!, X[2 * i + 1]!];
      const h = sigmoid(theta[0]! * xt[0]! + theta[1]! * xt[1]! + theta[2]! * xt[2]!);
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) H[r]![c]! += (h * (1 - h) * xt[r]! * xt[c]!) / m;
    }
    const step = solve3(H, [g[0]!, g[1]!, g[2]!]);
    for (let j = 0; j < 3; j++) theta[j] = theta[j]! - step[j]!;
  }
  return theta;
}

/** Cramer's rule for a 3 × 3 system. */
function solve3(A: number[][], b: number[]): number[] {
  const det = (M: number[][]) =>
    M[0]![0]! * (M[1]![1]! * M[2]![2]! - M[1]![2]! * M[2]![1]!) -
    M[0]![1]! * (M[1]![0]! * M[2]![2]! - M[1]![2]! * M[2]![0]!) +
    M[0]![2]! * (M[1]![0]! * M[2]![1]! - M[1]![1]! * M[2]![0]!);
  const d = det(A);
  return [0, 1, 2].map((j) => det(A.map((row, r) => row.map((v, c) => (c === j ? b[r]! : v)))) / d);
}

function accuracy(theta: Float64Array, X: Float64Array, y: Float64Array): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    const z = theta[0]! + theta[1]! * X[2 * i]! + theta[2]! * X[2 * i + 1]!;
    if ((z >= 0 ? 1 : 0) === y[i]) right++;
  }
  return right / y.length;
}

describe('logistic regression written by hand', () => {
  const m = 60;

  describe('non-separable data: a unique minimum, found by Newton', () => {
    const { objective, X, y } = logistic(m, false, 3);
    const thetaHat = newton(X, y, objective);
    const gradient = new Float64Array(3);
    const Jhat = objective(thetaHat, gradient);

    it('the oracle is a stationary point', () => {
      assert.ok(Math.hypot(...gradient) < 1e-12);
    });

    for (const name of ['cg', 'lbfgs'] as const) {
      it(`${name} reaches it to 1e-6`, () => {
        const result = optimizers[name](objective, new Float64Array(3), { maxIterations: 200, tolerance: 1e-14 });
        assert.equal(result.reason, 'converged');
        assert.ok(maxAbsDiff(result.theta, thetaHat) < 1e-6, `${maxAbsDiff(result.theta, thetaHat)}`);
        assert.ok(Math.abs(result.cost - Jhat) < 1e-12);
      });
    }

    for (const [name, learningRate, batchSize] of [['gd', 1, 'all'], ['momentum', 0.1, 'all'], ['momentum', 0.05, 10], ['adam', 0.05, 'all'], ['adam', 0.01, 10]] as const) {
      it(`${name} (α ${learningRate}, batch ${batchSize}) gets close`, () => {
        const result = optimizers[name](objective, new Float64Array(3), { maxIterations: 1000, learningRate, batchSize, examples: m, rng: createRng(9) });
        const J = objective(result.theta, new Float64Array(3));
        assert.ok(J - Jhat < 1e-3, `J − Ĵ = ${J - Jhat}`);
        assert.ok(maxAbsDiff(result.theta, thetaHat) < 0.1, `${maxAbsDiff(result.theta, thetaHat)}`);
      });
    }
  });

  describe('separable data: J → 0 as ‖θ‖ → ∞, never NaN', () => {
    const { objective, X, y } = logistic(m, true, 4);
    for (const name of ['gd', 'momentum', 'adam', 'cg', 'lbfgs'] as const) {
      it(`${name} classifies every example and drives J toward 0`, () => {
        const result = optimizers[name](objective, new Float64Array(3), { maxIterations: 300, learningRate: 0.5, tolerance: 1e-12 });
        assert.notEqual(result.reason, 'not-finite');
        assert.ok(result.theta.every(Number.isFinite));
        assert.equal(accuracy(result.theta, X, y), 1);
        assert.ok(result.cost < 0.01, `J = ${result.cost}`);
      });
    }
  });
});
