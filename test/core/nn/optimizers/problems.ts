/** Test objectives with known minima, written by hand (independent of the network code). */
import { createRng } from '../../../../src/core/nn/rng';
import type { Objective } from '../../../../src/core/nn/optimizers';

/**
 * Least squares J(θ) = 1/(2|B|) Σ_(i∈B) (x_iᵀθ − y_i)² with y_i = x_iᵀθ*, so the minimum is
 * J(θ*) = 0 at θ*; over a batch B or all m examples. x_i ~ N(0, 1) with a spread of scales.
 */
export function leastSquares(m: number, n: number, seed: number): { objective: Objective; thetaStar: Float64Array; X: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const X = new Float64Array(m * n);
  const thetaStar = new Float64Array(n);
  for (let j = 0; j < n; j++) thetaStar[j] = rng.nextGaussian();
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) X[i * n + j] = rng.nextGaussian() * (1 + j / 2);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += X[i * n + j]! * thetaStar[j]!;
    y[i] = s;
  }
  const objective: Objective = (theta, grad, batch) => {
    grad.fill(0);
    const count = batch ? batch.length : m;
    let J = 0;
    for (let b = 0; b < count; b++) {
      const i = batch ? batch[b]! : b;
      let r = -y[i]!;
      for (let j = 0; j < n; j++) r += X[i * n + j]! * theta[j]!;
      J += r * r;
      for (let j = 0; j < n; j++) grad[j] = grad[j]! + (r * X[i * n + j]!) / count;
    }
    return J / (2 * count);
  };
  return { objective, thetaStar, X, y };
}

/** Extended Rosenbrock (Moré, Garbow & Hillstrom no. 21): Σ over pairs of 100(x_(2i+1) − x_(2i)²)² + (1 − x_(2i))²; minimum 0 at (1, …, 1). */
export const rosenbrock: Objective = (x, g) => {
  let f = 0;
  for (let i = 0; i + 1 < x.length; i += 2) {
    const a = x[i]!, b = x[i + 1]!;
    const t = b - a * a, u = 1 - a;
    f += 100 * t * t + u * u;
    g[i] = -400 * a * t - 2 * u;
    g[i + 1] = 200 * t;
  }
  return f;
};

/** The standard start of (extended) Rosenbrock: (−1.2, 1, −1.2, 1, …). */
export function rosenbrockStart(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** σ(z) = 1 / (1 + e^(−z)) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Logistic regression on 2-D points with a bias: h = σ(θ0 + θ1 x1 + θ2 x2),
 * J = (1/|B|) Σ [−y log h − (1 − y) log(1 − h)] = (1/|B|) Σ [softplus(z) − y z]; ∇J = (1/|B|) Σ (h − y) [1, x].
 * Two Gaussian clouds around (±c, ±c); `separable` puts them far apart (c = 3, noise 0.5).
 */
export function logistic(m: number, separable: boolean, seed: number): { objective: Objective; X: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const X = new Float64Array(m * 2), y = new Float64Array(m);
  const c = separable ? 3 : 0.6, noise = separable ? 0.5 : 1;
  for (let i = 0; i < m; i++) {
    const label = i % 2;
    const sign = label === 1 ? 1 : -1;
    X[2 * i] = sign * c + noise * rng.nextGaussian();
    X[2 * i + 1] = sign * c + noise * rng.nextGaussian();
    y[i] = label;
  }
  const objective: Objective = (theta, grad, batch) => {
    grad.fill(0);
    const count = batch ? batch.length : m;
    let J = 0;
    for (let b = 0; b < count; b++) {
      const i = batch ? batch[b]! : b;
      const x1 = X[2 * i]!, x2 = X[2 * i + 1]!;
      const z = theta[0]! + theta[1]! * x1 + theta[2]! * x2;
      J += softplus(z) - y[i]! * z;
      const r = (sigmoid(z) - y[i]!) / count;
      grad[0] = grad[0]! + r;
      grad[1] = grad[1]! + r * x1;
      grad[2] = grad[2]! + r * x2;
    }
    return J / count;
  };
  return { objective, X, y };
}

/** max_i |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}
